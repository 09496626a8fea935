import { parseIpv6 } from '../wire/ipv6';
import { ZERO_MAC, type Mac } from '../wire/mac';
import { ipv6Addresses } from './dump';
import type { Link } from './link';
import type { Namespace } from './namespace';

/** BR_DEFAULT_AGEING_TIME (net/bridge/br_private.h): 300 s, which `ip -d link` prints as ageing_time 30000 (centiseconds). */
export const AGEING_TIME_MS = 300_000;
/** The bridge's default forward delay (br_dev_setup: 15 * HZ), `forward_delay 1500`. */
export const FORWARD_DELAY_MS = 15_000;
/** br_dev_open queues the first garbage collection HZ / 10 after the bridge comes up. */
const FIRST_GC_MS = 100;
/** br_fdb_cleanup never waits less than 10 ms before its next run. */
const MIN_GC_DELAY_MS = 10;

/**
 * br_fdb_update: a MAC seen on a port. A new one goes at the head of the list
 * (fdb_create, hlist_add_head); a known one is refreshed where it is and moves
 * to the port it came in by.
 */
export function learnMac(bridge: Link, port: number, mac: Mac, nowMs: number): void {
  const fdb = (bridge.fdb ??= []);
  const known = fdb.find((entry) => entry.mac === mac);
  if (known) {
    known.port = port;
    known.updatedMs = nowMs;
    return;
  }
  fdb.unshift({ mac, port, updatedMs: nowMs });
}

/** The learned entries still alive at `nowMs`: br_fdb_cleanup deletes one once ageing_time has passed since it was last seen. */
export function liveLearned(bridge: Link, nowMs: number): NonNullable<Link['fdb']> {
  return (bridge.fdb ?? []).filter((entry) => entry.updatedMs + AGEING_TIME_MS > nowMs && entry.updatedMs <= nowMs);
}

/**
 * The time left before the bridge's next garbage collection (IFLA_BR_GC_TIMER),
 * in milliseconds: the first run 100 ms after the bridge came up, then each
 * run schedules the next when its oldest learned entry expires, or an ageing
 * time later when it has none (br_fdb_cleanup). Zero for a bridge that is down.
 */
export function gcTimerMs(bridge: Link, nowMs: number): number {
  if (!bridge.up || bridge.openedMs === undefined) return 0;
  let run = bridge.openedMs + FIRST_GC_MS;
  while (run <= nowMs) {
    const expiries = (bridge.fdb ?? [])
      .filter((entry) => entry.updatedMs <= run && entry.updatedMs + AGEING_TIME_MS > run)
      .map((entry) => entry.updatedMs + AGEING_TIME_MS - run);
    run += Math.max(MIN_GC_DELAY_MS, Math.min(AGEING_TIME_MS, ...expiries));
  }
  return run - nowMs;
}

/** The time left on a port's forward delay timer: br_make_forwarding arms it for forward_delay when the port is enabled, even without STP. */
export function forwardDelayTimerMs(port: Link, nowMs: number): number {
  if (port.portEnabledMs === undefined) return 0;
  return Math.max(0, port.portEnabledMs + FORWARD_DELAY_MS - nowMs);
}

/**
 * The MAC in the bridge's id (br_stp_recalculate_bridge_id): the bridge's own
 * when it was set, else its lowest port's, else all zeros, though the bridge
 * device itself has a random MAC until it has ports.
 */
export function bridgeIdMac(namespace: Namespace, bridge: Link): string {
  if (bridge.macSet) return bridge.mac;
  const ports = [...namespace.links.values()].filter((port) => port.master === bridge.index);
  return ports.length === 0 ? ZERO_MAC : bridge.mac;
}

/** br_stp_disable_port (br_fdb_delete_by_port without do_all): a port that goes down loses what was learned on it; its local entries stay. */
export function forgetLearnedOn(bridge: Link, port: number): void {
  if (bridge.fdb) bridge.fdb = bridge.fdb.filter((entry) => entry.port !== port);
}

