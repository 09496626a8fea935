import { formatIpv4, parseIpv4, type Ipv4 } from '../wire/ipv4';

/** One resource record of an answer: an A record's address or a PTR record's name. */
export type DnsRecord =
  | { readonly type: 'A'; readonly name: string; readonly ttl: number; readonly address: Ipv4 }
  | { readonly type: 'PTR'; readonly name: string; readonly ttl: number; readonly target: string };

/** One question: the types lessons ask for (nslookup asks A then AAAA). */
export interface DnsQuestion {
  readonly name: string;
  readonly type: 'A' | 'AAAA' | 'PTR';
}

/** What a DNS server sends back: its RCODE and its answer section. */
export interface DnsReply {
  readonly status: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';
  readonly answers: readonly DnsRecord[];
}

/**
 * Where a program's resolver looks, as the place it runs sees it: its
 * /etc/hosts, the nameservers of its /etc/resolv.conf, and the servers
 * themselves. `unreachable` is a server no packet reaches (no route, or the
 * network is --internal and the query must leave the host).
 */
export interface NameService {
  readonly hosts: string;
  readonly nameservers: readonly string[];
  query(server: string, question: DnsQuestion): DnsReply | 'unreachable';
}

/** What getaddrinfo(3) gives back: the addresses, or EAI_NONAME (no such name) or EAI_AGAIN (no server answered). */
export type HostLookup = { readonly kind: 'found'; readonly addresses: readonly Ipv4[] } | { readonly kind: 'not-found' } | { readonly kind: 'no-answer' };

/** A numeric address, or `name` as /etc/hosts lists it (canonical name and aliases on one line). */
function fromHostsFile(hosts: string, name: string): Ipv4[] {
  const wanted = name.toLowerCase();
  const found: Ipv4[] = [];
  for (const line of hosts.split('\n')) {
    const [address, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    const ipv4 = address === undefined ? undefined : parseIpv4(address);
    if (ipv4 !== undefined && names.some((entry) => entry.toLowerCase() === wanted)) found.push(ipv4);
  }
  return found;
}

/**
 * glibc's and musl's host lookup with Debian's and Alpine's `hosts: files dns`:
 * a dotted quad is itself, then /etc/hosts, then each nameserver in turn until
 * one answers. An NXDOMAIN is final; only silence moves on to the next server.
 */
export function lookupHost(service: NameService, name: string): HostLookup {
  const numeric = parseIpv4(name);
  if (numeric !== undefined) return { kind: 'found', addresses: [numeric] };
  const listed = fromHostsFile(service.hosts, name);
  if (listed.length > 0) return { kind: 'found', addresses: listed };
  for (const server of service.nameservers) {
    const reply = service.query(server, { name, type: 'A' });
    if (reply === 'unreachable') continue;
    const addresses = reply.answers.flatMap((record) => (record.type === 'A' ? [record.address] : []));
    return addresses.length > 0 ? { kind: 'found', addresses } : { kind: 'not-found' };
  }
  return { kind: 'no-answer' };
}

/**
 * getnameinfo(3) without NI_NUMERICHOST: the first /etc/hosts name of the
 * address, else the PTR answer of the first server that answers (trailing dot
 * dropped); undefined when nobody knows the address.
 */
export function lookupAddress(service: NameService, address: Ipv4): string | undefined {
  const listed = nameInHostsFile(service.hosts, formatIpv4(address));
  if (listed !== undefined) return listed;
  for (const server of service.nameservers) {
    const reply = service.query(server, { name: reverseName(address), type: 'PTR' });
    if (reply === 'unreachable') continue;
    const record = reply.answers.find((answer) => answer.type === 'PTR');
    return record?.type === 'PTR' ? record.target.replace(/\.$/, '') : undefined;
  }
  return undefined;
}

/** The first name /etc/hosts gives an address written as text (its canonical name), as getnameinfo reads the file. */
export function nameInHostsFile(hosts: string, address: string): string | undefined {
  for (const line of hosts.split('\n')) {
    const [listed, first] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (listed === address && first !== undefined) return first;
  }
  return undefined;
}

/** in-addr.arpa name of an address (RFC 1035 3.5): 172.18.0.3 -> 3.0.18.172.in-addr.arpa. */
export function reverseName(address: Ipv4): string {
  return `${formatIpv4(address).split('.').reverse().join('.')}.in-addr.arpa`;
}

/** The nameserver lines of a resolv.conf, in order (resolv.conf(5); glibc uses at most three). */
export function nameserversOf(resolvConf: string): string[] {
  return resolvConf
    .split('\n')
    .map((line) => /^nameserver\s+(\S+)/.exec(line)?.[1])
    .filter((server): server is string => server !== undefined)
    .slice(0, 3);
}
