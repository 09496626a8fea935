import { describe, expect, it } from 'vitest';
import type { Container } from '../../../src/netsim/engine/container';
import { evaluateGoal, type GoalView } from '../../../src/netsim/engine/goals';
import { Host, type Goal } from '../../../src/netsim/index';

function hostWith(...lines: string[]): Host {
  const host = Host.create({ seed: 3 });
  for (const line of lines) {
    const result = host.run(line, { asRoot: line.startsWith('sudo ') });
    expect(result.exitCode, `${line}\n${result.output}`).toBe(0);
  }
  return host;
}

const check = (host: Host, goal: Goal) => host.checkGoals([goal])[0];

describe('exercise goals on the simulated host', () => {
  const host = hostWith(
    'docker network create --subnet 10.20.0.0/24 app-net',
    'docker network create --internal back-net',
    'docker run -d --name web --network app-net --network-alias site nginx',
    'docker run -dit --name client --network app-net alpine',
    'docker run -dit --name lonely alpine',
    'docker run -d --name pub -p 8080:80 nginx',
    'docker create --name idle alpine',
  );

  it.each<[string, Goal]>([
    ['a running container', { kind: 'container', container: 'web', running: true }],
    ['a created container', { kind: 'container', container: 'idle' }],
    [
      'an attachment in a subnet with an alias',
      { kind: 'attached', container: 'web', network: 'app-net', subnet: '10.20.0.0/24', alias: 'site' },
    ],
    ["a name resolved by Docker's DNS", { kind: 'resolves', from: 'client', name: 'web', address: '10.20.0.2' }],
    ['an alias resolved', { kind: 'resolves', from: 'client', name: 'site' }],
    [
      'an HTTP request from the host to a published port',
      { kind: 'reaches', from: 'host', url: 'http://localhost:8080/', status: 200, body: 'Welcome to nginx!' },
    ],
    [
      'an HTTP request between containers by name',
      { kind: 'reaches', from: 'client', url: 'http://web/', status: 200 },
    ],
    ['a published port', { kind: 'published', hostPort: 8080, container: 'pub', containerPort: 80 }],
    ['a TCP connection between containers by name', { kind: 'connects', from: 'client', host: 'web', port: 80 }],
    [
      'a TCP connection from the host to a published port',
      { kind: 'connects', from: 'host', host: 'localhost', port: 8080 },
    ],
    [
      'a network with driver and subnet',
      { kind: 'network', network: 'app-net', driver: 'bridge', subnet: '10.20.0.0/24', internal: false },
    ],
    ['an internal network', { kind: 'network', network: 'back-net', internal: true }],
    [
      'an iptables rule',
      {
        kind: 'rule',
        table: 'nat',
        rule: '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.3:80',
      },
    ],
    [
      'a line in a container file',
      { kind: 'file', container: 'client', path: '/etc/resolv.conf', line: 'nameserver 127.0.0.11' },
    ],
    // From the LAN machine a published port answers on the host's address; a container's address is not routed there.
    [
      "an HTTP request from the LAN to a port published on the host's address",
      { kind: 'reaches', from: 'lan', url: 'http://192.168.1.10:8080/', status: 200, body: 'Welcome to nginx!' },
    ],
    [
      'a TCP connection from the LAN to a published port',
      { kind: 'connects', from: 'lan', host: '192.168.1.10', port: 8080 },
    ],
    [
      'no HTTP answer from a container address seen from the LAN',
      { kind: 'reaches', from: 'lan', url: 'http://172.17.0.3/', not: true },
    ],
  ])('passes %s', (_name, goal) => {
    expect(check(host, goal)).toEqual({ pass: true });
  });

  it.each<[string, Goal, string, Record<string, string>]>([
    ['a missing container', { kind: 'container', container: 'nope' }, 'no-container', { container: 'nope' }],
    [
      'a container that is not running',
      { kind: 'container', container: 'idle', running: true },
      'not-running',
      { container: 'idle', status: 'created' },
    ],
    [
      'a container on another network',
      { kind: 'attached', container: 'lonely', network: 'app-net' },
      'not-attached',
      { container: 'lonely', network: 'app-net', networks: 'bridge' },
    ],
    [
      'an address outside the subnet',
      { kind: 'attached', container: 'web', network: 'app-net', subnet: '10.30.0.0/24' },
      'wrong-subnet',
      { container: 'web', network: 'app-net', address: '10.20.0.2', subnet: '10.30.0.0/24' },
    ],
    [
      'a missing alias',
      { kind: 'attached', container: 'client', network: 'app-net', alias: 'site' },
      'no-alias',
      { container: 'client', network: 'app-net', alias: 'site' },
    ],
    [
      'a name the default bridge cannot resolve',
      { kind: 'resolves', from: 'lonely', name: 'pub' },
      'does-not-resolve',
      { from: 'lonely', name: 'pub' },
    ],
    [
      'a request that nothing answers',
      { kind: 'reaches', from: 'host', url: 'http://localhost:9090/' },
      'unreachable',
      { from: 'host', url: 'http://localhost:9090/' },
    ],
    [
      'a page without the text',
      { kind: 'reaches', from: 'host', url: 'http://localhost:8080/', body: 'Hello' },
      'no-body',
      { from: 'host', url: 'http://localhost:8080/', body: 'Hello' },
    ],
    [
      'a connection to a port nothing listens on',
      { kind: 'connects', from: 'client', host: 'web', port: 3306 },
      'no-connection',
      { from: 'client', host: 'web', port: '3306', result: 'refused' },
    ],
    [
      'a port not published',
      { kind: 'published', hostPort: 8081, container: 'pub', containerPort: 80 },
      'not-published',
      { container: 'pub', hostPort: '8081', containerPort: '80' },
    ],
    ['a missing network', { kind: 'network', network: 'front' }, 'no-network', { network: 'front' }],
    [
      'another driver',
      { kind: 'network', network: 'app-net', driver: 'macvlan' },
      'wrong-driver',
      { network: 'app-net', driver: 'bridge', expected: 'macvlan' },
    ],
    [
      'a network that is not internal',
      { kind: 'network', network: 'app-net', internal: true },
      'not-internal',
      { network: 'app-net' },
    ],
    [
      'a missing rule',
      { kind: 'rule', table: 'nat', rule: '-A DOCKER -j RETURN' },
      'no-rule',
      { table: 'nat', rule: '-A DOCKER -j RETURN' },
    ],
    [
      'a missing line',
      { kind: 'file', container: 'lonely', path: '/etc/resolv.conf', line: 'nameserver 127.0.0.11' },
      'no-line',
      { path: '/etc/resolv.conf', line: 'nameserver 127.0.0.11', where: 'lonely' },
    ],
    [
      'a request from the LAN to a container address',
      { kind: 'reaches', from: 'lan', url: 'http://172.17.0.3/' },
      'unreachable',
      { from: 'lan', url: 'http://172.17.0.3/' },
    ],
    [
      "a request from the LAN to a port published on the host's loopback only",
      { kind: 'reaches', from: 'lan', url: 'http://localhost:8080/' },
      'unreachable',
      { from: 'lan', url: 'http://localhost:8080/' },
    ],
    [
      'a connection from the LAN to a container address, lost at the router',
      { kind: 'connects', from: 'lan', host: '172.17.0.3', port: 80 },
      'no-connection',
      { from: 'lan', host: '172.17.0.3', port: '80', result: 'timed-out' },
    ],
    [
      'a connection from the LAN to a port the host does not publish',
      { kind: 'connects', from: 'lan', host: '192.168.1.10', port: 9090 },
      'no-connection',
      { from: 'lan', host: '192.168.1.10', port: '9090', result: 'refused' },
    ],
  ])('fails %s, saying why', (_name, goal, code, values) => {
    expect(check(host, goal)).toEqual({ pass: false, reason: { code, values } });
  });

  it.each<[string, Goal]>([
    ['a name another network cannot resolve', { kind: 'resolves', from: 'lonely', name: 'web', not: true }],
    ['a request nothing answers', { kind: 'reaches', from: 'host', url: 'http://localhost:9090/', not: true }],
    ['a container on another network', { kind: 'attached', container: 'lonely', network: 'app-net', not: true }],
    ['a network that does not exist', { kind: 'network', network: 'legacy-net', not: true }],
    ['a container that was never created', { kind: 'container', container: 'gone', not: true }],
    ['a port nothing publishes', { kind: 'published', hostPort: 9090, container: 'pub', containerPort: 80, not: true }],
    [
      'a connection to a port nothing listens on',
      { kind: 'connects', from: 'client', host: 'web', port: 3306, not: true },
    ],
    ['a rule Docker did not write', { kind: 'rule', table: 'nat', rule: '-A DOCKER -j RETURN', not: true }],
    [
      'a line the file lacks',
      { kind: 'file', container: 'lonely', path: '/etc/resolv.conf', line: 'nameserver 127.0.0.11', not: true },
    ],
  ])('passes the opposite of %s with not', (_name, goal) => {
    expect(check(host, goal)).toEqual({ pass: true });
  });

  it.each<[string, Goal, string, Record<string, string>]>([
    [
      'a name that resolves',
      { kind: 'resolves', from: 'client', name: 'web', not: true },
      'still-resolves',
      { from: 'client', name: 'web' },
    ],
    [
      'a network that exists',
      { kind: 'network', network: 'app-net', not: true },
      'still-network',
      { network: 'app-net' },
    ],
    [
      'an attachment',
      { kind: 'attached', container: 'web', network: 'app-net', not: true },
      'still-attached',
      { container: 'web', network: 'app-net' },
    ],
    [
      'a page that answers',
      { kind: 'reaches', from: 'client', url: 'http://web/', not: true },
      'still-reaches',
      { from: 'client', url: 'http://web/' },
    ],
    [
      'a container that exists',
      { kind: 'container', container: 'idle', not: true },
      'still-container',
      { container: 'idle' },
    ],
    [
      'a line the file holds',
      { kind: 'file', container: 'client', path: '/etc/resolv.conf', line: 'nameserver 127.0.0.11', not: true },
      'still-file',
      { container: 'client', path: '/etc/resolv.conf', line: 'nameserver 127.0.0.11' },
    ],
  ])('fails a not-goal when %s still holds, saying so', (_name, goal, code, values) => {
    expect(check(host, goal)).toEqual({ pass: false, reason: { code, values } });
  });

  it('does not take a missing or stopped container as proof that it cannot do something', () => {
    expect(check(host, { kind: 'resolves', from: 'ghost', name: 'web', not: true })).toEqual({
      pass: false,
      reason: { code: 'no-container', values: { container: 'ghost' } },
    });
    expect(check(host, { kind: 'reaches', from: 'idle', url: 'http://web/', not: true })).toEqual({
      pass: false,
      reason: { code: 'not-running', values: { container: 'idle', status: 'created' } },
    });
  });

  it('counts a container started with --network none or host as on that network, with no address', () => {
    const isolated = hostWith(
      'docker run -dit --name batch --network none alpine',
      'docker run -d --name edge --network host nginx',
    );
    expect(check(isolated, { kind: 'attached', container: 'batch', network: 'none' })).toEqual({ pass: true });
    expect(check(isolated, { kind: 'attached', container: 'edge', network: 'host' })).toEqual({ pass: true });
    expect(check(isolated, { kind: 'attached', container: 'batch', network: 'bridge' })).toMatchObject({
      pass: false,
      reason: { code: 'not-attached' },
    });
    expect(check(isolated, { kind: 'attached', container: 'edge', network: 'none' })).toMatchObject({
      pass: false,
      reason: { code: 'not-attached' },
    });
  });

  it('never changes the host it checks', () => {
    const before = JSON.stringify(host.snapshot());
    host.checkGoals([
      { kind: 'reaches', from: 'client', url: 'http://web/' },
      { kind: 'rule', table: 'filter', rule: '-P FORWARD DROP' },
    ]);
    expect(JSON.stringify(host.snapshot())).toBe(before);
  });
});

