import { describe, expect, it } from 'vitest';
import { formatServicePorts, parseServicePort, updatedPorts } from '../../../src/netsim/cli/docker/service-publish';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(1);
const WEB = ['docker swarm init', 'docker service create -d --name web --replicas 3 -p 8080:80 nginx'];

// docker/cli v29.7.2 opts/swarmopts/port_test.go: what PortOpt.Set makes of each syntax, and its errors.
describe("--publish as docker/cli's PortOpt reads it", () => {
  it('reads the short and the long syntax into swarm.PortConfigs', () => {
    const ingress = (publishedPort: number, targetPort: number, protocol = 'tcp') => ({
      protocol,
      targetPort,
      publishedPort,
      publishMode: 'ingress',
    });
    expect(parseServicePort('80')).toEqual([ingress(0, 80)]);
    expect(parseServicePort('80:8080')).toEqual([ingress(80, 8080)]);
    expect(parseServicePort('80:8080/udp')).toEqual([ingress(80, 8080, 'udp')]);
    expect(parseServicePort('80-82:8080/udp')).toEqual([
      ingress(80, 8080, 'udp'),
      ingress(81, 8080, 'udp'),
      ingress(82, 8080, 'udp'),
    ]);
    expect(parseServicePort('target=80')).toEqual([ingress(0, 80)]);
    expect(parseServicePort('published=80,target=8080,protocol=tcp')).toEqual([ingress(80, 8080)]);
    expect(parseServicePort('target=80,published=8080,mode=host')).toEqual([
      { protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: 'host' },
    ]);
  });

  it.each([
    ['invalid,target=80', 'invalid field: invalid'],
    ['invalid=field', 'invalid field key: invalid'],
    ['protocol=invalid', "invalid protocol value 'invalid'"],
    ['target=invalid', 'invalid target port (invalid): value must be an integer: invalid syntax'],
    ['published=invalid', 'invalid published port (invalid): value must be an integer: invalid syntax'],
    ['mode=invalid', "invalid publish mode value (invalid): must be either 'ingress' or 'host'"],
    ['published=8080,protocol=tcp,mode=ingress', "missing mandatory field 'target'"],
    ['9999999', 'invalid containerPort: 9999999'],
    ['80/xyz', 'invalid proto: xyz'],
  ])('refuses %s: %s', (value, error) => {
    expect(parseServicePort(value)).toEqual({ error });
  });

  it('refuses a host IP, as pflag words a bad value', () => {
    const result = hostAfter('docker swarm init').run('docker service create -d --name x -p 127.0.0.1:80:80 nginx');
    expect(result.stderr).toBe(
      'invalid argument "127.0.0.1:80:80" for "-p, --publish" flag: hostip is not supported\n\nUsage:  docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun \'docker service create --help\' for more information\n',
    );
    expect(result.exitCode).toBe(125);
  });
});

// docker/cli v29.7.2 cli/command/service/formatter_test.go TestServiceContext_Ports.
describe("service ls's PORTS", () => {
  it('groups consecutive ports into ranges, by protocol then published port', () => {
    const p = (protocol: 'tcp' | 'udp' | 'sctp', targetPort: number, publishedPort: number) => ({
      protocol,
      targetPort,
      publishedPort,
      publishMode: 'ingress' as const,
    });
    const ports = [
      p('tcp', 80, 81),
      p('tcp', 80, 80),
      p('tcp', 95, 95),
      ...[90, 91, 92, 93, 94].map((n) => p('tcp', n, n)),
      p('udp', 95, 95),
      p('udp', 90, 90),
      p('udp', 96, 96),
      ...[91, 92, 93, 94].map((n) => p('udp', n, n)),
      p('tcp', 60, 60),
      p('tcp', 61, 61),
      p('tcp', 61, 62),
      p('sctp', 97, 97),
      p('sctp', 98, 98),
    ];
    expect(formatServicePorts(ports)).toBe(
      '*:97-98->97-98/sctp, *:60-61->60-61/tcp, *:62->61/tcp, *:80-81->80/tcp, *:90-95->90-95/tcp, *:90-96->90-96/udp',
    );
  });

  it('shows the mesh port in service ls, a host-mode one in service ps', () => {
    const host = hostAfter(...WEB, 'docker service create -d --name h -p published=9090,target=80,mode=host nginx');
    expect(host.run('docker service ls --format "{{.Name}} {{.Ports}}"').stdout).toBe('h \nweb *:8080->80/tcp\n');
    expect(host.run('docker service ps h --format "{{.Name}} {{.Ports}}"').stdout).toBe('h.1 *:9090->80/tcp\n');
    expect(host.run('curl -s -o /dev/null -w "%{http_code}" localhost:9090').stdout).toBe('200');
  });
});

