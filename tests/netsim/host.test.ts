import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Host } from '../../src/netsim/index';

const session = [
  'docker network ls',
  'docker network create red1',
  'docker network create --subnet 10.10.0.0/24 red2',
  'ip a',
  'ip route',
  'docker network rm red1',
  'ip -br link',
];

describe('Host', () => {
  it('prints the same bytes for the same seed', () => {
    const run = (seed: number) => {
      const host = Host.create({ seed });
      return session.map((line) => host.run(line));
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it('restores a snapshot to the same future', () => {
    const host = Host.create({ seed: 3 });
    host.run('docker network create red1');
    const snapshot = host.snapshot();
    const first = session.map((line) => host.run(line));
    host.restore(snapshot);
    expect(session.map((line) => host.run(line))).toEqual(first);
  });

  it('keeps a snapshot apart from later changes', () => {
    const host = Host.create({ seed: 3 });
    const snapshot = host.snapshot();
    host.run('docker network create red1');
    host.restore(snapshot);
    expect(host.run('docker network ls').stdout).not.toContain('red1');
  });
});

const commands = fc.oneof(
  fc.constantFrom(
    'docker network ls',
    'docker network ls -q',
    'ip a',
    'ip -br a',
    'ip route',
    'ip -4 addr',
    'ip link',
    'docker network prune',
    'ip x',
    'docker',
  ),
  fc
    .tuple(
      fc.constantFrom('red1', 'red2', 'bridge', 'host', 'none', 'x y'),
      fc.constantFrom(
        '',
        '-d bridge',
        '-d host',
        '-d overlay',
        '--subnet 10.1.0.0/16',
        '--subnet 172.18.0.0/16',
        '--subnet 1.2.3./8',
        '--internal',
        '--internal --subnet 10.9.0.0/24',
        '--bogus',
      ),
    )
    .map(([name, flags]) => `docker network create ${flags} ${name}`),
  fc.constantFrom('red1', 'red2', 'bridge', 'nosuch', '').map((name) => `docker network rm ${name}`),
  fc
    .tuple(
      fc.constantFrom('', '--name c1', '--name c2', '--name web'),
      fc.constantFrom('', '--network red1', '--network red2', '--network none', '--network host', '--net bridge'),
      fc.constantFrom('alpine', 'nginx', 'nope'),
      fc.constantFrom('-d', '-dit', '-d --rm'),
      fc.constantFrom('', '-p 8080:80', '-P', '-p 127.0.0.1:8080:80', '-p 80', '-p 5353:53/udp'),
    )
    .map(([name, network, image, mode, ports]) => `docker run ${mode} ${ports} ${name} ${network} ${image}`),
  fc
    .tuple(
      fc.constantFrom('rm', 'rm -f', 'stop', 'start', 'restart', 'kill'),
      fc.constantFrom('c1', 'c2', 'web', 'nosuch'),
    )
    .map(([verb, name]) => `docker ${verb} ${name}`),
  fc
    .tuple(
      fc.constantFrom('connect', 'disconnect'),
      fc.constantFrom('red1', 'red2', 'bridge'),
      fc.constantFrom('c1', 'web'),
    )
    .map(([verb, net, name]) => `docker network ${verb} ${net} ${name}`),
  fc.constantFrom('docker network prune -f', 'docker create --name c2 nginx', 'docker create -p 8080:80 alpine'),
  fc.constantFrom(
    'docker ps',
    'docker ps -a',
    'docker ps -q',
    'sudo iptables -S',
    'sudo iptables -nvL',
    'sudo iptables -t nat -L',
    'iptables -L',
    'sudo iptables -L DOCKER -n',
    'sudo iptables -t raw -S PREROUTING',
    'docker network inspect bridge red1',
    "docker network inspect -f '{{range .Containers}}{{.Name}} {{end}}' red1",
    'docker port web',
    'docker network inspect -f {{json .Status}} red2',
  ),
  fc.string({ maxLength: 30 }),
  traffic(),
);

/** Packets through whatever the random commands built: pings and HTTP to containers, the host, the LAN, the internet. */
function traffic() {
  const targets = [
    '172.17.0.2',
    '172.17.0.3',
    '172.18.0.2',
    '172.18.0.3',
    '192.168.1.1',
    '192.168.1.10',
    '8.8.8.8',
    '127.0.0.1',
    '10.1.0.2',
  ];
  return fc.oneof(
    fc
      .tuple(fc.constantFrom('-c 1', '-c 2 -W 1', '-c 3', '-c 1 -i 0.2'), fc.constantFrom(...targets))
      .map(([flags, target]) => `ping ${flags} ${target}`),
    fc
      .tuple(
        fc.constantFrom('-s', '-sS -m 2', '-I', ''),
        fc.constantFrom(...targets.map((t) => `http://${t}/`), 'localhost:8080', '192.168.1.10:8080', '172.17.0.2:81'),
      )
      .map(([flags, url]) => `curl ${flags} ${url}`),
    fc
      .tuple(
        fc.integer({ min: 1000, max: 2200 }),
        fc.constantFrom('ping -c 1 172.17.0.1', 'curl -s 172.18.0.2', 'ip -br a', 'curl -sS 192.168.1.10:8080'),
      )
      .map(([pid, command]) => `sudo nsenter -t ${pid} -n ${command}`),
  );
}

/** A user editing the firewall under Docker's feet: Docker's own rule invariants no longer hold. */
const userFirewall = fc.constantFrom(
  'sudo iptables -I DOCKER-USER -s 10.0.0.0/8 -j DROP',
  'sudo iptables -F DOCKER-USER',
  'sudo iptables -F',
  'sudo iptables -X',
  'sudo iptables -X DOCKER-CT',
  'sudo iptables -F DOCKER-FORWARD',
  'sudo iptables -t nat -F',
  'sudo iptables -t raw -F',
  'sudo iptables -N X',
  'sudo iptables -A X -j DOCKER',
  'sudo iptables -P FORWARD ACCEPT',
  'sudo iptables -D DOCKER 1',
  'sudo iptables -t nat -X DOCKER',
  'sudo iptables -A DOCKER-USER -p tcp --dport 80 -j REJECT',
);

/** Shell syntax around the commands: pipes, lists, substitutions, variables, quoting mistakes. */
const shellLines = fc.oneof(
  fc
    .tuple(
      commands,
      fc.constantFrom(
        ' | grep -c a',
        ' | head -n 2',
        ' | wc -l',
        ' | sort -r | cut -c1-5',
        ' | grep -v x | tail -1',
        ' 2>&1 | cat -n',
        ' > /dev/null',
        ' && echo ok',
        ' || echo failed',
        '; echo $?',
      ),
    )
    .map(([line, tail]) => line + tail),
  fc.constantFrom(
    'echo $(docker ps -aq)',
    'docker inspect -f {{.Name}} $(docker ps -aq)',
    'X=$(docker network ls -q | head -1); echo $X',
    'export A=1; echo "$A" ${A}',
    'echo "unterminated',
    'ls |',
    '| grep',
    'echo a && && b',
    'exit 3',
    'cd /tmp; pwd',
    'nosuch',
    'echo `echo a`',
    'ping 172.17.0.2',
    'ping -c 1 172.17.0.2 | grep -o time=.*',
    'docker logs -f web',
  ),
);

/** Entering, using and leaving containers' shells. */
const interactive = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('', '--rm ', '--name c1 ', '--network red1 ', '--hostname h1 '),
      fc.constantFrom(
        'debian bash',
        'ubuntu',
        'alpine',
        'busybox sh',
        'debian',
        'nginx',
        'debian bash -c "echo hi; ip a"',
      ),
    )
    .map(([flags, image]) => `docker run -it ${flags}${image}`),
  fc.constantFrom(
    'docker exec -it c1 sh',
    'docker exec -it c1 bash',
    'docker exec c1 cat /etc/hostname',
    'docker attach c1',
    'docker attach web',
    'docker start c1',
    'docker run -dit --name c1 debian',
  ),
  fc.constantFrom(
    'exit',
    'exit 2',
    '^P^Q',
    'ip a',
    'ping -c 1 172.17.0.1',
    'echo $HOSTNAME | wc -c',
    'cat /etc/hostname',
    'cd /etc',
    'apt update',
    'ps',
    'hostname',
  ),
  fc.constantFrom(
    'ps -ef',
    'ps aux',
    'ps -x',
    'netstat -tulpn',
    'netstat -rn',
    'netstat -z',
    'ifconfig',
    'ifconfig eth0',
    'ifconfig -a',
    'apt install -y procps net-tools curl',
    'apk add curl net-tools',
  ),
);

/** The tools that read processes, sockets and links, and curl's transfers, on the host and in containers. */
const observers = fc.oneof(
  fc.constantFrom(
    'ps -ef',
    'sudo ps aux',
    'ps',
    'sudo netstat -tulpn',
    'netstat -tln',
    'netstat -rn',
    'sudo ifconfig -a',
    '/usr/sbin/ifconfig docker0',
    'ss -tlnp',
    'docker logs web',
    'docker run -d --name web2 --network host nginx',
  ),
  fc
    .tuple(
      fc.constantFrom('-v', '-sSL', '-o /dev/null', '-so page.html', '-I', '-m 1', '--connect-timeout 1 -s'),
      fc.constantFrom('localhost:8080', '172.17.0.2', '192.168.1.10:8080', '172.18.0.2:3306', 'http://localhost/'),
    )
    .map(([flags, url]) => `curl ${flags} ${url}`),
  fc.constantFrom(
    'docker run -d --name db --network red1 mariadb',
    'docker run -d --name wp -p 8081:80 wordpress',
    'docker run -d --network host --name web nginx',
    'docker exec -it web bash',
  ),
);

describe('Host in interactive sessions', () => {
  it('never raises an internal error, and the prompt always names where the next line goes', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(fc.oneof(commands, shellLines, interactive, interactive, observers), { maxLength: 30 }),
        (seed, lines) => {
          const host = Host.create({ seed });
          for (const line of lines) {
            const result = host.run(line);
            expect(typeof result.exitCode).toBe('number');
            const inside = host.currentContainer();
            expect(host.prompt() === '$ ').toBe(inside === undefined);
          }
          const running = new Set(
            host
              .snapshot()
              .engine.containers.filter((c) => c.status === 'running')
              .map((c) => c.id),
          );
          const inside = host.currentContainer();
          if (inside !== undefined) expect(running.has(inside)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('Host under random command sequences', () => {
  it('never raises an internal error while a user edits the firewall, and keeps links and endpoints consistent', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(fc.oneof(commands, userFirewall, traffic()), { maxLength: 40 }),
        (seed, lines) => {
          const host = Host.create({ seed });
          for (const line of lines) expect(typeof host.run(line).exitCode).toBe('number');
          const snapshot = host.snapshot();
          const hostVeths = [...snapshot.kernel.namespaces.get(0)!.links.values()].filter(
            (link) => link.kind === 'veth',
          ).length;
          expect(hostVeths).toBe(snapshot.engine.containers.flatMap((c) => c.endpoints).length);
          const bridges = [...snapshot.kernel.namespaces.get(0)!.links.values()].filter(
            (link) => link.kind === 'bridge',
          ).length;
          expect(bridges).toBe(snapshot.engine.networks.filter((n) => n.bridgeName).length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never raises an internal error, and keeps networks and bridges consistent', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(commands, { maxLength: 40 }), (seed, lines) => {
        const host = Host.create({ seed });
        for (const line of lines) {
          const result = host.run(line);
          expect(typeof result.exitCode).toBe('number');
        }
        const snapshot = host.snapshot();
        const bridges = [...snapshot.kernel.namespaces.get(0)!.links.values()]
          .filter((link) => link.kind === 'bridge')
          .map((link) => link.name)
          .sort();
        const networks = snapshot.engine.networks
          .flatMap((network) => (network.bridgeName ? [network.bridgeName] : []))
          .sort();
        expect(bridges).toEqual(networks);
        const subnets = snapshot.engine.networks.flatMap((network) =>
          network.ipam.map((config) => `${config.subnet.address}/${config.subnet.prefix}`),
        );
        expect(new Set(subnets).size).toBe(subnets.length);
        // Every veth has its peer, on both sides.
        for (const namespace of snapshot.kernel.namespaces.values()) {
          for (const link of namespace.links.values()) {
            if (link.kind !== 'veth') continue;
            const peer = snapshot.kernel.namespaces.get(link.peer!.namespace)?.links.get(link.peer!.index);
            expect(peer?.peer).toEqual({ namespace: namespace.id, index: link.index });
          }
        }
        // No address twice on a network; endpoints only for running containers; one namespace per running container.
        const endpoints = snapshot.engine.containers.flatMap((c) =>
          c.endpoints.map((e) => `${e.networkId}/${e.address?.address}`),
        );
        expect(new Set(endpoints).size).toBe(endpoints.length);
        expect(snapshot.engine.containers.filter((c) => c.status !== 'running').flatMap((c) => c.endpoints)).toEqual(
          [],
        );
        const sandboxes = snapshot.engine.containers.filter(
          (c) => c.status === 'running' && c.networkMode !== 'host',
        ).length;
        expect(snapshot.kernel.namespaces.size).toBe(1 + sandboxes);
        const hostVeths = [...snapshot.kernel.namespaces.get(0)!.links.values()].filter(
          (link) => link.kind === 'veth',
        ).length;
        expect(hostVeths).toBe(snapshot.engine.containers.flatMap((c) => c.endpoints).length);
        // One direct-access DROP rule per endpoint on a non-internal network, one MASQUERADE per such network.
        const root = snapshot.kernel.namespaces.get(0)!;
        const internal = new Set(snapshot.engine.networks.filter((n) => n.internal).map((n) => n.id));
        const external = snapshot.engine.containers
          .flatMap((c) => c.endpoints)
          .filter((e) => !internal.has(e.networkId));
        const raw = root.netfilter.raw.find((chain) => chain.name === 'PREROUTING')!.rules;
        const published = snapshot.engine.containers.flatMap((c) => c.endpoints.flatMap((e) => e.published));
        const forwarded = external.flatMap((e) => e.published);
        // And one DROP per port published on a 127.x address (iptabler filterPortMappedOnLoopback).
        expect(raw).toHaveLength(external.length + forwarded.filter((p) => p.hostIp.startsWith('127.')).length);
        const bindings = published.map((p) => `${p.hostIp}/${p.hostPort}/${p.protocol}`);
        expect(new Set(bindings).size).toBe(bindings.length);
        // One docker-proxy listener per published binding, none left behind by a stopped container.
        const proxies = root.sockets
          .filter((socket) => socket.service.kind === 'docker-proxy')
          .map((socket) => `${socket.address}/${socket.port}/${socket.protocol}`);
        expect(proxies.sort()).toEqual([...bindings].sort());
        const dnat = root.netfilter.nat.find((chain) => chain.name === 'DOCKER')!.rules;
        expect(dnat).toHaveLength(forwarded.filter((p) => !p.hostIp.includes(':')).length);
        const masquerades = root.netfilter.nat.find((chain) => chain.name === 'POSTROUTING')!.rules;
        expect(masquerades).toHaveLength(
          snapshot.engine.networks.filter((n) => n.driver === 'bridge' && !n.internal).length,
        );
      }),
      { numRuns: 150 },
    );
  });
});
