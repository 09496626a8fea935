import type { CommittedImage } from './committed-images';
import type { VirtualClock } from '../clock';
import type { Kernel } from '../kernel/kernel';
import type { SeededRandom } from '../random';
import type { Container, Endpoint } from './container';
import { DEFAULT_DAEMON_CONFIG, type DaemonConfig } from './daemon-config';
import { apply, type FirewallConfig, type Placed } from './firewall';
import type { Network } from './network';
import type { SwarmState } from './swarm-state';
import type { Volume } from './volumes';
import type { DaemonEvent } from './events';

/** One line of the journal of docker.service: what dockerd or systemd logged, and when. */
export interface JournalEntry {
  readonly timeMs: number;
  /** `dockerd[PID]` or `systemd[1]`, as journalctl prints the identifier. */
  readonly identifier: string;
  readonly message: string;
  /** systemd's message catalog entry for the line (its MESSAGE_ID), which `journalctl -x` explains. */
  readonly catalog?: CatalogReference;
}

/** A systemd message with a catalog entry, and the fields its text names (job ID, result, exit status). */
export type CatalogReference =
  | { readonly kind: 'start-begun' | 'start-done' | 'stop-begun'; readonly jobId: number }
  | { readonly kind: 'start-failed' | 'stop-done'; readonly jobId: number; readonly jobResult: string }
  | { readonly kind: 'process-exited'; readonly status: number }
  | { readonly kind: 'unit-failed'; readonly result: string }
  | { readonly kind: 'unit-succeeded' | 'restart-scheduled' };

/**
 * docker.service as systemd runs it: whether dockerd is up, its PID and since
 * when, the configuration it started with, and its journal. Absent on a host
 * saved before the service was modelled: dockerd as it booted.
 */
export interface ServiceState {
  active: 'active' | 'inactive' | 'failed';
  /** dockerd's PID while it runs; the last one once it stopped. */
  pid: number;
  /** When it last became active, or inactive or failed. */
  sinceMs: number;
  /** When its last run began (ActiveEnterTimestamp), for the Duration of a run that ended. */
  activeEnterMs: number;
  /**
   * Where in the journal the unit last left the inactive state, its last start
   * (InactiveExitTimestamp): status shows the journal from there. An index, as
   * a stop and the next start can share a millisecond that the journal's
   * microseconds tell apart.
   */
  inactiveExitEntry?: number;
  /** When that run began to stop (ActiveExitTimestamp). */
  activeExitMs?: number;
  /** How dockerd's last process ended, once it has: its exit status. */
  exitStatus?: number;
  /** How the last run ended for systemd: `exit-code` when dockerd failed, `start-limit-hit` when systemd would not start it. */
  result?: 'success' | 'exit-code' | 'start-limit-hit';
  /** docker.socket: stopped (`service docker stop`) or failed with the service's start limit, nothing listens on /run/docker.sock until docker.service starts again; absent, active. */
  socket?: 'active' | 'inactive' | 'failed';
  /** When docker.service was last started, within StartLimitIntervalSec: a fourth start in that minute is refused. */
  startsMs?: number[];
  /** systemd's last job ID: each start, stop or restart job, and each automatic restart, takes the next. */
  lastJobId?: number;
  /** The run's invocation ID (sd_id128), drawn from the seed at each start. */
  invocationId: string;
  config: DaemonConfig;
  /** `hairpin` of the last run that wrote iptables rules, which the next such run deletes by; absent when none did. */
  rulesHairpin?: boolean;
  journal: JournalEntry[];
}

export interface EngineState {
  networks: Network[];
  containers: Container[];
  /** Last PID handed to a container's first process on the host. */
  lastPid: number;
  /** Last port taken from the ephemeral range (kernel/sysctl.ts LOCAL_PORT_RANGE). */
  lastEphemeralPort: number;
  /** References in the image store (`nginx:latest`, `httpd:2.4`), in the order they were pulled. */
  images: string[];
  /**
   * When each reference was last tagged (a pull that made or moved it), in ms:
   * image inspect's Metadata.LastTagTime. References the host had before it
   * booted are missing, and count as tagged at boot.
   */
  imageTagTimes?: Record<string, number>;
  /** References `docker tag` made (`web:v1`), each with the catalog reference of the image it names (`nginx:latest`). */
  imageTags?: Record<string, string>;
  /** Images `docker commit` made, by ID; a reference names one through imageTags. Absent until the first. */
  committedImages?: Record<string, CommittedImage>;
  service?: ServiceState;
  /** Volumes of the local driver, by creation; absent on a host saved before volumes were modelled. */
  volumes?: Volume[];
  /** How many answers of more than one address the embedded DNS has shuffled: each shuffle's draws hang off it. */
  shuffledAnswers?: number;
  /** The 40-bit Global ID of the default IPv6 pool, 10 hex digits, drawn when the first network needs it (ipam6.ts). */
  ipv6GlobalId?: string;
  /** Set by `docker swarm init`, gone with `docker swarm leave`. */
  swarm?: SwarmState;
  /** What the events service keeps since dockerd started, for `docker events`; absent until the first. */
  events?: DaemonEvent[];
}

/** What every part of the daemon works on: its own state and the host it runs on. */
export interface Daemon {
  readonly state: EngineState;
  readonly kernel: Kernel;
  readonly random: SeededRandom;
  readonly clock: VirtualClock;
}

/** Every endpoint IPAM has handed out: the containers', and those of the swarm's ingress sandbox. */
export function allEndpoints(daemon: Daemon): Endpoint[] {
  return [
    ...daemon.state.containers.flatMap((c) => c.endpoints),
    ...(daemon.state.swarm?.ingressSandbox?.endpoints ?? []),
  ];
}

/** The configuration dockerd runs with: daemon.json as it read it at its last start. */
export function daemonConfig(daemon: Daemon): DaemonConfig {
  return daemon.state.service?.config ?? DEFAULT_DAEMON_CONFIG;
}

/** firewaller.Config: hairpin NAT when there is no userland proxy (daemon/daemon_unix.go). */
export function firewallConfig(daemon: Daemon): FirewallConfig {
  return { hairpin: !daemonConfig(daemon).userlandProxy };
}

/** Adds or removes rules, unless daemon.json says `"iptables": false`: then the bridge driver's firewaller is a stub. */
export function program(daemon: Daemon, rules: readonly Placed[], enable: boolean): void {
  if (daemonConfig(daemon).iptables) apply(daemon.kernel, rules, enable);
}
