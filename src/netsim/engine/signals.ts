import { apacheTime, nginxTime } from '../wire/time-text';
import type { Container, LogEntry } from './container';
import { imageInfo, runsImageDefault } from './images';
import { currentWorkers } from './nginx-signals';

/**
 * What a container's first process does on Ctrl-C (SIGINT, forwarded by the
 * docker client or sent by the container's terminal): the lines it logs and the
 * status it exits with. A process with no handler dies of the signal: 128 + 2.
 */
export function interruptedBy(
  container: Container,
  nowMs: number,
): { logs: Omit<LogEntry, 'timeMs'>[]; exitCode: number } {
  const repository = imageInfo(container.image)?.repository;
  if (repository === 'nginx' && runsImageDefault(container))
    return { logs: nginxFastShutdown(container, nowMs), exitCode: 0 };
  if (repository === 'httpd' && runsImageDefault(container))
    return { logs: [httpdShutdown(container, nowMs)], exitCode: 0 };
  return { logs: [], exitCode: 130 };
}

/**
 * nginx's master on SIGINT (fast shutdown, ngx_signal_handler and
 * ngx_master_process_cycle): it says so, each worker logs `exiting` and `exit`,
 * the master reaps each one and exits. Workers are the ones its last (re)start logged.
 */
function nginxFastShutdown(container: Container, nowMs: number): Omit<LogEntry, 'timeMs'>[] {
  const workers = currentWorkers(container).map(String);
  const line = (pid: string, text: string) => ({
    stream: 'stderr' as const,
    text: `${nginxTime(nowMs)} [notice] ${pid}#${pid}: ${text}`,
  });
  return [
    line('1', 'signal 2 (SIGINT) received, exiting'),
    ...workers.flatMap((pid) => [line(pid, 'exiting'), line(pid, 'exit')]),
    ...workers.flatMap((pid) => [
      line('1', `signal 17 (SIGCHLD) received from ${pid}`),
      line('1', `worker process ${pid} exited with code 0`),
    ]),
    line('1', 'exit'),
  ];
}

/**
 * Apache treats SIGINT as SIGTERM (mpm_event's set_signals): `AH00491: caught SIGTERM, shutting down`;
 * SIGWINCH, its graceful stop, says `AH00492: caught SIGWINCH, shutting down gracefully` (event.c).
 */
export function httpdShutdown(
  container: Container,
  nowMs: number,
  message = 'AH00491: caught SIGTERM, shutting down',
): Omit<LogEntry, 'timeMs'> {
  // The main thread's ID as its start logged it; else one from the container ID, stable and of the usual size.
  const tid =
    container.logs.map((entry) => /\[pid 1:tid (\d+)\]/.exec(entry.text)?.[1]).find((found) => found !== undefined) ??
    String(139_800_000_000_000 + parseInt(container.id.slice(0, 8), 16));
  return {
    stream: 'stderr',
    text: `${apacheTime(nowMs, new Date(nowMs).getUTCMilliseconds() * 1000)} [mpm_event:notice] [pid 1:tid ${tid}] ${message}`,
  };
}
