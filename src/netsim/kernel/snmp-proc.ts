import type { Kernel } from './kernel';
import type { Namespace } from './namespace';
import { forwardsIpv4 } from './sysctl';

/** A section of /proc/net/snmp or /proc/net/netstat: its counters in the kernel's order. */
export interface SnmpSection {
  readonly title: string;
  readonly counters: readonly (readonly [string, number])[];
}

const words = (text: string) => text.split(' ');

/** The counters of each section, in the order Linux 6.x writes them (net/ipv4/proc.c snmp4_*_list, snmp4_net_list). */
const IP = words(
  'Forwarding DefaultTTL InReceives InHdrErrors InAddrErrors ForwDatagrams InUnknownProtos InDiscards InDelivers OutRequests OutDiscards OutNoRoutes ReasmTimeout ReasmReqds ReasmOKs ReasmFails FragOKs FragFails FragCreates OutTransmits',
);
const ICMP = words(
  'InMsgs InErrors InCsumErrors InDestUnreachs InTimeExcds InParmProbs InSrcQuenchs InRedirects InEchos InEchoReps InTimestamps InTimestampReps InAddrMasks InAddrMaskReps OutMsgs OutErrors OutRateLimitGlobal OutRateLimitHost OutDestUnreachs OutTimeExcds OutParmProbs OutSrcQuenchs OutRedirects OutEchos OutEchoReps OutTimestamps OutTimestampReps OutAddrMasks OutAddrMaskReps',
);
const TCP = words(
  'RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails EstabResets CurrEstab InSegs OutSegs RetransSegs InErrs OutRsts InCsumErrors',
);
const UDP = words(
  'InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors IgnoredMulti MemErrors',
);
const IP_EXT = words(
  'InNoRoutes InTruncatedPkts InMcastPkts OutMcastPkts InBcastPkts OutBcastPkts InOctets OutOctets InMcastOctets OutMcastOctets InBcastOctets OutBcastOctets InCsumErrors InNoECTPkts InECT1Pkts InECT0Pkts InCEPkts ReasmOverlaps',
);

/**
 * /proc/net/snmp then /proc/net/netstat of a namespace, as netstat -s reads
 * them. Ip's Forwarding is 1 when the namespace forwards, 2 when not; TCP's
 * constants are Linux's (RFC 2988's algorithm 1, 200 ms and 120 s, no
 * connection limit). IcmpMsg lists only the types seen (icmpmsg_put). Of
 * TcpExt only TCPHPHits is kept, 0: the extensions TCP traffic moves
 * (TCPPureAcks, TCPOrigDataSent...) are not counted; MPTcpExt reads all 0.
 */
export function snmpSections(kernel: Kernel, namespace: Namespace): SnmpSection[] {
  const counters = namespace.snmp ?? {};
  const section = (title: string, names: readonly string[], constants: Record<string, number> = {}): SnmpSection => ({
    title,
    counters: names.map((name) => [name, constants[name] ?? counters[`${title}.${name}`] ?? 0] as const),
  });
  const icmpTypes = (direction: 'In' | 'Out') =>
    Object.keys(counters)
      .filter((key) => key.startsWith(`IcmpMsg.${direction}Type`))
      .map((key) => key.slice('IcmpMsg.'.length))
      .sort((a, b) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, '')));
  const icmpMsg = [...icmpTypes('In'), ...icmpTypes('Out')];
  return [
    section('Ip', IP, { Forwarding: forwardsIpv4(kernel, namespace) ? 1 : 2, DefaultTTL: 64 }),
    section('Icmp', ICMP),
    ...(icmpMsg.length > 0 ? [section('IcmpMsg', icmpMsg)] : []),
    section('Tcp', TCP, { RtoAlgorithm: 1, RtoMin: 200, RtoMax: 120000, MaxConn: -1 }),
    section('Udp', UDP),
    { title: 'UdpLite', counters: UDP.map((name) => [name, 0] as const) },
    { title: 'TcpExt', counters: [['TCPHPHits', 0]] },
    section('IpExt', IP_EXT),
    { title: 'MPTcpExt', counters: [] },
  ];
}
