import type { Ipv4 } from '../wire/ipv4';
import type { Mac } from '../wire/mac';

/** NUD states as `ip neigh` prints them (include/uapi/linux/neighbour.h). */
export type NeighbourState = 'REACHABLE' | 'STALE' | 'DELAY' | 'PROBE' | 'FAILED' | 'INCOMPLETE' | 'PERMANENT';

/** One ARP cache entry of a namespace. */
export interface Neighbour {
  readonly address: Ipv4;
  /** ifindex of the link the neighbour was resolved on. */
  readonly device: number;
  /** Undefined while unresolved (INCOMPLETE, FAILED). */
  mac: Mac | undefined;
  state: NeighbourState;
  /** Virtual time of the last confirmation: REACHABLE turns STALE after base_reachable_time. */
  confirmedMs: number;
}
