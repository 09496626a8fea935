import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

interface Case {
  shell: 'dash' | 'busybox' | 'alpine';
  input: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** What real dash and BusyBox ash printed (golden/shell/capture.mjs, sh.json). */
const { cases } = JSON.parse(readFileSync(resolve(import.meta.dirname, '../golden/shell/sh.json'), 'utf8')) as {
  cases: Case[];
};

/** A fresh interactive shell of each kind, as a container starts it. */
const ENTER: Record<Case['shell'], string[]> = {
  dash: ['docker run -dit --name c debian', 'docker exec -it c sh'],
  busybox: ['docker run -it busybox'],
  alpine: ['docker run -it alpine'],
};

describe("containers' shells print what dash and BusyBox ash print", () => {
  it.each(cases.map((c) => [`${c.shell}: ${c.input}`, c] as const))(
    '%s',
    (_name, { shell, input, stdout, stderr, exitCode }) => {
      const host = Host.create({ seed: 2 });
      for (const line of ENTER[shell]) host.run(line);
      const result = host.run(input);
      expect({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }).toEqual({
        stdout,
        stderr,
        exitCode,
      });
    },
  );
});
