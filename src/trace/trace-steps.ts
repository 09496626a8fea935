import type { CommandTrace, DeviceRef, HopRecord, Packet, TraceNamespace } from '../netsim/index';
// Only the printers: pages render traces, and the simulator behind index.ts would join their bundle.
import { formatDnsRecordData, formatIpv4, formatRuleLine } from '../netsim/printers';

/**
 * A step's words: an i18n key under `trace.step.` and its values. Values are
 * tool text (addresses, rule lines, names), or another step text, translated
 * first (a counter with its plural).
 */
export interface StepText {
  key: string;
  values: Record<string, string | number | StepText>;
}

/** What a step is, for the page (`data-hop`) and its styles. */
export type StepKind =
  | 'send'
  | 'route'
  | 'conntrack'
  | 'rule'
  | 'policy'
  | 'nat'
  | 'arp'
  | 'frame'
  | 'wire'
  | 'arrive'
  | 'deliver'
  | 'socket'
  | 'proxy'
  | 'dns'
  | 'drop'
  | 'lost';

export interface TraceStep {
  kind: StepKind;
  /** Whose namespace it happens in; undefined beyond the host's NIC (the LAN's router). */
  where: TraceNamespace | undefined;
  text: StepText;
  /** Tool text shown as it is, under the sentence: a rule as `iptables -S` prints it. */
  code?: string;
  /** Which packet of the command it belongs to, from 1; 0 before the first (a name lookup). */
  packet: number;
  /**
   * A later packet of a connection whose first packet in that direction is
   * already told in full: listed apart, after the rest.
   */
  repeat: boolean;
  /** The packet goes no further: a rule or policy dropped or rejected it, or nobody out there took it. */
  ends: boolean;
  /** The devices the step crosses, for the figure's highlighted path. */
  devices: DeviceRef[];
}

/**
 * Turns a command's hop records into the steps a reader follows, in order:
 * a pure function of the records, so the page and the terminal tell the same
 * story. Chains with no rules whose policy lets the packet through are left
 * out (nothing was decided there); everything else is a step.
 */
export function traceSteps(trace: CommandTrace): TraceStep[] {
  const owners = new Map(trace.namespaces.map((namespace) => [namespace.id, namespace]));
  const steps: TraceStep[] = [];
  let packet = 0;
  let repeat = false;
  let packetStart = 0;
  const told = new Set<string>();
  for (const hop of trace.hops) {
    if (hop.kind === 'send' || hop.kind === 'arrive') {
      packet += 1;
      packetStart = steps.length;
      repeat = false;
    }
    if (hop.kind === 'conntrack') {
      // The first conntrack of a packet decides: a connection already told in this direction makes it a repeat.
      const key = `${hop.namespace} ${hop.connection} ${hop.direction}`;
      const first = !steps.slice(packetStart).some((step) => step.kind === 'conntrack');
      if (first) {
        repeat = hop.state !== 'NEW' && told.has(key);
        told.add(key);
        for (const step of steps.slice(packetStart)) step.repeat = repeat;
      }
    }
    const step = stepOf(hop, owners);
    if (step) steps.push({ ...step, packet, repeat });
  }
  return steps;
}

type Drafted = Omit<TraceStep, 'packet' | 'repeat'>;

const where = (owners: Map<number, TraceNamespace>, id: number) => owners.get(id);
const plain = (
  kind: StepKind,
  at: TraceNamespace | undefined,
  key: string,
  values: StepText['values'] = {},
  extra: Partial<Drafted> = {},
): Drafted => ({
  kind,
  where: at,
  text: { key, values },
  ends: false,
  devices: [],
  ...extra,
});

