/**
 * iproute2's output options a reader seldom types, a tool module of their own:
 * `-s` (counters), `-j` and `-p` (JSON), `-c` (colours), and `ip maddr`.
 * Plain `ip link`, `ip addr` and `ip route` stay in the core (ip.ts).
 */
import type { LinkRecord, Route6Record, RouteRecord } from '../kernel/dump';
import { dumpMulticast } from '../kernel/multicast-groups';
import { colorIpBriefText, colorIpText, colorIpDarkText } from '../format/ip-color';
import { formatIpJsonLinks, formatIpJsonRoutes, formatIpJsonRoutes6 } from '../format/ip-json';
import { formatIpMaddr } from '../format/ip-maddr';
import { formatStats64 } from '../format/ip-stats';
import { fail, ok, type CommandResult, type ProcessContext } from './command';
import { isShow, matches, type IpOptions } from './ip-common';

/**
 * The refusal for the first of -s, -j and -c that an object's output here does
 * not honour: counters and colours are printed for links and addresses, JSON for
 * them and routes; JSON of the brief listing and of the details has members of
 * its own; colours are laid on the full and brief address listings and the full
 * link listing, as captured.
 */
export function unsimulatedOutput(object: string, options: IpOptions): CommandResult | undefined {
  const linkOrAddress = object === 'link' || object === 'address';
  const colored = options.color !== undefined && options.color !== 'never' && !options.json;
  const option =
    options.stats && !linkOrAddress
      ? '-s'
      : options.json && ((!linkOrAddress && object !== 'route') || options.brief || options.details)
        ? '-j'
        : colored && (!linkOrAddress || options.oneline || (options.brief && object === 'link'))
          ? '-c'
          : undefined;
  return option && fail(`ip: option "${option}" is not available for ip ${object} in this simulator yet.\n`, 255);
}

/**
 * The text of `ip link` or `ip addr` for each link, with `-s` its counters after
 * it (print_linkinfo prints them after the link layer for `ip link`; ipaddr_list
 * after the addresses for `ip addr`), and with `-c` its colours.
 */
export function decorateLinks(
  links: readonly LinkRecord[],
  options: IpOptions,
  object: 'link' | 'address',
  textOf: (link: LinkRecord) => string,
  context: ProcessContext,
): string {
  if (options.json)
    return formatIpJsonLinks(
      links,
      { object, stats: options.stats ?? 0, family: options.family },
      options.pretty ?? false,
    );
  const text = links
    .map((link) => {
      const own = textOf(link);
      if (own === '' || !options.stats || options.brief) return own;
      return own + formatStats64(link, options.stats);
    })
    .join('');
  return colored(options.brief ? text : options.oneline ? text.replace(/\n(?= )/g, '\\') : text, options, context);
}

/** check_enable_color: `-c` and `-c=always` colour whatever stdout is, `-c=auto` only a terminal; JSON never. */
function colored(text: string, options: IpOptions, context: ProcessContext): string {
  const when = options.color ?? 'never';
  if (options.json || when === 'never' || (when === 'auto' && !context.stdoutIsTerminal)) return text;
  const painted = options.brief ? colorIpBriefText(text) : colorIpText(text);
  return darkBackground(context) ? colorIpDarkText(painted) : painted;
}

/** set_color_palette: COLORFGBG's last field 0-6 or 8 means a dark background, and the bold palette. */
function darkBackground(context: ProcessContext): boolean {
  const value = context.env?.get('COLORFGBG');
  const last = value?.includes(';') ? value.slice(value.lastIndexOf(';') + 1) : undefined;
  return last !== undefined && /^[0-68]$/.test(last);
}

/** `ip -j route` and `ip -j -6 route`. */
export function jsonRoutes(
  routes: readonly RouteRecord[],
  routes6: readonly Route6Record[] | undefined,
  options: IpOptions,
  withDevice: boolean,
): CommandResult {
  const pretty = options.pretty ?? false;
  return ok(routes6 ? formatIpJsonRoutes6(routes6, pretty) : formatIpJsonRoutes(routes, pretty, withDevice));
}

/** do_multiaddr: `ip maddr [show|list|lst] [dev] NAME`; a device that does not exist prints nothing (the filter is a name). */
export function ipMaddr(args: string[], options: IpOptions, context: ProcessContext): CommandResult {
  const [verb, ...rest] = args;
  if (options.json) return fail('ip: option "-j" is not available for ip maddr in this simulator yet.\n', 255);
  if (verb !== undefined && (matches(verb, 'add') || matches(verb, 'delete')))
    return fail(`ip maddr ${verb}: changing multicast memberships is not available in this simulator yet.\n`, 255);
  if (verb !== undefined && !isShow(verb)) return fail(`Command "${verb}" is unknown, try "ip maddr help".\n`, 255);
  let device: string | undefined;
  for (let index = 0; index < rest.length; index++) {
    let word = rest[index]!;
    if (word === 'dev') {
      word = rest[++index]!;
      if (word === undefined) return fail('Command line is not complete. Try option "help"\n', 255);
    }
    if (device !== undefined) return fail(`Error: either "dev" is duplicate, or "${word}" is garbage.\n`, 255);
    device = word;
  }
  const records = dumpMulticast(context.kernel, context.namespace)
    .filter((record) => device === undefined || record.name === device)
    .map((record) =>
      options.family === 'inet'
        ? { ...record, link: [], inet6: [] }
        : options.family === 'inet6'
          ? { ...record, link: [], inet: [] }
          : record,
    );
  return ok(formatIpMaddr(records));
}
