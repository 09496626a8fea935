import type { AddressRecord, LinkRecord, Route6Record, RouteRecord } from '../kernel/dump';
import { formatJsonList, type JsonObject } from './json-writer';

/** What `ip -j` prints of each record, beside the options that shape it. */
export interface IpJsonOptions {
  /** `ip link` (linkmode) or `ip addr` (addr_info). */
  readonly object: 'link' | 'address';
  /** `-s`: the stats64 object; `-s -s` adds the error counters. */
  readonly stats: number;
  readonly family?: 'inet' | 'inet6' | undefined;
}

/** A lifetime of INFINITY_LIFE_TIME, as print_addrinfo writes it in JSON (the text says `forever`). */
const FOREVER = 4294967295;

/**
 * `ip -j link` and `ip -j addr`: print_linkinfo's members in its order, in JSON
 * (ip/ipaddress.c, lib/utils.c print_name_and_link, iproute2 v6.15.0). A peer
 * in another namespace is `link_index` and `link_netnsid` (a named namespace
 * too: the name is only looked up for the text), one here is `link`.
 */
export function formatIpJsonLinks(links: readonly LinkRecord[], options: IpJsonOptions, pretty: boolean): string {
  const shown = (link: LinkRecord) =>
    link.addresses.filter((address) => options.family === undefined || address.family === options.family);
  const records = links
    .filter((link) => options.object === 'link' || options.family === undefined || shown(link).length > 0)
    .map((link) => linkObject(link, options, shown(link)));
  return formatJsonList(records, pretty);
}

function linkObject(link: LinkRecord, options: IpJsonOptions, addresses: readonly AddressRecord[]): JsonObject {
  const members: [string, JsonObject[number][1]][] = [['ifindex', link.index]];
  const elsewhere = link.linkNetnsId !== undefined || link.linkNetns !== undefined;
  if (link.linkSuffix !== undefined)
    members.push(elsewhere ? ['link_index', Number(link.linkSuffix.slice(2))] : ['link', link.linkSuffix]);
  members.push(['ifname', link.name], ['flags', [...link.flags, ...(link.peerDown ? ['M-DOWN'] : [])]]);
  members.push(['mtu', link.mtu], ['qdisc', link.qdisc]);
  if (link.master !== undefined) members.push(['master', link.master]);
  members.push(['operstate', link.operState]);
  if (options.object === 'link') members.push(['linkmode', 'DEFAULT']);
  members.push(['group', 'default']);
  if (link.txqlen > 0) members.push(['txqlen', link.txqlen]);
  // print_linkinfo prints the link layer unless a family was asked for.
  if (options.family === undefined) {
    members.push(['link_type', link.linkType], ['address', link.mac], ['broadcast', link.broadcastMac]);
    if (link.linkNetnsId !== undefined) members.push(['link_netnsid', link.linkNetnsId]);
  }
  if (options.object === 'link' && options.stats > 0) members.push(['stats64', statsObject(link, options.stats)]);
  if (options.object === 'address') {
    members.push(['addr_info', addresses.map(addressObject)]);
    if (options.stats > 0) members.push(['stats64', statsObject(link, options.stats)]);
  }
  return members;
}

/** print_addrinfo's members: the flags (`nodad`) after the scope, IPv4's label, IPv6's protocol, then the lifetimes. */
function addressObject(address: AddressRecord): JsonObject {
  const [local, prefix] = address.cidr.split('/');
  const members: [string, JsonObject[number][1]][] = [
    ['family', address.family],
    ['local', local!],
    ['prefixlen', Number(prefix)],
  ];
  if (address.broadcast !== undefined) members.push(['broadcast', address.broadcast]);
  members.push(['scope', address.scope]);
  for (const flag of address.flags ?? []) members.push([flag, true]);
  if (address.family === 'inet') members.push(['label', address.label]);
  if (address.protocol !== undefined) members.push(['protocol', address.protocol]);
  members.push(['valid_life_time', FOREVER], ['preferred_life_time', FOREVER]);
  return members;
}

/** print_stats64 in JSON: rx then tx; `-s -s` adds each direction's error counters and the carrier changes. */
function statsObject(link: LinkRecord, level: number): JsonObject {
  const s = link.stats;
  const rx: [string, number][] = [
    ['bytes', s.rxBytes],
    ['packets', s.rxPackets],
    ['errors', 0],
    ['dropped', s.rxDropped],
    ['over_errors', 0],
    ['multicast', s.multicast],
  ];
  const tx: [string, number][] = [
    ['bytes', s.txBytes],
    ['packets', s.txPackets],
    ['errors', 0],
    ['dropped', s.txDropped],
    ['carrier_errors', 0],
    ['collisions', 0],
  ];
  if (level > 1) {
    rx.push(['length_errors', 0], ['crc_errors', 0], ['frame_errors', 0], ['fifo_errors', 0], ['missed_errors', 0]);
    tx.push(
      ['aborted_errors', 0],
      ['fifo_errors', 0],
      ['window_errors', 0],
      ['heartbeat_errors', 0],
      ['carrier_changes', link.carrierChanges],
    );
  }
  return [
    ['rx', rx],
    ['tx', tx],
  ];
}

/**
 * `ip -j route` (ip/iproute.c print_route): the type unless unicast, dst, the
 * gateway, dev, the table unless main, the protocol unless boot, the scope
 * unless universe, prefsrc, metric, then the flags array, empty or `linkdown`.
 */
export function formatIpJsonRoutes(routes: readonly RouteRecord[], pretty: boolean, withDevice = true): string {
  return formatJsonList(
    routes.map((route) => {
      const members: [string, JsonObject[number][1]][] = [];
      if (route.type) members.push(['type', route.type]);
      members.push(['dst', route.destination]);
      if (route.gateway) members.push(['gateway', route.gateway]);
      if (withDevice) members.push(['dev', route.device]);
      if (route.table) members.push(['table', route.table]);
      if (route.protocol !== 'boot') members.push(['protocol', route.protocol]);
      if (route.scope !== 'global') members.push(['scope', route.scope]);
      if (route.source) members.push(['prefsrc', route.source]);
      if (route.metric !== undefined) members.push(['metric', route.metric]);
      members.push(['flags', route.linkDown ? ['linkdown'] : []]);
      return members;
    }),
    pretty,
  );
}

/** `ip -j -6 route`: IPv6 routes add their preference after the flags (print_route's RTA_PREF). */
export function formatIpJsonRoutes6(routes: readonly Route6Record[], pretty: boolean): string {
  return formatJsonList(
    routes.map((route) => {
      const members: [string, JsonObject[number][1]][] = [];
      if (route.type) members.push(['type', route.type]);
      members.push(['dst', route.destination]);
      if (route.gateway) members.push(['gateway', route.gateway]);
      members.push(['dev', route.device]);
      if (route.table) members.push(['table', route.table]);
      if (route.protocol) members.push(['protocol', route.protocol]);
      members.push(['metric', route.metric], ['flags', route.linkDown ? ['linkdown'] : []], ['pref', 'medium']);
      return members;
    }),
    pretty,
  );
}
