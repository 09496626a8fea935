import { linkNamed, type Namespace } from '../kernel/namespace';
import { KernelError } from '../kernel/errno';
import type { IpvlanFlag, IpvlanMode, LinkKind, MacvlanMode, StackMode } from '../kernel/link';
import { dellink, newlinkKind, rtnetlinkRequest } from '../kernel/rtnetlink';
import { parseMac, type Mac } from '../wire/mac';
import { fail, ok, type CommandResult, type ProcessContext } from './command';
import { ipErrors, matches, netlinkFailure, type IpOptions } from './ip-common';
import { netnsByArgument } from './ip-netns';

/**
 * One device's side of `ip link add|set|delete` as iplink_parse (iproute2 6.15
 * ip/iplink.c) reads it: the words it knows, in any order, until `type`.
 */
interface LinkRequest {
  dev: string | undefined;
  name: string | undefined;
  up: boolean | undefined;
  mtu: number | undefined;
  txqlen: number | undefined;
  address: Mac | undefined;
  /** A master's name, or null for `nomaster`. */
  master: string | null | undefined;
  netns: Namespace | undefined;
  /** `link DEV`: the lower device of a macvlan or ipvlan link. */
  link: string | undefined;
  type: string | undefined;
  /** The words after `type KIND`, for the kind's own parser. */
  rest: string[];
}

/** Words of iplink_parse this simulator does not act on: each takes an argument. */
const UNAVAILABLE = [
  'broadcast',
  'brd',
  'multicast',
  'allmulticast',
  'promisc',
  'trailers',
  'arp',
  'carrier',
  'vf',
  'vrf',
  'dynamic',
  'alias',
  'group',
  'mode',
  'state',
  'numtxqueues',
  'numrxqueues',
  'addrgenmode',
  'link-netns',
  'link-netnsid',
  'protodown',
  'index',
  'xdp',
  'xdpgeneric',
  'xdpdrv',
  'xdpoffload',
  'gso_max_size',
  'gso_max_segs',
  'gro_max_size',
  'parentdev',
];

/** check_ifname (lib/utils.c): at most IFNAMSIZ-1 bytes, no `/`, `:` nor white space. */
const validIfname = (name: string) => name.length > 0 && name.length < 16 && !/[/:\s]/.test(name);

type Parsed = { request: LinkRequest } | { result: CommandResult };

/** get_integer with base 0: decimal, 0x hex or 0 octal, the whole word. */
function integer(word: string): number | undefined {
  if (/^-?(0x[0-9a-f]+|0[0-7]*|[1-9][0-9]*)$/i.test(word))
    return Number.parseInt(word, /^-?0x/i.test(word) ? 16 : /^-?0[0-7]/.test(word) ? 8 : 10);
  return undefined;
}

