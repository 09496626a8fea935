import { describe, expect, it } from 'vitest';
import type { Host } from '../../../src/netsim/index';
import { readGolden, sessionSteps } from '../golden';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(5);

/** `sudo nsenter -t PID -n COMMAND` in a container, as the captures ran their commands. */
function inside(host: Host, container: string, command: string) {
  const pid = host.run(`docker inspect -f '{{.State.Pid}}' ${container}`).stdout.trim();
  return host.run(`sudo nsenter -t ${pid} -n ${command}`);
}

/** The layout of golden/linux/layouts/session.ipv6.sh, built with the docker commands it replays. */
const V6NET = [
  'docker network create --ipv6 --subnet 2001:db8:1::/64 v6net',
  'docker run -d --network v6net --name c1 nginx',
  'docker run -d --network v6net --name c2 nginx',
];

/**
 * MACs (and the link-local addresses made from them), the bridge's name and the
 * ifindexes differ from the capture's; iproute2 6.1 of the capture prints no
 * `proto kernel_lo`/`kernel_ll`.
 */
function normalise(text: string): string {
  return text
    .replace(/([0-9a-f]{2}:){5}[0-9a-f]{2}/g, (mac) =>
      mac === '00:00:00:00:00:00' || mac === 'ff:ff:ff:ff:ff:ff' ? mac : 'MAC',
    )
    .replace(/fe80::[0-9a-f:]+\/64/g, 'fe80::EUI64/64')
    .replace(/br-[0-9a-f]{12}/g, 'br-ID')
    .replace(/@if\d+/g, '@ifN')
    .replace(/^\d+: br-ID/m, 'N: br-ID')
    .replace(/ proto kernel_l[ol] $/gm, ' ');
}

describe('an IPv6 bridge network matches a real capture', () => {
  // The host's `ip -6 route` lists its fe80::/64 routes in the order links got carrier; `ip -6 neigh` follows the pings.
  const steps = sessionSteps(readGolden('linux/session.ipv6.txt').stdout).filter(
    (step) =>
      step.command.startsWith('ip ') &&
      !(step.where === 'host' && step.command === 'ip -6 route') &&
      step.command !== 'ip -6 neigh',
  );
  const bridgeOf = (host: Host) =>
    `br-${host.run('docker network inspect -f \'{{printf "%.12s" .Id}}\' v6net').stdout.trim()}`;

  it.each(steps.map((step) => [`${step.where}$ ${step.command}`, step] as const))('%s', (_, step) => {
    const host = hostAfter(...V6NET);
    const command = step.command.replace('br-5f2b9c7a1e3d', bridgeOf(host));
    const result = step.where === 'host' ? host.run(`sudo ${command}`) : inside(host, step.where!, command);
    expect({ output: normalise(result.stdout + result.stderr), exitCode: result.exitCode }).toEqual({
      output: normalise(step.output),
      exitCode: step.exitCode,
    });
  });
});

