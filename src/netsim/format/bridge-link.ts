import type { LinkRecord } from '../kernel/dump';

/** A bridge port as `bridge link` sees it: the link, the name IFLA_LINK resolves to here, and its STP state. */
export interface BridgePortRecord {
  link: LinkRecord;
  /** The peer's ifindex resolved in the caller's namespace (ll_index_to_name): another namespace's eth0 reads as ours. */
  peerName: string | undefined;
  state: 'forwarding' | 'disabled';
  priority: number;
  cost: number;
}

/** iproute2 bridge/link.c print_linkinfo, without -d: one line per port, ending in a space. */
export function formatBridgeLink(ports: readonly BridgePortRecord[]): string {
  return ports
    .map(({ link, peerName, state, priority, cost }) => {
      const name = peerName === undefined ? link.name : `${link.name}@${peerName}`;
      return `${link.index}: ${name}: <${link.flags.join(',')}> mtu ${link.mtu} master ${link.master} state ${state} priority ${priority} cost ${cost} \n`;
    })
    .join('');
}