describe('goal references', () => {
  it('take a container by its name before another whose ID starts with the same letters', () => {
    const container = (name: string, id: string, status: string) =>
      ({ name, id, status, endpoints: [] }) as unknown as Container;
    const view: GoalView = {
      containers: () => [
        container('web', `db${'0'.repeat(62)}`, 'exited'),
        container('db', `ff${'0'.repeat(62)}`, 'running'),
      ],
      networks: () => [],
      resolveName: () => [],
      run: () => ({ stdout: '', exitCode: 0 }),
      runOnLan: () => undefined,
      connect: () => 'refused',
    };
    expect(evaluateGoal(view, { kind: 'container', container: 'db', running: true })).toEqual({ pass: true });
    expect(evaluateGoal(view, { kind: 'container', container: 'db00', running: true })).toMatchObject({
      pass: false,
      reason: { code: 'not-running', values: { container: 'db00' } },
    });
  });
});

/**
 * A program in a container resolves with getaddrinfo and `hosts: files dns`
 * (glibc nsswitch on Debian, musl on Alpine): /etc/hosts first, where Docker
 * writes --link and --add-host entries (moby docker-v29.7.2
 * daemon/libnetwork/sandbox_dns_unix.go buildHostsFile), then the resolv.conf
 * servers. Goals look names up the same way.
 */
