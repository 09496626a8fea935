import type { NeighbourCacheRecord } from '../kernel/neighbour-cacheinfo';

/**
 * BusyBox's `ip neigh` (networking/libiproute/ipneigh.c print_neigh, where
 * xshow_stats is always 3): the address, `dev` unless the listing was filtered
 * by device, `lladdr` once resolved, ` ref N` when referenced, ` used
 * U/C/U` (seconds since used, confirmed, updated), ` probes N`, then the NUD
 * state after a space.
 */
export function formatBusyboxIpNeigh(neighbours: readonly NeighbourCacheRecord[], filteredByDevice: boolean): string {
  return neighbours
    .map((entry) => {
      let line = `${entry.address} `;
      if (!filteredByDevice) line += `dev ${entry.device} `;
      if (entry.lladdr !== undefined) line += `lladdr ${entry.lladdr}`;
      if (entry.refcnt) line += ` ref ${entry.refcnt}`;
      const age = entry.ageSeconds;
      return `${line} used ${age}/${age}/${age} probes ${entry.probes} ${entry.state}\n`;
    })
    .join('');
}
