import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

interface Case {
  name: string;
  input: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** What real bash 5.2, coreutils 9, grep 3 and sudo printed for each line (golden/shell/capture.mjs). */
const { cases } = JSON.parse(readFileSync(resolve(import.meta.dirname, '../golden/shell/bash.json'), 'utf8')) as {
  cases: Case[];
};

describe('the host shell prints what bash and the GNU tools print', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, { input, stdout, stderr, exitCode }) => {
    const result = Host.create({ seed: 1 }).run(input);
    // The host user's shell is a login shell: its `exit` says `logout` (bash builtins/exit.def).
    expect({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }).toEqual({
      stdout,
      stderr: stderr.replace(/^exit\n/, 'logout\n'),
      exitCode,
    });
  });
});
