import type { Engine } from '../engine/engine';
import type { HostEtc } from '../engine/etc-files';
import { lookupHost } from '../userland/name-resolution';
import { formatIpv4 } from '../wire/ipv4';
import { ipv6Addresses } from '../kernel/dump';
import type { Namespace } from '../kernel/namespace';
import { fail, ok, type Program } from './command';
import { containerIn, type NameServices } from './name-service';

/** Debian's hostname package (hostname.c, 3.25 in Debian 13) or BusyBox's applet (networking/hostname.c). */
export type HostnameDialect = 'debian' | 'busybox';

/**
 * hostname without arguments (both print the same line): the UTS name of
 * where it runs, the container's --hostname or short ID, the host's own name
 * on the host and in --network host containers.
 *
 * -i resolves that name as any program there would (/etc/hosts first, where
 * Docker lists the container's own addresses, then DNS) and prints the
 * addresses separated by spaces: Debian's show_name(IP) walks getaddrinfo's
 * list (AF_UNSPEC, SOCK_DGRAM) and exits with errx(gai_strerror) when it
 * fails; BusyBox's -i prints gethostbyname's IPv4 list. BusyBox's own
 * failure (bb_herror_msg_and_die) is not modelled. Debian's -I lists the
 * machine's own addresses instead (allIpAddresses). Other options keep the
 * plain name.
 */
export function hostnameProgram(
  engine: Engine,
  hostEtc: () => HostEtc,
  names: NameServices,
  dialect: HostnameDialect = 'debian',
): Program {
  return {
    name: 'hostname',
    run(args, context) {
      const name = containerIn(engine, context.namespace)?.hostname ?? hostEtc().hostname;
      if (dialect === 'debian' && args.some((arg) => arg === '-I' || arg === '--all-ip-addresses'))
        return ok(allIpAddresses(context.namespace));
      const ipOption = dialect === 'debian' ? ['-i', '--ip-address'] : ['-i'];
      if (!args.some((arg) => ipOption.includes(arg))) return ok(`${name}\n`);
      const lookup = lookupHost(names(context), name);
      if (lookup.kind === 'found') {
        const addresses = [...lookup.addresses.map(formatIpv4), ...(dialect === 'debian' ? lookup.ipv6 : [])];
        return ok(`${addresses.join(' ')}\n`);
      }
      if (dialect === 'busybox')
        return fail(`hostname: ${name}: a failed lookup of BusyBox's hostname -i is not simulated\n`, 1);
      // EAI_NONAME and EAI_AGAIN in glibc's gai_strerror words.
      return fail(
        `hostname: ${lookup.kind === 'not-found' ? 'Name or service not known' : 'Temporary failure in name resolution'}\n`,
        1,
      );
    },
  };
}

/**
 * hostname -I (hostname.c, case 'I'): getifaddrs' addresses, IPv4 ones then IPv6
 * ones (the kernel's address dump goes family by family, links in index order),
 * skipping loopback, links not up, and IPv6 link-local addresses; each followed
 * by a space, then a newline.
 */
function allIpAddresses(namespace: Namespace): string {
  const links = [...namespace.links.values()]
    .filter((link) => link.kind !== 'loopback' && link.up)
    .sort((a, b) => a.index - b.index);
  const ipv4 = links.flatMap((link) => link.addresses.map((address) => formatIpv4(address.cidr.address)));
  const ipv6 = links.flatMap((link) =>
    ipv6Addresses(link, link.up)
      .filter((record) => record.scope !== 'link')
      .map((record) => record.cidr.split('/')[0]!),
  );
  return `${[...ipv4, ...ipv6].map((address) => `${address} `).join('')}\n`;
}
