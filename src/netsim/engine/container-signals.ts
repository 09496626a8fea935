import type { Container, LogEntry } from './container';
import type { Daemon } from './daemon';
import { EngineError } from './errors';
import { logContainerEvent } from './events';
import { exitContainer, findContainer, killTarget, restartedContainer } from './containers';
import { imageInfo, runsImageDefault } from './images';
import { nextNginxPid, nginxSignalled, runsNginxMaster, type NginxSignal } from './nginx-signals';
import { httpdShutdown, interruptedBy } from './signals';

type Line = Omit<LogEntry, 'timeMs'>;

/** The signal numbers of Linux on x86-64 by name, as moby/sys/signal's SignalMap holds them (signal_linux.go). */
const SIGNAL_NUMBERS: Readonly<Record<string, number>> = {
  ABRT: 6,
  ALRM: 14,
  BUS: 7,
  CHLD: 17,
  CLD: 17,
  CONT: 18,
  FPE: 8,
  HUP: 1,
  ILL: 4,
  INT: 2,
  IO: 29,
  IOT: 6,
  KILL: 9,
  PIPE: 13,
  POLL: 29,
  PROF: 27,
  PWR: 30,
  QUIT: 3,
  SEGV: 11,
  STKFLT: 16,
  STOP: 19,
  SYS: 31,
  TERM: 15,
  TRAP: 5,
  TSTP: 20,
  TTIN: 21,
  TTOU: 22,
  URG: 23,
  USR1: 10,
  USR2: 12,
  VTALRM: 26,
  WINCH: 28,
  XCPU: 24,
  XFSZ: 25,
  RTMIN: 34,
  ...Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`RTMIN+${i + 1}`, 35 + i])),
  ...Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`RTMAX-${14 - i}`, 50 + i])),
  RTMAX: 64,
};
const VALID_NUMBERS = new Set(Object.values(SIGNAL_NUMBERS));

/**
 * signal.ParseSignal (moby/sys/signal): a number as it is (0 refused), else a
 * name with or without SIG, any case. Errors are the daemon's invalid parameters.
 */
export function parseSignal(raw: string): number {
  if (/^[+-]?\d+$/.test(raw)) {
    const number = Number(raw);
    if (number === 0) throw new EngineError('invalid-parameter', `invalid signal: ${raw}`);
    return number;
  }
  const number = SIGNAL_NUMBERS[raw.toUpperCase().replace(/^SIG/, '')];
  if (number === undefined) throw new EngineError('invalid-parameter', `invalid signal: ${raw}`);
  return number;
}

/** ContainerKill's ValidSignalForPlatform: a number SignalMap has. */
function checkPlatform(signal: number): void {
  if (!VALID_NUMBERS.has(signal))
    throw new EngineError('invalid-parameter', `the linux daemon does not support signal ${signal}`);
}

/** What the first process does with a signal: it exits (with its last words) or goes on (perhaps saying something). */
type Reaction = { exits: true; exitCode: number; logs: Line[] } | { exits: false; logs: Line[] };

const NGINX_WORDS: Readonly<Record<number, NginxSignal>> = { 15: 'stop', 3: 'quit', 10: 'reopen', 1: 'reload' };

/**
 * The first process is PID 1 of its namespace: the kernel drops every signal
 * it has no handler for, SIGKILL aside (SIGNAL_UNKILLABLE, kernel/signal.c
 * sig_task_ignored), so `sleep` or `sh` go on. nginx's master handles TERM,
 * INT, QUIT, HUP and USR1 (ngx_signal_handler); Apache TERM, INT and WINCH,
 * its graceful stop (mpm event.c); the other servers of the catalog their
 * stop signal and TERM. ~: their other handlers (nginx's USR2, Apache's
 * restarts) are not simulated and go unseen.
 */
