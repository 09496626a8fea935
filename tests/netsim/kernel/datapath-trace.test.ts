import { describe, expect, it } from 'vitest';
import { formatIpv4, formatRuleLine, Host, type CommandTrace, type HopRecord } from '../../../src/netsim/index';

/**
 * What the datapath records while a command is traced. The expected rules are
 * the ones Docker 29 writes (moby's iptabler, as `iptables -S` prints them on a
 * real host: the port-publishing lesson's listings) in the order netfilter
 * walks them: a jump that matches is counted even when its chain returns.
 */

type RuleHop = Extract<HopRecord, { kind: 'rule' }>;

const rulesIn = (trace: CommandTrace, table?: string): string[] =>
  trace.hops
    .filter((hop): hop is RuleHop => hop.kind === 'rule' && (table === undefined || hop.table === table))
    .map((hop) => `${hop.table} ${hop.hook} ${formatRuleLine(hop.chain, hop.spec)}`);

const owner = (trace: CommandTrace, id: number) => trace.namespaces.find((namespace) => namespace.id === id);

/** `iptables-save -c`'s `[packets:bytes] -A ...` lines, by table and rule line: what a reader runs after the command. */
function savedCounters(host: Host): Map<string, { packets: number; bytes: number }> {
  const counters = new Map<string, { packets: number; bytes: number }>();
  let table = '';
  for (const line of host.run('iptables-save -c', { asRoot: true }).stdout.split('\n')) {
    if (line.startsWith('*')) table = line.slice(1);
    const match = /^\[(\d+):(\d+)\] (-A .*)$/.exec(line);
    if (match) counters.set(`${table} ${match[3]}`, { packets: Number(match[1]), bytes: Number(match[2]) });
  }
  return counters;
}

/** The counters each rule had after the last packet the trace saw it match. */
function lastCounters(trace: CommandTrace, namespace: number): Map<string, { packets: number; bytes: number }> {
  const last = new Map<string, { packets: number; bytes: number }>();
  for (const hop of trace.hops)
    if (hop.kind === 'rule' && hop.namespace === namespace)
      last.set(`${hop.table} ${formatRuleLine(hop.chain, hop.spec)}`, { packets: hop.packets, bytes: hop.bytes });
  return last;
}

function published(): Host {
  const host = Host.create({ seed: 7 });
  host.run('docker run -d --name web -p 8080:80 nginx');
  return host;
}

