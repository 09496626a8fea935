import type { Namespace } from '../../kernel/namespace';
import type { ServedHttp } from '../../kernel/socket';
import * as containers from '../containers';
import type { Daemon } from '../daemon';
import { nginxAccessLine, nginxNotFoundLine } from '../nginx-log';
import { currentWorkers, nextNginxPid, nginxSignalled, runsNginxMaster, type NginxSignal } from '../nginx-signals';
import { firstProcessExited } from './containers';

/** The web servers that run as a container's first process, as their logs and signals show them. */
export interface WebServerApi {
  /**
   * A web server in `namespace` answered a request: nginx's access log goes to
   * its container's stdout (the image links /var/log/nginx/access.log to
   * /dev/stdout), so `docker logs` shows the line. Other servers' logs are not
   * modelled yet.
   */
  recordServed(namespace: Namespace, served: ServedHttp): void;
  /**
   * `nginx -s SIGNAL` in the container: the master's PID from /run/nginx.pid, or
   * undefined when no nginx master runs there. The master logs what it does;
   * quit and stop end it, and the container with it.
   */
  signalNginx(reference: string, signal: NginxSignal): number | undefined;
  /** The PID a process `nginx -s` would get in the container. */
  nextNginxPid(reference: string): number;
}

export function webServerApi(daemon: Daemon): WebServerApi {
  return {
    recordServed: (namespace, served) => recordServed(daemon, namespace, served),
    signalNginx(reference, signal) {
      const container = containers.findContainer(daemon, reference);
      if (!runsNginxMaster(container)) return undefined;
      const sender = nextNginxPid(container);
      const nowMs = daemon.clock.now();
      const { logs, exits } = nginxSignalled(container, signal, sender, nowMs);
      if (exits) firstProcessExited(daemon, container.id, 0, logs);
      else for (const entry of logs) container.logs.push({ ...entry, timeMs: nowMs });
      return sender;
    },
    nextNginxPid: (reference) => nextNginxPid(containers.findContainer(daemon, reference)),
  };
}

function recordServed(daemon: Daemon, namespace: Namespace, served: ServedHttp): void {
  if (served.server !== 'nginx') return;
  const container = daemon.state.containers.find(
    (candidate) => candidate.namespaceId === namespace.id && candidate.status === 'running',
  );
  if (!container) return;
  if (served.status === 404) {
    // ~: which worker accepts is the kernel's choice (EPOLLEXCLUSIVE); the first is taken. Connections are counted by the requests logged since the master started.
    const texts = container.logs.map((entry) => entry.text);
    const since = texts.findLastIndex((text) => text.endsWith('[notice] 1#1: start worker processes'));
    const connection = texts.slice(since + 1).filter((text) => / - - \[[^\]]+\] "/.test(text)).length + 1;
    container.logs.push({
      stream: 'stderr',
      text: nginxNotFoundLine(served, currentWorkers(container)[0] ?? 1, connection, served.host),
      timeMs: served.timeMs,
    });
  }
  container.logs.push({ stream: 'stdout', text: nginxAccessLine(served), timeMs: served.timeMs });
}
