import type { Frame } from '../wire/frame';
import type { Ipv4 } from '../wire/ipv4';

/**
 * A capture filter as libpcap compiles it (pcap-filter(7)), kept as data so a
 * host snapshot can carry it: the primitives lessons use and the boolean operators.
 */
export type CaptureFilter =
  | { readonly kind: 'protocol'; readonly protocol: 'ip' | 'icmp' | 'tcp' | 'udp' | 'arp' }
  /** `host`, `src host`, `dst host`: IPv4 source or destination, and ARP's sender or target (gen_host: ip or arp or rarp). */
  | { readonly kind: 'host'; readonly direction: Direction; readonly address: Ipv4 }
  /** `port`, `src port`, `tcp port`: TCP or UDP ports (gen_port: ip and (tcp or udp or sctp)). */
  | {
      readonly kind: 'port';
      readonly direction: Direction;
      readonly protocol: 'tcp' | 'udp' | undefined;
      readonly port: number;
    }
  | { readonly kind: 'not'; readonly operand: CaptureFilter }
  | { readonly kind: 'and' | 'or'; readonly left: CaptureFilter; readonly right: CaptureFilter };

/** Which address or port a primitive looks at: `src`, `dst`, or either (`src or dst`, the default). */
export type Direction = 'src' | 'dst' | 'either';

/** A packet socket bound to one device, or to all of a namespace's ("any"), with its filter. */
export interface Capture {
  readonly id: number;
  readonly namespace: number;
  /** The device's ifindex; undefined for "any". */
  readonly ifindex: number | undefined;
  /** PACKET_MR_PROMISC on the device: frames it only forwards reach it too. The "any" device cannot be. */
  readonly promiscuous: boolean;
  readonly filter: CaptureFilter | undefined;
  /** `-c N`: the capture ends once it holds this many frames. */
  readonly limit: number | undefined;
  /** The frames that passed the filter, in order. */
  readonly frames: Frame[];
}

export interface CaptureTable {
  captures: Capture[];
  nextId: number;
}

export function emptyCaptureTable(): CaptureTable {
  return { captures: [], nextId: 1 };
}

export function openCapture(table: CaptureTable, spec: Omit<Capture, 'id' | 'frames'>): Capture {
  const capture: Capture = { ...spec, id: table.nextId++, frames: [] };
  table.captures.push(capture);
  return capture;
}

export function closeCapture(table: CaptureTable, id: number): void {
  table.captures = table.captures.filter((capture) => capture.id !== id);
}

/** Whether a capture has all it asked for (-c): pcap_loop returns and tcpdump stops reading. */
export function captureFull(capture: Capture): boolean {
  return capture.limit !== undefined && capture.frames.length >= capture.limit;
}

/** dev_queue_xmit_nit and __netif_receive_skb's taps: every open packet socket of the frame's namespace that listens on its device. */
export function recordFrame(table: CaptureTable, frame: Frame): void {
  for (const capture of table.captures) {
    if (capture.namespace !== frame.namespace || captureFull(capture)) continue;
    if (capture.ifindex !== undefined && capture.ifindex !== frame.ifindex) continue;
    if (frame.promiscuousOnly && (capture.ifindex === undefined || !capture.promiscuous)) continue;
    if (capture.filter && !matches(capture.filter, frame)) continue;
    capture.frames.push(frame);
  }
}

/** The filter program run on one frame. */
export function matches(filter: CaptureFilter, frame: Frame): boolean {
  switch (filter.kind) {
    case 'not':
      return !matches(filter.operand, frame);
    case 'and':
      return matches(filter.left, frame) && matches(filter.right, frame);
    case 'or':
      return matches(filter.left, frame) || matches(filter.right, frame);
    case 'protocol':
      if (filter.protocol === 'arp') return frame.payload.kind === 'arp';
      if (frame.payload.kind !== 'ip') return false;
      return filter.protocol === 'ip' || frame.payload.packet.protocol === filter.protocol;
    case 'host': {
      const [source, destination] =
        frame.payload.kind === 'ip'
          ? [frame.payload.packet.source, frame.payload.packet.destination]
          : [frame.payload.arp.senderAddress, frame.payload.arp.targetAddress];
      return either(filter.direction, source === filter.address, destination === filter.address);
    }
    case 'port': {
      if (frame.payload.kind !== 'ip') return false;
      const packet = frame.payload.packet;
      if (packet.protocol === 'icmp' || (filter.protocol !== undefined && packet.protocol !== filter.protocol))
        return false;
      return either(filter.direction, packet.sourcePort === filter.port, packet.destinationPort === filter.port);
    }
  }
}

function either(direction: Direction, source: boolean, destination: boolean): boolean {
  if (direction === 'src') return source;
  if (direction === 'dst') return destination;
  return source || destination;
}
