import { NGINX_VERSION } from '../userland/web-servers';
import type { ServedHttp } from '../kernel/socket';
import type { LogEntry } from './container';
import { nginxTime } from '../wire/time-text';

type Line = Omit<LogEntry, 'timeMs'>;

/**
 * What the official nginx image writes as it starts. The entrypoint's lines
 * (stdout) come from docker-nginx's docker-entrypoint.sh and its
 * /docker-entrypoint.d/ scripts (nginxinc/docker-nginx, mainline/debian):
 * 15-local-resolvers.envsh is sourced, the .sh scripts are launched, and only
 * 10-listen-on-ipv6-by-default.sh says more (20-envsubst finds no templates,
 * 30-tune-worker-processes is off without NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE).
 */
const ENTRYPOINT = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];

/**
 * NGX_COMPILER: `gcc -v`'s version with its trailing space (auto/cc/gcc), as the
 * nginx.org package of each base was built: trixie's gcc 14, and Alpine's.
 * ~: Alpine 3.24's gcc is taken to be 3.23's 15.2.0.
 */
const COMPILERS = { debian: 'gcc 14.2.0 (Debian 14.2.0-19) ', alpine: 'gcc 15.2.0 (Alpine 15.2.0) ' } as const;
/**
 * The container inherits dockerd's open-files limit: systemd's default 1024:524288
 * since moby's docker.service stopped setting LimitNOFILE=infinity (v25).
 */
const RLIMIT_NOFILE = '1024:524288';
/** The entrypoint's scripts and the commands they run use the PIDs before the first worker's. */
export const NGINX_FIRST_WORKER_PID = 29;

/** What /docker-entrypoint.sh echoes (stdout) before it execs `nginx` or `nginx-debug`. */
export const entrypointLines = (): Line[] => ENTRYPOINT.map((text) => ({ stream: 'stdout', text }));
const notice = (ms: number, text: string): Line => ({
  stream: 'stderr',
  text: `${nginxTime(ms)} [notice] 1#1: ${text}`,
});

/**
 * A successful start: the notices of ngx_event_module_init, ngx_os_status
 * (ngx_posix_init.c, ngx_linux_init.c) and ngx_start_worker_processes, one
 * worker per CPU (`worker_processes auto`).
 */
export function nginxStartup(
  nowMs: number,
  kernelRelease: string,
  workers: number,
  base: keyof typeof COMPILERS = 'debian',
): Line[] {
  return [
    ...entrypointLines(),
    notice(nowMs, 'using the "epoll" event method'),
    notice(nowMs, NGINX_VERSION),
    notice(nowMs, `built by ${COMPILERS[base]}`),
    notice(nowMs, `OS: Linux ${kernelRelease}`),
    notice(nowMs, `getrlimit(RLIMIT_NOFILE): ${RLIMIT_NOFILE}`),
    notice(nowMs, 'start worker processes'),
    ...Array.from({ length: workers }, (_, index) =>
      notice(nowMs, `start worker process ${NGINX_FIRST_WORKER_PID + index}`),
    ),
  ];
}

/**
 * A port taken (ngx_open_listening_sockets, ngx_connection.c): five tries 500 ms
 * apart, each `bind() ... failed` for every socket still unbound, then `still
 * could not bind()`. An [emerg] goes to the error log (stderr in the image) and,
 * while nginx starts, again to stderr as `nginx: [emerg] ...` (ngx_log_error_core:
 * the log's fd is /dev/stderr opened anew, not fd 2 itself).
 */
export function nginxBindFailure(nowMs: number, failed: readonly string[]): Line[] {
  const emerg = (ms: number, text: string): Line[] => [
    { stream: 'stderr', text: `${nginxTime(ms)} [emerg] 1#1: ${text}` },
    { stream: 'stderr', text: `nginx: [emerg] ${text}` },
  ];
  const tries = [0, 1, 2, 3, 4].flatMap((attempt) => {
    const ms = nowMs + attempt * 500;
    return [
      ...failed.flatMap((address) => emerg(ms, `bind() to ${address} failed (98: Address already in use)`)),
      notice(ms, 'try again to bind() after 500ms'),
    ];
  });
  return [...entrypointLines(), ...tries, ...emerg(nowMs + 2500, 'still could not bind()')];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** $time_local (ngx_http_log_module, `%02d/%s/%d:%02d:%02d:%02d %c%02i%02i`): UTC inside the container, so `+0000`. */
function timeLocal(ms: number): string {
  const date = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

/**
 * One line of the official image's access log: nginx.org's packaged nginx.conf
 * declares `log_format main '$remote_addr - $remote_user [$time_local] "$request" '
 * '$status $body_bytes_sent "$http_referer" ' '"$http_user_agent" "$http_x_forwarded_for"'`
 * and `access_log /var/log/nginx/access.log main`, which docker-nginx's
 * Dockerfile links to /dev/stdout. An empty variable prints as `-`.
 */
export function nginxAccessLine(served: ServedHttp): string {
  const value = (text: string | undefined) => (text === undefined || text === '' ? '-' : text);
  return `${served.remoteAddress} - - [${timeLocal(served.timeMs)}] "${served.requestLine}" ${served.status} ${served.bodyBytes} "${value(served.referer)}" "${value(served.userAgent)}" "${value(served.forwardedFor)}"`;
}

/**
 * What the worker writes to the error log (the image links it to /dev/stderr)
 * for a 404 of the default site (root /usr/share/nginx/html, server_name
 * localhost): ngx_http_static_handler's open() failure, or, for a directory,
 * ngx_http_index_handler's `is not found`, then ngx_http_log_error's client,
 * server, request and host. `connection` is ngx_connection_counter (`*N`),
 * shared by the workers and counted from the master's start.
 */
export function nginxNotFoundLine(
  served: ServedHttp,
  worker: number,
  connection: number,
  host: string | undefined,
): string {
  const uri = served.requestLine.split(' ')[1]!.replace(/\?.*$/, '');
  const file = `/usr/share/nginx/html${uri}`;
  const what = uri.endsWith('/')
    ? `"${file}index.html" is not found (2: No such file or directory)`
    : `open() "${file}" failed (2: No such file or directory)`;
  return `${nginxTime(served.timeMs)} [error] ${worker}#${worker}: *${connection} ${what}, client: ${served.remoteAddress}, server: localhost, request: "${served.requestLine}"${host === undefined ? '' : `, host: "${host}"`}`;
}
