import type { Container, LogEntry } from './container';
import { formatIpv4 } from '../wire/ipv4';
import { apacheTime } from '../wire/time-text';

type Line = Omit<LogEntry, 'timeMs'>;

/**
 * The lines every Apache 2.4 writes to its error log (stderr in the images) as
 * it starts in the foreground, whether it is the httpd image's own build or
 * Debian's apache2 of the php/wordpress images.
 */

/**
 * Where the container's hostname resolves, as Apache looks it up: the
 * endpoint's address (Docker's /etc/hosts line), the host's 127.0.1.1 with
 * --network host (Debian's /etc/hosts), nothing with --network none.
 */
export function hostnameAddress(container: Pick<Container, 'endpoints' | 'networkMode'>): string | undefined {
  if (container.networkMode === 'host') return '127.0.1.1';
  const address = container.endpoints[0]?.address?.address;
  return address === undefined ? undefined : formatIpv4(address);
}

/**
 * ap_get_local_host (server/util.c), run as ap_fini_vhost_config finds no
 * ServerName: a hostname that resolves to a name with a dot is taken
 * silently; one without a dot gives AH00558 with the address it resolves
 * to; one that does not resolve gives AH00557, then AH00558 with 127.0.0.1.
 * The configuration is read twice at start-up, so they come twice (real
 * `docker logs` of httpd and php:apache images). `program` is ap_server_argv0.
 */
export function serverNameWarnings(program: string, hostname: string, address: string | undefined): Line[] {
  if (address !== undefined && hostname.includes('.')) return [];
  const using = (name: string): Line => ({
    stream: 'stderr',
    text: `AH00558: ${program}: Could not reliably determine the server's fully qualified domain name, using ${name}. Set the 'ServerName' directive globally to suppress this message`,
  });
  const once: Line[] =
    address !== undefined
      ? [using(address)]
      : [
          { stream: 'stderr', text: `AH00557: ${program}: apr_sockaddr_info_get() failed for ${hostname}` },
          using('127.0.0.1'),
        ];
  return [...once, ...once];
}

/**
 * The MPM's `configured -- resuming normal operations` notice and core's
 * AH00094 with the command line (ap_log_command_line writes each -D apart:
 * `-DFOREGROUND` reads `-D FOREGROUND`). Since 2.4.58 the tid is the OS
 * thread id, the PID for the main thread (`[pid 14811:tid 14811]` in a real
 * Apache/2.4.66 log). `micros` is the sub-second part of the first line; the
 * second follows it by tens of microseconds.
 */
export function resumingNotices(
  ms: number,
  micros: number,
  mpm: { module: string; code: string },
  signature: string,
  commandLine: string,
): Line[] {
  return [
    {
      stream: 'stderr',
      text: `${apacheTime(ms, micros)} [${mpm.module}:notice] [pid 1:tid 1] ${mpm.code}: ${signature} configured -- resuming normal operations`,
    },
    {
      stream: 'stderr',
      text: `${apacheTime(ms, micros + 92)} [core:notice] [pid 1:tid 1] AH00094: Command line: '${commandLine}'`,
    },
  ];
}

/**
 * The httpd image's start (docker-library/httpd: CMD httpd-foreground, which
 * execs `httpd -DFOREGROUND`; its httpd.conf loads mpm_event, whose notice is
 * AH00489, and sets no ServerName). Real `docker run httpd` logs: AH00558 twice,
 * then `[mpm_event:notice] ... AH00489: Apache/2.4.x (Unix) configured -- resuming
 * normal operations` and `[core:notice] ... AH00094: Command line: 'httpd -D FOREGROUND'`.
 */
export function httpdStartup(
  ms: number,
  micros: number,
  signature: string,
  hostname: string,
  address: string | undefined,
): Line[] {
  return [
    ...serverNameWarnings('httpd', hostname, address),
    ...resumingNotices(ms, micros, { module: 'mpm_event', code: 'AH00489' }, signature, 'httpd -D FOREGROUND'),
  ];
}
