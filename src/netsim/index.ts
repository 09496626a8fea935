/**
 * netsim: a deterministic simulation of a Linux host running Docker Engine 29.
 * The site, the lesson plugins and the browser terminal use it through this file only,
 * but for a page that runs no simulator: it imports printers.ts or release.ts, whose
 * exports are this file's too, so its bundle does not hold the simulator.
 */
import { Host, type HostSnapshot } from './host';
import type { TopologyRecord } from './topology';

export { Host, type HostOptions, type HostSnapshot, type RunOptions, type RunResult } from './host';
export type { MachineName } from './cli/command';
export { DEBIAN_DOCKER_HOST, type HostProfile } from './profile';
export { needsMoreInput } from './shell/continuation';
export type {
  TopologyContainer,
  TopologyDevice,
  TopologyInterface,
  TopologyLan,
  TopologyNetwork,
  TopologyRecord,
  TopologyVeth,
} from './topology';
export { GOAL_REASON_CODES, type GoalReason, type GoalResult } from './engine/goal-reasons';
export type { Goal, GoalKind } from './engine/goals';
export type { CommandTrace, TraceNamespace } from './trace';
export type { DeviceRef, HopRecord } from './kernel/hop-record';
export type { Packet } from './wire/packet';
export type { RuleSpec, TableName } from './kernel/netfilter/rule';
export type { DnsQuestion, DnsReply } from './wire/dns';
export type { Ipv4 } from './wire/ipv4';
export type { Mac } from './wire/mac';
export { formatDnsRecordData, formatIpv4, formatRuleLine } from './printers';

export { SIMULATED_DOCKER_RELEASE, SIMULATED_DOCKER_VERSION } from './release';

/** The topology of the host a snapshot holds, read without running anything: what a figure of the lesson's host draws. */
export function topologyOf(snapshot: HostSnapshot): TopologyRecord {
  return Host.fromSnapshot(snapshot).topology();
}
