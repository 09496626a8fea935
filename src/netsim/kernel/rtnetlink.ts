import { KernelError, type Errno } from './errno';
import type { Kernel } from './kernel';
import type { LinkKind } from './link';
import { linkNamed, type Namespace } from './namespace';

/** Who sends a netlink request: only CAP_NET_ADMIN matters to rtnetlink. */
export interface NetlinkCaller {
  readonly netAdmin: boolean;
}

/** What a refused request carries back: the errno, and the extended ack message if the kernel set one. */
export interface NetlinkError {
  readonly errno: Errno;
  readonly extack: string | undefined;
}

/**
 * One rtnetlink request that changes the kernel (RTM_NEWLINK, RTM_NEWADDR,
 * RTM_NEWROUTE and their DEL): rtnetlink_rcv_msg lets only a caller with
 * CAP_NET_ADMIN through (netlink_net_capable), with a bare EPERM; the change
 * then runs, and a kernel error comes back as a value. Dumps need no capability.
 */
export function rtnetlinkRequest(caller: NetlinkCaller, change: () => void): NetlinkError | undefined {
  if (!caller.netAdmin) return { errno: 'EPERM', extack: undefined };
  try {
    change();
    return undefined;
  } catch (error) {
    if (error instanceof KernelError) return { errno: error.errno, extack: error.extack };
    throw error;
  }
}

/** The kinds RTM_NEWLINK can create here (rtnl_link_ops registered by the bridge, veth and dummy drivers). */
const NEWLINK_KINDS: Readonly<Record<string, LinkKind>> = { bridge: 'bridge', veth: 'veth', dummy: 'dummy' };

/** rtnl_newlink: IFLA_INFO_KIND names a driver, or the request fails with EOPNOTSUPP and its message. */
export function newlinkKind(kind: string): LinkKind {
  const found = NEWLINK_KINDS[kind];
  if (!found) throw new KernelError('EOPNOTSUPP', `no driver ${kind}`, 'Unknown device type');
  return found;
}

/** rtnl_dellink: lo and a NIC have no rtnl_link_ops to delete them with (EOPNOTSUPP); a veth takes its peer along. */
export function dellink(kernel: Kernel, namespace: Namespace, name: string): void {
  const kind = linkNamed(namespace, name)?.kind;
  if (kind === 'loopback' || kind === 'ether') throw new KernelError('EOPNOTSUPP', `cannot delete ${name}`);
  kernel.deleteLink(namespace, name);
}
