import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { bridgeId } from '../../../src/netsim/format/ip-link-details';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stepsOf } from '../golden';
import { ipDetailsLab as lab } from '../ip-details-lab';

/**
 * `ip -d` against golden/linux/session.ip-details.txt: iproute2 v6.15.0 on a
 * Docker-like layout built by hand (layouts/session.ip-details.sh). The capture
 * kernel lacks CONFIG_BRIDGE_VLAN_FILTERING, which Debian's kernel has: there
 * br_fill_info also sends IFLA_BR_VLAN_PROTOCOL, _VLAN_DEFAULT_PVID,
 * _VLAN_STATS_ENABLED and _VLAN_STATS_PER_PORT, which bridge_print_opt prints
 * where `debianKernel` puts them. Timers count down with time and are compared
 * by the kernel's tests (tests/netsim/kernel/bridge-fdb.test.ts).
 */
const transcript = readFileSync(resolve(import.meta.dirname, '../golden/linux/session.ip-details.txt'), 'utf8');
const captured = (command: string) => stepsOf(transcript).find((step) => step.command === command)!;

const debianKernel = (text: string) =>
  text
    .replace(/vlan_filtering 0 /g, 'vlan_filtering 0 vlan_protocol 802.1Q ')
    .replace(
      /fdb_max_learned 0 /g,
      'fdb_max_learned 0 vlan_default_pvid 1 vlan_stats_enabled 0 vlan_stats_per_port 0 ',
    );
const withoutTimers = (text: string) => text.replace(/gc_timer +\d+\.\d\d /g, 'gc_timer T ');

describe('ip -d link and ip -d addr, as iproute2 6.15 prints them', () => {
  const host = lab();
  const cases: [string, string][] = [
    ['sudo ip -n lab -d link show', 'ip -d link show'],
    ['sudo ip -n lab -d link show docker0', 'ip -d link show docker0'],
    ['sudo ip -n lab -d link show type bridge', 'ip -d link show type bridge'],
    ['sudo ip -n lab -d link show type veth', 'ip -d link show type veth'],
    ['sudo ip -n lab -d link show master docker0', 'ip -d link show master docker0'],
    ['sudo ip -n lab -d -o link show docker0', 'ip -d -o link show docker0'],
    ['sudo ip -n lab -details link show lo', 'ip -details link show lo'],
    ['sudo ip -n lab -d addr show docker0', 'ip -d addr show docker0'],
    ['sudo ip -n lab -d addr show veth1a2b3c4', 'ip -d addr show veth1a2b3c4'],
    ['sudo ip -n lab -d -br link', 'ip -d -br link'],
    ['sudo ip -n c1 -d link', 'ip -n c1 -d link'],
    ['sudo ip -n c1 -d addr', 'ip -n c1 -d addr'],
  ];
  it.each(cases)('%s prints what `%s` printed', (line, command) => {
    const result = host.run(line);
    expect(result.stderr).toBe('');
    // The capture's host side was the unnamed initial namespace; here it is "lab", which iproute2 names (`link-netns lab`).
    const expected = debianKernel(captured(command).output).replace('link-netnsid 0', 'link-netns lab');
    // The capture disabled IPv6 on c1's eth0, as Docker does (sysctl, which netsim does not write): its link-local address is left out.
    const received = result.stdout.replace(
      '    inet6 fe80::42:acff:fe11:2/64 scope link proto kernel_ll \n       valid_lft forever preferred_lft forever\n',
      '',
    );
    expect(withoutTimers(received)).toBe(withoutTimers(expected));
  });

  it('keeps a NIC on the virtio bus, as `ip -d link show eth0` of a KVM guest prints it', () => {
    expect(Host.create().run('ip -d link show eth0').stdout).toMatch(
      / promiscuity 0 allmulti 0 minmtu 68 maxmtu 65535 addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 65536 tso_max_segs 65535 gro_max_size 65536 gso_ipv4_max_size 65536 gro_ipv4_max_size 65536 parentbus virtio parentdev virtio2 \n$/,
    );
  });

  it('refuses details it does not simulate, as before', () => {
    expect(Host.create().run('ip -d route')).toMatchObject({
      stderr: 'ip: option "-d" is not available in this simulator yet.\n',
      exitCode: 255,
    });
  });
});

describe('bridgeId', () => {
  it('prints the priority in four hex digits and the MAC as glibc ether_ntoa_r does, unpadded', () => {
    expect(bridgeId({ priority: 0x8000, mac: '02:42:6f:1c:3a:01' })).toBe('8000.2:42:6f:1c:3a:1');
    expect(bridgeId({ priority: 0x8000, mac: '3a:c9:74:31:a3:e1' })).toBe('8000.3a:c9:74:31:a3:e1');
  });
});
