import type { SnmpSection } from '../kernel/snmp-proc';

/**
 * net-tools 2.10's `netstat -s` (statistics.c parsesnmp): /proc/net/snmp, then
 * /proc/net/netstat, section by section. A section net-tools knows (Ip, Icmp,
 * Tcp, Udp, TcpExt) prints its title when its protocol was asked for and finds
 * each counter's sentence by bsearch in its table; a section it does not know
 * (IcmpMsg, UdpLite, IpExt, MPTcpExt) prints its title and each non-zero
 * counter as `Name: N`, indented as the last sentence printed was (so IcmpMsg's
 * under ICMP's output histogram). Tables are bsearched as written, unsorted
 * entries included: `Forwarding` is never found in Iptab, so it prints as `Forwarding: 2`.
 */

type State = 'number' | 'opt_number' | 'i_forward' | 'i_inp_icmp' | 'i_outp_icmp' | 'i_rto_alg';

interface Entry {
  readonly title: string;
  readonly out: string;
  readonly type: State;
  /** I_STATIC: configuration, printed only with print_static, which netstat never sets. */
  readonly isStatic?: boolean;
  /** I_TITLE: the state's title (the ICMP histograms') is printed before the first of its entries. */
  readonly withTitle?: boolean;
}

const INDENT: Record<State, number> = {
  number: 4,
  opt_number: 4,
  i_forward: 4,
  i_inp_icmp: 8,
  i_outp_icmp: 8,
  i_rto_alg: 4,
};
const STATE_TITLE: Partial<Record<State, string>> = {
  i_inp_icmp: 'ICMP input histogram:',
  i_outp_icmp: 'ICMP output histogram:',
};

const n = (title: string, out: string, type: State = 'number'): Entry => ({ title, out, type });
const inIcmp = (title: string, out: string): Entry => ({ title, out, type: 'i_inp_icmp', withTitle: true });
const outIcmp = (title: string, out: string): Entry => ({ title, out, type: 'i_outp_icmp', withTitle: true });

const IP: readonly Entry[] = [
  { ...n('DefaultTTL', 'Default TTL is %llu'), isStatic: true },
  { ...n('Forwarding', 'Forwarding is %s', 'i_forward'), isStatic: true },
  n('ForwDatagrams', '%llu forwarded'),
  n('FragCreates', '%llu fragments created', 'opt_number'),
  n('FragFails', '%llu outgoing packets failed fragmentation', 'opt_number'),
  n('FragOKs', '%llu outgoing packets fragmented ok', 'opt_number'),
  n('InAddrErrors', '%llu with invalid addresses', 'opt_number'),
  n('InDelivers', '%llu incoming packets delivered'),
  n('InDiscards', '%llu incoming packets discarded'),
  n('InHdrErrors', '%llu with invalid headers', 'opt_number'),
  n('InReceives', '%llu total packets received'),
  n('InUnknownProtos', '%llu with unknown protocol', 'opt_number'),
  n('OutDiscards', '%llu outgoing packets dropped', 'opt_number'),
  n('OutNoRoutes', '%llu dropped because of missing route', 'opt_number'),
  n('OutRequests', '%llu requests sent out'),
  n('ReasmFails', '%llu packet reassemblies failed', 'opt_number'),
  n('ReasmOKs', '%llu packets reassembled ok', 'opt_number'),
  n('ReasmReqds', '%llu reassemblies required', 'opt_number'),
  n('ReasmTimeout', '%llu fragments dropped after timeout', 'opt_number'),
];

const ICMP: readonly Entry[] = [
  inIcmp('InAddrMaskReps', 'address mask replies: %llu'),
  inIcmp('InAddrMasks', 'address mask request: %llu'),
  inIcmp('InDestUnreachs', 'destination unreachable: %llu'),
  inIcmp('InEchoReps', 'echo replies: %llu'),
  inIcmp('InEchos', 'echo requests: %llu'),
  n('InErrors', '%llu input ICMP message failed'),
  n('InMsgs', '%llu ICMP messages received'),
  inIcmp('InParmProbs', 'wrong parameters: %llu'),
  inIcmp('InRedirects', 'redirects: %llu'),
  inIcmp('InSrcQuenchs', 'source quenches: %llu'),
  inIcmp('InTimeExcds', 'timeout in transit: %llu'),
  inIcmp('InTimestampReps', 'timestamp reply: %llu'),
  inIcmp('InTimestamps', 'timestamp request: %llu'),
  outIcmp('OutAddrMaskReps', 'address mask replies: %llu'),
  outIcmp('OutAddrMasks', 'address mask requests: %llu'),
  outIcmp('OutDestUnreachs', 'destination unreachable: %llu'),
  outIcmp('OutEchoReps', 'echo replies: %llu'),
  outIcmp('OutEchos', 'echo requests: %llu'),
  n('OutErrors', '%llu ICMP messages failed'),
  n('OutMsgs', '%llu ICMP messages sent'),
  outIcmp('OutParmProbs', 'wrong parameters: %llu'),
  outIcmp('OutRedirects', 'redirect: %llu'),
  outIcmp('OutSrcQuenchs', 'source quench: %llu'),
  outIcmp('OutTimeExcds', 'time exceeded: %llu'),
  outIcmp('OutTimestampReps', 'timestamp replies: %llu'),
  outIcmp('OutTimestamps', 'timestamp requests: %llu'),
];