// moby docker-v29.7.0 daemon/libnetwork/service_linux.go initIngressConfiguration and generateIngressRules.
describe('the routing mesh on the host', () => {
  it("DNATs the published port to the ingress sandbox's address on docker_gwbridge, from PREROUTING and OUTPUT", () => {
    const nat = hostAfter(...WEB).run('sudo iptables -t nat -S').stdout;
    expect(nat).toContain(
      [
        '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER-INGRESS',
        '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
        '-A OUTPUT -m addrtype --dst-type LOCAL -j DOCKER-INGRESS',
        '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
        '-A POSTROUTING -o docker_gwbridge -m addrtype --src-type LOCAL -j MASQUERADE',
      ].join('\n'),
    );
    expect(nat).toContain(
      '-A DOCKER-INGRESS -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.18.0.2:8080\n-A DOCKER-INGRESS -j RETURN\n',
    );
  });

  it('accepts the port and its replies in filter DOCKER-INGRESS, jumped to first from DOCKER-FORWARD', () => {
    const filter = hostAfter(...WEB).run('sudo iptables -S').stdout;
    expect(filter).toContain('-A DOCKER-FORWARD -j DOCKER-INGRESS\n-A DOCKER-FORWARD -j DOCKER-CT\n');
    expect(filter).toContain(
      [
        '-A DOCKER-INGRESS -p tcp -m tcp --dport 8080 -j ACCEPT',
        '-A DOCKER-INGRESS -p tcp -m tcp --sport 8080 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
        '-A DOCKER-INGRESS -j RETURN',
      ].join('\n'),
    );
  });

  it("takes a port's rules away with the service, and moves them with --publish-add and --publish-rm", () => {
    const host = hostAfter(...WEB, 'docker service update -d --publish-add 8081:80 --publish-rm 80 web');
    const chain = () => host.run('sudo iptables -t nat -S DOCKER-INGRESS').stdout;
    expect(chain()).toBe(
      '-N DOCKER-INGRESS\n-A DOCKER-INGRESS -p tcp -m tcp --dport 8081 -j DNAT --to-destination 172.18.0.2:8081\n-A DOCKER-INGRESS -j RETURN\n',
    );
    expect(host.run('docker service ls --format "{{.Ports}}"').stdout).toBe('*:8081->80/tcp\n');
    host.run('docker service rm web');
    expect(chain()).toBe('-N DOCKER-INGRESS\n-A DOCKER-INGRESS -j RETURN\n');
  });

  it('reaches the tasks in turn through IPVS, each seeing the ingress sandbox as the client', () => {
    const host = hostAfter(...WEB);
    for (const target of ['localhost', '192.168.1.10', 'localhost', 'localhost'])
      expect(host.run(`curl -s -o /dev/null -w "%{http_code}" ${target}:8080`).stdout).toBe('200');
    const served = host
      .run('docker service logs web 2>&1 | grep GET')
      .stdout.split('\n')
      .filter(Boolean)
      .map((line) => `${line.split('.')[1]} ${line.split('|')[1]!.trim().split(' ')[0]}`);
    // ip_vs_rr walks svc->destinations from its head, where ip_vs_ctl adds each new task.
    expect(served).toEqual(['3 10.0.0.2', '2 10.0.0.2', '1 10.0.0.2', '3 10.0.0.2']);
  });

  it('refuses a port another service has on the mesh (controlapi checkPortConflicts), and picks 30000 up for none', () => {
    const host = hostAfter(...WEB);
    const id = host.run('docker service ls -q').stdout.trim();
    expect(host.run('docker service create -d --name api -p 8080:80 nginx').stderr).toBe(
      `Error response from daemon: rpc error: code = InvalidArgument desc = port '8080' is already in use by service 'web' (${id}) as an ingress port\n`,
    );
    host.run('docker service create -d --name api -p 80 nginx');
    expect(host.run('docker service ls --format "{{.Name}} {{.Ports}}"').stdout).toBe(
      'api *:30000->80/tcp\nweb *:8080->80/tcp\n',
    );
  });
});

// swarmkit manager/scheduler filter.go HostPortFilter.Explain and scheduler.go noSuitableNode.
describe('a host-mode port on a single node', () => {
  it('leaves a second task pending, its error cut to 30 columns and quoted as taskContext.Error does', () => {
    const host = hostAfter(
      'docker swarm init',
      'docker service create -d --name h --replicas 2 -p published=9090,target=80,mode=host nginx',
    );
    expect(host.run('docker service ps h --format "{{.Name}}|{{.Node}}|{{.CurrentState}}|{{.Error}}"').stdout).toMatch(
      /^h\.1\|docker-host\|Running .* ago\|\nh\.2\|\|Pending .* ago\|"no suitable node \(host-mode p…"\n$/,
    );
    expect(host.run('docker service ps --no-trunc h --format "{{.Error}}"').stdout).toContain(
      '"no suitable node (host-mode port already in use on 1 node)"',
    );
    expect(host.run('docker service ls --format "{{.Replicas}}"').stdout).toBe('1/2\n');
  });

  it('runs a pending task, under its ID, once the port is free', () => {
    const host = hostAfter(
      'docker swarm init',
      'docker service create -d --name a -p published=9090,target=80,mode=host nginx',
      'docker service create -d --name b -p published=9090,target=80,mode=host nginx',
    );
    const pending = host.run('docker service ps b -q').stdout;
    expect(host.run('docker service ps b --format "{{.CurrentState}}"').stdout).toMatch(/^Pending /);
    host.run('docker service rm a');
    expect(host.run('docker service ps b -q').stdout).toBe(pending);
    expect(host.run('docker service ps b --format "{{.CurrentState}} {{.Ports}}"').stdout).toMatch(
      /^Running .* ago \*:9090->80\/tcp\n$/,
    );
    expect(host.run('curl -s -o /dev/null -w "%{http_code}" localhost:9090').stdout).toBe('200');
  });
});

describe("update's ports (docker/cli cli/command/service/update.go updatePorts)", () => {
  it('removes by target port, protocol and mode, adds the new ones, and sorts by published:target/protocol/mode', () => {
    const port = (publishedPort: number, targetPort: number) => ({
      protocol: 'tcp' as const,
      targetPort,
      publishedPort,
      publishMode: 'ingress' as const,
    });
    expect(updatedPorts([port(8080, 80), port(9000, 90)], [port(0, 80)], [port(7000, 70)])).toEqual([
      port(7000, 70),
      port(9000, 90),
    ]);
  });
});