function reaction(container: Container, signal: number, nowMs: number): Reaction {
  if (signal === 9) return { exits: true, exitCode: 137, logs: [] };
  if (runsNginxMaster(container)) {
    if (signal === 2) return { exits: true, ...interruptedBy(container, nowMs) };
    const word = NGINX_WORDS[signal];
    if (word === undefined) return { exits: false, logs: [] };
    const { logs, exits } = nginxSignalled(container, word, 0, nowMs, nextNginxPid(container));
    return exits ? { exits, exitCode: 0, logs } : { exits, logs };
  }
  const image = imageInfo(container.image);
  if (image?.repository === 'httpd' && runsImageDefault(container)) {
    if (signal === 15 || signal === 2) return { exits: true, exitCode: 0, logs: [httpdShutdown(container, nowMs)] };
    if (signal === 28)
      return {
        exits: true,
        exitCode: 0,
        logs: [httpdShutdown(container, nowMs, 'AH00492: caught SIGWINCH, shutting down gracefully')],
      };
    return { exits: false, logs: [] };
  }
  const stopSignal = container.config.stopSignal === undefined ? 15 : parseSignal(container.config.stopSignal);
  if (container.stopsOnSigterm && (signal === 15 || signal === stopSignal))
    return { exits: true, exitCode: 0, logs: [] };
  return { exits: false, logs: [] };
}

/** killWithSignal: the `kill` event, then the process's answer; true when the container is down. */
function deliver(daemon: Daemon, container: Container, signal: number): boolean {
  const nowMs = daemon.clock.now();
  const answer = reaction(container, signal, nowMs);
  logContainerEvent(daemon, container, 'kill', { signal: String(signal) });
  for (const entry of answer.logs) container.logs.push({ ...entry, timeMs: nowMs });
  if (answer.exits) exitContainer(daemon, container, answer.exitCode);
  return answer.exits;
}

/**
 * POST /containers/{name}/kill?signal= (moby docker-v29.7.2 daemon/kill.go
 * ContainerKill): the signal is checked before the container is looked up.
 */
export function killContainerWith(daemon: Daemon, reference: string, rawSignal: string): Container {
  let signal = 9;
  const container = killTarget(daemon, reference, () => {
    signal = parseSignal(rawSignal);
    checkPlatform(signal);
  });
  container.manuallyStopped = true;
  deliver(daemon, container, signal);
  return container;
}

export interface StopOptions {
  readonly signal?: string;
  /** Seconds; negative waits for as long as it takes. */
  readonly timeout?: number;
  /** The stop of a restart: ContainerRestart words the errors (`Cannot restart container NAME: ...`), not ContainerStop. */
  readonly restart?: boolean;
}

/**
 * POST /containers/{name}/stop?signal=&t= (daemon/stop.go): a stopped container
 * is not modified; else the signal (the container's StopSignal by default), the
 * wait, and SIGKILL when the process is still there. `stopped` is false when a
 * negative timeout waits on a process that never ends.
 */
export function stopContainerWith(
  daemon: Daemon,
  reference: string,
  options: StopOptions,
): { container: Container; stopped: boolean } {
  const container = findContainer(daemon, reference);
  if (container.status !== 'running') return { container, stopped: true };
  let signal: number;
  try {
    signal =
      options.signal !== undefined && options.signal !== ''
        ? parseSignal(options.signal)
        : parseSignal(container.config.stopSignal ?? 'SIGTERM');
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    const words = options.restart ? `Cannot restart container ${reference}` : `cannot stop container: ${reference}`;
    throw new EngineError('system', `${words}: ${error.message}`);
  }
  const timeout = options.timeout ?? 10;
  container.manuallyStopped = true;
  if (!deliver(daemon, container, signal)) {
    if (timeout < 0) return { container, stopped: false };
    daemon.clock.advance(timeout * 1000);
    deliver(daemon, container, 9);
  }
  logContainerEvent(daemon, container, 'stop');
  return { container, stopped: true };
}

/** POST /containers/{name}/restart with -s or -t (daemon/restart.go): this stop, then the start. */
export function restartContainerWith(
  daemon: Daemon,
  reference: string,
  options: StopOptions,
): { container: Container; stopped: boolean } {
  const { container, stopped } = stopContainerWith(daemon, reference, { ...options, restart: true });
  return stopped ? { container: restartedContainer(daemon, reference), stopped } : { container, stopped };
}
