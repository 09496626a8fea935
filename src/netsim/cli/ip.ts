import { dumpLinks, dumpRoutes, type LinkRecord } from '../kernel/dump';
import { formatIpAddr, formatIpBriefAddr, formatIpBriefLink, formatIpLink } from '../format/ip-link';
import { formatIpRoute } from '../format/ip-route';
import { fail, ok, type CommandResult, type ProcessContext, type Program } from './command';

interface IpOptions {
  family4: boolean;
  brief: boolean;
}

type ObjectHandler = (args: string[], options: IpOptions, context: ProcessContext) => CommandResult;

/**
 * iproute2's object table, in its order: `ip a` is address and `ip l` is link
 * because a prefix picks the first entry it matches (ip.c, matches()).
 */
const OBJECTS: [string, ObjectHandler | undefined][] = [
  ['address', showAddresses],
  ['addrlabel', undefined],
  ['maddress', undefined],
  ['route', showRoutes],
  ['rule', undefined],
  ['neighbor', undefined],
  ['neighbour', undefined],
  ['ntable', undefined],
  ['ntbl', undefined],
  ['link', showLinks],
  ['l2tp', undefined],
  ['fou', undefined],
  ['tunnel', undefined],
  ['tuntap', undefined],
  ['monitor', undefined],
  ['netns', undefined],
];

export const ipProgram: Program = {
  name: 'ip',
  run(args, context) {
    const options: IpOptions = { family4: false, brief: false };
    let index = 0;
    for (; index < args.length && args[index]!.startsWith('-'); index++) {
      const option = args[index]!.replace(/^--?/, '');
      if (option === '4') options.family4 = true;
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

/** iproute2's matches(): a word may be any prefix of the keyword. */
const matches = (word: string | undefined, keyword: string) => word !== undefined && word.length > 0 && keyword.startsWith(word);
const isShow = (word: string | undefined) => matches(word, 'show') || matches(word, 'list') || word === 'lst';

/** `[show|list] [dev] NAME` as iproute2 reads it; no device means all. */
function selectLinks(object: string, args: string[], context: ProcessContext): LinkRecord[] | CommandResult {
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
  if (device === undefined) return links;
  const link = links.find((candidate) => candidate.name === device);
  return link ? [link] : fail(`Device "${device}" does not exist.\n`, 1);
}

function showAddresses(args: string[], options: IpOptions, context: ProcessContext): CommandResult {
  const links = selectLinks('address', args, context);
  if (!Array.isArray(links)) return links;
  return ok(options.brief ? formatIpBriefAddr(links, options.family4) : formatIpAddr(links, options.family4));
}

function showLinks(args: string[], options: IpOptions, context: ProcessContext): CommandResult {
  const links = selectLinks('link', args, context);
  if (!Array.isArray(links)) return links;
  return ok(options.brief ? formatIpBriefLink(links) : formatIpLink(links));
}

function showRoutes(args: string[], _options: IpOptions, context: ProcessContext): CommandResult {
  if (args.length > 0 && !isShow(args[0])) return fail(`Command "${args[0]}" is unknown, try "ip route help".\n`, 255);
  return ok(formatIpRoute(dumpRoutes(context.kernel, context.namespace)));
}