function parseLinkWords(words: readonly string[], context: ProcessContext, options: IpOptions): Parsed {
  const request: LinkRequest = {
    dev: undefined,
    name: undefined,
    up: undefined,
    mtu: undefined,
    txqlen: undefined,
    address: undefined,
    master: undefined,
    netns: undefined,
    link: undefined,
    type: undefined,
    rest: [],
  };
  const links = [...context.namespace.links.values()];
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const next = (): string | undefined => words[++index];
    if (word === 'up' || word === 'down') request.up = word === 'up';
    else if (word === 'name') {
      const name = next();
      if (name === undefined) return { result: ipErrors.incomplete() };
      if (request.name !== undefined) return { result: ipErrors.duplicate('name', name) };
      if (!validIfname(name)) return { result: ipErrors.invalidArgument('"name" not a valid ifname', name) };
      request.name = name;
    } else if ('address'.startsWith(word) && word.length > 0) {
      const text = next();
      if (text === undefined) return { result: ipErrors.incomplete() };
      const mac = parseMac(text);
      // ll_addr_a2n: what is not hex pairs is refused, and iplink_parse returns -1.
      if (!mac) return { result: fail(`"${text}" is invalid lladdr.\n`, 1) };
      request.address = mac;
    } else if (word === 'mtu' || word === 'txqueuelen' || word === 'qlen' || word === 'txqlen') {
      const key = word === 'mtu' ? 'mtu' : 'txqueuelen';
      const text = next();
      if (text === undefined) return { result: ipErrors.incomplete() };
      if ((key === 'mtu' ? request.mtu : request.txqlen) !== undefined)
        return { result: ipErrors.duplicate(key, text) };
      const value = integer(text);
      if (value === undefined) return { result: ipErrors.invalidArgument(`Invalid "${key}" value\n`, text) };
      if (key === 'mtu') request.mtu = value;
      else request.txqlen = value;
    } else if (word === 'netns') {
      const text = next();
      if (text === undefined) return { result: ipErrors.incomplete() };
      if (request.netns !== undefined) return { result: ipErrors.duplicate('netns', text) };
      const target = netnsByArgument(text, context, options);
      if (!target) return { result: ipErrors.invalidArgument('Invalid "netns" value\n', text) };
      request.netns = target;
    } else if ('master'.startsWith(word) && word.length > 0) {
      const text = next();
      if (text === undefined) return { result: ipErrors.incomplete() };
      if (!links.some((link) => link.name === text))
        return { result: ipErrors.invalidArgument('Device does not exist\n', text) };
      request.master = text;
    } else if ('nomaster'.startsWith(word) && word.length > 2) request.master = null;
    else if ('link'.startsWith(word) && word.length > 0) {
      const text = next();
      if (text === undefined) return { result: ipErrors.incomplete() };
      request.link = text;
    } else if ('type'.startsWith(word) && word.length > 0) {
      const kind = next();
      if (kind === undefined) return { result: ipErrors.incomplete() };
      request.type = kind;
      request.rest = words.slice(index + 1);
      break;
    } else if (UNAVAILABLE.includes(word))
      return { result: fail(`ip link: "${word}" is not available in this simulator yet.\n`, 255) };
    else {
      const dev = word === 'dev' ? next() : word;
      if (dev === undefined) return { result: ipErrors.incomplete() };
      if (request.dev !== undefined) return { result: ipErrors.duplicateOrGarbage('dev', dev) };
      request.dev = dev;
    }
  }
  return { request };
}

/** link_veth.c print_usage, which writes with printf: to stdout. */
const VETH_USAGE = "Usage: ip link <options> type veth [peer <options>]\nTo get <options> type 'ip link add help'\n";

/** `ip link add NAME type bridge|dummy|veth [peer [name] PEER [netns NS]]`: RTM_NEWLINK with NLM_F_CREATE|NLM_F_EXCL. */
export function ipLinkAdd(args: readonly string[], options: IpOptions, context: ProcessContext): CommandResult {
  const parsed = parseLinkWords(args, context, options);
  if ('result' in parsed) return parsed.result;
  const { request } = parsed;
  const name = request.name ?? request.dev;
  if (request.name !== undefined && request.dev !== undefined && request.name !== request.dev)
    return fail('both "name" and "dev" cannot be used when creating devices.\n', 255);
  if (request.type === undefined) return fail('Not enough information: "type" argument is required\n', 1);
  let peer: LinkRequest | undefined;
  if (request.type === 'veth' && request.rest.length > 0) {
    if (request.rest[0] !== 'peer') return { stdout: VETH_USAGE, stderr: '', exitCode: 1 };
    const parsedPeer = parseLinkWords(request.rest.slice(1), context, options);
    if ('result' in parsedPeer) return parsedPeer.result;
    if (parsedPeer.request.type !== undefined) return ipErrors.duplicate('type', parsedPeer.request.type);
    peer = parsedPeer.request;
  }
  // iplink_parse looks the lower device up (ll_name_to_index) before the kind reads its options.
  if (request.link !== undefined && !linkNamed(context.namespace, request.link)) return ipErrors.noDevice(request.link);
  const stack =
    request.type === 'macvlan' || request.type === 'ipvlan'
      ? stackMode(request.type, request.rest)
      : request.type === 'vlan'
        ? vlanMode(request.rest, request.link)
        : undefined;
  if (stack && 'exitCode' in stack) return stack;
  if (!stack && request.type !== 'veth' && request.rest.length > 0) {
    return fail(`ip link: options of type ${request.type} are not available in this simulator yet.\n`, 255);
  }
  const type = request.type;
  const { kernel, namespace } = context;
  const failure = rtnetlinkRequest({ netAdmin: context.isRoot }, () => {
    if (stack) {
      // macvlan_common_newlink and ipvlan_link_new: no IFLA_LINK is EINVAL.
      if (request.link === undefined) throw new KernelError('EINVAL', `${type} needs a lower device`);
      const here = request.netns ?? namespace;
      const ifname = name ?? firstFreeName(here, stack.kind);
      kernel.addStackedLink(
        here,
        { name: ifname, ...(request.address ? { mac: request.address } : {}) },
        request.link,
        stack,
      );
      applyCreated(context, here, ifname, request);
      return;
    }
    const kind = newlinkKind(type);
    const here = request.netns ?? namespace;
    const ifname = name ?? firstFreeName(here, kind);
    if (kind === 'veth') {
      const peerNamespace = peer?.netns ?? here;
      const peerName = peer?.name ?? peer?.dev ?? firstFreeName(peerNamespace, 'veth', ifname);
      const [near, far] = kernel.addVethPair(here, ifname, peerName, peerNamespace, peer?.address);
      applyCreated(context, here, near.name, request);
      if (peer) applyCreated(context, peerNamespace, far.name, peer);
      return;
    }
    kernel.addLink(here, { name: ifname, kind, ...(request.address ? { mac: request.address } : {}) });
    applyCreated(context, here, ifname, request);
  });
  return failure ? netlinkFailure(failure) : ok();
}

