import { dumpLinks, dumpRoutes, dumpRoutes6, type LinkRecord } from '../kernel/dump';
import { formatIpAddr, formatIpBriefAddr, formatIpBriefLink, formatIpLink } from '../format/ip-link';
import { formatIpRoute, formatIpRoute6 } from '../format/ip-route';
import { fail, ok, type CommandResult, type ProcessContext, type Program } from './command';
import { isShow, type IpOptions, type ObjectHandler } from './ip-common';
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

/** `[show|list] [dev] NAME` as iproute2 reads it; no device means all. */
function selectLinks(object: string, args: string[], context: ProcessContext): { links: LinkRecord[]; device: string | undefined } | CommandResult {
  let rest = args;
  if (rest.length > 0) {
    if (!isShow(rest[0])) return fail(`Command "${rest[0]}" is unknown, try "ip ${object} help".\n`, 255);
    rest = rest.slice(1);
  }
  if (rest[0] === 'dev') {
    if (rest[1] === undefined) return fail('Command line is not complete. Try option "help"\n', 255);
    rest = rest.slice(1);
  }
  const links = dumpLinks(context.kernel, context.namespace);
  const device = rest[0];
  if (device === undefined) return { links, device };
  const link = links.find((candidate) => candidate.name === device);
  return link ? { links: [link], device } : fail(`Device "${device}" does not exist.\n`, 1);
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

/** `ip route` lists IPv4 routes unless -6 asks for the IPv6 table (iproute.c defaults to AF_INET). */
function showRoutes(args: string[], options: IpOptions, context: ProcessContext): CommandResult {
  if (args.length > 0 && !isShow(args[0])) return fail(`Command "${args[0]}" is unknown, try "ip route help".\n`, 255);
  if (options.family === 'inet6') return ok(formatIpRoute6(dumpRoutes6(dumpLinks(context.kernel, context.namespace))));
  return ok(formatIpRoute(dumpRoutes(context.kernel, context.namespace)));
}
