import { dumpNeighbours } from '../kernel/dump';
import { KernelError } from '../kernel/errno';
import { linkNamed } from '../kernel/namespace';
import type { Neighbour, NeighbourState } from '../kernel/neighbour';
import { formatIpNeigh } from '../format/ip-neigh';
import { contains, parseCidr, type Cidr } from '../wire/cidr';
import { parseIpv4, type Ipv4 } from '../wire/ipv4';
import { parseMac } from '../wire/mac';
import { fail, ok, type CommandResult, type ProcessContext } from './command';
import { ipErrors, isShow, matches, netlinkFailure, type IpOptions } from './ip-common';

/** NUD bits of include/uapi/linux/neighbour.h, as `nud N` may give them. */
const NUD_BITS: Record<number, NeighbourState | 'NOARP'> = {
  0x01: 'INCOMPLETE',
  0x02: 'REACHABLE',
  0x04: 'STALE',
  0x08: 'DELAY',
  0x10: 'PROBE',
  0x20: 'FAILED',
  0x40: 'NOARP',
  0x80: 'PERMANENT',
};

/** `ip neigh [show|list|add|del|change|replace|flush]`, as ipneigh.c's do_ipneigh dispatches. */
export function ipNeigh(args: string[], options: IpOptions, context: ProcessContext): CommandResult {
  const [verb, ...rest] = args;
  if (verb === undefined) return showNeighbours([], options, context, false);
  if (matches(verb, 'add')) return modifyNeighbour('add', rest, options, context);
  if (matches(verb, 'change') || verb === 'chg') return modifyNeighbour('change', rest, options, context);
  if (matches(verb, 'replace')) return modifyNeighbour('replace', rest, options, context);
  if (matches(verb, 'delete')) return modifyNeighbour('delete', rest, options, context);
  if (isShow(verb)) return showNeighbours(rest, options, context, false);
  if (matches(verb, 'flush')) return showNeighbours(rest, options, context, true);
  return ipErrors.unknownCommand(verb, 'neigh');
}

/**
 * nud_state_a2n: `permanent`, `reachable` and `failed` may be abbreviated, the
 * others must be spelled out, or a single NUD bit as a number.
 */
function nudState(word: string): NeighbourState | 'NOARP' | 'NONE' | undefined {
  if (matches(word, 'permanent')) return 'PERMANENT';
  if (matches(word, 'reachable')) return 'REACHABLE';
  const exact: Record<string, NeighbourState | 'NOARP' | 'NONE'> = {
    noarp: 'NOARP',
    none: 'NONE',
    stale: 'STALE',
    incomplete: 'INCOMPLETE',
    delay: 'DELAY',
    probe: 'PROBE',
  };
  if (Object.hasOwn(exact, word)) return exact[word];
  if (matches(word, 'failed')) return 'FAILED';
  const bit = /^(0x[0-9a-f]+|\d+)$/i.test(word) ? Number(word) : NaN;
  return bit === 0 ? 'NONE' : NUD_BITS[bit];
}

/** get_addr() / get_prefix(): the message names the family asked for with -4/-6. */
function badAddress(kind: 'address' | 'prefix', word: string, options: IpOptions): CommandResult {
  const family = options.family ?? 'any valid';
  return fail(`Error: ${family} ${kind} is expected rather than "${word}".\n`, 1);
}

interface ShowFilter {
  device: string | undefined;
  /** Undefined: the default, every state but NOARP. */
  states: Set<string> | undefined;
  prefix: Cidr | undefined;
}

function parseShowFilter(args: string[], options: IpOptions): ShowFilter | CommandResult {
  const filter: ShowFilter = { device: undefined, states: undefined, prefix: undefined };
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === 'dev' || word === 'nud' || word === 'to') {
      const value = args[++i];
      if (value === undefined) return ipErrors.incomplete();
      if (word === 'dev') filter.device = value;
      else if (word === 'nud') {
        const state = value === 'all' ? 'all' : nudState(value);
        if (state === undefined) return ipErrors.invalidArgument('nud state is bad', value);
        filter.states ??= new Set();
        filter.states.add(state);
      } else {
        const prefix = parsePrefix(value);
        if (!prefix) return badAddress('prefix', value, options);
        filter.prefix = prefix;
      }
    } else {
      const prefix = parsePrefix(word);
      if (!prefix) return badAddress('prefix', word, options);
      filter.prefix = prefix;
    }
  }
  return filter;
}

const parsePrefix = (word: string): Cidr | undefined =>
  word.includes('/') ? parseCidr(word) : mapAddress(parseIpv4(word));
const mapAddress = (address: Ipv4 | undefined): Cidr | undefined =>
  address === undefined ? undefined : { address, prefix: 32 };

/**
 * do_show_or_flush: list the entries the filter keeps; flush deletes them
 * instead, and never touches PERMANENT ones (filter.state ~(PERMANENT|NOARP)).
 */