/**
 * The words after `type macvlan` (iplink_macvlan.c macvlan_parse_opt: `mode
 * private|vepa|bridge|passthru`, vepa when none is given, the kernel's
 * default) or `type ipvlan` (iplink_ipvlan.c ipvlan_parse_opt: `mode
 * l2|l3|l3s` and one of `bridge|private|vepa`; l3 and bridge by default).
 */
function stackMode(type: 'macvlan' | 'ipvlan', words: readonly string[]): StackMode | CommandResult {
  let mode: string | undefined;
  let flag: IpvlanFlag | undefined;
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (matches(word, 'mode')) {
      mode = words[++index];
      if (mode === undefined) return ipErrors.incomplete();
      if (type === 'macvlan' && !['private', 'vepa', 'bridge', 'passthru'].includes(mode)) {
        if (mode === 'source')
          return fail('ip link: macvlan mode source is not available in this simulator yet.\n', 255);
        return fail(
          `Error: argument of "mode" must be "private", "vepa", "bridge", "passthru" or "source", not "${mode}"\n`,
          1,
        );
      }
      if (type === 'ipvlan' && !['l2', 'l3', 'l3s'].includes(mode))
        return fail('Error: argument of "mode" must be either "l2", "l3" or "l3s"\n', 1);
    } else if (
      type === 'ipvlan' &&
      flag === undefined &&
      (['private', 'vepa', 'bridge'] as const).some((candidate) => matches(word, candidate))
    ) {
      flag = (['private', 'vepa', 'bridge'] as const).find((candidate) => matches(word, candidate))!;
    } else return fail(`ip link: "${word}" of type ${type} is not available in this simulator yet.\n`, 255);
  }
  if (type === 'macvlan') return { kind: 'macvlan', mode: (mode ?? 'vepa') as MacvlanMode };
  return { kind: 'ipvlan', mode: (mode ?? 'l3') as IpvlanMode, flag: flag ?? 'bridge' };
}

/**
 * The words after `type vlan` (iplink_vlan.c vlan_parse_opt): `id VLANID`,
 * which the kernel needs (vlan_validate), on a lower device named by `link`.
 * The protocol is 802.1Q, the flags REORDER_HDR. Its other options, and the
 * kernel's errors for a missing id or device, are not simulated.
 */
