import { formatIpv4, type Ipv4 } from '../wire/ipv4';
import type { TraceHop } from '../userland/traceroute';

/** What a traceroute prints a responder as: `name (address)`, or the address alone with -n. */
export type TraceLabel = (address: Ipv4) => string;

export interface TraceHeader {
  /** The destination as typed. */
  readonly typed: string;
  readonly address: Ipv4;
  readonly maxTtl: number;
  readonly packetLength: number;
}

/**
 * Butskoy's traceroute 2.1 (Debian's traceroute): print_header, then per probe
 * print_probe: "\n%2u " at a hop's first probe, " *" for an unanswered one, the
 * address when it is the first answer of the hop or differs from the previous
 * answer, "  %.3f ms"; print_end's final newline.
 */
export function formatButskoyTrace(header: TraceHeader, hops: readonly TraceHop[], label: TraceLabel): string {
  let text = `traceroute to ${header.typed} (${formatIpv4(header.address)}), ${header.maxTtl} hops max, ${header.packetLength} byte packets`;
  for (const hop of hops) {
    text += `\n${String(hop.ttl).padStart(2)} `;
    let previous: Ipv4 | undefined;
    hop.probes.forEach((answer, index) => {
      if (!answer) {
        text += ' *';
        return;
      }
      if (index === 0 || previous === undefined || previous !== answer.from) text += ` ${label(answer.from)}`;
      previous = answer.from;
      text += `  ${answer.rttMs.toFixed(3)} ms`;
    });
  }
  return `${text}\n`;
}

/**
 * BusyBox's traceroute (networking/traceroute.c): traceroute_init's header, then
 * per hop "%2d", "  *" for a probe that timed out, "  name (address)" at a hop's
 * first answer or when the responder differs from the last one heard (lastaddr,
 * kept across hops), "  %u.%03u ms"; a newline ends each hop.
 */
export function formatBusyboxTrace(header: TraceHeader, hops: readonly TraceHop[], label: TraceLabel): string {
  let text = `traceroute to ${header.typed} (${formatIpv4(header.address)}), ${header.maxTtl} hops max, ${header.packetLength} byte packets\n`;
  let last: Ipv4 | undefined;
  for (const hop of hops) {
    text += String(hop.ttl).padStart(2);
    hop.probes.forEach((answer, index) => {
      if (!answer) {
        text += '  *';
        return;
      }
      if (index === 0 || last !== answer.from) text += `  ${label(answer.from)}`;
      last = answer.from;
      const microseconds = Math.round(answer.rttMs * 1000);
      text += `  ${Math.floor(microseconds / 1000)}.${String(microseconds % 1000).padStart(3, '0')} ms`;
    });
    text += '\n';
  }
  return text;
}
