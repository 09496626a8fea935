import type { Container } from '../../engine/container';
import type { Engine } from '../../engine/engine';
import { probeCommand } from '../../engine/health';
import type { TerminalControl } from '../command';

/** How long a probe takes on the simulated clock (any small value would do). */
export const PROBE_MS = 30;

/**
 * The daemon's health monitor catching up: each container's probes that fell
 * due on the simulated clock since a client last looked, run in the container
 * as `docker exec` runs a program (cmdProbe: ContainerExecCreate, then its exit
 * code and output). The container is as it is now, so its first due probe is run
 * and its result stands for the others due with it.
 */
export function runDueProbes(
  engine: Engine,
  terminal: TerminalControl | undefined,
  only: (container: Container) => boolean = () => true,
): void {
  if (!terminal) return;
  for (const container of engine.containers.list().filter(only)) {
    let result: { exitCode: number; output: string } | undefined;
    for (
      let start = engine.health.dueProbe(container.id);
      start !== undefined;
      start = engine.health.dueProbe(container.id)
    ) {
      result ??= probe(terminal, container);
      engine.health.recordProbe(container.id, { startMs: start, endMs: start + PROBE_MS, ...result });
    }
  }
}

function probe(terminal: TerminalControl, container: Container): { exitCode: number; output: string } {
  const argv = probeCommand(container.config.healthcheck!);
  const ran = terminal.exec(container.id, argv, { tty: false, interactive: false, env: container.config.env });
  // An exec that cannot start is a probe error (health.go: ExitCode -1, the error as output).
  if (ran === 'not-found')
    return {
      exitCode: -1,
      output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown`,
    };
  if (ran === 'shell') return { exitCode: 0, output: '' };
  return { exitCode: ran.exitCode, output: ran.stdout + ran.stderr };
}