function vlanMode(words: readonly string[], link: string | undefined): StackMode | CommandResult {
  const [word, id, ...rest] = words;
  const vlanId = id !== undefined && /^\d+$/.test(id) ? Number(id) : undefined;
  if (link === undefined || word === undefined || !matches(word, 'id') || rest.length > 0)
    return fail('ip link: type vlan is simulated only as `link DEV ... type vlan id VLANID`.\n', 255);
  if (vlanId === undefined || vlanId < 1 || vlanId > 4094)
    return fail(`ip link: a VLAN id other than 1 to 4094 (${id}) is not available in this simulator yet.\n`, 255);
  return { kind: 'vlan', id: vlanId };
}

/** The attributes a new link is created with: its MTU, queue length, master and flags. */
function applyCreated(context: ProcessContext, namespace: Namespace, name: string, request: LinkRequest): void {
  const { kernel } = context;
  if (request.mtu !== undefined) kernel.setMtu(namespace, name, request.mtu);
  if (request.txqlen !== undefined) kernel.setTxqlen(namespace, name, request.txqlen);
  if (typeof request.master === 'string') kernel.setMaster(namespace, name, request.master);
  if (request.up) kernel.setUp(namespace, name, true);
}

/** A link made without a name takes the kind's pattern with the first free number (dev_alloc_name: `bridge%d`, `veth%d`). */
function firstFreeName(namespace: Namespace, kind: LinkKind, taken?: string): string {
  for (let n = 0; ; n++) {
    const candidate = `${kind}${n}`;
    if (candidate !== taken && !linkNamed(namespace, candidate)) return candidate;
  }
}

/**
 * `ip link set DEV ...`: RTM_NEWLINK without NLM_F_CREATE. do_setlink applies
 * the attributes in its order, stopping at the first error: the namespace (and
 * the name with it), the address, the MTU, the name, the master, the flags.
 */
export function ipLinkSet(args: readonly string[], options: IpOptions, context: ProcessContext): CommandResult {
  const parsed = parseLinkWords(args, context, options);
  if ('result' in parsed) return parsed.result;
  const { request } = parsed;
  const dev = request.dev ?? request.name;
  if (dev === undefined) return fail('Not enough information: "dev" argument is required.\n', 255);
  if (request.type !== undefined) return fail('ip link set: type is not available in this simulator yet.\n', 255);
  if (!linkNamed(context.namespace, dev)) return ipErrors.noDevice(dev);
  const rename =
    request.name !== undefined && request.dev !== undefined && request.name !== request.dev ? request.name : undefined;
  const { kernel } = context;
  const failure = rtnetlinkRequest({ netAdmin: context.isRoot }, () => {
    let namespace = context.namespace;
    let name = dev;
    if (request.netns && request.netns !== namespace) {
      name = kernel.moveLink(namespace, dev, request.netns, rename ?? dev).name;
      namespace = request.netns;
    }
    if (request.address) kernel.setMac(namespace, name, request.address);
    if (request.mtu !== undefined) kernel.setMtu(namespace, name, request.mtu);
    if (rename !== undefined && name !== rename) {
      kernel.renameLink(namespace, name, rename);
      name = rename;
    }
    if (request.master !== undefined) kernel.setMaster(namespace, name, request.master ?? undefined);
    if (request.up !== undefined) kernel.setUp(namespace, name, request.up);
    if (request.txqlen !== undefined) kernel.setTxqlen(namespace, name, request.txqlen);
  });
  return failure ? netlinkFailure(failure) : ok();
}

/**
 * `ip link delete DEV`: RTM_DELLINK. rtnl_dellink refuses a link without
 * rtnl_link_ops (lo, a NIC) with EOPNOTSUPP; a veth takes its peer along.
 */
export function ipLinkDelete(args: readonly string[], options: IpOptions, context: ProcessContext): CommandResult {
  const parsed = parseLinkWords(args, context, options);
  if ('result' in parsed) return parsed.result;
  const dev = parsed.request.dev ?? parsed.request.name;
  if (dev === undefined) return fail('Not enough information: "dev" argument is required.\n', 255);
  if (!linkNamed(context.namespace, dev)) return ipErrors.noDevice(dev);
  const failure = rtnetlinkRequest({ netAdmin: context.isRoot }, () => dellink(context.kernel, context.namespace, dev));
  return failure ? netlinkFailure(failure) : ok();
}
