import type { HostEtc } from './engine/etc-files';
import { HOST_KERNEL_RELEASE } from './engine/host-processes';
import type { Kernel } from './kernel/kernel';
import { newNamespace, type Namespace } from './kernel/namespace';
import type { Station } from './kernel/datapath';
import type { LanMachineProfile, HostProfile } from './profile';
import { parseCidr } from './wire/cidr';
import { parseIpv4 } from './wire/ipv4';
import { parseMac, ZERO_MAC } from './wire/mac';

/**
 * The LAN machine's network namespace has an id no namespace of the host's kernel
 * takes (they count up from 0): connection tracking keys its entries by it.
 */
const LAN_MACHINE_NAMESPACE_ID = 1 << 20;

/** sshd's PID on the LAN machine, as `ss -p` would name it: a daemon started early at boot. */
const SSHD_PID = 612;

/** A machine on the LAN, as its own network stack: what a frame on the wire reaches. */
export interface LanMachine {
  readonly profile: LanMachineProfile;
  readonly namespace: Namespace;
}

/**
 * Boots the LAN machine's network as a Debian installer leaves a desktop on a
 * home network: lo, eth0 with its address and a default route via the router
 * (the host's profile: same LAN, same gateway), and sshd listening on port 22.
 * It draws nothing from the host's seeded source: its MAC is the profile's.
 */
export function bootLanMachine(kernel: Kernel, host: HostProfile, profile: LanMachineProfile): Namespace {
  const namespace = newNamespace(LAN_MACHINE_NAMESPACE_ID, undefined);
  const prefix = parseCidr(host.nic.cidr)!.prefix;
  kernel.addLink(namespace, { name: 'lo', kind: 'loopback', mac: ZERO_MAC });
  // Bringing lo up gives it 127.0.0.1/8 (the kernel's inetdev_event).
  kernel.setUp(namespace, 'lo', true);
  kernel.addLink(namespace, { name: 'eth0', kind: 'ether', mac: parseMac(profile.mac)! });
  kernel.addAddress(namespace, 'eth0', parseCidr(`${profile.address}/${prefix}`)!);
  kernel.setUp(namespace, 'eth0', true);
  const device = kernel.link(namespace, 'eth0').index;
  kernel.addRoute(namespace, {
    destination: undefined,
    gateway: parseIpv4(host.nic.gateway)!,
    device,
    protocol: 'boot',
    scope: 'global',
    source: undefined,
    metric: undefined,
  });
  // OpenSSH's sshd listens on every address of both families, the IPv6 socket with
  // IPV6_V6ONLY set (sshd.c listen_on_addrs: sock_set_v6only), backlog SSH_LISTEN_BACKLOG (128).
  kernel.listenAll(namespace, [
    {
      protocol: 'tcp',
      address: '0.0.0.0',
      port: 22,
      v6Only: false,
      backlog: 128,
      process: { name: 'sshd', pid: SSHD_PID, fd: 6 },
      service: { kind: 'ssh' },
    },
    {
      protocol: 'tcp',
      address: '::',
      port: 22,
      v6Only: true,
      backlog: 128,
      process: { name: 'sshd', pid: SSHD_PID, fd: 7 },
      service: { kind: 'ssh' },
    },
  ]);
  return namespace;
}

/** The LAN machine's NIC, as the wire sees it. */
export function lanStation(namespace: Namespace): Station | undefined {
  const link = [...namespace.links.values()].find((candidate) => candidate.kind === 'ether');
  return link && { namespace, link };
}

/** The LAN machine's /etc: the installer's hosts file and the router as nameserver, as on the host (etc-files.ts). */
export function lanMachineEtc(host: HostProfile, profile: LanMachineProfile): HostEtc {
  const hosts = `127.0.0.1\tlocalhost\n127.0.1.1\t${profile.hostname}\n\n# The following lines are desirable for IPv6 capable hosts\n::1     localhost ip6-localhost ip6-loopback\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`;
  return { hostname: profile.hostname, hosts, nameservers: host.nameservers ?? [host.nic.gateway], search: [] };
}

/**
 * What sshd shows at an interactive login on Debian 13: pam_motd runs
 * /etc/update-motd.d/10-uname (`uname -snrvm`), then prints /etc/motd. No
 * `Last login:` line: trixie has no /var/log/lastlog for sshd to read (the
 * reader's first login there, in any case). The kernel is the host's, a
 * machine installed and updated on the same day.
 */
export function lanLoginBanner(profile: LanMachineProfile): string {
  const uname = `Linux ${profile.hostname} ${HOST_KERNEL_RELEASE} #1 SMP PREEMPT_DYNAMIC Debian 6.12.57-1 (2025-11-05) x86_64`;
  return `${uname}\n\n${DEBIAN_MOTD}`;
}

/** base-files' /etc/motd (Debian 12 and 13 alike). */
const DEBIAN_MOTD = `The programs included with the Debian GNU/Linux system are free software;
the exact distribution terms for each program are described in the
individual files in /usr/share/doc/*/copyright.

Debian GNU/Linux comes with ABSOLUTELY NO WARRANTY, to the extent
permitted by applicable law.
`;
