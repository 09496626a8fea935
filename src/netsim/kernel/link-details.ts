import { bridgeIdMac, forwardDelayTimerMs, gcTimerMs, liveLearned } from './bridge-fdb';
import type { Kernel } from './kernel';
import type { Link } from './link';
import type { Namespace } from './namespace';

/**
 * num_possible_cpus() of the simulated host (the engine's HOST_CPUS): a veth
 * gets a TX and an RX queue per possible CPU (veth_get_num_queues).
 */
const POSSIBLE_CPUS = 2;

/** The bridge's priority (br_dev_setup: 0x8000), the first half of its bridge id. */
const BRIDGE_PRIORITY = 0x8000;
/** A port's defaults (new_nbp): STP priority 32 (0x20 << 10 in the port id); a 10 Gb/s veth costs 2 (port_cost). */
const PORT_PRIORITY = 32;
const VETH_PORT_COST = 2;

/** What IFLA_LINKINFO says of a bridge (br_fill_info) that the simulation can vary; the rest are its defaults. */
export interface BridgeDetails {
  readonly bridgeId: BridgeId;
  /** IFLA_BR_GC_TIMER in centiseconds. */
  readonly gcTimer: number;
  /** IFLA_BR_FDB_N_LEARNED. */
  readonly learned: number;
}

/** What IFLA_INFO_SLAVE_DATA says of a bridge port (br_port_fill_attrs). */
export interface BridgePortDetails {
  readonly state: 'forwarding' | 'disabled';
  readonly priority: number;
  readonly cost: number;
  readonly portNo: number;
  /** The bridge's id: STP is off, so the bridge is its own designated bridge and root. */
  readonly bridgeId: BridgeId;
  /** IFLA_BRPORT_FORWARD_DELAY_TIMER in centiseconds. */
  readonly forwardDelayTimer: number;
}

/** struct ifla_bridge_id: a priority and a MAC. */
export interface BridgeId {
  readonly priority: number;
  readonly mac: string;
}

/**
 * The attributes `ip -d link` adds to a link (rtnl_fill_ifinfo), as Linux 6.12
 * (Debian 13's kernel) sends them: undefined for the kinds whose details the
 * simulation does not know (macvlan, ipvlan, dummy).
 */
export interface LinkDetails {
  readonly promiscuity: number;
  readonly allmulti: number;
  readonly minMtu: number;
  readonly maxMtu: number;
  /** IFLA_INFO_KIND; undefined for lo and a NIC, which have no rtnl_link_ops. */
  readonly kind: 'bridge' | 'veth' | 'vlan' | undefined;
  /** IFLA_VLAN_ID of a vlan link; its protocol is 802.1Q and its flags REORDER_HDR (vlan_newlink's default). */
  readonly vlanId?: number;
  readonly bridge?: BridgeDetails;
  readonly port?: BridgePortDetails;
  readonly queues: number;
  /** dev->tso_max_size: GSO_MAX_SIZE (524280) for software devices, what the driver says for a NIC. */
  readonly tsoMaxSize: number;
  /** IFLA_PARENT_DEV_BUS_NAME and _NAME: the bus device a NIC hangs on. */
  readonly parent?: { readonly bus: string; readonly device: string };
}

/**
 * The host's NIC is a virtio-net device, as on a KVM virtual machine: the
 * values of `ip -d link show eth0` on such a VM (a capture in
 * tests/netsim/golden/linux/session.ip-details.txt): virtio_net caps TSO at
 * 64 KiB and hangs off the virtio bus.
 */
const VIRTIO_NIC = { tsoMaxSize: 65_536, parent: { bus: 'virtio', device: 'virtio2' } } as const;

export function linkDetails(kernel: Kernel, namespace: Namespace, link: Link, nowMs: number): LinkDetails | undefined {
  const software = { tsoMaxSize: 524_280 };
  // br_add_if: a port is put in promiscuous and allmulti mode.
  const enslaved = link.master === undefined ? 0 : 1;
  switch (link.kind) {
    case 'loopback':
      return { promiscuity: 0, allmulti: 0, minMtu: 0, maxMtu: 0, kind: undefined, queues: 1, ...software };
    case 'ether':
      return {
        promiscuity: enslaved,
        allmulti: enslaved,
        minMtu: 68,
        maxMtu: 65_535,
        kind: undefined,
        queues: 1,
        ...VIRTIO_NIC,
      };
    case 'bridge':
      return {
        promiscuity: 0,
        allmulti: 0,
        minMtu: 68,
        maxMtu: 65_535,
        kind: 'bridge',
        bridge: bridgeDetails(namespace, link, nowMs),
        queues: 1,
        ...software,
      };
    case 'veth': {
      const port = portDetails(kernel, namespace, link, nowMs);
      return {
        promiscuity: enslaved,
        allmulti: enslaved,
        minMtu: 68,
        maxMtu: 65_535,
        kind: 'veth',
        ...(port ? { port } : {}),
        queues: POSSIBLE_CPUS,
        ...software,
      };
    }
    case 'vlan': {
      // vlan_setup: min_mtu 0, max_mtu ETH_MAX_MTU; vlan_dev_init: the lower device's TSO limit (netif_inherit_tso_max).
      const lower = kernel.lowerOf(link);
      const tsoMaxSize = lower
        ? (linkDetails(kernel, lower.namespace, lower.link, nowMs)?.tsoMaxSize ?? 65_536)
        : 65_536;
      const vlanId = link.lower?.kind === 'vlan' ? link.lower.id : 0;
      return { promiscuity: 0, allmulti: 0, minMtu: 0, maxMtu: 65_535, kind: 'vlan', vlanId, queues: 1, tsoMaxSize };
    }
    case 'dummy':
    case 'macvlan':
    case 'ipvlan':
      return undefined;
  }
}

function bridgeDetails(namespace: Namespace, bridge: Link, nowMs: number): BridgeDetails {
  return {
    bridgeId: { priority: BRIDGE_PRIORITY, mac: bridgeIdMac(namespace, bridge) },
    gcTimer: centiseconds(gcTimerMs(bridge, nowMs)),
    learned: liveLearned(bridge, nowMs).length,
  };
}

function portDetails(kernel: Kernel, namespace: Namespace, port: Link, nowMs: number): BridgePortDetails | undefined {
  const bridge = port.master === undefined ? undefined : namespace.links.get(port.master);
  if (!bridge) return undefined;
  // br_port_state_selection: without STP a port with carrier on a bridge that is up forwards; any other is disabled.
  const forwarding = bridge.up && kernel.hasCarrier(namespace, port);
  return {
    state: forwarding ? 'forwarding' : 'disabled',
    priority: PORT_PRIORITY,
    cost: VETH_PORT_COST,
    portNo: port.portNo ?? 1,
    bridgeId: { priority: BRIDGE_PRIORITY, mac: bridgeIdMac(namespace, bridge) },
    forwardDelayTimer: forwarding ? centiseconds(forwardDelayTimerMs(port, nowMs)) : 0,
  };
}

/** br_timer_value: the kernel sends clock_t (USER_HZ, 100 a second), which iproute2 prints as seconds and hundredths. */
function centiseconds(ms: number): number {
  return Math.floor(ms / 10);
}
