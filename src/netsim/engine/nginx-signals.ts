import type { Container, LogEntry } from './container';
import { HOST_CPUS } from './host-processes';
import { imageInfo, runsImageDefault } from './images';
import { NGINX_FIRST_WORKER_PID } from './nginx-log';
import { nginxTime } from '../wire/time-text';

type Line = Omit<LogEntry, 'timeMs'>;

/** What `nginx -s` sends (ngx_signal_process, ngx_os_signal_process in src/os/unix/ngx_process.c). */
export type NginxSignal = 'stop' | 'quit' | 'reopen' | 'reload';

/** Each `-s` word's signal and what ngx_signal_handler says it does (`signal %d (%s) received from %P%s`). */
const SIGNALS: Readonly<Record<NginxSignal, { number: number; name: string; action: string }>> = {
  stop: { number: 15, name: 'SIGTERM', action: ', exiting' },
  quit: { number: 3, name: 'SIGQUIT', action: ', shutting down' },
  reopen: { number: 10, name: 'SIGUSR1', action: ', reopening logs' },
  reload: { number: 1, name: 'SIGHUP', action: ', reconfiguring' },
};

/** Whether the container's first process is the image's nginx master, which writes its PID to /run/nginx.pid. */
export function runsNginxMaster(container: Container): boolean {
  return (
    container.status === 'running' && imageInfo(container.image)?.repository === 'nginx' && runsImageDefault(container)
  );
}

/** The workers the master runs now: those its last `start worker processes` named. */
export function currentWorkers(container: Container): number[] {
  const texts = container.logs.map((entry) => entry.text);
  const last = texts.findLastIndex((text) => text.endsWith('[notice] 1#1: start worker processes'));
  return texts
    .slice(last + 1)
    .flatMap((text) => /\[notice\] 1#1: start worker process (\d+)$/.exec(text)?.[1] ?? [])
    .map(Number);
}

/**
 * The PID `nginx -s` gets in the container: the next after every PID the
 * master's log has named, or 1 when it is the container's own command. ~: a `docker exec` between them that forked would take some.
 */
export function nextNginxPid(container: Container): number {
  // `docker run nginx nginx -s reload`: the entrypoint execs it as the first process.
  if (!runsNginxMaster(container) && container.config.cmd?.[0] === 'nginx') return 1;
  const named = container.logs.flatMap((entry) =>
    [...entry.text.matchAll(/(?:worker process|received from) (\d+)/g)].map((match) => Number(match[1])),
  );
  return Math.max(NGINX_FIRST_WORKER_PID + HOST_CPUS - 1, ...named) + 1;
}

/**
 * What the master and its workers log when `sender` signals it
 * (ngx_master_process_cycle, ngx_worker_process_cycle, ngx_reap_children in
 * src/os/unix/ngx_process_cycle.c and ngx_process.c): on reload a new cycle
 * (`reconfiguring`, ngx_event_module_init's event method, new workers after
 * the sender's PID) and the old workers shut down gracefully; quit and stop end
 * every worker, then the master (`exit`). The order of the lines of different
 * processes is the one real logs show (a worker's lines, then the master
 * reaping it), though the kernel may interleave them otherwise.
 */
export function nginxSignalled(
  container: Container,
  signal: NginxSignal,
  sender: number,
  nowMs: number,
  // The PID the first new worker gets: the next after the sender, whose PID is the last one taken.
  firstNewPid = sender + 1,
): { logs: Line[]; exits: boolean } {
  const line = (pid: number, text: string): Line => ({
    stream: 'stderr',
    text: `${nginxTime(nowMs)} [notice] ${pid}#${pid}: ${text}`,
  });
  const { number, name, action } = SIGNALS[signal];
  // ngx_signal_handler names the sender only when siginfo has one: a signal from outside the PID namespace (docker kill) has none.
  const from = sender === 0 ? '' : ` from ${sender}`;
  const received = line(1, `signal ${number} (${name}) received${from}${action}`);
  const workers = currentWorkers(container);
  const reaped = (pid: number) => [
    line(1, `signal 17 (SIGCHLD) received from ${pid}`),
    line(1, `worker process ${pid} exited with code 0`),
    line(1, 'signal 29 (SIGIO) received'),
  ];
  switch (signal) {
    case 'reopen':
      return {
        logs: [received, line(1, 'reopening logs'), ...workers.map((pid) => line(pid, 'reopening logs'))],
        exits: false,
      };
    case 'reload': {
      const fresh = workers.map((_, index) => firstNewPid + index);
      return {
        logs: [
          received,
          line(1, 'reconfiguring'),
          line(1, 'using the "epoll" event method'),
          line(1, 'start worker processes'),
          ...fresh.map((pid) => line(1, `start worker process ${pid}`)),
          ...workers.flatMap((pid) => [line(pid, 'gracefully shutting down'), line(pid, 'exiting'), line(pid, 'exit')]),
          ...workers.flatMap(reaped),
        ],
        exits: false,
      };
    }
    case 'quit':
      return {
        logs: [
          received,
          ...workers.flatMap((pid) => [line(pid, 'gracefully shutting down'), line(pid, 'exiting'), line(pid, 'exit')]),
          ...workers.flatMap(reaped),
          line(1, 'exit'),
        ],
        exits: true,
      };
    case 'stop':
      return {
        logs: [
          received,
          ...workers.flatMap((pid) => [line(pid, 'exiting'), line(pid, 'exit')]),
          ...workers.flatMap(reaped),
          line(1, 'exit'),
        ],
        exits: true,
      };
  }
}
