import type { AddressRecord, LinkRecord } from '../kernel/dump';
import type { LinkDetails } from '../kernel/link-details';
import { linkDetailsFormat } from './ip-link-details-loader';

export type AddressFamily = 'inet' | 'inet6';

/**
 * Which `ip` prints: iproute2, or BusyBox's applet (networking/libiproute). BusyBox
 * prints `state` only when built against musl (Alpine), whose <net/if.h> defines
 * IFF_DORMANT; glibc builds (Debian's busybox package, the busybox image) leave it
 * out, as the captures in tests/netsim/golden/tools show.
 */
export type IpDialect = { readonly kind: 'iproute2' } | { readonly kind: 'busybox'; readonly operState: boolean };

const IPROUTE2: IpDialect = { kind: 'iproute2' };

export interface AddrOptions {
  /** `ip -4` / `ip -6`: only that family's addresses, and no link-layer line. */
  family?: AddressFamily | undefined;
  /**
   * The links came from an AF_INET6 link dump (`ip -6 addr` without a device):
   * the kernel's inet6_fill_ifinfo sends no qdisc, master, group nor netnsid,
   * and iproute2 reads the queue length with SIOCGIFTXQLEN instead.
   */
  inet6Dump?: boolean;
  dialect?: IpDialect;
  /** `ip -d`: each link's details by ifindex; with them the link-layer line is printed whatever the family. */
  details?: ReadonlyMap<number, LinkDetails>;
}

/** `ip link` / `ip addr` first line, as iproute2's print_linkinfo writes it. */
function linkHeader(link: LinkRecord, withMode: boolean): string {
  const name = link.linkSuffix ? `${link.name}@${link.linkSuffix}` : link.name;
  // print_link_flags: M-DOWN when IFLA_LINK is a device of this namespace that is down (ll_index_to_flags).
  let line = `${link.index}: ${name}: <${link.flags.join(',')}${link.peerDown ? ',M-DOWN' : ''}> mtu ${link.mtu} qdisc ${link.qdisc} `;
  if (link.master) line += `master ${link.master} `;
  line += `state ${link.operState} `;
  if (withMode) line += 'mode DEFAULT ';
  line += 'group default ';
  // print_queuelen skips a zero queue length but the space before it stays.
  if (link.txqlen > 0) line += `qlen ${link.txqlen}`;
  return line;
}

/** `link-netns NAME` when /var/run/netns names the peer's namespace, `link-netnsid N` otherwise (print_linkinfo). */
function netnsSuffix(link: LinkRecord): string {
  if (link.linkNetns !== undefined) return ` link-netns ${link.linkNetns}`;
  return link.linkNetnsId === undefined ? '' : ` link-netnsid ${link.linkNetnsId}`;
}

function linkLayerLine(link: LinkRecord): string {
  return `    link/${link.linkType} ${link.mac} brd ${link.broadcastMac}${netnsSuffix(link)}`;
}

/**
 * BusyBox's print_linkinfo: no group, mode nor link-netnsid; `qlen N` ends the line
 * without a space; `,M-DOWN` when the peer named after `@` is not up where ip runs
 * (a veth whose other end is in another namespace: ll_index_to_flags finds nothing).
 * Its print_link_flags prints NO-CARRIER first for a link that is up without carrier,
 * as iproute2 does (networking/libiproute/ipaddress.c, since BusyBox 1.17).
 */
function busyboxHeader(link: LinkRecord, operState: boolean): string {
  const name = link.linkSuffix ? `${link.name}@${link.linkSuffix}` : link.name;
  const peerElsewhere =
    link.linkSuffix !== undefined && (link.linkNetnsId !== undefined || link.linkNetns !== undefined);
  const flags = `${link.flags.join(',')}${peerElsewhere ? ',M-DOWN' : ''}`;
  let line = `${link.index}: ${name}: <${flags}> mtu ${link.mtu} qdisc ${link.qdisc} `;
  if (link.master) line += `master ${link.master} `;
  if (operState) line += `state ${link.operState} `;
  if (link.txqlen > 0) line += `qlen ${link.txqlen}`;
  return line;
}

function inet6DumpHeader(link: LinkRecord): string {
  const name = link.linkSuffix ? `${link.name}@${link.linkSuffix}` : link.name;
  return `${link.index}: ${name}: <${link.flags.join(',')}> mtu ${link.mtu} state ${link.operState} ${link.txqlen > 0 ? `qlen ${link.txqlen}` : ''}`;
}

/**
 * print_addrinfo: IPv4 lines end with the label; IPv6 lines carry no label, and
 * iproute2 6.4+ prints the address protocol, so both end in a space.
 */
function addressLines(address: AddressRecord, dialect: IpDialect): string[] {
  const broadcast = address.broadcast ? `brd ${address.broadcast} ` : '';
  // BusyBox's print_addrinfo knows no IFA_PROTO.
  const protocol = address.protocol && dialect.kind === 'iproute2' ? `proto ${address.protocol} ` : '';
  const tail = address.family === 'inet' ? address.label : protocol;
  // print_ifa_flags comes between the scope and the protocol.
  const flags = (address.flags ?? []).map((flag) => `${flag} `).join('');
  return [
    `    ${address.family} ${address.cidr} ${broadcast}scope ${address.scope} ${flags}${tail}`,
    '       valid_lft forever preferred_lft forever',
  ];
}

