import type { VirtualClock } from '../clock';
import type { World } from '../kernel/datapath';
import type { Kernel } from '../kernel/kernel';
import type { Namespace } from '../kernel/namespace';
import type { SeededRandom } from '../random';

/** What one program prints and returns, as a terminal would show it. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Where a program runs: which namespace, as whom. */
export interface ProcessContext {
  kernel: Kernel;
  namespace: Namespace;
  isRoot: boolean;
  /** What the user types while the program runs (answers to prompts); empty is end of input. */
  stdin: string;
  /** The host's clock: programs that take time (ping -c 3) advance it; iptables-save prints it. */
  clock: VirtualClock;
  /** The host's seeded random source: round-trip times, ephemeral ports. */
  random: SeededRandom;
  /** What lies beyond the host's NIC: the LAN and the internet; none for a bare kernel. */
  world?: World;
}

/** A program on the simulated PATH: a name and a function of its arguments. */
export interface Program {
  readonly name: string;
  run(args: readonly string[], context: ProcessContext): CommandResult;
}

export const ok = (stdout = ''): CommandResult => ({ stdout, stderr: '', exitCode: 0 });
export const fail = (stderr: string, exitCode = 1): CommandResult => ({ stdout: '', stderr, exitCode });
