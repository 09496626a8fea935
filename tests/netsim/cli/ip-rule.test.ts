import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { readGolden } from '../golden';

describe('ip rule, against the captures of a new namespace', () => {
  it.each(['ip-rule', 'ip-rule-6', 'ip-rule-unknown'])('%s', (name) => {
    const golden = readGolden(`tools/${name}.txt`);
    const result = Host.create({ seed: 1 }).run(golden.command!.replace(/^user /, ''));
    expect(result.stdout).toBe(golden.stdout);
    expect(result.stderr).toBe(golden.stderr ?? '');
    expect(result.exitCode).toBe(golden.exitCode);
  });

  it('is the same in a container, a namespace of its own', () => {
    const host = Host.create({ seed: 1 });
    host.run('docker run -dit --name c nicolaka/netshoot');
    expect(host.run('docker exec c ip rule').stdout).toBe(readGolden('tools/ip-rule.txt').stdout);
  });
});

describe('ip monitor', () => {
  it('waits for events, of which a line run alone sees none, until Ctrl-C', () => {
    const result = Host.create({ seed: 1 }).run('ip monitor link');
    expect(result.output).toBe('^C');
    expect(result.exitCode).toBe(130);
  });
});
