import type { Packet } from '../wire/packet';
import type { Namespace } from './namespace';

/**
 * A namespace's protocol counters, as /proc/net/snmp and /proc/net/netstat
 * show them, keyed `Section.Name` (`Ip.InReceives`, `IcmpMsg.OutType8`): only
 * the ones the datapath moves are kept, every other one reads 0.
 */
export type SnmpCounters = Record<string, number>;

function add(namespace: Namespace, key: string, amount = 1): void {
  const counters = (namespace.snmp ??= {});
  counters[key] = (counters[key] ?? 0) + amount;
}

/** ICMP types (RFC 792) and the Icmp counters each moves, in and out. */
const ICMP: Record<NonNullable<Packet['icmp']>, { type: number; name: string }> = {
  'echo-reply': { type: 0, name: 'EchoReps' },
  'port-unreachable': { type: 3, name: 'DestUnreachs' },
  'echo-request': { type: 8, name: 'Echos' },
  'time-exceeded': { type: 11, name: 'TimeExcds' },
};

/** ip_rcv: a packet reached IP (InReceives, and IpExt's InOctets and InNoECTPkts: nothing here marks ECN). */
export function countReceived(namespace: Namespace, packet: Packet): void {
  add(namespace, 'Ip.InReceives');
  add(namespace, 'IpExt.InOctets', packet.length);
  add(namespace, 'IpExt.InNoECTPkts');
}

/** ip_local_deliver_finish, then the protocol's receive: ICMP's per type (icmp_rcv), TCP's segments, UDP's datagrams. */
export function countDelivered(namespace: Namespace, packet: Packet): void {
  add(namespace, 'Ip.InDelivers');
  if (packet.protocol === 'icmp' && packet.icmp) {
    add(namespace, 'Icmp.InMsgs');
    add(namespace, `Icmp.In${ICMP[packet.icmp].name}`);
    add(namespace, `IcmpMsg.InType${ICMP[packet.icmp].type}`);
  } else if (packet.protocol === 'tcp') {
    add(namespace, 'Tcp.InSegs');
  } else add(namespace, 'Udp.InDatagrams');
}

/**
 * A local process sent a packet (ip_local_out, then ip_finish_output2:
 * OutRequests and OutTransmits, IpExt's OutOctets), and its protocol's counters:
 * ICMP's per type (icmp_out_count), TCP's segments, a SYN as an active opening,
 * a SYN-ACK as a passive one (tcp_openreq_init... TCP_MIB_PASSIVEOPENS), a RST as sent; UDP's datagrams.
 */
export function countSent(namespace: Namespace, packet: Packet): void {
  add(namespace, 'Ip.OutRequests');
  countTransmitted(namespace, packet);
  if (packet.protocol === 'icmp' && packet.icmp) {
    add(namespace, 'Icmp.OutMsgs');
    add(namespace, `Icmp.Out${ICMP[packet.icmp].name}`);
    add(namespace, `IcmpMsg.OutType${ICMP[packet.icmp].type}`);
  } else if (packet.protocol === 'tcp') {
    add(namespace, 'Tcp.OutSegs');
    if (packet.tcp === 'syn') add(namespace, 'Tcp.ActiveOpens');
    if (packet.tcp === 'syn-ack') add(namespace, 'Tcp.PassiveOpens');
    if (packet.tcp === 'rst') add(namespace, 'Tcp.OutRsts');
  } else add(namespace, 'Udp.OutDatagrams');
}

/** ip_forward_finish: a packet this namespace routed on (ForwDatagrams), transmitted as any other. */
export function countForwarded(namespace: Namespace, packet: Packet): void {
  add(namespace, 'Ip.ForwDatagrams');
  countTransmitted(namespace, packet);
}

function countTransmitted(namespace: Namespace, packet: Packet): void {
  add(namespace, 'Ip.OutTransmits');
  add(namespace, 'IpExt.OutOctets', packet.length);
}