describe('docker network create --ipv6', () => {
  it('takes a /64 of the ULA /48 derived from the seed when no subnet is given, the next one for the next network (daemon.go deriveULABaseNetwork)', () => {
    const host = hostAfter('docker network create --ipv6 a', 'docker network create --ipv6 b');
    const config = (name: string) => host.run(`docker network inspect -f '{{json .IPAM.Config}}' ${name}`).stdout;
    const first = /"Subnet":"(fd[0-9a-f]{2}:[0-9a-f]{1,4}:[0-9a-f]{1,4})::\/64","Gateway":"fd[0-9a-f:]+::1"/.exec(
      config('a'),
    );
    expect(first).not.toBeNull();
    expect(config('b')).toContain(`{"Subnet":"${first![1]}:1::/64","Gateway":"${first![1]}:1::1"}`);
    expect(config('a')).toMatch(/^\[\{"Subnet":"172\.18\.0\.0\/16","Gateway":"172\.18\.0\.1"\},/);
    expect(
      hostAfter('docker network create --ipv6 a').run(`docker network inspect -f '{{json .IPAM.Config}}' a`).stdout,
    ).toBe(config('a'));
  });

  it('reports EnableIPv6 and lists both pools, IPv4 first (buildIPAMResources)', () => {
    const host = hostAfter('docker network create --ipv6 --subnet 2001:db8:1::/64 --gateway 2001:db8:1::fe v6net');
    expect(
      host.run("docker network inspect -f '{{.EnableIPv4}} {{.EnableIPv6}} {{json .IPAM.Config}}' v6net").stdout,
    ).toBe(
      'true true [{"Subnet":"172.18.0.0/16","Gateway":"172.18.0.1"},{"Subnet":"2001:db8:1::/64","Gateway":"2001:db8:1::fe"}]\n',
    );
    expect(host.run('docker network ls --format "{{.Name}} {{.IPv6}}" -f name=v6net').stdout).toBe('v6net true\n');
  });

  it('ignores an IPv6 subnet without --ipv6 (validateIpamConfig skips it; libnetwork allocates no IPv6 pool)', () => {
    const host = hostAfter('docker network create --subnet 2001:db8:1::/64 v4only');
    expect(host.run("docker network inspect -f '{{.EnableIPv6}} {{json .IPAM.Config}}' v4only").stdout).toBe(
      'false [{"Subnet":"172.18.0.0/16","Gateway":"172.18.0.1"}]\n',
    );
  });

  it('refuses a subnet with host bits and a gateway outside it, in validateIpamConfig words', () => {
    const host = hostAfter();
    expect(host.run('docker network create --ipv6 --subnet 2001:db8:1::5/64 bad').stderr).toBe(
      'Error response from daemon: invalid network config:\ninvalid subnet 2001:db8:1::5/64: it should be 2001:db8:1::/64\n',
    );
    expect(host.run('docker network create --ipv6 --subnet 2001:db8:1::/64 --gateway 2001:db8:2::1 bad').stderr).toBe(
      'no matching subnet for gateway 2001:db8:2::1\n',
    );
  });

  it("refuses an IPv6 pool that overlaps another network's", () => {
    const host = hostAfter('docker network create --ipv6 --subnet 2001:db8:1::/64 one');
    const result = host.run('docker network create --ipv6 --subnet 2001:db8:1::/80 two');
    expect(result.stderr).toBe(
      'Error response from daemon: invalid pool request: Pool overlaps with other one on this address space\n',
    );
  });
});

describe('containers on an IPv6 network', () => {
  it('get the lowest free address after the gateway, or the one --ip6 asks for, shown by inspect', () => {
    const host = hostAfter(
      V6NET[0]!,
      'docker run -d --network v6net --name c1 nginx',
      'docker run -d --network v6net --ip6 2001:db8:1::99 --name c2 nginx',
    );
    const fields =
      "'{{range .NetworkSettings.Networks}}{{.GlobalIPv6Address}}/{{.GlobalIPv6PrefixLen}} via {{.IPv6Gateway}} {{json .IPAMConfig}}{{end}}'";
    expect(host.run(`docker inspect -f ${fields} c1`).stdout).toBe('2001:db8:1::2/64 via 2001:db8:1::1 null\n');
    expect(host.run(`docker inspect -f ${fields} c2`).stdout).toBe(
      '2001:db8:1::99/64 via 2001:db8:1::1 {"IPv6Address":"2001:db8:1::99"}\n',
    );
    expect(
      host.run("docker network inspect -f '{{range .Containers}}{{.Name}} {{.IPv6Address}} {{end}}' v6net").stdout,
    ).toMatch(/c1 2001:db8:1::2\/64 /);
  });

  it("refuses an --ip6 outside the network's IPv6 subnets, and one already taken", () => {
    const host = hostAfter(V6NET[0]!, 'docker run -d --network v6net --name c1 nginx');
    expect(host.run('docker run -d --network v6net --ip6 2001:db8:9::2 nginx').stderr).toBe(
      "docker: Error response from daemon: invalid config for network v6net: invalid endpoint settings:\nno configured subnet contains IP address 2001:db8:9::2\n\nRun 'docker run --help' for more information\n",
    );
    expect(host.run('docker run -d --network v6net --ip6 2001:db8:1::2 --name c2 nginx').stderr).toContain(
      'Address already in use',
    );
  });

  it('connects a running container with --ip6 and gives it the address on its new interface', () => {
    const host = hostAfter(
      V6NET[0]!,
      'docker run -d --name web nginx',
      'docker network connect --ip6 2001:db8:1::50 v6net web',
    );
    expect(inside(host, 'web', 'ip -6 addr show dev eth1').stdout).toMatch(
      /^ {4}inet6 2001:db8:1::50\/64 scope global nodad \n/m,
    );
    // The default route stays with the first network (equal --gw-priority), so no IPv6 default route.
    expect(inside(host, 'web', 'ip -6 route').stdout).not.toContain('default');
  });

  it('keeps IPv6 off on IPv4-only networks (no inet6 on eth0)', () => {
    const host = hostAfter('docker run -d --name web nginx');
    expect(inside(host, 'web', 'ip -6 addr').stdout).not.toContain('eth0');
  });

  it('publishes on 0.0.0.0 and [::], as docker ps shows them', () => {
    const host = hostAfter(V6NET[0]!, 'docker run -d --network v6net -p 8080:80 --name web nginx');
    expect(host.run('docker ps --format "{{.Ports}}"').stdout).toBe('0.0.0.0:8080->80/tcp, [::]:8080->80/tcp\n');
  });

  it('leaves the bridge without route or address once the network is removed', () => {
    const host = hostAfter('docker network create --ipv6 --subnet 2001:db8:1::/64 v6net', 'docker network rm v6net');
    expect(host.run('ip -6 route').stdout).not.toContain('2001:db8:1::');
  });
});
