import type { Ipv4 } from '../wire/ipv4';

/**
 * An IPVS virtual service (ip_vs_service) in a namespace, as Docker's load
 * balancers make them: packets of `protocol` to `port` (what the fwmark rule
 * matches) go to one of the destinations, round robin (ip_vs_rr).
 */
export interface IpvsService {
  readonly protocol: 'tcp' | 'udp';
  readonly port: number;
  /** svc->destinations in list order: ip_vs_ctl's list_add_rcu puts each new one first. */
  destinations: IpvsDestination[];
  /** svc->sched_data: the destination picked last, undefined for the list's head. */
  cursor: Ipv4 | undefined;
}

/** A real server: its address and the port the packet is sent on to. */
export interface IpvsDestination {
  readonly address: Ipv4;
  readonly port: number;
}
