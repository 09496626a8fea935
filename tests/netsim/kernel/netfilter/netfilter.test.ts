import { describe, expect, it } from 'vitest';
import { KernelError } from '../../../../src/netsim/kernel/errno';
import { Kernel } from '../../../../src/netsim/kernel/kernel';
import { BatchRejected } from '../../../../src/netsim/kernel/netfilter/netfilter';
import { natTo } from '../../../../src/netsim/kernel/netfilter/rule';
import { SeededRandom } from '../../../../src/netsim/random';
import { parseIpv4 } from '../../../../src/netsim/wire/ipv4';

const boot = () => Kernel.boot(SeededRandom.fromSeed(1));
const errnoOf = (change: () => void) => {
  try {
    change();
  } catch (error) {
    if (error instanceof KernelError) return { errno: error.errno, atCommit: error instanceof BatchRejected };
    throw error;
  }
  return undefined;
};

describe("the kernel's netfilter operations", () => {
  it('inserts many rules at the top at once as one at a time would: the last inserted first', () => {
    const specs = [80, 81, 82].map((port) => ({
      protocol: 'tcp' as const,
      destinationPort: port,
      target: { kind: 'ACCEPT' as const },
    }));
    const oneByOne = boot();
    const atOnce = boot();
    for (const kernel of [oneByOne, atOnce])
      kernel.netfilter(kernel.root).appendRule('filter', 'INPUT', { target: { kind: 'DROP' } });
    for (const spec of specs) oneByOne.netfilter(oneByOne.root).insertRule('filter', 'INPUT', spec, 1);
    atOnce.netfilter(atOnce.root).insertRulesFirst('filter', 'INPUT', specs);
    const rules = (kernel: Kernel) => kernel.netfilter(kernel.root).view.filter[0]!.rules.map((rule) => rule.spec);
    expect(rules(atOnce)).toEqual(rules(oneByOne));
    expect(rules(atOnce).map((spec) => spec.destinationPort ?? spec.target.kind)).toEqual([82, 81, 80, 'DROP']);
  });

  it('takes back a batch whose jump would loop, as the commit refuses it', () => {
    const kernel = boot();
    const tables = kernel.netfilter(kernel.root);
    tables.newChain('filter', 'A');
    tables.appendRule('filter', 'INPUT', { target: { kind: 'jump', chain: 'A' } });
    expect(
      errnoOf(() =>
        tables.insertRulesFirst('filter', 'A', [
          { target: { kind: 'ACCEPT' } },
          { target: { kind: 'jump', chain: 'A' } },
        ]),
      ),
    ).toEqual({ errno: 'EMLINK', atCommit: true });
    expect(tables.view.filter.find((chain) => chain.name === 'A')!.rules).toEqual([]);
  });

  it('flushes one chain or all, keeping chains and policies', () => {
    const kernel = boot();
    const tables = kernel.netfilter(kernel.root);
    tables.newChain('filter', 'USER');
    tables.appendRule('filter', 'USER', { target: { kind: 'ACCEPT' } });
    tables.appendRule('filter', 'INPUT', { target: { kind: 'jump', chain: 'USER' } });
    tables.setPolicy('filter', 'INPUT', 'DROP');
    tables.flushRules('filter', 'USER');
    expect(tables.view.filter.map((chain) => [chain.name, chain.rules.length])).toEqual([
      ['INPUT', 1],
      ['FORWARD', 0],
      ['OUTPUT', 0],
      ['USER', 0],
    ]);
    tables.flushRules('filter');
    expect(tables.view.filter.every((chain) => chain.rules.length === 0)).toBe(true);
    expect(tables.view.filter[0]!.policy).toBe('DROP');
  });

  it('deletes a rule by its number, E2BIG past the end (nft_rule_delete_num)', () => {
    const kernel = boot();
    const tables = kernel.netfilter(kernel.root);
    tables.appendRule('filter', 'INPUT', { target: { kind: 'ACCEPT' } });
    tables.appendRule('filter', 'INPUT', { target: { kind: 'DROP' } });
    expect(errnoOf(() => tables.deleteRuleAt('filter', 'INPUT', 3))).toEqual({ errno: 'E2BIG', atCommit: false });
    tables.deleteRuleAt('filter', 'INPUT', 1);
    expect(tables.view.filter[0]!.rules.map((rule) => rule.spec.target.kind)).toEqual(['DROP']);
  });

  it('refuses NAT outside the nat table and a looping jump at commit, leaving the chain as it was', () => {
    const kernel = boot();
    const tables = kernel.netfilter(kernel.root);
    expect(
      errnoOf(() =>
        tables.appendRule('filter', 'INPUT', { target: { kind: 'DNAT', to: natTo(parseIpv4('10.0.0.1')!) } }),
      ),
    ).toEqual({ errno: 'EINVAL', atCommit: true });
    tables.newChain('filter', 'A');
    tables.appendRule('filter', 'INPUT', { target: { kind: 'jump', chain: 'A' } });
    expect(errnoOf(() => tables.appendRule('filter', 'A', { target: { kind: 'jump', chain: 'A' } }))).toEqual({
      errno: 'EMLINK',
      atCommit: true,
    });
    expect(tables.view.filter.find((chain) => chain.name === 'A')!.rules).toEqual([]);
  });

  it('closes the sockets a predicate picks, and no others', () => {
    const kernel = boot();
    const socket = (port: number, pid: number) => ({
      protocol: 'tcp' as const,
      address: '0.0.0.0',
      port,
      v6Only: false,
      process: { name: 'p', pid, fd: 3 },
      service: { kind: 'dns' as const },
    });
    kernel.listenAll(kernel.root, [socket(80, 10), socket(81, 11)]);
    kernel.closeSocketsWhere(kernel.root, (open) => open.port === 80);
    expect(kernel.root.sockets.map((open) => open.port)).toEqual([81]);
  });

  it('shows its state read-only outside the kernel', () => {
    const kernel = boot();
    // @ts-expect-error: a chain's rules change only through Kernel.netfilter().
    kernel.root.netfilter.filter[0]!.rules = [];
    // @ts-expect-error: sockets open and close only through the kernel.
    kernel.root.sockets = [];
    expect(kernel.root.sockets).toEqual([]);
  });
});
