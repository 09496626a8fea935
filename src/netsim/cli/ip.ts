import { dumpLinks, type LinkRecord } from '../kernel/dump';
import { linkDetails, type LinkDetails } from '../kernel/link-details';
import {
  formatIpAddr,
  formatIpAddrOneline,
  formatIpBriefAddr,
  formatIpBriefLink,
  formatIpLink,
  onelineRecords,
} from '../format/ip-link';
import { fail, ok, type CommandResult, type ProcessContext, type Program } from './command';
import { matches, type IpHooks, type IpOptions, type ObjectHandler } from './ip-common';
import { ipAddrModify } from './ip-addr-modify';
import { parseLinkFilter, selectLinks } from './ip-link-filter';
import { ipRoute } from './ip-route';
import { toolModule } from './tool-loader';

/**
 * `ip -V` on Debian 13: iproute2 6.15.0 (ip.c prints "ip utility, iproute2-%s"
 * and, built with libbpf as Debian builds it, ", libbpf %s" from
 * get_libbpf_version()). ~: libbpf 1.5.0 is trixie's libbpf1 as far as known.
 */
export const IP_VERSION = 'ip utility, iproute2-6.15.0, libbpf 1.5.0';

/**
 * The rest of ip.c main's options, which ip knows and netsim does not act on
 * (details, statistics, JSON...): they are refused as such, not as unknown.
 */
const UNSIMULATED_OPTIONS = [
  '-loops',
  '-family',
  '-0',
  '-M',
  '-B',
  '-human',
  '-human-readable',
  '-iec',
  '-resolve',
  '-timestamp',
  '-tshort',
  '-force',
  '-batch',
  '-rcvbuf',
  '-help',
  '-Numeric',
  '-all',
  '-echo',
];

/** ip's seldom-typed objects and verbs are a tool module (ip-extras.ts), fetched the first time a line runs one. */
const extras = () => toolModule('ipExtras');
/** `-s`, `-j`, `-c` and `ip maddr` print through their own module (ip-output.ts). */
const output = () => toolModule('ipOutput');
const decorated = (options: IpOptions) => Boolean(options.stats || options.json || options.color);
const ipNeigh: ObjectHandler = (args, options, context) => extras().ipNeigh(args, options, context);
const ipNetns: ObjectHandler = (args, options, context) => extras().ipNetns(args, options, context);
const ipRule: ObjectHandler = (args, options, context) => extras().ipRule(args, options, context);
const ipMonitor: ObjectHandler = (args, options, context) => extras().ipMonitor(args, options, context);

/**
 * iproute2's object table, in its order: `ip a` is address, `ip n` is neighbor
 * and `ip l` is link because a prefix picks the first entry it matches (ip.c, matches()).
 */
const OBJECTS: [string, ObjectHandler | undefined][] = [
  ['address', address],
  ['addrlabel', undefined],
  ['maddress', (args, options, context) => output().ipMaddr(args, options, context)],
  ['route', ipRoute],
  ['rule', ipRule],
  ['neighbor', ipNeigh],
  ['neighbour', ipNeigh],
  ['ntable', undefined],
  ['ntbl', undefined],
  ['link', link],
  ['l2tp', undefined],
  ['fou', undefined],
  ['tunnel', undefined],
  ['tuntap', undefined],
  ['monitor', ipMonitor],
  ['netns', ipNetns],
];

/**
 * iproute2's ip. `hooks` give it the host's processes, files and programs
 * (`ip netns exec`, `netns PID`); without them only /run/netns names are known.
 */
export function ipProgramWith(hooks: IpHooks | undefined): Program {
  return {
    name: 'ip',
    run(args, context) {
      const options: IpOptions = { family: undefined, brief: false, oneline: false, ...(hooks ? { hooks } : {}) };
      let index = 0;
      for (; index < args.length && args[index]!.startsWith('-'); index++) {
        if (args[index] === '--') {
          index++;
          break;
        }
        // main() reads `--opt` as `-opt`, and each option by matches(), in its own order: `-o` is -oneline, `-V` -Version.
        const option = args[index]!.replace(/^--/, '-');
        if (option === '-4') options.family = 'inet';
        else if (option === '-6') options.family = 'inet6';
        else if (matches(option, '-oneline')) options.oneline = true;
        else if (matches(option, '-Version')) return ok(`${IP_VERSION}\n`);
        else if (matches(option, '-brief') && option.length >= 3) options.brief = true;
        else if (matches(option, '-json')) options.json = true;
        else if (matches(option, '-pretty')) options.pretty = true;
        else if (matches(option, '-stats') || matches(option, '-statistics')) options.stats = (options.stats ?? 0) + 1;
        else if (matches(option, '-details')) options.details = true;
        else if (matches(option, '-netns')) {
          // main(): NEXT_ARG, then netns_switch, which exits -1 when it fails.
          const name = args[++index];
          if (name === undefined) return fail('Command line is not complete. Try option "help"\n', 255);
          const namespace = extras().switchNetns(name, context, hooks);
          if ('exitCode' in namespace) return namespace;
          context = { ...context, namespace };
        } else if (colorOption(option)) {
          options.color = colorOption(option)!;
        } else if (UNSIMULATED_OPTIONS.some((known) => matches(option, known))) {
          return fail(`ip: option "${option}" is not available in this simulator yet.\n`, 255);
        } else return fail(`Option "${option}" is unknown, try "ip -help".\n`, 255);
      }
      const objectWord = args[index];
      if (objectWord === undefined) return fail(usage(), 255);
      const entry = OBJECTS.find(([name]) => name.startsWith(objectWord));
      if (!entry) return fail(`Object "${objectWord}" is unknown, try "ip help".\n`, 1);
      const [, handler] = entry;
      if (!handler) return fail(`Object "${entry[0]}" is not available in this simulator yet.\n`, 1);
      // Counters and colours are printed for links and addresses, JSON for them and routes.
      if (decorated(options)) {
        const refused = output().unsimulatedOutput(entry[0], options);
        if (refused) return refused;
      }
      // Details of routes, neighbours and namespaces are not simulated: only link and address honour -d.
      if (options.details && handler !== link && handler !== address) return unsimulatedDetails();
      return handler(args.slice(index + 1), options, context);
    },
  };
}

