import { describe, expect, it } from 'vitest';
import type { Host } from '../../../src/netsim/index';
import { readGolden, sessionSteps } from '../golden';
import { hostWithSeed } from '../host-fixtures';
import { withoutTimes } from '../traffic-fixtures';

const hostAfter = hostWithSeed(5);

/** The network and containers of golden/linux/layouts/session.ipv6.sh; Alpine's BusyBox answers the `busybox ping` steps. */
const V6NET = [
  'docker network create --ipv6 --subnet 2001:db8:1::/64 v6net',
  'docker run -d --network v6net --name c1 alpine sleep 100000',
  'docker run -d --network v6net --name c2 alpine sleep 100000',
  // d1: a name with an IPv4 address only, which c1 can resolve.
  'docker network create v4net',
  'docker run -d --network v4net --name d1 alpine sleep 100000',
  'docker network connect v4net c1',
];

/** The capture ran the host's iputils and BusyBox in the namespaces: iputils through nsenter here, BusyBox through the container's own. */
function run(host: Host, where: string, command: string) {
  if (command.startsWith('busybox ')) return host.run(`docker exec ${where} ${command.slice('busybox '.length)}`);
  if (where === 'host') return host.run(command);
  const pid = host.run(`docker inspect -f '{{.State.Pid}}' ${where}`).stdout.trim();
  return host.run(`sudo nsenter -t ${pid} -n ${command}`);
}

/** The capture named c2 in /etc/hosts; the embedded DNS's PTR answer is c2.v6net (name.network). */
const normalise = (text: string) =>
  withoutTimes(text)
    .replace(/round-trip min\/avg\/max = [\d./]+ ms/g, 'round-trip min/avg/max = T ms')
    .replaceAll('c2.v6net (', 'c2 (');

describe('ping over IPv6 matches a real capture (iputils and BusyBox)', () => {
  // The host has no BusyBox; `ping` of a busybox image runs in containers only.
  const steps = sessionSteps(readGolden('linux/session.ipv6.txt').stdout).filter(
    (step) =>
      /^(busybox )?ping6? /.test(step.command) && !(step.where === 'host' && step.command.startsWith('busybox')),
  );

  it.each(steps.map((step) => [`${step.where}$ ${step.command}`, step] as const))('%s', (_, step) => {
    const result = run(hostAfter(...V6NET), step.where!, step.command);
    expect({ output: normalise(result.stdout + result.stderr), exitCode: result.exitCode }).toEqual({
      output: normalise(step.output),
      exitCode: step.exitCode,
    });
  });
});

describe('IPv6 between networks and from elsewhere', () => {
  it('stops at the host between two IPv6 networks: ip6tables drops traffic into another bridge (DOCKER ! -i br -o br -j DROP)', () => {
    const host = hostAfter(
      V6NET[0]!,
      'docker network create --ipv6 --subnet 2001:db8:2::/64 other',
      'docker run -d --network v6net --name a alpine sleep 100000',
      'docker run -d --network other --name b alpine sleep 100000',
    );
    expect(host.run('docker exec a ping -c 1 -W 1 2001:db8:2::2').stdout).toContain(
      '1 packets transmitted, 0 packets received, 100% packet loss',
    );
    host.run('sudo ip6tables -I DOCKER-USER -j ACCEPT');
    expect(host.run('docker exec a ping -c 1 -W 1 2001:db8:2::2').stdout).toMatch(
      /64 bytes from 2001:db8:2::2: seq=0 ttl=63 /,
    );
  });

  it('has no IPv6 route on an IPv4-only network: sendto fails, as BusyBox says', () => {
    const host = hostAfter(V6NET[0]!, 'docker run -d --name v4 alpine sleep 100000');
    expect(host.run('docker exec v4 ping -c 1 2001:db8:1::1')).toMatchObject({
      stdout: 'PING 2001:db8:1::1 (2001:db8:1::1): 56 data bytes\n',
      stderr: 'ping: sendto: Network is unreachable\n',
      exitCode: 1,
    });
  });

  it("names itself ping6 in iputils' errors, and refuses -4 with -6", () => {
    const host = hostAfter();
    expect(host.run('ping6 -c 1 1.2.3.4')).toMatchObject({
      stderr: 'ping6: 1.2.3.4: Address family for hostname not supported\n',
      exitCode: 2,
    });
    expect(host.run('ping -4 -6 -c 1 ::1')).toMatchObject({
      stderr: 'ping: only one -4 or -6 option may be specified\n',
      exitCode: 2,
    });
  });
});

describe('curl and wget to IPv6 addresses match a real capture', () => {
  /** c2 serves on [::]:80 in the capture (BusyBox httpd saying `hello`); nginx's page stands in for it here. */
  const V6WEB = [V6NET[0]!, V6NET[1]!, 'docker run -d --network v6net --name c2 nginx'];
  // curl 7.88 of the capture says Couldn't where Debian 13's 8.14 says Could not; connect times vary.
  const curl8 = (text: string) =>
    text.replace("Couldn't connect to server", 'Could not connect to server').replace(/after \d+ ms/, 'after N ms');
  const steps = sessionSteps(readGolden('linux/session.ipv6.txt').stdout).filter((step) =>
    /^(busybox wget|curl) /.test(step.command),
  );

  it.each(steps.map((step) => [`${step.where}$ ${step.command}`, step] as const))('%s', (_, step) => {
    const host = hostAfter(...V6WEB);
    const result = run(host, step.where!, step.command.replace(/^curl /, 'curl '));
    const page = (text: string) =>
      text.startsWith('<!DOCTYPE html>') ? 'PAGE\n' : text === 'hello\n' ? 'PAGE\n' : text;
    expect({ output: curl8(page(result.stdout) + result.stderr), exitCode: result.exitCode }).toEqual({
      output: curl8(page(step.output)),
      exitCode: step.exitCode,
    });
  });
});
