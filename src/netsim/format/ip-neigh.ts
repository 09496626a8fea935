import type { NeighbourRecord } from '../kernel/dump';

/**
 * `ip neigh` as iproute2's print_neigh writes it: each field followed by a
 * space, `dev` left out when the listing was filtered by device, `lladdr` only
 * once resolved, then the NUD state.
 */
export function formatIpNeigh(neighbours: readonly NeighbourRecord[], { filteredByDevice = false } = {}): string {
  return neighbours.map((entry) => `${neighbourLine(entry, filteredByDevice)}\n`).join('');
}

function neighbourLine(entry: NeighbourRecord, filteredByDevice: boolean): string {
  let line = `${entry.address} `;
  if (!filteredByDevice) line += `dev ${entry.device} `;
  if (entry.lladdr !== undefined) line += `lladdr ${entry.lladdr} `;
  return `${line}${entry.state} `;
}
