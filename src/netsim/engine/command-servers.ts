import type { SocketService } from '../kernel/socket';
import { parseIpv4 } from '../wire/ipv4';
import type { Container } from './container';
import { imageInfo, isBusybox } from './images';

/** A server a container's first process is, and the socket it listens on. */
export interface CommandServer {
  readonly process: string;
  readonly service: SocketService;
  readonly backlog: number;
  readonly socket: { readonly address: string; readonly port: number; readonly v6Only: boolean };
  /** The listening socket's descriptor: the first free one after stdin, stdout and stderr. */
  readonly fd: number;
}

/**
 * BusyBox servers run as the container's command (`docker run -d busybox
 * httpd -f -p 8000`, `nc -lk -p 7000`), found from the argv Docker execs:
 * the applet name or `busybox APPLET`, provided by the image's BusyBox.
 * Without a port given the address is `::` with IPV6_V6ONLY off
 * (libbb/xconnect.c xsocket_type tries AF_INET6 first), as ss shows it.
 */
export function commandServer(container: Pick<Container, 'image' | 'config'>): CommandServer | undefined {
  const argv = [...(container.config.entrypoint ?? []), ...(container.config.cmd ?? [])];
  const words = argv[0]?.replace(/^.*\//, '') === 'busybox' ? argv.slice(1) : argv;
  const applet = words[0]?.replace(/^.*\//, '');
  if (applet === undefined || !isBusybox(imageInfo(container.image)?.tools[applet])) return undefined;
  if (applet === 'httpd') return busyboxHttpd(words.slice(1));
  if (applet === 'nc') return busyboxNcListener(words.slice(1));
  return undefined;
}

/** getopt32's reading of short options: bundled flags, an option's argument glued on or in the next word. */
function shortOptions(
  args: readonly string[],
  withArgument: string,
): { flags: Set<string>; values: Map<string, string> } | undefined {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-') || arg === '-') return { flags, values };
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j]!;
      if (!withArgument.includes(letter)) {
        flags.add(letter);
        continue;
      }
      const value = arg.slice(j + 1) || args[++i];
      if (value === undefined) return undefined;
      values.set(letter, value);
      break;
    }
  }
  return { flags, values };
}

/**
 * BusyBox httpd (networking/httpd.c httpd_main): getopt32 "c:d:h:e:r:m:u:p:ifv";
 * -f stays in the foreground (without it httpd daemonizes and the container's
 * first process is gone: not modelled), -i is inetd mode. openServer: a
 * numeric -p is a port on every address, else `IP:PORT` (port 80 by default,
 * CONFIG_FEATURE_HTTPD_PORT_DEFAULT); xlisten(fd, 9).
 */
function busyboxHttpd(args: readonly string[]): CommandServer | undefined {
  const options = shortOptions(args, 'cdhermup');
  if (!options || !options.flags.has('f') || options.flags.has('i')) return undefined;
  const spec = options.values.get('p') ?? '80';
  const socket = bindSpec(spec);
  return socket && { process: 'httpd', service: { kind: 'http', server: 'busybox-httpd' }, backlog: 9, socket, fd: 3 };
}

/** `PORT` on `::`, or `IPv4:PORT` on that address (xdotted2sockaddr); anything else is not modelled. */
function bindSpec(spec: string): CommandServer['socket'] | undefined {
  const numeric = /^\d+$/.test(spec) ? Number(spec) : undefined;
  if (numeric !== undefined)
    return numeric > 0 && numeric <= 0xffff ? { address: '::', port: numeric, v6Only: false } : undefined;
  const match = /^(\d+\.\d+\.\d+\.\d+):(\d+)$/.exec(spec);
  if (!match || parseIpv4(match[1]!) === undefined || Number(match[2]) > 0xffff) return undefined;
  return { address: match[1]!, port: Number(match[2]), v6Only: false };
}

/**
 * BusyBox nc with NC_110_COMPAT (networking/nc_bloaty.c, the docker-library
 * and Alpine builds): getopt32 "np:s:ubvw:lki:o:z"; -l (or -k, persistent)
 * listens on -p's port at `::` (xsocket_type with AF_UNSPEC), netfd 3,
 * xlisten(netfd, 1). Without -p the port is the kernel's pick: not modelled;
 * neither is -u (UDP) or -s (a local address).
 */
function busyboxNcListener(args: readonly string[]): CommandServer | undefined {
  const options = shortOptions(args, 'psiow');
  if (
    !options ||
    !(options.flags.has('l') || options.flags.has('k')) ||
    options.flags.has('u') ||
    options.values.has('s')
  )
    return undefined;
  const port = options.values.get('p');
  if (port === undefined || !/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 0xffff) return undefined;
  return {
    process: 'nc',
    service: { kind: 'netcat' },
    backlog: 1,
    socket: { address: '::', port: Number(port), v6Only: false },
    fd: 3,
  };
}
