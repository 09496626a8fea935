import { formatIpv4, type Ipv4 } from '../wire/ipv4';

/** What the kernel answers `ip route get` with: the route it would use for one destination. */
export interface RouteGetRecord {
  readonly destination: Ipv4;
  /** The destination is one of the machine's own addresses: the local table's route, by lo. */
  readonly local: boolean;
  readonly gateway: Ipv4 | undefined;
  readonly device: string;
  readonly source: Ipv4;
  /** `from` as asked: the answer then names it instead of a chosen source. */
  readonly from: Ipv4 | undefined;
  /** The uid of the process that asked (RTA_UID). */
  readonly uid: number;
}

/**
 * print_route for an RTM_F_CLONED answer (iproute2 ip/iproute.c): the type when
 * local, the destination, `from` if asked, `via`, `dev`, `src` when not asked
 * `from`, `uid`, then the cache line with its flags (`<local>`, RTCF_LOCAL), each
 * field with its trailing space.
 */
export function formatRouteGet(record: RouteGetRecord): string {
  let line = record.local ? `local ${formatIpv4(record.destination)} ` : `${formatIpv4(record.destination)} `;
  if (record.from !== undefined) line += `from ${formatIpv4(record.from)} `;
  if (record.gateway !== undefined) line += `via ${formatIpv4(record.gateway)} `;
  line += `dev ${record.local ? 'lo' : record.device} `;
  if (record.from === undefined) line += `src ${formatIpv4(record.source)} `;
  line += `uid ${record.uid} `;
  return `${line}\n    cache ${record.local ? '<local> ' : ''}\n`;
}
