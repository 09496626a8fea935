import type { BridgeDetails, BridgeId, BridgePortDetails, LinkDetails } from '../kernel/link-details';

/**
 * What `ip -d` (show_details) adds after a link's `link/ether ... brd ...` line,
 * as iproute2 v6.15.0 prints it (ip/ipaddress.c print_linkinfo, print_linktype,
 * print_af_spec; ip/iplink_bridge.c bridge_print_opt; ip/iplink_bridge_slave.c
 * bridge_slave_print_opt), each field ending in a space. `ip link` prints the
 * address generation mode (print_af_spec runs only when do_link); `ip addr`
 * does not. Checked against tests/netsim/golden/linux/session.ip-details.txt.
 */
export function formatLinkDetails(details: LinkDetails, { withAddrGenMode }: { withAddrGenMode: boolean }): string {
  let text = ` promiscuity ${details.promiscuity} allmulti ${details.allmulti} minmtu ${details.minMtu} maxmtu ${details.maxMtu} `;
  if (details.kind !== undefined) {
    text += `\n    ${details.kind} `;
    if (details.bridge) text += bridgeOptions(details.bridge);
    // ip/iplink_vlan.c vlan_print_opt: the protocol (ll_proto_n2a), the id, then vlan_print_flags' `<...>`.
    if (details.vlanId !== undefined) text += `protocol 802.1Q id ${details.vlanId} <REORDER_HDR> `;
  }
  if (details.port) text += `\n    bridge_slave ${portOptions(details.port)}`;
  if (withAddrGenMode) text += 'addrgenmode eui64 ';
  text += `numtxqueues ${details.queues} numrxqueues ${details.queues} gso_max_size 65536 gso_max_segs 65535 tso_max_size ${details.tsoMaxSize} tso_max_segs 65535 gro_max_size 65536 gso_ipv4_max_size 65536 gro_ipv4_max_size 65536 `;
  if (details.parent) text += `parentbus ${details.parent.bus} parentdev ${details.parent.device} `;
  return text;
}

/**
 * bridge_print_opt over br_fill_info's attributes. Debian's kernel is built
 * with CONFIG_BRIDGE_VLAN_FILTERING, so it also sends the VLAN protocol, the
 * default PVID and the VLAN statistics switches; no multicast querier has been
 * heard, so the querier state nest is empty and prints nothing.
 */
function bridgeOptions(bridge: BridgeDetails): string {
  const id = bridgeId(bridge.bridgeId);
  return (
    `forward_delay 1500 hello_time 200 max_age 2000 ageing_time 30000 stp_state 0 priority ${bridge.bridgeId.priority} vlan_filtering 0 vlan_protocol 802.1Q ` +
    `bridge_id ${id} designated_root ${id} root_port 0 root_path_cost 0 topology_change 0 topology_change_detected 0 ` +
    `${timer('hello_timer', 0)}${timer('tcn_timer', 0)}${timer('topology_change_timer', 0)}${timer('gc_timer', bridge.gcTimer)}` +
    `fdb_n_learned ${bridge.learned} fdb_max_learned 0 vlan_default_pvid 1 vlan_stats_enabled 0 vlan_stats_per_port 0 ` +
    'group_fwd_mask 0 group_address 01:80:c2:00:00:00 mcast_snooping 1 no_linklocal_learn 0 mcast_vlan_snooping 0 mst_enabled 0 mcast_router 1 mcast_query_use_ifaddr 0 mcast_querier 0 ' +
    'mcast_hash_elasticity 16 mcast_hash_max 4096 mcast_last_member_count 2 mcast_startup_query_count 2 mcast_last_member_interval 100 mcast_membership_interval 26000 mcast_querier_interval 25500 mcast_query_interval 12500 mcast_query_response_interval 1000 mcast_startup_query_interval 3124 ' +
    'mcast_stats_enabled 0 mcast_igmp_version 2 mcast_mld_version 1 nf_call_iptables 0 nf_call_ip6tables 0 nf_call_arptables 0 '
  );
}

/** bridge_slave_print_opt: the port id is its priority shifted left 10 bits with its number (br_make_port_id), printed `%#llx`. */
function portOptions(port: BridgePortDetails): string {
  const portId = (port.priority << 10) | port.portNo;
  const id = bridgeId(port.bridgeId);
  return (
    `state ${port.state} priority ${port.priority} cost ${port.cost} hairpin off guard off root_block off fastleave off learning on flood on ` +
    `port_id 0x${portId.toString(16)} port_no 0x${port.portNo.toString(16)} designated_port ${portId} designated_cost 0 designated_bridge ${id} designated_root ${id} ` +
    `${timer('hold_timer', 0)}${timer('message_age_timer', 0)}${timer('forward_delay_timer', port.forwardDelayTimer)}` +
    'topology_change_ack 0 config_pending 0 proxy_arp off proxy_arp_wifi off mcast_router 1 mcast_fast_leave off mcast_flood on bcast_flood on mcast_to_unicast off ' +
    'neigh_suppress off neigh_vlan_suppress off group_fwd_mask 0 group_fwd_mask_str 0x0 vlan_tunnel off isolated off locked off mab off '
  );
}

/** br_dump_bridge_id: the priority as `%.2x%.2x`, then glibc's ether_ntoa_r, which does not pad bytes (`2:42:ac:11:0:2`). */
export function bridgeId({ priority, mac }: BridgeId): string {
  const bytes = mac.split(':').map((byte) => Number.parseInt(byte, 16).toString(16));
  return `${priority.toString(16).padStart(4, '0')}.${bytes.join(':')}`;
}

/** _bridge_print_timer: `%s %4i.%.2i ` of a clock_t in hundredths of a second. */
function timer(name: string, centiseconds: number): string {
  return `${name} ${String(Math.floor(centiseconds / 100)).padStart(4)}.${String(centiseconds % 100).padStart(2, '0')} `;
}
