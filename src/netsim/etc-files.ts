import type { HostEtc } from './engine/etc-files';
import type { HostProfile } from './profile';

/**
 * The Debian host's own /etc files, from its profile: the installer's /etc/hosts
 * (netcfg writes `127.0.1.1 <hostname>` and the IPv6 block), and a resolv.conf
 * naming the DHCP-provided nameserver (the home router unless the profile says).
 */
export function hostEtc(profile: HostProfile): HostEtc {
  // The LAN machine's line is the user's own, so that `ssh lan-pc` finds it without a DNS server that knows it.
  const lan = profile.lanMachine ? `${profile.lanMachine.address}\t${profile.lanMachine.hostname}\n` : '';
  const hosts = `127.0.0.1\tlocalhost\n127.0.1.1\t${profile.hostname}\n${lan}\n# The following lines are desirable for IPv6 capable hosts\n::1     localhost ip6-localhost ip6-loopback\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`;
  return { hostname: profile.hostname, hosts, nameservers: profile.nameservers ?? [profile.nic.gateway], search: [] };
}

/** The host's files as `cat` reads them. */
export function hostEtcFiles(profile: HostProfile): Record<string, string> {
  return { ...etcFilesOf(hostEtc(profile)), '/etc/networks': DEBIAN_NETWORKS };
}

/** What netbase's postinst writes to /etc/networks on a new Debian install (create_networks_file). */
export const DEBIAN_NETWORKS = 'default\t\t0.0.0.0\nloopback\t127.0.0.0\nlink-local\t169.254.0.0\n\n';

/** A machine's /etc files from its facts. */
export function etcFilesOf(etc: HostEtc): Record<string, string> {
  return {
    '/etc/hosts': etc.hosts,
    '/etc/resolv.conf': etc.nameservers.map((server) => `nameserver ${server}\n`).join(''),
    '/etc/hostname': `${etc.hostname}\n`,
  };
}