function stepOf(hop: HopRecord, owners: Map<number, TraceNamespace>): Drafted | undefined {
  switch (hop.kind) {
    case 'send':
      return plain('send', where(owners, hop.namespace), 'send', { packet: packetText(hop.packet) });
    case 'arrive':
      return plain(
        'arrive',
        where(owners, hop.at.namespace),
        'arrive',
        { packet: packetText(hop.packet), device: hop.at.device },
        { devices: [hop.at] },
      );
    case 'route':
      if (hop.local)
        return plain('route', where(owners, hop.namespace), 'route.local', {
          destination: formatIpv4(hop.destination),
          device: hop.device,
        });
      return plain(
        'route',
        where(owners, hop.namespace),
        hop.gateway === undefined ? 'route.direct' : 'route.gateway',
        {
          destination: formatIpv4(hop.destination),
          device: hop.device,
          source: formatIpv4(hop.source),
          ...(hop.gateway !== undefined && { gateway: formatIpv4(hop.gateway) }),
        },
      );
    case 'no-route':
      return plain(
        'drop',
        where(owners, hop.namespace),
        'route.none',
        { destination: formatIpv4(hop.destination) },
        { ends: true },
      );
    case 'not-forwarded':
      return plain('drop', where(owners, hop.namespace), 'notForwarded', {}, { ends: true });
    case 'ttl-expired':
      return plain('drop', where(owners, hop.namespace), 'ttlExpired', {}, { ends: true });
    case 'conntrack':
      return plain(
        'conntrack',
        where(owners, hop.namespace),
        `conntrack.${hop.state === 'NEW' ? 'new' : hop.state === 'RELATED' ? 'related' : hop.direction === 'reply' ? 'reply' : 'established'}`,
        { state: hop.state },
      );
    case 'rule':
      return ruleStep(hop, where(owners, hop.namespace));
    case 'policy':
      if (hop.policy === 'ACCEPT' && hop.rules === 0) return undefined;
      return plain(
        hop.policy === 'DROP' ? 'drop' : 'policy',
        where(owners, hop.namespace),
        hop.policy === 'DROP' ? 'policy.drop' : 'policy.accept',
        { table: hop.table, chain: hop.chain, hook: hop.hook },
        { ends: hop.policy === 'DROP', code: `-P ${hop.chain} ${hop.policy}` },
      );
    case 'nat':
      return natStep(hop, where(owners, hop.namespace));
    case 'arp':
      if (hop.mac === undefined)
        return plain(
          'drop',
          where(owners, hop.from.namespace),
          'arp.failed',
          { address: formatIpv4(hop.address), device: hop.from.device },
          { ends: true, devices: [hop.from] },
        );
      return plain('arp', where(owners, hop.from.namespace), hop.cached ? 'arp.cached' : 'arp.resolved', {
        address: formatIpv4(hop.address),
        mac: hop.mac,
        device: hop.from.device,
        owner: hop.answeredBy ? deviceText(hop.answeredBy, owners) : formatIpv4(hop.address),
      });
    case 'frame':
      return frameStep(hop, owners);
    case 'bridge-netfilter':
      return plain(
        'frame',
        where(owners, hop.bridge.namespace),
        'bridgeNetfilter',
        { bridge: hop.bridge.device },
        { devices: [hop.bridge] },
      );
    case 'wire':
      return plain(
        'wire',
        where(owners, hop.from.namespace),
        'wire',
        { device: hop.from.device, router: formatIpv4(hop.nextHop) },
        { devices: [hop.from] },
      );
    case 'lost':
      return hop.router === undefined
        ? plain('lost', undefined, 'lost.lan', { destination: formatIpv4(hop.destination) }, { ends: true })
        : plain(
            'lost',
            undefined,
            'lost.router',
            { router: formatIpv4(hop.router), destination: formatIpv4(hop.destination) },
            { ends: true },
          );
    case 'remote':
      return plain('deliver', undefined, 'remote', {
        address: formatIpv4(hop.address),
        packet: packetText(hop.packet),
      });
    case 'deliver':
      return plain(
        'deliver',
        where(owners, hop.namespace),
        hop.packet.icmp === 'echo-request' ? 'deliver.echo' : 'deliver.stack',
        { packet: packetText(hop.packet) },
      );
    case 'socket': {
      const address = hop.address.includes(':') ? `[${hop.address}]:${hop.port}` : `${hop.address}:${hop.port}`;
      return hop.process
        ? plain('socket', where(owners, hop.namespace), 'socket.listener', {
            address,
            process: hop.process.name,
            pid: hop.process.pid,
          })
        : plain('socket', where(owners, hop.namespace), 'socket.none', { address });
    }
    case 'proxy':
      return plain('proxy', where(owners, hop.namespace), 'proxy', {
        pid: hop.pid,
        target: `${formatIpv4(hop.address)}:${hop.port}`,
      });
    case 'dns':
      return dnsStep(hop, where(owners, hop.namespace));
  }
}

