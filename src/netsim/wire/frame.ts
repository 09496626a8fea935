import type { Mac } from './mac';
import type { Ipv4 } from './ipv4';
import type { Packet } from './packet';

/**
 * How a frame met a device, as a packet socket reports it (sll_pkttype,
 * include/uapi/linux/if_packet.h): addressed to this host, broadcast, addressed
 * to another host (seen because the device forwards it: a bridge port, a veth
 * whose peer is one), or sent by this host.
 */
export type PacketType = 'host' | 'broadcast' | 'otherhost' | 'outgoing';

/** An ARP message (RFC 826) as the kernel's neighbour code sends it. */
export interface ArpMessage {
  readonly operation: 'request' | 'reply';
  readonly senderMac: Mac;
  readonly senderAddress: Ipv4;
  readonly targetAddress: Ipv4;
}

/** What an Ethernet frame carries: an IPv4 packet or an ARP message. */
export type FramePayload =
  { readonly kind: 'ip'; readonly packet: Packet } | { readonly kind: 'arp'; readonly arp: ArpMessage };

/** An Ethernet frame seen on one device of one namespace at one instant: what a capture records. */
export interface Frame {
  /** Microseconds since the Unix epoch. */
  readonly timeUs: number;
  readonly namespace: number;
  readonly ifindex: number;
  readonly device: string;
  readonly packetType: PacketType;
  /**
   * Seen only by a capture that put this device in promiscuous mode: a frame a
   * bridge forwards between two of its ports reaches the bridge device's own
   * taps only then (br_handle_frame_finish: `if (br->dev->flags & IFF_PROMISC) local_rcv = true`).
   */
  readonly promiscuousOnly: boolean;
  readonly sourceMac: Mac;
  readonly destinationMac: Mac;
  readonly payload: FramePayload;
  /** The frame's bytes as a capture file held them (tcpdump -r); a live frame's are encoded from its records. */
  readonly bytes?: Uint8Array;
}

export const BROADCAST_MAC = 'ff:ff:ff:ff:ff:ff' as Mac;
