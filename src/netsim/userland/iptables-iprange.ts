import type { Negatable, RuleSpec, Span } from '../kernel/netfilter/rule';
import { formatIpv4, ipv4FromNumber, type Ipv4 } from '../wire/ipv4';

/**
 * The iprange match of iptables 1.8.11 (extensions/libxt_iprange.c), IPv4 only:
 * reading `--src-range`/`--dst-range` and writing them back, for -S and
 * iptables-save (iprange_mt4_save) and for -L (iprange_mt4_print). A module of
 * its own, loaded by the first line that needs it (iptables-iprange-loader.ts).
 */

export type RangeOption = '--src-range' | '--dst-range';

/** What iprange_parse_range reads, or xtables_param_act(XTF_BAD_VALUE)'s message without the program's name. */
export type RangeParse = { readonly range: Span<Ipv4> } | { readonly problem: string };

/**
 * iprange_parse_range: `A-B`, or one address for both ends. Each is read by
 * xtables_numeric_to_ipaddr (__numeric_to_ipaddr in xtables.c): up to four
 * parts of 0-255, strtoul of base 0, a short address filled with zeros.
 */
export function parseIpRange(option: RangeOption, text: string): RangeParse {
  const dash = text.indexOf('-');
  const ends = dash < 0 ? [text, text] : [text.slice(0, dash), text.slice(dash + 1)];
  const addresses: Ipv4[] = [];
  for (const end of ends) {
    const address = numericToIpaddr(end);
    if (address === undefined) return { problem: `iprange: Bad value for "${option}" option: "${end}"` };
    addresses.push(address);
  }
  return { range: { first: addresses[0]!, last: addresses[1]! } };
}

function numericToIpaddr(text: string): Ipv4 | undefined {
  const parts = text.split('.');
  if (parts.length > 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    const value = byte(part);
    if (value === undefined) return undefined;
    bytes.push(value);
  }
  while (bytes.length < 4) bytes.push(0);
  return ipv4FromNumber(((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0);
}

/** xtables_strtoui(part, NULL, &value, 0, UINT8_MAX): the whole part, decimal, 0x hex or 0 octal. */
function byte(text: string): number | undefined {
  const match = /^(?:0[xX]([0-9a-fA-F]+)|(0[0-7]*)|([1-9]\d*))$/.exec(text);
  if (!match) return undefined;
  const value =
    match[1] !== undefined ? parseInt(match[1], 16) : match[2] !== undefined ? parseInt(match[2], 8) : Number(match[3]);
  return value <= 255 ? value : undefined;
}

const span = (range: Span<Ipv4>) => `${formatIpv4(range.first)}-${formatIpv4(range.last)}`;

/** iprange_mt4_save: ` [!] --src-range A-B [!] --dst-range A-B`, after `-m iprange`. */
export function iprangeSaveWords(spec: RuleSpec): string[] {
  const words = (option: RangeOption, match: Negatable<Span<Ipv4>> | undefined) =>
    match ? [...(match.negated ? ['!'] : []), option, span(match.value)] : [];
  if (!spec.sourceRange && !spec.destinationRange) return [];
  return ['-m', 'iprange', ...words('--src-range', spec.sourceRange), ...words('--dst-range', spec.destinationRange)];
}

/** iprange_mt4_print: `source IP range [!] A-B destination IP range [!] A-B`, numeric with or without -n. */
export function iprangeListText(spec: RuleSpec): string | undefined {
  const words = (name: string, match: Negatable<Span<Ipv4>> | undefined) =>
    match ? [`${name} IP range${match.negated ? ' !' : ''} ${span(match.value)}`] : [];
  const parts = [...words('source', spec.sourceRange), ...words('destination', spec.destinationRange)];
  return parts.length === 0 ? undefined : parts.join(' ');
}