function ruleStep(hop: Extract<HopRecord, { kind: 'rule' }>, at: TraceNamespace | undefined): Drafted {
  const target = hop.spec.target;
  const values = {
    table: hop.table,
    chain: hop.chain,
    hook: hop.hook,
    counter: { key: 'counter', values: { count: hop.packets, bytes: hop.bytes } },
  };
  const code = formatRuleLine(hop.chain, hop.spec);
  switch (target.kind) {
    case 'jump':
      return plain('rule', at, 'rule.jump', { ...values, target: target.chain }, { code });
    case 'ACCEPT':
      return plain('rule', at, 'rule.accept', values, { code });
    case 'DROP':
      return plain('drop', at, 'rule.drop', values, { code, ends: true });
    case 'REJECT':
      return plain('drop', at, 'rule.reject', values, { code, ends: true });
    case 'RETURN':
      return plain('rule', at, 'rule.return', values, { code });
    case 'none':
    // LOG writes to the kernel log, which a trace does not show: like a rule without -j, it counts the packet and lets it go on.
    case 'LOG':
      return plain('rule', at, 'rule.count', values, { code });
    case 'DNAT':
    case 'SNAT':
    case 'MASQUERADE':
      return plain('rule', at, 'rule.nat', { ...values, target: target.kind }, { code });
  }
}

function natStep(hop: Extract<HopRecord, { kind: 'nat' }>, at: TraceNamespace | undefined): Drafted {
  const destination =
    hop.before.destination !== hop.after.destination || hop.before.destinationPort !== hop.after.destinationPort;
  const [before, after] = destination
    ? [endpoint(hop.before, 'destination'), endpoint(hop.after, 'destination')]
    : [endpoint(hop.before, 'source'), endpoint(hop.after, 'source')];
  const key = `nat.${hop.by}${destination ? 'Destination' : 'Source'}`;
  return plain('nat', at, key, { before, after, hook: hop.hook });
}

function frameStep(hop: Extract<HopRecord, { kind: 'frame' }>, owners: Map<number, TraceNamespace>): Drafted {
  const at = where(owners, hop.devices[0]!.namespace);
  const path = hop.devices.map((device) => deviceText(device, owners)).join(' → ');
  if (hop.devices.length === 1)
    return plain('frame', at, 'frame.loopback', { device: hop.devices[0]!.device }, { devices: [...hop.devices] });
  if (hop.bridge)
    return plain('frame', at, 'frame.bridged', { bridge: hop.bridge.device, path }, { devices: [...hop.devices] });
  return plain('frame', at, 'frame.direct', { path }, { devices: [...hop.devices] });
}

function dnsStep(hop: Extract<HopRecord, { kind: 'dns' }>, at: TraceNamespace | undefined): Drafted {
  const question = `${hop.question.name} ${hop.question.type}`;
  if (hop.reply === 'unreachable') return plain('dns', at, 'dns.unreachable', { server: hop.server, question });
  const { answers, status } = hop.reply;
  // NOERROR with no record (an AAAA for an IPv4-only name) says so; NXDOMAIN and SERVFAIL say it by themselves.
  const answer: StepText['values'][string] =
    answers.length > 0
      ? answers.map((record) => `${record.type} ${formatDnsRecordData(record)}`).join(', ')
      : status === 'NOERROR'
        ? { key: 'dns.noRecords', values: { status } }
        : status;
  return plain('dns', at, `dns.${hop.by}`, { server: hop.server, question, answer });
}

/** `client:eth0`, `docker-host:veth1a2b3c4`: a device by its namespace's owner and the name `ip link` shows. */
function deviceText(device: DeviceRef, owners: Map<number, TraceNamespace>): string {
  return `${owners.get(device.namespace)?.name ?? device.namespace}:${device.device}`;
}

function endpoint(packet: Packet, side: 'source' | 'destination'): string {
  const address = formatIpv4(side === 'source' ? packet.source : packet.destination);
  return packet.protocol === 'icmp'
    ? address
    : `${address}:${side === 'source' ? packet.sourcePort : packet.destinationPort}`;
}

const TCP_FLAGS: Record<NonNullable<Packet['tcp']>, string> = {
  syn: 'SYN',
  'syn-ack': 'SYN, ACK',
  ack: 'ACK',
  data: 'PSH, ACK',
  fin: 'FIN, ACK',
  rst: 'RST',
};

/**
 * A packet in one line, in no language: `TCP 192.168.1.10:39173 → 172.17.0.2:80 [SYN]`,
 * `ICMP echo request 10.20.0.3 → 10.20.0.2`, the flag names TCP's RFC gives them
 * and the ICMP message names tcpdump prints.
 */
export function packetText(packet: Packet): string {
  const from = formatIpv4(packet.source);
  const to = formatIpv4(packet.destination);
  if (packet.protocol === 'icmp') return `ICMP ${(packet.icmp ?? 'message').replace('-', ' ')} ${from} → ${to}`;
  const ends = `${from}:${packet.sourcePort} → ${to}:${packet.destinationPort}`;
  if (packet.protocol === 'udp') return `UDP ${ends}`;
  return `TCP ${ends} [${TCP_FLAGS[packet.tcp ?? 'ack']}]`;
}