/** matches_color (lib/color.c): `-c`, `-co`... `-color`, alone or `=always`, `=auto`, `=never`; anything else is no colour option. */
function colorOption(option: string): IpOptions['color'] | undefined {
  const [name, value] = option.includes('=')
    ? [option.slice(0, option.indexOf('=')), option.slice(option.indexOf('=') + 1)]
    : [option, ''];
  if (!matches(name, '-color')) return undefined;
  if (value === '' || value === 'always') return 'always';
  return value === 'auto' || value === 'never' ? value : undefined;
}

/** ip without the host's hooks, as tests and a bare kernel run it. */
export const ipProgram: Program = ipProgramWith(undefined);

/** do_iplink: add, set/change, delete, or show (the default). */
function link(args: string[], options: IpOptions, context: ProcessContext): CommandResult {
  const [verb, ...rest] = args;
  if (matches(verb, 'add')) return extras().ipLinkAdd(rest, options, context);
  if (matches(verb, 'set') || matches(verb, 'change')) return extras().ipLinkSet(rest, options, context);
  if (matches(verb, 'delete')) return extras().ipLinkDelete(rest, options, context);
  return showLinks(args, options, context);
}

/** do_ipaddr: add, delete, or show (the default). */
function address(args: string[], options: IpOptions, context: ProcessContext): CommandResult {
  const [verb, ...rest] = args;
  if (matches(verb, 'add')) return ipAddrModify('add', rest, context);
  if (matches(verb, 'delete')) return ipAddrModify('delete', rest, context);
  return showAddresses(args, options, context);
}

const unsimulatedDetails = () => fail('ip: option "-d" is not available in this simulator yet.\n', 255);

/** Each link's `ip -d` details, or undefined when one of them is of a kind whose details are not simulated. */
function detailsOf(links: readonly LinkRecord[], context: ProcessContext): Map<number, LinkDetails> | undefined {
  const details = new Map<number, LinkDetails>();
  for (const record of links) {
    const link = context.namespace.links.get(record.index);
    const found = link && linkDetails(context.kernel, context.namespace, link, context.clock.now());
    if (!found) return undefined;
    details.set(record.index, found);
  }
  return details;
}

function usage(): string {
  return 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n';
}

/** The links `ip link show` and `ip addr show` print, or ip's error; `device` is set when one was named. */
function linksToShow(
  object: string,
  args: string[],
  context: ProcessContext,
): { links: LinkRecord[]; device: string | undefined } | CommandResult {
  const links = dumpLinks(context.kernel, context.namespace);
  const filter = parseLinkFilter(object, args, links);
  if ('exitCode' in filter) return filter;
  return { links: selectLinks(links, filter), device: filter.device };
}

function showAddresses(args: string[], options: IpOptions, context: ProcessContext): CommandResult {
  const selected = linksToShow('address', args, context);
  if (!('links' in selected)) return selected;
  const { links, device } = selected;
  if (decorated(options))
    return ok(
      output().decorateLinks(
        links,
        options,
        'address',
        (link) => addressText([link], options, device, context) ?? '',
        context,
      ),
    );
  const text = addressText(links, options, device, context);
  return text === undefined ? unsimulatedDetails() : ok(text);
}

/** `ip addr`'s text of some links, or undefined when their details are not simulated. */
function addressText(
  links: LinkRecord[],
  options: IpOptions,
  device: string | undefined,
  context: ProcessContext,
): string | undefined {
  // print_linkinfo_brief and the one-line address records print no details.
  if (options.brief) return formatIpBriefAddr(links, options.family);
  if (options.oneline) return formatIpAddrOneline(links, { family: options.family });
  // Without a device, `ip -6 addr` reads the links with an AF_INET6 dump; with one, it asks for that link alone.
  const inet6Dump = options.family === 'inet6' && device === undefined;
  if (!options.details) return formatIpAddr(links, { family: options.family, inet6Dump });
  // An AF_INET6 link dump carries none of the details (inet6_fill_ifinfo).
  const details = inet6Dump ? undefined : detailsOf(links, context);
  return details && formatIpAddr(links, { family: options.family, details });
}

function showLinks(args: string[], options: IpOptions, context: ProcessContext): CommandResult {
  const selected = linksToShow('link', args, context);
  if (!('links' in selected)) return selected;
  const details = options.details ? detailsOf(selected.links, context) : undefined;
  if (options.details && !details) return unsimulatedDetails();
  if (decorated(options))
    return ok(
      output().decorateLinks(
        selected.links,
        options,
        'link',
        (link) => linkText([link], options, details, false),
        context,
      ),
    );
  return ok(linkText(selected.links, options, details, options.oneline));
}

function linkText(
  links: LinkRecord[],
  options: IpOptions,
  details: Map<number, LinkDetails> | undefined,
  oneline: boolean,
): string {
  if (options.brief) return formatIpBriefLink(links);
  const text = formatIpLink(links, undefined, details);
  return oneline ? onelineRecords(text) : text;
}