/** One line of `bridge fdb show`, as RTM_GETNEIGH (AF_BRIDGE) answers it. */
export interface FdbRecord {
  readonly mac: string;
  readonly device: string;
  /** NDA_VLAN: a local entry's twin for the bridge's default PVID. */
  readonly vlan?: number;
  /** NDA_MASTER: the bridge, for its own entries; undefined for a device's own (`self`) addresses. */
  readonly master?: string;
  readonly permanent: boolean;
}

/**
 * Debian's kernel is built with CONFIG_BRIDGE_VLAN_FILTERING: every bridge and
 * port has VLAN 1 as PVID, untagged (br_vlan_bridge_event, nbp_vlan_init), and
 * each local entry gets a VLAN 1 twin (fdb_add_local for each VLAN).
 */
export const DEFAULT_PVID = 1;

/**
 * rtnl_fdb_dump for a namespace, device by device in ifindex order: a port's
 * entries in its bridge (learned ones newest first, then its own MAC for
 * VLAN 1 and without VLAN, br_add_if then nbp_vlan_init), then the device's
 * own addresses (ndo_dflt_fdb_dump); a bridge's own addresses, then its own
 * MAC's entries, which it lacks when the MAC is a port's (fdb_add_local finds
 * the port's) or all zeros.
 */
export function dumpFdb(namespace: Namespace, carrierOf: (link: Link) => boolean, nowMs: number): FdbRecord[] {
  const records: FdbRecord[] = [];
  const links = [...namespace.links.values()].sort((a, b) => a.index - b.index);
  const local = (mac: string, device: string, master: string): FdbRecord[] => [
    { mac, device, vlan: DEFAULT_PVID, master, permanent: true },
    { mac, device, master, permanent: true },
  ];
  for (const link of links) {
    if (link.kind === 'loopback') continue;
    const bridge = link.master === undefined ? undefined : namespace.links.get(link.master);
    if (bridge) {
      for (const entry of liveLearned(bridge, nowMs))
        if (entry.port === link.index)
          records.push({ mac: entry.mac, device: link.name, master: bridge.name, permanent: false });
      records.push(...local(link.mac, link.name, bridge.name));
    }
    for (const mac of multicastMacs(namespace, link, carrierOf(link)))
      records.push({ mac, device: link.name, permanent: true });
    if (
      link.kind === 'bridge' &&
      link.mac !== ZERO_MAC &&
      !links.some((port) => port.master === link.index && port.mac === link.mac)
    )
      records.push(...local(link.mac, link.name, link.name));
  }
  return records;
}

/**
 * A device's multicast list as dev_mc_add leaves it: IPv6's all-nodes group
 * when the device registers (ipv6_add_dev), a bridge's multicast router
 * discovery groups when it opens (br_multicast_join_snoopers: 224.0.0.106,
 * ff02::6a), IPv4's all-hosts when it comes up (ip_mc_up), then the
 * solicited-node group of each IPv6 address (addrconf_join_solict).
 */
function multicastMacs(namespace: Namespace, link: Link, carrier: boolean): string[] {
  const macs: string[] = [];
  if (!link.ipv6Disabled) macs.push('33:33:00:00:00:01');
  if (link.kind === 'bridge' && link.up) macs.push('01:00:5e:00:00:6a', '33:33:00:00:00:6a');
  if (link.up) macs.push('01:00:5e:00:00:01');
  for (const address of ipv6Addresses(link, carrier)) {
    if (address.protocol === 'kernel_lo') continue;
    const mac = solicitedNodeMac(address.cidr.split('/')[0]!);
    if (!macs.includes(mac)) macs.push(mac);
  }
  // With IPv6 forwarding on, every device joins the all-routers group (ipv6_mc_... dev_forward_change).
  if (namespace.ipv6Forwarding && !link.ipv6Disabled && link.up) macs.push('33:33:00:00:00:02');
  return macs;
}

/** ff02::1:ffXX:XXXX's MAC (ipv6_eth_mc_map): 33:33 then the group's last four bytes. */
function solicitedNodeMac(address: string): string {
  const low = Number(parseIpv6(address)! & 0xffffffn);
  const tail = [0xff, low >> 16, (low >> 8) & 0xff, low & 0xff];
  return ['33', '33', ...tail.map((byte) => byte.toString(16).padStart(2, '0'))].join(':');
}