describe('a traced command', () => {
  it('records nothing when not traced, and leaves no recorder behind', () => {
    const host = published();
    const result = host.run('curl -s -o /dev/null http://192.168.1.10:8080/');
    expect(result.trace).toBeUndefined();
    const traced = host.run('curl -s -o /dev/null http://192.168.1.10:8080/', { trace: true });
    expect(traced.trace?.hops.length).toBeGreaterThan(0);
    expect((host as unknown as { parts: { kernel: { recorder: unknown } } }).parts.kernel.recorder).toBeUndefined();
  });

  it('shows the host reaching its own published port by DNAT in nat OUTPUT, the first packet only', () => {
    const host = published();
    const { trace } = host.run('curl -s -o /dev/null http://192.168.1.10:8080/', { trace: true });
    expect(rulesIn(trace!, 'nat')).toEqual([
      'nat OUTPUT -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
      'nat OUTPUT -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
    ]);
    const nat = trace!.hops.find((hop) => hop.kind === 'nat');
    expect(
      nat?.kind === 'nat' && [
        nat.by,
        formatIpv4(nat.before.destination),
        nat.before.destinationPort,
        formatIpv4(nat.after.destination),
        nat.after.destinationPort,
      ],
    ).toEqual(['rule', '192.168.1.10', 8080, '172.17.0.2', 80]);
    // The SYN-ACK comes back translated by conntrack, not by a rule: the reply's source is the port the client asked for.
    const undone = trace!.hops.filter(
      (hop) => hop.kind === 'nat' && hop.by === 'conntrack' && hop.after.tcp === 'syn-ack',
    );
    expect(
      undone.map((hop) => hop.kind === 'nat' && `${formatIpv4(hop.after.source)}:${hop.after.sourcePort}`),
    ).toEqual(['192.168.1.10:8080']);
    const socket = trace!.hops.find((hop) => hop.kind === 'socket');
    expect(
      socket?.kind === 'socket' && [owner(trace!, socket.namespace)?.name, socket.process?.name, socket.port],
    ).toEqual(['web', 'nginx', 80]);
  });

  it('lists counters that agree with iptables-save -c run after the command', () => {
    const host = published();
    host.run('curl -s -o /dev/null http://localhost:8080/');
    const { trace } = host.run('curl -s -o /dev/null http://192.168.1.10:8080/', { trace: true });
    const saved = savedCounters(host);
    const seen = lastCounters(trace!, 0);
    expect(seen.size).toBeGreaterThan(0);
    for (const [rule, counters] of seen) expect(saved.get(rule), rule).toEqual(counters);
  });

  it('shows docker-proxy taking a connection to localhost and opening its own from the bridge address', () => {
    const host = published();
    const { trace } = host.run('curl -s -o /dev/null http://localhost:8080/', { trace: true });
    // OUTPUT's jump to DOCKER excludes 127.0.0.0/8: no rule of the nat table matches the SYN to 127.0.0.1.
    const kinds = trace!.hops.map((hop) => hop.kind);
    const proxy = trace!.hops.find((hop) => hop.kind === 'proxy');
    expect(proxy?.kind === 'proxy' && `${formatIpv4(proxy.address)}:${proxy.port}`).toBe('172.17.0.2:80');
    // curl tries ::1 first (localhost resolves to both); IPv6 stays on lo, where docker-proxy's [::]:8080 takes it.
    const listener = trace!.hops.find((hop) => hop.kind === 'socket');
    expect(listener?.kind === 'socket' && [listener.address, listener.port, listener.process?.name]).toEqual([
      '::1',
      8080,
      'docker-proxy',
    ]);
    const relayed = trace!.hops.slice(kinds.indexOf('proxy')).find((hop) => hop.kind === 'send');
    expect(
      relayed?.kind === 'send' && [
        formatIpv4(relayed.packet.source),
        formatIpv4(relayed.packet.destination),
        relayed.packet.tcp,
      ],
    ).toEqual(['172.17.0.1', '172.17.0.2', 'syn']);
    expect(rulesIn({ ...trace!, hops: trace!.hops.slice(0, kinds.indexOf('proxy')) }, 'nat')).toEqual([]);
  });

  it('shows a LAN client DNATed in PREROUTING and let through FORWARD by the published port rule', () => {
    const host = published();
    host.run('ssh lan-pc');
    const { trace, stdout } = host.run("curl -s -o /dev/null -w '%{http_code}' http://192.168.1.10:8080/", {
      trace: true,
    });
    expect(stdout).toBe('200');
    const firstSyn = trace!.hops.slice(
      0,
      trace!.hops.findIndex((hop) => hop.kind === 'socket'),
    );
    expect(rulesIn({ ...trace!, hops: firstSyn })).toEqual([
      'nat PREROUTING -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
      'nat PREROUTING -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
      'filter FORWARD -A FORWARD -j DOCKER-USER',
      'filter FORWARD -A FORWARD -j DOCKER-FORWARD',
      'filter FORWARD -A DOCKER-FORWARD -j DOCKER-CT',
      'filter FORWARD -A DOCKER-FORWARD -j DOCKER-INTERNAL',
      'filter FORWARD -A DOCKER-FORWARD -j DOCKER-BRIDGE',
      'filter FORWARD -A DOCKER-BRIDGE -o docker0 -j DOCKER',
      'filter FORWARD -A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT',
    ]);
    const frames = firstSyn.flatMap((hop) =>
      hop.kind === 'frame'
        ? [hop.devices.map((device) => `${owner(trace!, device.namespace)?.name}:${device.device}`)]
        : [],
    );
    expect(frames[0]).toEqual(['lan-pc:eth0', 'docker-host:eth0']);
    expect(frames[1]?.at(-1)).toBe('web:eth0');
    // The reply goes back through DOCKER-CT, the connection now ESTABLISHED.
    expect(rulesIn(trace!, 'filter')).toContain(
      'filter FORWARD -A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
    );
  });

  it('shows a LAN client asking for a container address lost at the router, which has no route to it', () => {
    const host = published();
    host.run('ssh lan-pc');
    const { trace, exitCode } = host.run('curl --max-time 3 http://172.17.0.2/', { trace: true });
    expect(exitCode).toBe(28);
    const route = trace!.hops.find((hop) => hop.kind === 'route');
    expect(
      route?.kind === 'route' && [
        owner(trace!, route.namespace)?.name,
        route.device,
        route.gateway && formatIpv4(route.gateway),
      ],
    ).toEqual(['lan-pc', 'eth0', '192.168.1.1']);
    const lost = trace!.hops.filter((hop) => hop.kind === 'lost');
    expect(lost.length).toBeGreaterThan(0);
    expect(
      lost.every((hop) => hop.kind === 'lost' && hop.router !== undefined && formatIpv4(hop.router) === '192.168.1.1'),
    ).toBe(true);
    expect(trace!.hops.some((hop) => 'namespace' in hop && hop.namespace === 0)).toBe(false);
  });

  /**
   * Docker 28 and later drop a packet sent straight to a container's address from
   * outside its bridge in raw PREROUTING (moby iptabler/endpoint.go
   * filterDirectAccess, one rule per endpoint), before FORWARD's DOCKER chain,
   * whose `! -i br -o br -j DROP` would drop it next, is ever reached.
   */
  it('shows a ping between two user-defined networks dropped in raw PREROUTING by the rule of the target address', () => {
    const host = Host.create({ seed: 3 });
    host.run('docker network create --subnet 10.20.0.0/24 app-net');
    host.run('docker network create other-net');
    host.run('docker run -d --name web --network app-net nginx');
    host.run('docker run -dit --name outsider --network other-net alpine');
    const bridge = `br-${host.run("docker network inspect -f '{{.Id}}' app-net").stdout.slice(0, 12)}`;
    const { trace } = host.run('docker exec outsider ping -c 1 10.20.0.2', { trace: true });
    expect(rulesIn(trace!)).toEqual([`raw PREROUTING -A PREROUTING -d 10.20.0.2/32 ! -i ${bridge} -j DROP`]);
    const dropping = trace!.hops.find((hop) => hop.kind === 'rule');
    expect(dropping?.kind === 'rule' && owner(trace!, dropping.namespace)?.kind).toBe('host');
    const dropped = trace!.hops.findIndex((hop) => hop.kind === 'rule' && hop.spec.target.kind === 'DROP');
    // Nothing more happens to the packet after the rule that dropped it.
    expect(
      trace!.hops
        .slice(dropped + 1)
        .filter(
          (hop) =>
            hop.kind !== 'send' &&
            hop.kind !== 'route' &&
            hop.kind !== 'conntrack' &&
            hop.kind !== 'policy' &&
            hop.kind !== 'arp' &&
            hop.kind !== 'frame' &&
            hop.kind !== 'rule',
        ),
    ).toEqual([]);
    expect(trace!.hops.some((hop) => hop.kind === 'deliver')).toBe(false);
  });

  it('shows the embedded DNS server answering a container name, and forwarding what it does not know', () => {
    const host = Host.create({ seed: 3 });
    host.run('docker network create app-net');
    host.run('docker run -d --name web --network app-net nginx');
    host.run('docker run -dit --name client --network app-net alpine');
    const address = host
      .run('docker inspect -f \'{{(index .NetworkSettings.Networks "app-net").IPAddress}}\' web')
      .stdout.trim();
    const { trace } = host.run('docker exec client ping -c 1 web', { trace: true });
    const dns = trace!.hops.filter((hop) => hop.kind === 'dns');
    const answerA = dns.find((hop) => hop.kind === 'dns' && hop.question.type === 'A');
    expect(answerA?.kind === 'dns' && [answerA.server, answerA.by, owner(trace!, answerA.namespace)?.name]).toEqual([
      '127.0.0.11',
      'embedded',
      'client',
    ]);
    expect(
      answerA?.kind === 'dns' &&
        answerA.reply !== 'unreachable' &&
        answerA.reply.answers.map((record) => record.type === 'A' && formatIpv4(record.address)),
    ).toEqual([address]);
    const external = host
      .run('docker exec client nslookup nosuchname.example', { trace: true })
      .trace!.hops.find((hop) => hop.kind === 'dns');
    expect(
      external?.kind === 'dns' && [external.by, external.reply !== 'unreachable' && external.reply.status],
    ).toEqual(['forwarded', 'NXDOMAIN']);
  });

  it('shows a published port with nothing listening behind it answered by a reset from the container', () => {
    const host = Host.create({ seed: 7 });
    host.run('docker run -d --name ui -p 8443:8443 nginx');
    const { trace, exitCode } = host.run('curl -s http://192.168.1.10:8443/', { trace: true });
    expect(exitCode).toBe(7);
    const socket = trace!.hops.find((hop) => hop.kind === 'socket');
    expect(socket?.kind === 'socket' && [owner(trace!, socket.namespace)?.name, socket.port, socket.process]).toEqual([
      'ui',
      8443,
      undefined,
    ]);
    const reset = trace!.hops.find((hop) => hop.kind === 'send' && hop.packet.tcp === 'rst');
    expect(reset?.kind === 'send' && owner(trace!, reset.namespace)?.name).toBe('ui');
  });
});
