import type { VirtualClock } from '../clock';
import type { Kernel } from '../kernel/kernel';
import type { SeededRandom } from '../random';
import type { Container } from './container';
import type { Network } from './network';

export interface EngineState {
  networks: Network[];
  containers: Container[];
  /** Last PID handed to a container's first process on the host. */
  lastPid: number;
  /** Last port taken from the ephemeral range (ip_local_port_range, 32768-60999 on Debian). */
  lastEphemeralPort: number;
  /** References in the image store (`nginx:latest`, `httpd:2.4`), in the order they were pulled. */
  images: string[];
  /**
   * When each reference was last tagged (a pull that made or moved it), in ms:
   * image inspect's Metadata.LastTagTime. References the host had before it
   * booted are missing, and count as tagged at boot.
   */
  imageTagTimes?: Record<string, number>;
  /** The 40-bit Global ID of the default IPv6 pool, 10 hex digits, drawn when the first network needs it (ipam6.ts). */
  ipv6GlobalId?: string;
}

/** What every part of the daemon works on: its own state and the host it runs on. */
export interface Daemon {
  readonly state: EngineState;
  readonly kernel: Kernel;
  readonly random: SeededRandom;
  readonly clock: VirtualClock;
}
