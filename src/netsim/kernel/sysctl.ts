import type { Kernel } from './kernel';
import type { Namespace } from './namespace';

/**
 * Whether a namespace forwards IPv4 (net.ipv4.ip_forward): the host does,
 * because dockerd turned it on at its first start (Debian ships it off; moby
 * libnetwork/drivers/bridge/setup_ip_forwarding.go setupIPv4Forwarding writes 1 to
 * /proc/sys/net/ipv4/ip_forward); a container's namespace keeps Linux's
 * default for a new namespace, 0.
 */
export function forwardsIpv4(kernel: Kernel, namespace: Namespace): boolean {
  return namespace === kernel.root;
}

/**
 * The ephemeral port range every new namespace starts with (Linux
 * net/ipv4/af_inet.c inet_init_net: `60999u << 16 | 32768u`); Debian changes
 * nothing, and nothing here writes it. proc_dointvec_minmax prints the two
 * integers of the vector separated by a tab (kernel/sysctl.c __do_proc_dointvec).
 * Client sockets, traceroute's probes, Docker's port allocator and its embedded
 * DNS server all draw their ports from it.
 */
export const LOCAL_PORT_RANGE = { first: 32768, last: 60999 } as const;
const IP_LOCAL_PORT_RANGE = `${LOCAL_PORT_RANGE.first}\t${LOCAL_PORT_RANGE.last}`;

/** The net.* sysctls the simulation knows, by key, as /proc/sys/net shows them to a process of `namespace`. */
export function netSysctls(kernel: Kernel, namespace: Namespace): Readonly<Record<string, string>> {
  return {
    'net.ipv4.ip_forward': forwardsIpv4(kernel, namespace) ? '1' : '0',
    'net.ipv4.ip_local_port_range': IP_LOCAL_PORT_RANGE,
  };
}

/** Where a key lives under /proc/sys: dots become slashes (procps sysctl.c slashdot). */
export function sysctlPath(key: string): string {
  return `/proc/sys/${key.replace(/\./g, '/')}`;
}

/** The /proc/sys files of those sysctls, each value on a line, as `cat` reads them. */
export function procSysFiles(kernel: Kernel, namespace: Namespace): Record<string, string> {
  return Object.fromEntries(
    Object.entries(netSysctls(kernel, namespace)).map(([key, value]) => [sysctlPath(key), `${value}\n`]),
  );
}
