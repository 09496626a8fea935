import { reverseName, reverseName6, type DnsQuestion, type DnsReply } from '../wire/dns';
import { formatIpv4, parseIpv4, type Ipv4 } from '../wire/ipv4';

export type { DnsQuestion, DnsRecord, DnsReply, DnsType } from '../wire/dns';
export { reverseName } from '../wire/dns';

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

/**
 * What getaddrinfo(3) gives back: the addresses and, when a CNAME led to them,
 * the canonical name (ai_canonname); or EAI_NONAME (no such name) or EAI_AGAIN
 * (no server answered).
 */
export type HostLookup =
  | {
      readonly kind: 'found';
      readonly addresses: readonly Ipv4[];
      readonly canonicalName?: string;
      readonly ipv6: readonly string[];
    }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'no-answer' };

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
 * one answers. An NXDOMAIN is final; silence and SERVFAIL move on to the next
 * server (glibc res_send.c: SERVFAIL "next_ns"). The canonical name is the
 * last CNAME's target (glibc getanswer_r). The AAAA answer of the same
 * server comes along (`ipv6`), after the IPv4 addresses: the simulated
 * machines have no IPv6 route, and RFC 6724 rule 1 puts unusable destinations
 * last (glibc's rfc3484_sort); a program connects to `addresses`.
 */
export function lookupHost(service: NameService, name: string): HostLookup {
  const numeric = parseIpv4(name);
  if (numeric !== undefined) return { kind: 'found', addresses: [numeric], ipv6: [] };
  const listed = fromHostsFile(service.hosts, name);
  if (listed.length > 0) return { kind: 'found', addresses: listed, ipv6: [] };
  for (const server of service.nameservers) {
    const reply = service.query(server, { name, type: 'A' });
    if (reply === 'unreachable' || reply.status === 'SERVFAIL') continue;
    const addresses = reply.answers.flatMap((record) => (record.type === 'A' ? [record.address] : []));
    const alias = reply.answers.filter((record) => record.type === 'CNAME').at(-1);
    if (addresses.length === 0) return { kind: 'not-found' };
    const six = service.query(server, { name, type: 'AAAA' });
    const ipv6 =
      six === 'unreachable' ? [] : six.answers.flatMap((record) => (record.type === 'AAAA' ? [record.address] : []));
    return alias?.type === 'CNAME'
      ? { kind: 'found', addresses, ipv6, canonicalName: alias.target.replace(/\.$/, '') }
      : { kind: 'found', addresses, ipv6 };
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
    if (reply === 'unreachable' || reply.status === 'SERVFAIL') continue;
    const record = reply.answers.find((answer) => answer.type === 'PTR');
    return record?.type === 'PTR' ? record.target.replace(/\.$/, '') : undefined;
  }
  return undefined;
}

/** getnameinfo(3) for an IPv6 address: /etc/hosts, else the PTR answer for its ip6.arpa name. */
export function lookupAddress6(service: NameService, address: string): string | undefined {
  const listed = nameInHostsFile(service.hosts, address);
  if (listed !== undefined) return listed;
  for (const server of service.nameservers) {
    const reply = service.query(server, { name: reverseName6(address), type: 'PTR' });
    if (reply === 'unreachable' || reply.status === 'SERVFAIL') continue;
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

/** The nameserver lines of a resolv.conf, in order (resolv.conf(5); glibc uses at most three). */
export function nameserversOf(resolvConf: string): string[] {
  return resolvConf
    .split('\n')
    .map((line) => /^nameserver\s+(\S+)/.exec(line)?.[1])
    .filter((server): server is string => server !== undefined)
    .slice(0, 3);
}
