import { dumpLinks, dumpRoutes, dumpRoutes6, type LinkRecord } from '../kernel/dump';
import { formatIpAddr, formatIpBriefAddr, formatIpBriefLink, formatIpLink } from '../format/ip-link';
import { formatIpRoute, formatIpRoute6 } from '../format/ip-route';
import { fail, ok, type CommandResult, type ProcessContext, type Program } from './command';
import { ipErrors, isShow, type IpOptions, type ObjectHandler } from './ip-common';
import { ipNeigh } from './ip-neigh';
import { ipNetns } from './ip-netns';

/**
 * iproute2's object table, in its order: `ip a` is address, `ip n` is neighbor
 * and `ip l` is link because a prefix picks the first entry it matches (ip.c, matches()).
 */
const OBJECTS: [string, ObjectHandler | undefined][] = [
  ['address', showAddresses],
  ['addrlabel', undefined],
  ['maddress', undefined],
  ['route', showRoutes],
  ['rule', undefined],
  ['neighbor', ipNeigh],
  ['neighbour', ipNeigh],
  ['ntable', undefined],
  ['ntbl', undefined],
  ['link', showLinks],
  ['l2tp', undefined],
  ['fou', undefined],
  ['tunnel', undefined],
  ['tuntap', undefined],
  ['monitor', undefined],
  ['netns', ipNetns],
];

export const ipProgram: Program = {
  name: 'ip',
  run(args, context) {
    const options: IpOptions = { family: undefined, brief: false };
    let index = 0;
    for (; index < args.length && args[index]!.startsWith('-'); index++) {
      const option = args[index]!.replace(/^--?/, '');
      if (option === '4') options.family = 'inet';
      else if (option === '6') options.family = 'inet6';
      else if ('brief'.startsWith(option) && option.length >= 2) options.brief = true;
      else return fail(`Option "${args[index]}" is unknown, try "ip -help".\n`, 255);
    }
    const objectWord = args[index];
    if (objectWord === undefined) return fail(usage(), 255);
    const entry = OBJECTS.find(([name]) => name.startsWith(objectWord));
    if (!entry) return fail(`Object "${objectWord}" is unknown, try "ip help".\n`, 1);
    const [, handler] = entry;
    if (!handler) return fail(`Object "${entry[0]}" is not available in this simulator yet.\n`, 1);
    return handler(args.slice(index + 1), options, context);
  },
};

function usage(): string {
  return 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n';
}

/**
 * `[show|list] [dev] NAME [master BRIDGE]` as iproute2's ipaddr_list_flush_or_save
 * reads it; no device means all, and `master` keeps the ports of that bridge.
 */
function selectLinks(object: string, args: string[], context: ProcessContext): { links: LinkRecord[]; device: string | undefined } | CommandResult {
  let rest = args;
  if (rest.length > 0) {
    if (!isShow(rest[0])) return fail(`Command "${rest[0]}" is unknown, try "ip ${object} help".\n`, 255);
    rest = rest.slice(1);
  }
  const links = dumpLinks(context.kernel, context.namespace);
  let device: string | undefined;
  let master: string | undefined;
  for (let index = 0; index < rest.length; index++) {
    const word = rest[index]!;
    if (word === 'dev' || word === 'master') {
      const name = rest[++index];
      if (name === undefined) return ipErrors.incomplete();
      if (word === 'master') {
        if (!links.some((link) => link.name === name)) return ipErrors.invalidArgument('Device does not exist\n', name);
        master = name;
      } else device = name;
    } else device = word;
  }
  let selected = master === undefined ? links : links.filter((link) => link.master === master);
  if (device === undefined) return { links: selected, device };
  const link = links.find((candidate) => candidate.name === device);
  if (!link) return fail(`Device "${device}" does not exist.\n`, 1);
  selected = selected.filter((candidate) => candidate === link);
  return { links: selected, device };
}

function showAddresses(args: string[], options: IpOptions, context: ProcessContext): CommandResult {
  const selected = selectLinks('address', args, context);
  if (!('links' in selected)) return selected;
  const { links, device } = selected;
  if (options.brief) return ok(formatIpBriefAddr(links, options.family));
  // Without a device, `ip -6 addr` reads the links with an AF_INET6 dump; with one, it asks for that link alone.
  return ok(formatIpAddr(links, { family: options.family, inet6Dump: options.family === 'inet6' && device === undefined }));
}

function showLinks(args: string[], options: IpOptions, context: ProcessContext): CommandResult {
  const selected = selectLinks('link', args, context);
  if (!('links' in selected)) return selected;
  return ok(options.brief ? formatIpBriefLink(selected.links) : formatIpLink(selected.links));
}

/** `ip route [show] [dev DEV]` lists IPv4 routes unless -6 asks for the IPv6 table (iproute.c defaults to AF_INET). */
function showRoutes(args: string[], options: IpOptions, context: ProcessContext): CommandResult {
  if (args.length > 0 && !isShow(args[0])) return fail(`Command "${args[0]}" is unknown, try "ip route help".\n`, 255);
  const filters = args.slice(1);
  let device: string | undefined;
  for (let index = 0; index < filters.length; index++) {
    const word = filters[index]!;
    if (word !== 'dev' && word !== 'oif') return fail(`Filter "${word}" is not available in this simulator yet.\n`, 255);
    device = filters[++index];
    if (device === undefined) return ipErrors.incomplete();
    if (!dumpLinks(context.kernel, context.namespace).some((link) => link.name === device)) return fail(`Cannot find device "${device}"\n`, 1);
  }
  if (options.family === 'inet6') return ok(formatIpRoute6(dumpRoutes6(dumpLinks(context.kernel, context.namespace)).filter((route) => device === undefined || route.device === device)));
  const routes = dumpRoutes(context.kernel, context.namespace).filter((route) => device === undefined || route.device === device);
  return ok(formatIpRoute(routes, { withDevice: device === undefined }));
}
