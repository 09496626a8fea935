import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { readGolden } from '../golden';

/** The namespace of golden/tools/capture-iptables-check.sh: a DOCKER chain and FORWARD -o docker0 -j DOCKER. */
function withForwardRule(): Host {
  const host = Host.create({ seed: 1 });
  host.run('sudo iptables -A FORWARD -o docker0 -j DOCKER');
  return host;
}

// nft.c nft_rule_check: ENOENT when no rule equals the one given, or when the chain is missing;
// nft_strerror words it as for -D. xshared.c: -C takes no rule number, so one is a stray argument.
describe('iptables -C, against the captures', () => {
  it.each(['iptables-C-present', 'iptables-C-absent', 'iptables-C-no-chain', 'iptables-C-rule-number'])('%s', (name) => {
    const golden = readGolden(`tools/${name}.txt`);
    const result = withForwardRule().run(`sudo ${golden.command}`);
    expect(result.stdout).toBe(golden.stdout);
    expect(result.stderr).toBe(golden.stderr ?? '');
    expect(result.exitCode).toBe(golden.exitCode);
  });

  it('finds the rules Docker wrote, as scripts check them before adding', () => {
    const host = Host.create({ seed: 1 });
    expect(host.run('sudo iptables -t nat -C POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE').exitCode).toBe(0);
    expect(host.run('sudo iptables --check FORWARD -j DOCKER-USER').exitCode).toBe(0);
  });
});
