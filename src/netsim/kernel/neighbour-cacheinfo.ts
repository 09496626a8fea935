import { dumpNeighbours, type NeighbourRecord } from './dump';
import type { Namespace } from './namespace';

/** A neighbour with what RTM_NEWNEIGH's NDA_CACHEINFO and NDA_PROBES carry, which BusyBox's ip prints. */
export interface NeighbourCacheRecord extends NeighbourRecord {
  /** ndm_refcnt: the dst entry that resolved through it holds one reference. */
  readonly refcnt: number;
  /** ndm_used, ndm_confirmed and ndm_updated, in seconds ago: one age here, the entry's last confirmation. */
  readonly ageSeconds: number;
  /**
   * neigh->probes: an entry this host resolved was set to ucast_probes (3) when it
   * went INCOMPLETE and counted its one solicitation (4); one that failed sent its
   * three multicast probes too (6); one learned from a neighbour's request sent none.
   */
  readonly probes: number;
}

export function dumpNeighbourCache(namespace: Namespace, nowMs: number): NeighbourCacheRecord[] {
  const records = dumpNeighbours(namespace, nowMs);
  return namespace.neighbours.map((entry, index) => ({
    ...records[index]!,
    refcnt: entry.mac === undefined ? 0 : 1,
    ageSeconds: Math.max(0, Math.floor((nowMs - entry.confirmedMs) / 1000)),
    probes: entry.state === 'REACHABLE' ? 4 : entry.state === 'FAILED' ? 6 : 0,
  }));
}
