import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { readGolden } from '../golden';

const captures = readdirSync(resolve(import.meta.dirname, '../golden/linux')).filter((file) => file.endsWith('.txt'));

/** Real iproute2 errors captured in a Docker-like namespace (see golden/linux/README.md). */
const errorCases = captures
  .filter((file) => file.startsWith('host.ip-') && file.endsWith('.err.txt'))
  .map((file) => ({ file, golden: readGolden(`linux/${file}`) }))
  .filter(({ golden }) => /^ip (addr|address|a|ad|link|l|route|r|foo)\b(?! (add|del|set|get|flush))/.test(golden.command ?? ''));

describe('ip errors match real iproute2', () => {
  it('has captures to compare with', () => {
    expect(errorCases.length).toBeGreaterThanOrEqual(4);
  });

  it.each(errorCases.map(({ file, golden }) => [golden.command!, file, golden] as const))('%s (%s)', (command, _, golden) => {
    const result = Host.create().run(command);
    expect({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }).toEqual({ stdout: golden.stdout, stderr: golden.stderr, exitCode: golden.exitCode });
  });
});

describe('ip output matches real iproute2 for Docker\'s layout', () => {
  it('prints the routes of a host whose docker0 has no ports', () => {
    const golden = readGolden('linux/host.ip-route.docker0-empty.txt');
    expect(Host.create().run(golden.command!).stdout).toBe(golden.stdout);
  });
});
