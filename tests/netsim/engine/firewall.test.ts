import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  apply,
  bridgeNetworkRules,
  directAccessRules,
  installDaemonRules,
  publishedPortRules,
  removeDaemonRules,
  type GatewayMode,
} from '../../../src/netsim/engine/firewall';
import { formatRuleSpecs } from '../../../src/netsim/userland/iptables-save';
import type { TableName } from '../../../src/netsim/kernel/netfilter/rule';
import { parseCidr } from '../../../src/netsim/wire/cidr';
import { parseIpv4 } from '../../../src/netsim/wire/ipv4';
import { readGolden } from '../golden';
import { bootedKernel } from '../kernel/fixtures';

/**
 * moby's own golden files for its iptables firewaller (iptabler_test.go
 * TestIptabler at docker-v29.7.2): one network, one endpoint, one published
 * port, for each combination of the proxy (hairpin), ICC, masquerading,
 * gateway mode and a port on 127.0.0.1. DOCKER-USER is the daemon's, not the
 * firewaller's, so its lines are left out of the comparison.
 */
const GOLDENS = readdirSync(resolve(import.meta.dirname, '../golden/moby-iptabler')).filter(
  (name) => name.endsWith('.golden') && !name.startsWith('cleaned'),
);

function params(name: string): Record<string, string> {
  return Object.fromEntries(
    name
      .replace(/\.golden$/, '')
      .split(',')
      .map((pair) => pair.split('=') as [string, string]),
  );
}

/** The `-A` lines of one table of an iptables-save dump, in order. */
function appended(dump: string, table: TableName): string[] {
  const section = dump.split(/^\*/m).find((part) => part.startsWith(`${table}\n`)) ?? '';
  return section.split('\n').filter((line) => line.startsWith('-A ') && !line.includes('DOCKER-USER'));
}

describe('the firewall rules of a bridge network', () => {
  it.each(GOLDENS)('match moby for %s', (name) => {
    const p = params(name);
    const hairpin = p.hairpin === 'true';
    const gatewayMode = p.gwm as GatewayMode;
    const kernel = bootedKernel();
    installDaemonRules(kernel, { hairpin });
    const options = { internal: false, icc: p.icc === 'true', masquerade: p.masq === 'true', gatewayMode };
    apply(kernel, bridgeNetworkRules('br-dummy', parseCidr('192.168.0.0/24')!, options, { hairpin }), true);
    const endpoint = parseIpv4('192.168.0.2')!;
    apply(kernel, directAccessRules('br-dummy', endpoint, false, gatewayMode), true);
    // TestIptabler hands the firewaller host port 8080 even when routed (the routed port mapper, which zeroes it, is not in the test).
    const hostPort = 8080;
    const hostIp = p.bindlh === 'true' ? parseIpv4('127.0.0.1')! : undefined;
    apply(
      kernel,
      publishedPortRules(
        'br-dummy',
        { container: endpoint, containerPort: 80, hostIp, hostPort, protocol: 'tcp' },
        gatewayMode,
        { hairpin },
      ),
      true,
    );
    const golden = readGolden(`moby-iptabler/${name}`).stdout;
    for (const table of ['raw', 'filter', 'nat'] as const) {
      const lines = formatRuleSpecs(table, kernel.root.netfilter[table])
        .split('\n')
        .filter((line) => line.startsWith('-A ') && !line.includes('DOCKER-USER'));
      expect(lines, table).toEqual(appended(golden, table));
    }
  });

  it.each([true, false])(
    "leave the daemon's own rules once a network and its ports are gone (hairpin=%s)",
    (hairpin) => {
      const kernel = bootedKernel();
      installDaemonRules(kernel, { hairpin });
      const rules = bridgeNetworkRules(
        'br-dummy',
        parseCidr('192.168.0.0/24')!,
        { internal: false, icc: true, masquerade: true, gatewayMode: 'nat' },
        { hairpin },
      );
      const port = publishedPortRules(
        'br-dummy',
        {
          container: parseIpv4('192.168.0.2')!,
          containerPort: 80,
          hostIp: parseIpv4('127.0.0.1')!,
          hostPort: 8080,
          protocol: 'tcp',
        },
        'nat',
        { hairpin },
      );
      apply(kernel, [...rules, ...port], true);
      apply(kernel, [...rules, ...port], false);
      const golden = readGolden(`moby-iptabler/cleaned,hairpin=${hairpin}.golden`).stdout;
      for (const table of ['raw', 'filter', 'nat'] as const) {
        const lines = formatRuleSpecs(table, kernel.root.netfilter[table])
          .split('\n')
          .filter((line) => line.startsWith('-A ') && !line.includes('DOCKER-USER'));
        expect(lines, table).toEqual(appended(golden, table));
      }
    },
  );

  it("lose every rule of the daemon's chains and both forms of its nat jumps at the next start (removeIPChains)", () => {
    const kernel = bootedKernel();
    installDaemonRules(kernel, { hairpin: true });
    apply(
      kernel,
      bridgeNetworkRules(
        'br-dummy',
        parseCidr('192.168.0.0/24')!,
        { internal: false, icc: true, masquerade: true, gatewayMode: 'nat' },
        { hairpin: true },
      ),
      true,
    );
    removeDaemonRules(kernel);
    installDaemonRules(kernel, { hairpin: false });
    const golden = readGolden('moby-iptabler/cleaned,hairpin=false.golden').stdout;
    expect(
      formatRuleSpecs('nat', kernel.root.netfilter.nat)
        .split('\n')
        .filter((line) => line.startsWith('-A ') && !line.includes('POSTROUTING')),
    ).toEqual(appended(golden, 'nat'));
  });
});
