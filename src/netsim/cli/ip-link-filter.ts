import type { LinkRecord } from '../kernel/dump';
import { fail, type CommandResult } from './command';
import { ipErrors, isShow } from './ip-common';

/**
 * What `ip link show` and `ip addr show` keep (iproute2 v6.15
 * ip/ipaddress.c ipaddr_list_flush_or_save, print_linkinfo): a device, `up`,
 * `down`, `master BR`, `nomaster`, `type KIND` (`type bridge_slave` is the kind
 * of the link's master). Any other word names the device.
 */
export interface LinkFilter {
  readonly device: string | undefined;
  readonly up: boolean;
  readonly down: boolean;
  /** A master's name, or null for `nomaster` (the kernel's IFLA_MASTER -1). */
  readonly master: string | null | undefined;
  readonly kind: string | undefined;
  readonly slaveKind: string | undefined;
}

/** Filters of ipaddr_list_flush_or_save the simulator does not apply yet: each takes an argument but `novf`-like flags. */
const UNAVAILABLE_WITH_ARGUMENT = ['to', 'scope', 'label', 'group', 'vrf', 'proto'];
/** get_filter's address flags (ifa_flag_data, plus dynamic and primary), each maybe negated with `-`. */
const ADDRESS_FLAGS = [
  'secondary',
  'temporary',
  'nodad',
  'optimistic',
  'dadfailed',
  'home',
  'deprecated',
  'tentative',
  'permanent',
  'mngtmpaddr',
  'noprefixroute',
  'autojoin',
  'stable-privacy',
  'dynamic',
  'primary',
];

const unavailable = (word: string) => fail(`Filter "${word}" is not available in this simulator yet.\n`, 255);

/** `[show|list] FILTER...` after `ip link` or `ip addr`; errors are ip's, with its exit status. */
export function parseLinkFilter(
  object: string,
  args: readonly string[],
  links: readonly LinkRecord[],
): LinkFilter | CommandResult {
  if (args.length > 0 && !isShow(args[0])) return ipErrors.unknownCommand(args[0]!, object);
  const words = args.slice(1);
  const filter = {
    device: undefined as string | undefined,
    up: false,
    down: false,
    master: undefined as string | null | undefined,
    kind: undefined as string | undefined,
    slaveKind: undefined as string | undefined,
  };
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const next = () => words[++index];
    if (word === 'up') filter.up = true;
    else if (word === 'down') filter.down = true;
    else if (ADDRESS_FLAGS.includes(word.replace(/^-/, ''))) return unavailable(word);
    else if (UNAVAILABLE_WITH_ARGUMENT.includes(word))
      return next() === undefined ? ipErrors.incomplete() : unavailable(word);
    else if (word === 'novf') continue;
    else if (word === 'nomaster') filter.master = null;
    else if (word === 'master') {
      const name = next();
      if (name === undefined) return ipErrors.incomplete();
      if (!links.some((link) => link.name === name)) return ipErrors.invalidArgument('Device does not exist\n', name);
      filter.master = name;
    } else if (word === 'type') {
      const kind = next();
      if (kind === undefined) return ipErrors.incomplete();
      // `bridge_slave` filters on IFLA_INFO_SLAVE_KIND `bridge`.
      if (kind.endsWith('_slave')) filter.slaveKind = kind.slice(0, -'_slave'.length);
      else filter.kind = kind;
    } else {
      const name = word === 'dev' ? next() : word;
      if (name === undefined) return ipErrors.incomplete();
      if (filter.device !== undefined) return fail(`Error: either "dev" is duplicate, or "${name}" is garbage.\n`, 255);
      filter.device = name;
    }
  }
  if (filter.device !== undefined && !links.some((link) => link.name === filter.device))
    return fail(`Device "${filter.device}" does not exist.\n`, 1);
  return filter;
}

/** IFLA_INFO_KIND: only links with a driver of their own have one; lo and a NIC answer no IFLA_LINKINFO. */
function infoKind(link: LinkRecord): string | undefined {
  return link.kind === 'loopback' || link.kind === 'ether' ? undefined : link.kind;
}

/**
 * print_linkinfo's tests, with the kernel's dump filter (rtnl_dump_ifinfo,
 * link_master_filtered) for masters: match_link_kind refuses a link without
 * IFLA_LINKINFO, and compares the kind as a string, so an unknown kind keeps nothing.
 */
export function selectLinks(links: readonly LinkRecord[], filter: LinkFilter): LinkRecord[] {
  return links.filter((link) => {
    if (filter.device !== undefined && link.name !== filter.device) return false;
    const up = link.flags.includes('UP');
    if ((filter.up && !up) || (filter.down && up)) return false;
    if (
      filter.master === null ? link.master !== undefined : filter.master !== undefined && link.master !== filter.master
    )
      return false;
    const hasLinkInfo = infoKind(link) !== undefined || link.slaveKind !== undefined;
    if (filter.kind !== undefined && !(hasLinkInfo && (infoKind(link) ?? '') === filter.kind)) return false;
    if (filter.slaveKind !== undefined && !(hasLinkInfo && (link.slaveKind ?? '') === filter.slaveKind)) return false;
    return true;
  });
}
