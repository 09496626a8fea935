import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { readGolden } from '../golden';

/**
 * `type`, `nomaster`, `up` and the device word of `ip link show` / `ip addr show`
 * (iproute2 v6.15 ip/ipaddress.c ipaddr_list_flush_or_save and print_linkinfo):
 * each expected text is the real capture of the `full` layout (golden/linux) with
 * the entries the filter drops taken out. A bridge answers IFLA_INFO_KIND
 * `bridge`, a veth `veth` and, as a bridge port, IFLA_INFO_SLAVE_KIND `bridge`;
 * lo and the NIC answer no IFLA_LINKINFO, which match_link_kind refuses.
 */
function fullLayout(): Host {
  const host = Host.create();
  host.run('docker run -dit --name c1 alpine');
  host.run('docker run -dit --name c2 alpine');
  host.run('docker network create --subnet 172.18.0.0/16 net1');
  host.run('docker run -dit --network net1 --name c3 alpine');
  return host;
}

/** As in ip-goldens.test.ts: random MACs, link-local addresses, veth and bridge names, and the capture's NIC qdisc. */
function normalise(text: string): string {
  return text
    .replace(/([0-9a-f]{2}:){5}[0-9a-f]{2}/g, (mac) =>
      mac === '00:00:00:00:00:00' || mac === 'ff:ff:ff:ff:ff:ff' ? mac : 'MAC',
    )
    .replace(/fe80::[0-9a-f:]+\/64/g, 'LINKLOCAL/64')
    .replace(/veth[0-9a-f]{7}/g, 'VETH')
    .replace(/br-[0-9a-f]{12}/g, 'br-ID')
    .replace('qdisc pfifo_fast', 'qdisc fq_codel')
    .replace(/ proto kernel_l[lo] $/gm, ' ');
}

/** The entries of a capture (an entry starts with `N: `) whose index is kept, or the lines of a brief one whose name is. */
function keep(file: string, indices: number[]): string {
  const entries = readGolden(`linux/${file}`).stdout.split(/(?=^\d+: )/m);
  return entries.filter((entry) => indices.includes(Number(entry.split(':')[0]))).join('');
}
function keepBrief(file: string, names: RegExp): string {
  return readGolden(`linux/${file}`)
    .stdout.split(/(?<=\n)/)
    .filter((line) => names.test(line.split(' ')[0]!))
    .join('');
}

// In the capture: 1 lo, 2 eth0, 3 docker0, 4 and 5 the veths of c1 and c2, 6 net1's bridge, 7 c3's veth.
describe('ip link and ip addr filters on the full layout', () => {
  const host = fullLayout();
  const run = (line: string) => normalise(host.run(line).stdout);

  it.each([
    ['ip link show type bridge', 'host.ip-link.full.txt', [3, 6]],
    ['ip link show type veth', 'host.ip-link.full.txt', [4, 5, 7]],
    ['ip link show type bridge_slave', 'host.ip-link.full.txt', [4, 5, 7]],
    ['ip link show nomaster', 'host.ip-link.full.txt', [1, 2, 3, 6]],
    ['ip link show up', 'host.ip-link.full.txt', [1, 2, 3, 4, 5, 6, 7]],
    ['ip link show down', 'host.ip-link.full.txt', []],
    ['ip link show type dummy', 'host.ip-link.full.txt', []],
    ['ip link show type nosuchkind', 'host.ip-link.full.txt', []],
    ['ip link show docker0 type veth', 'host.ip-link.full.txt', []],
    ['ip link show dev docker0 type bridge', 'host.ip-link.full.txt', [3]],
    ['ip addr show type bridge', 'host.ip-addr.full.txt', [3, 6]],
    ['ip address show master docker0 type veth', 'host.ip-addr.full.txt', [4, 5]],
  ])('%s', (line, file, indices) => {
    expect(run(line)).toBe(normalise(keep(file, indices)));
  });

  it('keeps brief output to the filter too', () => {
    expect(run('ip -br link show type bridge')).toBe(
      normalise(keepBrief('host.ip-br-link.full.txt', /^(docker0|br-)/)),
    );
    expect(run('ip -br addr show type veth')).toBe(normalise(keepBrief('host.ip-br-addr.full.txt', /^veth/)));
    // -4: only the IPv4 addresses, and only links that have one.
    const bridgesV4 = keepBrief('host.ip-br-addr.full.txt', /^(docker0|br-)/).replace(/fe80::\S+ /g, '');
    expect(run('ip -br -4 addr show type bridge')).toBe(normalise(bridgesV4));
    expect(run('ip -br -4 addr show type veth')).toBe('');
  });

  it('takes any other word for the device, once', () => {
    expect(host.run('ip link show type')).toMatchObject({
      stderr: 'Command line is not complete. Try option "help"\n',
      exitCode: 255,
    });
    expect(host.run('ip link show bridge')).toMatchObject({
      stdout: '',
      stderr: 'Device "bridge" does not exist.\n',
      exitCode: 1,
    });
    // duparg2("dev", *argv): the second device name.
    expect(host.run('ip link show docker0 eth0')).toMatchObject({
      stdout: '',
      stderr: 'Error: either "dev" is duplicate, or "eth0" is garbage.\n',
      exitCode: 255,
    });
    expect(host.run('ip addr show dev')).toMatchObject({
      stderr: 'Command line is not complete. Try option "help"\n',
      exitCode: 255,
    });
  });
});
