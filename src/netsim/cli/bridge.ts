import { dumpLinks, type LinkRecord } from '../kernel/dump';
import { formatBridgeLink, type BridgePortRecord } from '../format/bridge-link';
import { fail, ok, type CommandResult, type ProcessContext, type Program } from './command';
import { bridgeFdb } from './bridge-fdb';
import { bridgeVlan } from './bridge-vlan';
import { isShow, matches } from './ip-common';

/** The bridge driver's defaults (net/bridge/br_if.c): priority 32; a 10 Gb/s veth costs 2 (port_cost). */
const PORT_PRIORITY = 32;
const VETH_PORT_COST = 2;

/** bridge.c's objects, each found by matches() in this order: `bridge f` is fdb, `bridge v` vlan. */
const OBJECTS: [string, ((args: readonly string[], context: ProcessContext) => CommandResult) | undefined][] = [
  ['link', bridgeLink],
  ['fdb', bridgeFdb],
  ['mdb', undefined],
  ['vlan', bridgeVlan],
  ['vni', undefined],
  ['monitor', undefined],
];

/** iproute2's bridge: `link`, `fdb` and `vlan` of the bridges in the namespace. */
export const bridgeProgram: Program = {
  name: 'bridge',
  run(args, context) {
    const options = bridgeOptions(args);
    if ('exitCode' in options) return options;
    const [object, ...rest] = options.rest;
    if (object === undefined) return fail(USAGE, 255);
    const entry = OBJECTS.find(([name]) => matches(object, name));
    if (!entry) return fail(`Object "${object}" is unknown, try "bridge help".\n`, 255);
    const [name, handler] = entry;
    if (!handler) return fail(`bridge: object "${name}" is not available in this simulator yet.\n`, 255);
    return handler(rest, context);
  },
};

/** `bridge link [show] [dev DEV]`: the ports of every bridge in the namespace. */
function bridgeLink(rest: readonly string[], context: ProcessContext): CommandResult {
  const [verb, ...filters] = rest;
  if (verb !== undefined && !isShow(verb)) return fail(`Command "${verb}" is unknown, try "bridge link help".\n`, 255);
  const links = dumpLinks(context.kernel, context.namespace);
  let device: string | undefined;
  for (let index = 0; index < filters.length; index++) {
    const word = filters[index]!;
    if (word === 'dev') device = filters[++index];
    else device = word;
  }
  if (device !== undefined && !links.some((link) => link.name === device))
    return fail(`Cannot find device "${device}"\n`, 1);
  const ports = links
    .filter((link) => link.master !== undefined && (device === undefined || link.name === device))
    .map((link) => portOf(link, links));
  return ok(formatBridgeLink(ports));
}

function portOf(link: LinkRecord, links: readonly LinkRecord[]): BridgePortRecord {
  // br_port_state_selection: a port of a bridge that is down stays disabled.
  const bridgeUp = links.find((candidate) => candidate.name === link.master)?.flags.includes('UP') ?? false;
  const up = link.flags.includes('UP') && link.flags.includes('LOWER_UP') && bridgeUp;
  return {
    link,
    peerName: peerName(link, links),
    state: up ? 'forwarding' : 'disabled',
    priority: PORT_PRIORITY,
    cost: VETH_PORT_COST,
  };
}

/** bridge link resolves IFLA_LINK in its own namespace, so a peer's ifindex 2 prints as the host's own link 2. */
function peerName(link: LinkRecord, links: readonly LinkRecord[]): string | undefined {
  const elsewhere = /^if(\d+)$/.exec(link.linkSuffix ?? '');
  if (!elsewhere || link.linkNetnsId === undefined) return link.linkSuffix;
  const index = Number(elsewhere[1]);
  return links.find((candidate) => candidate.index === index)?.name ?? `if${index}`;
}

/**
 * bridge.c main's options, each by matches() in its order: `-V` prints the
 * version (Debian 13's iproute2 6.15.0) and exits; `-o` changes nothing a
 * link line shows (each is one line already); the others netsim does not
 * simulate, and an unknown one exits -1.
 */
function bridgeOptions(args: readonly string[]): { rest: readonly string[] } | CommandResult {
  let index = 0;
  for (; index < args.length && args[index]!.startsWith('-'); index++) {
    if (args[index] === '--') return { rest: args.slice(index + 1) };
    const option = args[index]!.replace(/^--/, '-');
    if (matches(option, '-help')) return fail(USAGE, 255);
    if (matches(option, '-Version')) return ok('bridge utility, 6.15.0\n');
    if (matches(option, '-oneline')) continue;
    // bridge.c knows these, in this order after -Version; the simulation does not act on them.
    if (
      UNSIMULATED_OPTIONS.some((known) => matches(option, known)) ||
      option === '-4' ||
      option === '-6' ||
      /^-c(olor)?(=|$)/.test(option)
    ) {
      return fail(`bridge: option "${option}" is not available in this simulator yet.\n`, 255);
    }
    return fail(`Option "${option}" is unknown, try "bridge help".\n`, 255);
  }
  return { rest: args.slice(index) };
}

const UNSIMULATED_OPTIONS = [
  '-stats',
  '-statistics',
  '-details',
  '-timestamp',
  '-family',
  '-netns',
  '-compressvlans',
  '-force',
  '-json',
  '-pretty',
  '-batch',
];

/** bridge/bridge.c usage() as of iproute2 6.15 (Debian 13), which exits -1. */
const USAGE = `Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }
       bridge [ -force ] -batch filename
where  OBJECT := { link | fdb | mdb | vlan | vni | monitor }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |
                    -o[neline] | -t[imestamp] | -n[etns] name |
                    -com[pressvlans] -c[olor] -p[retty] -j[son] }
`;
