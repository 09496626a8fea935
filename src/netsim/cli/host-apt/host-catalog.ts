/**
 * The Debian 13 packages the simulated host knows by name: those installed
 * when the course starts (dpkg -l shows them, apt finds them "already the
 * newest version"), and those apt can install, with what they put on the disk.
 *
 * Versions, sizes, database entries and update-alternatives lines are those
 * of a trixie chroot (tests/netsim/golden/apt, apt-cache show, dpkg -L); the
 * descriptions are dpkg -l's (the package's one-line synopsis).
 */

/** A package as dpkg -l lists it. */
export interface InstalledPackage {
  readonly version: string;
  readonly description: string;
}

/** A package apt can fetch and dpkg unpack onto the host. */
export interface InstallablePackage extends InstalledPackage {
  /** Bytes of the .deb (apt-cache show's Size). */
  readonly download: number;
  /** Bytes once installed: Installed-Size (KiB) times 1024, as apt counts it. */
  readonly installed: number;
  /** Paths dpkg's database gains (the captured `Reading database` counts' difference). */
  readonly databaseEntries: number;
  /** The programs it adds, by name, and the file each is (`update-alternatives` links the name to it). */
  readonly programs: Readonly<Record<string, { readonly path: string; readonly alternative?: string }>>;
  /** What its postinst prints while apt sets it up (update-alternatives --install, one line per link). */
  readonly setupLines: readonly string[];
}

const alternative = (link: string, path: string, name: string) =>
  `update-alternatives: using ${path} to provide ${link} (${name}) in auto mode`;

export const INSTALLABLE: Readonly<Record<string, InstallablePackage>> = {
  // tests/netsim/golden/apt/apt-install-traceroute.txt: Installed-Size 160, Size 54588.
  traceroute: {
    version: '1:2.1.6-1',
    description: 'Traces the route taken by packets over an IPv4/IPv6 network',
    download: 54_588,
    installed: 160 * 1024,
    databaseEntries: 21,
    programs: { traceroute: { path: '/usr/bin/traceroute.db', alternative: '/usr/bin/traceroute' } },
    setupLines: [
      alternative('/usr/bin/traceroute', '/usr/bin/traceroute.db', 'traceroute'),
      alternative('/usr/bin/traceroute6', '/usr/bin/traceroute6.db', 'traceroute6'),
      alternative('/usr/bin/lft', '/usr/bin/lft.db', 'lft'),
      alternative('/usr/bin/traceproto', '/usr/bin/traceproto.db', 'traceproto'),
      alternative('/usr/sbin/tcptraceroute', '/usr/sbin/tcptraceroute.db', 'tcptraceroute'),
    ],
  },
  // apt-install-netcat-openbsd.txt: Installed-Size 109, Size 42520; /bin is /usr/bin (merged /usr).
  'netcat-openbsd': {
    version: '1.229-1',
    description: 'TCP/IP swiss army knife',
    download: 42_520,
    installed: 109 * 1024,
    databaseEntries: 23,
    programs: { nc: { path: '/usr/bin/nc.openbsd', alternative: '/usr/bin/nc' } },
    setupLines: [alternative('/bin/nc', '/bin/nc.openbsd', 'nc')],
  },
};

/**
 * What the course's host has installed: Debian 13 without the "standard system
 * utilities" task (no traceroute), plus the tools the lessons use from the
 * start (tcpdump, dnsutils, net-tools, telnet) and Docker's packages.
 */
export const PREINSTALLED: Readonly<Record<string, InstalledPackage>> = {
  apt: { version: '3.0.4', description: 'commandline package manager' },
  'bind9-dnsutils': { version: '1:9.20.15-1~deb13u1', description: 'Clients provided with BIND 9' },
  'bind9-host': { version: '1:9.20.15-1~deb13u1', description: 'DNS Lookup Utility' },
  coreutils: { version: '9.7-3', description: 'GNU core utilities' },
  curl: { version: '8.14.1-2+deb13u7', description: 'command line tool for transferring data with URL syntax' },
  'docker-ce': {
    version: '5:29.7.2-1~debian.13~trixie',
    description: 'Docker: the open-source application container engine',
  },
  'docker-ce-cli': {
    version: '5:29.7.2-1~debian.13~trixie',
    description: 'Docker CLI: the open-source application container engine',
  },
  'docker-compose-plugin': {
    version: '2.40.3-1~debian.13~trixie',
    description: 'Docker Compose (V2) plugin for the Docker CLI.',
  },
  iproute2: { version: '6.15.0-1', description: 'networking and traffic control tools' },
  iptables: { version: '1.8.11-2', description: 'administration tools for packet filtering and NAT' },
  'iputils-ping': { version: '3:20240905-3', description: 'Tools to test the reachability of network hosts' },
  'net-tools': { version: '2.10-1.3', description: 'NET-3 networking toolkit' },
  procps: { version: '2:4.0.4-9', description: '/proc file system utilities' },
  tcpdump: { version: '4.99.5-2', description: 'command-line network traffic analyzer' },
  telnet: {
    version: '0.17+2.6-3+deb13u3',
    description: 'transitional dummy package for inetutils-telnet default switch',
  },
};

/** apt's names for a package another provides (`Note, selecting ...`): only dnsutils here. */
export const PROVIDED: Readonly<Record<string, string>> = { dnsutils: 'bind9-dnsutils' };

/** dpkg's database of the course's host before any install: a Debian 13 server with Docker's packages (a chosen figure of that order). */
export const HOST_DATABASE_ENTRIES = 31_472;

/** `/var/lib/dpkg/info/NAME.list`: dpkg's record of a package it unpacked, the host's mark that apt installed it. */
export const dpkgListFile = (name: string) => `/var/lib/dpkg/info/${name}.list`;
