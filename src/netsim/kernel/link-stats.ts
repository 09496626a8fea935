import type { Link } from './link';

/**
 * A device's counters as rtnl_link_stats64 carries them (IFLA_STATS64), those
 * the simulated datapath moves. Each counts what crosses the device: a frame
 * it sends is tx, one it takes in is rx. The error counters a real NIC's
 * hardware keeps (crc, frame, fifo, carrier...) stay 0 on virtual devices and
 * are not kept here.
 */
export interface LinkStats {
  rxPackets: number;
  rxBytes: number;
  txPackets: number;
  txBytes: number;
  rxDropped: number;
  txDropped: number;
  /** Multicast and broadcast frames received, which drivers count into `multicast` (rx_multicast). */
  multicast: number;
}

export const ZERO_STATS: Readonly<LinkStats> = {
  rxPackets: 0,
  rxBytes: 0,
  txPackets: 0,
  txBytes: 0,
  rxDropped: 0,
  txDropped: 0,
  multicast: 0,
};

/** A link's counters, made on first count: a link that never carried a frame (and one from an older snapshot) has none kept. */
function statsOf(link: Link): LinkStats {
  return (link.stats ??= { ...ZERO_STATS });
}

/** The device sent a frame of `bytes` (its driver's ndo_start_xmit: veth_xmit, br_dev_xmit, loopback_xmit). */
export function countTx(link: Link, bytes: number): void {
  const stats = statsOf(link);
  stats.txPackets += 1;
  stats.txBytes += bytes;
}

/** The device took in a frame of `bytes`; `multicast` when it was sent to a group or broadcast address. */
export function countRx(link: Link, bytes: number, multicast = false): void {
  const stats = statsOf(link);
  stats.rxPackets += 1;
  stats.rxBytes += bytes;
  if (multicast) stats.multicast += 1;
}

/** A frame the device could not send on (a veth whose peer is down: veth_xmit's drop). */
export function countTxDropped(link: Link): void {
  statsOf(link).txDropped += 1;
}
