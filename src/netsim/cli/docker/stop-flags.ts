import type { StopOptions } from '../../engine/container-signals';
import { collect, fail, type CommandResult } from '../command';
import { daemonErrorText, type DockerContext } from './cobra';
import type { ParsedFlags } from './flags';
import { CTRL_C } from './log-output';

/** What -s and -t ask of the daemon (stop.go, restart.go: the timeout is sent only when a flag set it). */
function stopOptions(values: ReadonlyMap<string, readonly string[]>): StopOptions {
  const signal = values.get('signal')?.at(-1);
  const seconds = values.get('timeout')?.at(-1) ?? values.get('time')?.at(-1);
  return { ...(signal && { signal }), ...(seconds !== undefined && { timeout: Number(seconds) }) };
}

/**
 * `docker stop` and `docker restart` with -s, -t or --time (docker/cli v29.7.2
 * cli/command/container/stop.go, restart.go): --time and --timeout together are
 * refused before any container; --time gets pflag's deprecation notice, which
 * cobra's ParseFlags prints with c.Print (stdout, as for the root's -h); each
 * container's name once the daemon has done, its errors after. A negative
 * timeout waits for a process that ignores the signal as long as it takes: the
 * reader's Ctrl-C ends the client (status 130).
 */
export function runWithStopFlags(
  kind: 'stop' | 'restart',
  { values, positionals }: ParsedFlags,
  { engine, interruptAfterMs }: DockerContext,
): CommandResult {
  if (values.has('time') && values.has('timeout'))
    return fail('conflicting options: cannot specify both --timeout and --time\n', 1);
  let stdout = values.has('time') ? 'Flag --time has been deprecated, use --timeout instead\n' : '';
  let stderr = '';
  const options = stopOptions(values);
  for (const reference of positionals) {
    try {
      const { stopped } =
        kind === 'stop'
          ? engine.containers.stopWith(reference, options)
          : engine.containers.restart(reference, options);
      if (!stopped) {
        engine.clock.advance(interruptAfterMs ?? 0);
        return collect([...(stdout ? [{ stream: 'stdout' as const, text: stdout }] : []), CTRL_C], 130);
      }
      stdout += `${reference}\n`;
    } catch (error) {
      stderr += daemonErrorText(error);
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}