describe('goals resolve names as the container does: /etc/hosts, then DNS', () => {
  const host = hostWith(
    'docker run -d --name db nginx',
    'docker run -dit --name app --link db:database --add-host api.internal:172.17.0.2 --add-host gw:host-gateway alpine',
  );

  it.each<[string, Goal]>([
    [
      'a --link alias on the default bridge',
      { kind: 'resolves', from: 'app', name: 'database', address: '172.17.0.2' },
    ],
    ['the linked container by its name', { kind: 'resolves', from: 'app', name: 'db' }],
    ['an --add-host name', { kind: 'resolves', from: 'app', name: 'api.internal', address: '172.17.0.2' }],
    [
      'host-gateway as the default bridge gateway',
      { kind: 'resolves', from: 'app', name: 'gw', address: '172.17.0.1' },
    ],
    ['an HTTP request to a --link alias', { kind: 'reaches', from: 'app', url: 'http://database/', status: 200 }],
    [
      'an HTTP request to an --add-host name',
      { kind: 'reaches', from: 'app', url: 'http://api.internal/', status: 200 },
    ],
    ['a TCP connection to a --link alias', { kind: 'connects', from: 'app', host: 'database', port: 80 }],
  ])('passes %s', (_name, goal) => {
    expect(check(host, goal)).toEqual({ pass: true });
  });

  it('with dnsOnly, the hosts file is skipped, as dig and nslookup skip it: the default bridge has no Docker DNS', () => {
    expect(check(host, { kind: 'resolves', from: 'app', name: 'database', dnsOnly: true })).toEqual({
      pass: false,
      reason: { code: 'does-not-resolve', values: { from: 'app', name: 'database' } },
    });
    expect(check(host, { kind: 'resolves', from: 'app', name: 'api.internal', dnsOnly: true, not: true })).toEqual({
      pass: true,
    });
  });

  it('a name in no hosts file and unknown to DNS still does not resolve', () => {
    expect(check(host, { kind: 'resolves', from: 'db', name: 'database' })).toEqual({
      pass: false,
      reason: { code: 'does-not-resolve', values: { from: 'db', name: 'database' } },
    });
  });
});
