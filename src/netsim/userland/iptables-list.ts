import { formatCidr } from '../wire/cidr';
import { formatIpv4 } from '../wire/ipv4';
import type { Chain, Negatable, RuleAddress, RuleSpec } from '../kernel/netfilter/rule';
import { listingOrder } from './iptables-save';
import { formatStates, targetListText } from './iptables-rule';
import { iprangeMatch } from './iptables-iprange-loader';

export interface ListOptions {
  numeric: boolean;
  verbose: boolean;
  exact: boolean;
  lineNumbers: boolean;
  /** ip6tables (nft-ipv6.c) writes `::/0` where iptables writes `0.0.0.0/0`. */
  family?: 4 | 6;
  /** /etc/networks: the name getnetbyaddr gives an IPv4 address, shown without -n (`!loopback/8`). */
  networkNames?: ReadonlyMap<number, string>;
}

/** Port names of /etc/services that Docker's rules meet; iptables prints them without -n. */
const SERVICES: Record<number, string> = {
  22: 'ssh',
  53: 'domain',
  80: 'http',
  443: 'https',
  3306: 'mysql',
  8080: 'http-alt',
};

/**
 * `iptables -L` as iptables 1.8.11 (nf_tables) prints it: print_header,
 * print_rule_details and the address columns of nft-ipv4.c, trailing spaces kept.
 */
export function formatRuleList(table: string, chains: readonly Chain[], options: ListOptions, only?: string): string {
  const ordered = listingOrder(table, chains).filter((chain) => only === undefined || chain.name === only);
  return ordered.map((chain) => formatChain(chain, chains, options)).join('\n');
}

function formatChain(chain: Chain, all: readonly Chain[], options: ListOptions): string {
  const lines = [chainTitle(chain, all, options), header(options)];
  chain.rules.forEach((rule, index) => lines.push(ruleLine(rule.spec, rule.packets, rule.bytes, index + 1, options)));
  return lines.map((line) => `${line}\n`).join('');
}

function chainTitle(chain: Chain, all: readonly Chain[], options: ListOptions): string {
  if (chain.policy) {
    const counters = options.verbose
      ? ` ${count(chain.packets, options)} packets, ${count(chain.bytes, options)} bytes`
      : '';
    return `Chain ${chain.name} (policy ${chain.policy}${counters})`;
  }
  const references = all
    .flatMap((other) => other.rules)
    .filter((rule) => rule.spec.target.kind === 'jump' && rule.spec.target.chain === chain.name).length;
  return `Chain ${chain.name} (${references} references)`;
}

function header(options: ListOptions): string {
  const number = options.lineNumbers ? 'num  ' : '';
  const width = options.exact ? 8 : 5;
  const counters = options.verbose ? `${'pkts'.padStart(width)} ${'bytes'.padStart(width)} ` : '';
  const interfaces = options.verbose ? 'in     out     ' : '';
  return `${number}${counters}target     prot opt ${interfaces}source               destination         `;
}

/** Counters in 5 columns, shortened with K, M, G unless -x (print_num). */
function count(value: number, options: ListOptions): string {
  if (options.exact || value < 100000) return String(value);
  const units = ['K', 'M', 'G', 'T'];
  let scaled = value;
  let unit = -1;
  while (scaled >= 10000 && unit < units.length - 1) {
    scaled = Math.floor(scaled / 1000);
    unit++;
  }
  return `${scaled}${units[unit] ?? ''}`;
}

function ruleLine(spec: RuleSpec, packets: number, bytes: number, number: number, options: ListOptions): string {
  let line = options.lineNumbers ? `${String(number).padEnd(4)} ` : '';
  if (options.verbose)
    line += `${count(packets, options).padStart(options.exact ? 8 : 5)} ${count(bytes, options).padStart(options.exact ? 8 : 5)} `;
  line += `${targetName(spec).padEnd(9)} `;
  line += ` ${(spec.protocol ?? 'all').padEnd(5)}`;
  line += '-- ';
  if (options.verbose) {
    line += ` ${iface(spec.inInterface, options).padEnd(6)} `;
    line += `${iface(spec.outInterface, options).padEnd(6)} `;
  }
  line += address(spec.source, options);
  line += address(spec.destination, options);
  return line + matchText(spec, options);
}

function targetName(spec: RuleSpec): string {
  if (spec.target.kind === 'none') return '';
  return spec.target.kind === 'jump' ? spec.target.chain : spec.target.kind;
}

function iface(match: Negatable<string> | undefined, options: ListOptions): string {
  if (!match) return options.numeric ? '*' : 'any';
  return `${match.negated ? '!' : ''}${match.value}`;
}

/** print_firewall's addresses: `0.0.0.0/0` or `::/0` (`anywhere` without -n), a host without its prefix length. */
function address(match: Negatable<RuleAddress> | undefined, options: ListOptions): string {
  const negated = match?.negated ? '!' : ' ';
  const value = match?.value;
  const any = options.family === 6 ? '::/0' : '0.0.0.0/0';
  let text: string;
  if (!value || value.prefix === 0) text = options.numeric ? any : 'anywhere';
  else if (typeof value.address === 'string')
    text = value.prefix === 128 ? value.address : `${value.address}/${value.prefix}`;
  else {
    // xtables_ipaddr_to_anyname: a host name (none of these addresses has one here), else a network's name, else the number.
    const name = options.numeric ? undefined : options.networkNames?.get(value.address);
    if (value.prefix === 32) text = name ?? formatIpv4(value.address);
    else text = name ? `${name}/${value.prefix}` : formatCidr({ address: value.address, prefix: value.prefix });
  }
  return `${negated}${text.padEnd(19)} `;
}

function matchText(spec: RuleSpec, options: ListOptions): string {
  const parts: string[] = [];
  const service = (port: number) => (options.numeric ? String(port) : (SERVICES[port] ?? String(port)));
  const ports = [
    ...(spec.sourcePort === undefined ? [] : [`spt:${service(spec.sourcePort)}`]),
    ...(spec.destinationPort === undefined ? [] : [`dpt:${service(spec.destinationPort)}`]),
  ];
  if (ports.length > 0) parts.push(`${spec.protocol ?? 'tcp'} ${ports.join(' ')}`);
  // libxt_addrtype addrtype_print_v1: `ADDRTYPE match src-type LOCAL dst-type LOCAL`.
  if (spec.sourceLocal || spec.destinationLocal)
    parts.push(
      [
        'ADDRTYPE match',
        ...(spec.sourceLocal ? ['src-type LOCAL'] : []),
        ...(spec.destinationLocal ? ['dst-type LOCAL'] : []),
      ].join(' '),
    );
  // conntrack_dump: `state` for a rule written with -m state, else `ctstate`.
  if (spec.ctState)
    parts.push(
      `${spec.ctState.negated ? '! ' : ''}${spec.ctState.module === 'state' ? 'state' : 'ctstate'} ${formatStates(spec.ctState)}`,
    );
  if (spec.ctOrigDstPort)
    parts.push(`${spec.ctOrigDstPort.negated ? '! ' : ''}ctorigdstport ${spec.ctOrigDstPort.value}`);
  if (spec.ctDirection) parts.push(`ctdir ${spec.ctDirection}`);
  const ranges = spec.sourceRange || spec.destinationRange ? iprangeMatch().iprangeListText(spec) : undefined;
  if (ranges !== undefined) parts.push(ranges);
  const target = targetListText(spec.target, options.numeric);
  if (target !== undefined) parts.push(target);
  return parts.map((part) => ` ${part}`).join('');
}
