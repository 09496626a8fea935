import type { LogEntry } from '../../engine/container';
import { rfc3339NanoFixed } from '../../wire/go-time';
import { collect, type CommandResult, type OutputChunk } from '../command';
import type { DockerContext } from './cobra';

/**
 * A container's log as the CLI prints it, for `docker logs` and for a foreground
 * `docker run` or `docker attach` that ends: one place, so both print it alike.
 */

/** What the terminal echoes when the reader presses Ctrl-C. */
export const CTRL_C: OutputChunk = { stream: 'tty', text: '^C' };

/** Log lines split back into the two streams they were written to, as the CLI demultiplexes them. */
export function logStreams(entries: readonly LogEntry[], timestamps: boolean): { stdout: string; stderr: string } {
  const line = (entry: LogEntry) => `${timestamps ? `${rfc3339NanoFixed(entry.timeMs)} ` : ''}${entry.text}\n`;
  return {
    stdout: entries
      .filter((e) => e.stream === 'stdout')
      .map(line)
      .join(''),
    stderr: entries
      .filter((e) => e.stream === 'stderr')
      .map(line)
      .join(''),
  };
}

/** The same lines in the order the daemon stored them: a terminal shows the two streams interleaved so. */
export function logChunks(entries: readonly LogEntry[], timestamps: boolean): OutputChunk[] {
  return entries.map((entry) => ({
    stream: entry.stream,
    text: `${timestamps ? `${rfc3339NanoFixed(entry.timeMs)} ` : ''}${entry.text}\n`,
  }));
}

/** The log as a command's result: both streams, and the chunks in the daemon's order. */
export function logOutput(entries: readonly LogEntry[], timestamps: boolean, exitCode: number): CommandResult {
  return { ...logStreams(entries, timestamps), output: logChunks(entries, timestamps), exitCode };
}

/**
 * `docker logs -f`: the output so far, then it waits for more until Ctrl-C. The
 * client's context is cancelled by the signal and it exits 128 + 2 without a
 * message (cmd/docker/docker.go getExitCode, errCtxSignalTerminated).
 */
export function followLogs(shown: CommandResult, context: DockerContext): CommandResult {
  if (context.interruptAfterMs === undefined) return shown;
  context.engine.clock.advance(context.interruptAfterMs);
  const output: OutputChunk[] = [
    ...(shown.output ?? [
      { stream: 'stdout', text: shown.stdout },
      { stream: 'stderr', text: shown.stderr },
    ]),
    CTRL_C,
  ];
  return collect(
    output.filter((chunk) => chunk.text !== ''),
    130,
  );
}
