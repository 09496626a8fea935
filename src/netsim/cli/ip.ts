import { dumpLinks, dumpRoutes, dumpRoutes6, type LinkRecord } from '../kernel/dump';
import { formatIpAddr, formatIpBriefAddr, formatIpBriefLink, formatIpLink } from '../format/ip-link';
import { formatIpRoute, formatIpRoute6 } from '../format/ip-route';
import { fail, ok, type CommandResult, type ProcessContext, type Program } from './command';
import { ipErrors, isShow, type IpOptions, type ObjectHandler } from './ip-common';
import { parseLinkFilter, selectLinks } from './ip-link-filter';
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

/** The links `ip link show` and `ip addr show` print, or ip's error; `device` is set when one was named. */
function linksToShow(object: string, args: string[], context: ProcessContext): { links: LinkRecord[]; device: string | undefined } | CommandResult {
  const links = dumpLinks(context.kernel, context.namespace);
  const filter = parseLinkFilter(object, args, links);
  if ('exitCode' in filter) return filter;
  return { links: selectLinks(links, filter), device: filter.device };
}

function showAddresses(args: string[], options: IpOptions, context: ProcessContext): CommandResult {
  const selected = linksToShow('address', args, context);
  if (!('links' in selected)) return selected;
  const { links, device } = selected;
  if (options.brief) return ok(formatIpBriefAddr(links, options.family));
  // Without a device, `ip -6 addr` reads the links with an AF_INET6 dump; with one, it asks for that link alone.
  return ok(formatIpAddr(links, { family: options.family, inet6Dump: options.family === 'inet6' && device === undefined }));
}

function showLinks(args: string[], options: IpOptions, context: ProcessContext): CommandResult {
  const selected = linksToShow('link', args, context);
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