/** `ip link show`: BusyBox's header is the same as for `ip addr`, and its link line has no netns. With `ip -d`, each link's details follow its link line. */
export function formatIpLink(
  links: LinkRecord[],
  dialect: IpDialect = IPROUTE2,
  details?: ReadonlyMap<number, LinkDetails>,
): string {
  if (dialect.kind === 'busybox')
    return links.map((link) => `${busyboxHeader(link, dialect.operState)}\n${busyboxLinkLine(link)}\n`).join('');
  return links
    .map((link) => `${linkHeader(link, true)}\n${linkLayerLine(link)}${detailsOf(link, details, true)}\n`)
    .join('');
}

function detailsOf(
  link: LinkRecord,
  details: ReadonlyMap<number, LinkDetails> | undefined,
  withAddrGenMode: boolean,
): string {
  const found = details?.get(link.index);
  return found ? linkDetailsFormat().formatLinkDetails(found, { withAddrGenMode }) : '';
}

function busyboxLinkLine(link: LinkRecord): string {
  return `    link/${link.linkType} ${link.mac} brd ${link.broadcastMac}`;
}

/**
 * `ip addr show`. With a family, links without such an address are left out and
 * the link-layer line is not printed; `link-netnsid` then ends the first line.
 */
export function formatIpAddr(
  links: LinkRecord[],
  { family, inet6Dump = false, dialect = IPROUTE2, details }: AddrOptions = {},
): string {
  const shown = (link: LinkRecord) =>
    link.addresses.filter((address) => family === undefined || address.family === family);
  // print_linkinfo prints the link-layer line without a family, or with show_details whatever the family.
  const withLinkLine = family === undefined || details !== undefined;
  const header = (link: LinkRecord) => {
    if (dialect.kind === 'busybox') return busyboxHeader(link, dialect.operState);
    return inet6Dump
      ? inet6DumpHeader(link)
      : withLinkLine
        ? linkHeader(link, false)
        : linkHeader(link, false) + netnsSuffix(link);
  };
  return links
    .filter((link) => family === undefined || shown(link).length > 0)
    .map((link) => {
      const lines = [header(link)];
      if (withLinkLine)
        lines.push(
          dialect.kind === 'busybox' ? busyboxLinkLine(link) : linkLayerLine(link) + detailsOf(link, details, false),
        );
      for (const address of shown(link)) lines.push(...addressLines(address, dialect));
      return `${lines.join('\n')}\n`;
    })
    .join('');
}

/**
 * `ip -o link`: each record on one line, its line breaks written as `\`
 * (ip.c sets _SL_ to "\\" for -oneline; print_linkinfo writes _SL_ before
 * `    link/ether`). BusyBox's ip does the same (ip_parse_common_args.c).
 */
export function onelineRecords(text: string): string {
  return text.replace(/\n(?= )/g, '\\');
}

/**
 * `ip -o addr`: no link lines; each address on a line of its own, after its
 * link's index and bare name (print_addrinfo: `"%d: %s"` with
 * ll_index_to_name when oneline), its lifetimes after `\`. BusyBox's
 * ipaddr_list_or_flush skips the link info the same way.
 */
export function formatIpAddrOneline(links: LinkRecord[], { family, dialect = IPROUTE2 }: AddrOptions = {}): string {
  return links
    .flatMap((link) =>
      link.addresses
        .filter((address) => family === undefined || address.family === family)
        .map((address) => {
          const [line, lifetimes] = addressLines(address, dialect);
          return `${link.index}: ${link.name}${line}\\${lifetimes}\n`;
        }),
    )
    .join('');
}

function briefName(link: LinkRecord): string {
  return link.linkSuffix ? `${link.name}@${link.linkSuffix}` : link.name;
}

/** `ip -br addr`: name, state and addresses in columns of 16 and 14 (print_name_and_link, print_operstate). */
export function formatIpBriefAddr(links: LinkRecord[], family?: AddressFamily): string {
  const shown = (link: LinkRecord) =>
    link.addresses.filter((address) => family === undefined || address.family === family);
  return links
    .filter((link) => family === undefined || shown(link).length > 0)
    .map(
      (link) =>
        `${briefName(link).padEnd(16)} ${link.operState.padEnd(14)} ${shown(link)
          .map((a) => `${a.cidr} `)
          .join('')}\n`,
    )
    .join('');
}

/** `ip -br link`: name, state, MAC and flags. */
export function formatIpBriefLink(links: LinkRecord[]): string {
  return links
    .map(
      (link) => `${briefName(link).padEnd(16)} ${link.operState.padEnd(14)} ${link.mac} <${link.flags.join(',')}> \n`,
    )
    .join('');
}