function showNeighbours(args: string[], options: IpOptions, context: ProcessContext, flush: boolean): CommandResult {
  if (flush && args.length === 0) return fail('Flush requires arguments.\n', 1);
  const filter = parseShowFilter(args, options);
  if (!('device' in filter)) return filter;
  if (filter.device !== undefined && !linkNamed(context.namespace, filter.device))
    return ipErrors.noDevice(filter.device);
  // Only IPv4 neighbours (ARP) are simulated, so `ip -6 neigh` finds none.
  if (options.family === 'inet6') return ok();
  const stateWanted = (state: string) =>
    filter.states ? filter.states.has('all') || filter.states.has(state) : !flush || state !== 'PERMANENT';
  const shown = dumpNeighbours(context.namespace, context.clock.now()).filter(
    (record) =>
      (filter.device === undefined || record.device === filter.device) &&
      (!filter.prefix || contains(filter.prefix, parseIpv4(record.address)!)) &&
      stateWanted(record.state),
  );
  if (!flush) return ok(formatIpNeigh(shown, { filteredByDevice: filter.device !== undefined }));
  if (shown.length > 0 && !context.isRoot) return fail('Failed to send flush request: Operation not permitted\n', 1);
  for (const record of shown)
    context.kernel.deleteNeighbour(
      context.namespace,
      linkNamed(context.namespace, record.device)!.index,
      parseIpv4(record.address)!,
    );
  return ok();
}

interface NeighbourRequest {
  address: Ipv4 | undefined;
  device: string | undefined;
  lladdr: string | undefined;
  state: NeighbourState | 'NOARP' | 'NONE';
}

/** ipneigh_modify's argument loop: `ADDR`, `to ADDR`, `lladdr MAC`, `nud STATE`, `dev DEV`. */
function parseRequest(args: string[], options: IpOptions): NeighbourRequest | CommandResult {
  const request: NeighbourRequest = { address: undefined, device: undefined, lladdr: undefined, state: 'PERMANENT' };
  for (let i = 0; i < args.length; i++) {
    let word = args[i]!;
    if (matches(word, 'lladdr') || word === 'nud' || word === 'dev') {
      const value = args[++i];
      if (value === undefined) return ipErrors.incomplete();
      if (word === 'dev') request.device = value;
      else if (word === 'nud') {
        const state = nudState(value);
        if (state === undefined) return ipErrors.invalidArgument('nud state is bad', value);
        request.state = state;
      } else request.lladdr = value;
      continue;
    }
    if (word === 'to') {
      word = args[++i]!;
      if (word === undefined) return ipErrors.incomplete();
    }
    const address = parseIpv4(word);
    if (address === undefined && word.includes(':') && options.family !== 'inet')
      return fail(`ip: IPv6 neighbours are not available in this simulator yet.\n`, 1);
    if (address === undefined) return badAddress('address', word, options);
    request.address = address;
  }
  return request;
}

/** RTM_NEWNEIGH / RTM_DELNEIGH from `ip neigh add|change|replace|del`. */
function modifyNeighbour(
  how: 'add' | 'change' | 'replace' | 'delete',
  args: string[],
  options: IpOptions,
  context: ProcessContext,
): CommandResult {
  const request = parseRequest(args, options);
  if (!('state' in request)) return request;
  if (request.device === undefined || request.address === undefined)
    return fail('Device and destination are required arguments.\n', 255);
  const mac = request.lladdr === undefined || request.lladdr === 'null' ? undefined : parseMac(request.lladdr);
  if (request.lladdr !== undefined && request.lladdr !== 'null' && mac === undefined)
    return fail(`"${request.lladdr}" is invalid lladdr.\n`, 1);
  const link = linkNamed(context.namespace, request.device);
  if (!link) return ipErrors.noDevice(request.device);
  if (!context.isRoot) return ipErrors.rtnetlink('Operation not permitted');
  if (request.state === 'NOARP' || request.state === 'NONE')
    return fail(`ip: nud ${request.state.toLowerCase()} entries are not available in this simulator yet.\n`, 1);
  try {
    if (how === 'delete') context.kernel.deleteNeighbour(context.namespace, link.index, request.address);
    else {
      // neigh_update refuses a resolved state without a link-layer address to start from.
      const existing = context.namespace.neighbours.find(
        (entry) => entry.address === request.address && entry.device === link.index,
      );
      const lladdr = mac ?? existing?.mac;
      if (lladdr === undefined && !['INCOMPLETE', 'FAILED'].includes(request.state))
        return fail('Error: No link layer address given.\n', 2);
      const entry: Neighbour = {
        address: request.address,
        device: link.index,
        mac: lladdr,
        state: request.state,
        confirmedMs: context.clock.now(),
      };
      context.kernel.setNeighbour(context.namespace, entry, how);
    }
  } catch (error) {
    if (!(error instanceof KernelError)) throw error;
    return netlinkFailure({ errno: error.errno, extack: error.extack });
  }
  return ok();
}