const TCP: readonly Entry[] = [
  n('ActiveOpens', '%llu active connection openings'),
  n('AttemptFails', '%llu failed connection attempts'),
  n('CurrEstab', '%llu connections established'),
  n('EstabResets', '%llu connection resets received'),
  n('InErrs', '%llu bad segments received'),
  n('InSegs', '%llu segments received'),
  n('MaxConn', ''),
  n('OutRsts', '%llu resets sent'),
  n('OutSegs', '%llu segments sent out'),
  n('PassiveOpens', '%llu passive connection openings'),
  n('RetransSegs', '%llu segments retransmitted'),
  { ...n('RtoAlgorithm', 'RTO algorithm is %s', 'i_rto_alg'), isStatic: true },
  n('RtoMax', ''),
  n('RtoMin', ''),
];

const UDP: readonly Entry[] = [
  n('InDatagrams', '%llu packets received'),
  n('InErrors', '%llu packet receive errors'),
  n('NoPorts', '%llu packets to unknown port received'),
  n('OutDatagrams', '%llu packets sent'),
  n('RcvbufErrors', '%llu receive buffer errors'),
  n('SndbufErrors', '%llu send buffer errors'),
];

/** Of Tcpexttab, the one entry a namespace whose TCP extensions all read 0 prints: the others are opt_number or unknown. */
const TCP_EXT: readonly Entry[] = [n('TCPHPHits', '%llu packet headers predicted')];

/** The protocols `-t`, `-u`, `-w` ask for; none given is all (netstat.c, flag_sta). */
export interface StatisticsFilter {
  readonly raw: boolean;
  readonly tcp: boolean;
  readonly udp: boolean;
}

const KNOWN: Record<string, { table: readonly Entry[]; flag: keyof StatisticsFilter }> = {
  Ip: { table: IP, flag: 'raw' },
  Icmp: { table: ICMP, flag: 'raw' },
  Tcp: { table: TCP, flag: 'tcp' },
  Udp: { table: UDP, flag: 'udp' },
  TcpExt: { table: TCP_EXT, flag: 'tcp' },
};

/** glibc's bsearch over the table as written. */
function bsearch(table: readonly Entry[], title: string): Entry | undefined {
  let low = 0;
  let high = table.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const entry = table[middle]!;
    if (title < entry.title) high = middle;
    else if (title > entry.title) low = middle + 1;
    else return entry;
  }
  return undefined;
}

export function formatNetstatStatistics(sections: readonly SnmpSection[], filter: StatisticsFilter): string {
  let out = '';
  let state: State = 'number';
  for (const section of sections) {
    const known = KNOWN[section.title];
    const shown = known ? filter[known.flag] : true;
    // newtable: a known section's title only when its protocol is shown, and the indent starts over.
    if (shown) out += `${section.title}:\n`;
    if (known) state = 'number';
    if (!shown) continue;
    for (const [title, value] of section.counters) {
      const entry = known && bsearch(known.table, title);
      if (!entry) {
        if (value !== 0) out += `${' '.repeat(INDENT[state])}${title}: ${value}\n`;
        continue;
      }
      if (entry.isStatic || entry.out === '') continue;
      if (entry.withTitle && state !== entry.type) out += `${' '.repeat(INDENT[state])}${STATE_TITLE[entry.type]}\n`;
      const printed = entry.type === 'opt_number' && value === 0 ? '' : entry.type === 'i_rto_alg' ? '' : entry.out;
      const text =
        entry.type === 'i_inp_icmp' || entry.type === 'i_outp_icmp'
          ? value > 0
            ? printed.replace('%llu', String(value))
            : ''
          : printed.replace('%llu', String(value));
      if (text) out += `${' '.repeat(INDENT[entry.type])}${text}\n`;
      state = entry.type;
    }
  }
  return out;
}
