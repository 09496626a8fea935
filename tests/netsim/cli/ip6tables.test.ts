import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { readGolden, stepsOf } from '../golden';

/**
 * The capture was made with ip6tables 1.8.9; Debian 13 ships 1.8.11, which prints
 * protocol names in the `prot` column with -n (1.8.10) and names itself by its
 * version; ip6tables-save's header and footer carry the time.
 */
function as189(output: string): string {
  return output
    .replace(
      /^((?:\s+\d+\s+\d+ )?\S+\s+ ?)(all|tcp|udp) {2}/gm,
      (_, head: string, protocol: string) =>
        `${head}${{ all: '0', tcp: '6', udp: '17' }[protocol]}${' '.repeat(protocol.length - 1)}  `,
    )
    .replaceAll('v1.8.11', 'v1.8.9')
    .replace(/ on \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/gm, ' on TIME');
}

/** The network and container of golden/linux/layouts/session.ip6tables.sh, made with Docker's own commands. */
const withIpv6Network = () => {
  const host = Host.create({ seed: 5 });
  host.run(
    'docker network create --ipv6 --subnet fd49:efd7:54aa::/64 -o com.docker.network.bridge.name=br-v6net v6net',
  );
  host.run('docker run -d --network v6net -p 8080:80 --name web nginx');
  return host;
};

describe('ip6tables and ip6tables-save after an IPv6 network and a published port match a real capture', () => {
  const steps = stepsOf(readGolden('linux/session.ip6tables.txt').stdout);
  it.each(steps.map((step) => [step.command, step] as const))('%s', (command, step) => {
    const host = withIpv6Network();
    // The capture ran as user nobody with setpriv; the simulated user is not root either, and names the program by its path.
    const line = command.startsWith('setpriv')
      ? command.replace(/^setpriv .* (ip6tables\S*)/, '/usr/sbin/$1')
      : `sudo ${command}`;
    const result = host.run(line);
    expect({ output: as189(result.stdout + result.stderr), exitCode: result.exitCode }).toEqual({
      output: as189(step.output),
      exitCode: step.exitCode,
    });
  });
});

describe('ip6tables on a host without IPv6 networks', () => {
  it("has Docker's chains and jumps (ip6tables is on by default) and FORWARD still ACCEPT: forwarding is not on yet", () => {
    const host = Host.create({ seed: 5 });
    expect(host.run('sudo ip6tables -S FORWARD').stdout).toBe(
      '-P FORWARD ACCEPT\n-A FORWARD -j DOCKER-USER\n-A FORWARD -j DOCKER-FORWARD\n',
    );
    expect(host.run('sudo ip6tables -t nat -S OUTPUT').stdout).toBe(
      '-P OUTPUT ACCEPT\n-A OUTPUT ! -d ::1/128 -m addrtype --dst-type LOCAL -j DOCKER\n',
    );
  });

  it("gets nothing from an IPv4-only network, and loses an IPv6 network's rules with it", () => {
    const host = Host.create({ seed: 5 });
    const before = host.run('sudo ip6tables-save').stdout.replace(/^#.*\n/gm, '');
    host.run('docker network create v4only');
    host.run('docker run -d --network v4only -p 8081:80 nginx');
    expect(host.run('sudo ip6tables-save').stdout.replace(/^#.*\n/gm, '')).toBe(before);
    host.run('docker network create --ipv6 v6');
    host.run('docker network rm v6');
    expect(host.run('sudo ip6tables-save').stdout.replace(/^#.*\n/gm, '')).toBe(
      before.replace(':FORWARD ACCEPT', ':FORWARD DROP'),
    );
  });

  it('keeps IPv4 rules in iptables only', () => {
    const host = withIpv6Network();
    expect(host.run('sudo iptables -t nat -S DOCKER').stdout).toMatch(
      /^-N DOCKER\n-A DOCKER ! -i br-v6net -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172\.18\.0\.2:80\n$/,
    );
  });

  it("points the [::] docker-proxy at the container's IPv6 address (port_mapping_linux.go), the 0.0.0.0 one at its IPv4 address", () => {
    const argv = withIpv6Network().run('ps -ef').stdout;
    expect(argv).toContain('-host-ip :: -host-port 8080 -container-ip fd49:efd7:54aa::2 -container-port 80');
    expect(argv).toContain('-host-ip 0.0.0.0 -host-port 8080 -container-ip 172.18.0.2 -container-port 80');
  });
});
