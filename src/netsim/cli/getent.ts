import { formatAddrinfo, formatHostEntry, type HostEntry } from '../format/getent';
import { dumpLinks } from '../kernel/dump';
import type { Kernel } from '../kernel/kernel';
import type { Namespace } from '../kernel/namespace';
import { lookupAddress, type NameService } from '../userland/name-resolution';
import { formatIpv4, parseIpv4 } from '../wire/ipv4';
import { isIpv6Text } from '../wire/ipv6';
import { fail, ok, type Program } from './command';
import type { NameServices } from './name-service';

type Family = 'inet' | 'inet6';

const familyOf = (address: string): Family | undefined =>
  parseIpv4(address) !== undefined ? 'inet' : isIpv6Text(address) ? 'inet6' : undefined;

/**
 * nss_files' gethostbyname2: the lines of /etc/hosts of that family that list
 * the name (Debian's /etc/host.conf says `multi on`, so every such line); the
 * first one's first name is the official name, its other names the aliases.
 */
function fromFiles(hosts: string, name: string, family: Family): HostEntry | undefined {
  const wanted = name.toLowerCase();
  const lines = hosts
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim().split(/\s+/))
    .filter(
      ([address, ...names]) =>
        address !== undefined && familyOf(address) === family && names.some((entry) => entry.toLowerCase() === wanted),
    );
  const [first] = lines;
  if (!first) return undefined;
  return { name: first[1]!, aliases: first.slice(2), addresses: lines.map(([address]) => address!) };
}

/**
 * nss_dns' gethostbyname2: the first server that answers; the CNAME chain
 * gives the official name (its end) and the aliases (the names before it).
 * 'again' is TRY_AGAIN (no server, or SERVFAIL), which lets `files dns` go on.
 */
function fromDns(service: NameService, name: string, family: Family): HostEntry | 'again' | undefined {
  for (const server of service.nameservers) {
    const reply = service.query(server, { name, type: family === 'inet' ? 'A' : 'AAAA' });
    if (reply === 'unreachable' || reply.status === 'SERVFAIL') continue;
    const addresses = reply.answers.flatMap((record) =>
      record.type === 'A' ? [formatIpv4(record.address)] : record.type === 'AAAA' ? [record.address] : [],
    );
    if (addresses.length === 0) return undefined;
    const chain = reply.answers
      .filter((record) => record.type === 'CNAME')
      .map((record) => record.name.replace(/\.$/, ''));
    const last = reply.answers.filter((record) => record.type === 'CNAME').at(-1);
    const official = last?.type === 'CNAME' ? last.target.replace(/\.$/, '') : name;
    return { name: official, aliases: chain, addresses };
  }
  return 'again';
}

function byName(service: NameService, name: string, family: Family): HostEntry | undefined {
  const listed = fromFiles(service.hosts, name, family);
  if (listed) return listed;
  const found = fromDns(service, name, family);
  return found === 'again' ? undefined : found;
}

/**
 * AI_ADDRCONFIG: a family is asked for only if the machine has an address of it
 * other than loopback (glibc check_pf.c: an IPv6 link-local address counts, so
 * the host asks for IPv6; a container whose eth0 has IPv6 disabled does not).
 */
function configuredFamilies(kernel: Kernel, namespace: Namespace): Set<Family> {
  const families = new Set<Family>();
  for (const link of dumpLinks(kernel, namespace)) {
    for (const address of link.addresses)
      if (!address.cidr.startsWith('127.') && !address.cidr.startsWith('::1/')) families.add(address.family);
  }
  return families;
}

/**
 * glibc's getent for the hosts databases: `hosts` (gethostbyname2 for AF_INET6,
 * then AF_INET; gethostbyaddr for an address) and `ahosts`/`ahostsv4`
 * (getaddrinfo, IPv4 results first on a machine without a global IPv6 route).
 * Exit 2 when a key is not found (getent.c).
 */
export function getentProgram(names: NameServices): Program {
  return {
    name: 'getent',
    run(args, context) {
      const [database, ...keys] = args;
      if (database === undefined)
        return fail(
          "getent: wrong number of arguments\nTry `getent --help' or `getent --usage' for more information.\n",
          1,
        );
      if (!['hosts', 'ahosts', 'ahostsv4'].includes(database))
        return fail(`getent: the ${database} database is not available in this simulator yet.\n`, 1);
      const service = names(context);
      let out = '';
      let status = 0;
      for (const key of keys) {
        const text =
          database === 'hosts'
            ? hostsKey(service, key)
            : ahostsKey(
                service,
                key,
                database === 'ahostsv4'
                  ? new Set<Family>(['inet'])
                  : configuredFamilies(context.kernel, context.namespace),
              );
        if (text === undefined) status = 2;
        else out += text;
      }
      return { ...ok(out), exitCode: status };
    },
  };
}

function hostsKey(service: NameService, key: string): string | undefined {
  const address = parseIpv4(key);
  if (address !== undefined) {
    const name = lookupAddress(service, address);
    return name === undefined ? undefined : formatHostEntry({ name, aliases: [], addresses: [key] });
  }
  const entry = byName(service, key, 'inet6') ?? byName(service, key, 'inet');
  return entry && formatHostEntry(entry);
}

function ahostsKey(service: NameService, key: string, families: Set<Family>): string | undefined {
  if (parseIpv4(key) !== undefined) return formatAddrinfo([key], key);
  const four = families.has('inet') ? byName(service, key, 'inet') : undefined;
  const six = families.has('inet6') ? byName(service, key, 'inet6') : undefined;
  const addresses = [...(four?.addresses ?? []), ...(six?.addresses ?? [])];
  if (addresses.length === 0) return undefined;
  return formatAddrinfo(addresses, (four ?? six)!.name);
}
