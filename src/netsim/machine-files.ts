import type { Engine } from './engine/engine';
import { containerMounts } from './engine/volume-mounts';
import { imageInfo } from './engine/images';
import {
  DEBIAN_GROUP,
  DEBIAN_PASSWD,
  debianBase,
  imageRootfs as imageRootfsOf,
  LayerBuilder,
  programDirectory,
} from './engine/image-catalog/rootfs';
import { FileSystem, type FileLayer, type GeneratedFile, type Inode, type UpperLayer } from './kernel/filesystem';
import { counterFiles } from './kernel/counter-files-loader';
import type { Kernel } from './kernel/kernel';
import type { Link } from './kernel/link';
import type { Namespace } from './kernel/namespace';
import { procSysFiles } from './kernel/sysctl';
import { hostEtcFiles } from './etc-files';
import type { HostProfile } from './profile';

/** The host's user: the first account Debian's installer creates (uid and gid 1000, adduser's FIRST_UID). */
export const HOST_USER_ID = 1000;

/** The docker group docker-ce's package creates (SYS_GID_MAX, 999, is free on this host). */
const DOCKER_GROUP_ID = 999;

/**
 * The host's disk as Debian 13's installer leaves it: the base layout, its
 * /etc files, the user's home (adduser's DIR_MODE 0700 since Debian 12) and
 * a file for each program on PATH.
 */
export function hostRootfs(profile: HostProfile, programs: readonly string[], installedMs: number): FileLayer {
  const builder = debianBase(new LayerBuilder(installedMs));
  for (const [path, content] of Object.entries(hostEtcFiles(profile))) builder.file(path, content);
  builder.dir(`/home/${profile.user}`, 0o700, HOST_USER_ID);
  // docker-ce's package makes /etc/docker, empty, for daemon.json (docker-ce-packaging #841, since 23.0).
  builder.dir('/etc/docker');
  // adduser appends the user and its own group (GECOS empty: `,,,`).
  builder.file(
    '/etc/passwd',
    `${DEBIAN_PASSWD}${profile.user}:x:${HOST_USER_ID}:${HOST_USER_ID}:,,,:/home/${profile.user}:/bin/bash\n`,
  );
  // docker-ce's postinst then adds the docker group (groupadd --system: the highest free system GID), with no members.
  const docker = programs.includes('docker') ? `docker:x:${DOCKER_GROUP_ID}:\n` : '';
  builder.file('/etc/group', `${DEBIAN_GROUP}${profile.user}:x:${HOST_USER_ID}:\n${docker}`);
  builder.programs(programs, (tool) => programDirectory(tool, 'debian'));
  return builder.files;
}

const directory = (mode: number, mtimeMs: number): Inode => ({ kind: 'dir', mode, uid: 0, gid: 0, mtimeMs });
const file = (content: string, mtimeMs: number): Inode => ({
  kind: 'file',
  mode: 0o644,
  uid: 0,
  gid: 0,
  mtimeMs,
  content,
});

/**
 * What the kernel shows of a network namespace in /proc/sys/net and
 * /sys/class/net (a link per interface into /sys/devices). A container gets
 * both read-only: runc mounts sysfs read-only and /proc/sys as a read-only
 * path for an unprivileged container (moby oci/defaults.go ReadonlyPaths).
 * Writing a sysctl of the host as root is not modelled, and says so.
 */
export function kernelFiles(
  kernel: Kernel,
  namespace: Namespace,
  inContainer: boolean,
  bootMs: number,
): Record<string, GeneratedFile> {
  const readOnly = inContainer ? 'EROFS' : 'UNSIMULATED';
  const generated: Record<string, GeneratedFile> = {};
  for (const path of [
    '/proc/sys',
    '/proc/sys/net',
    '/proc/sys/net/ipv4',
    '/sys/class',
    '/sys/class/net',
    '/sys/devices',
    '/sys/devices/virtual',
    '/sys/devices/virtual/net',
  ]) {
    generated[path] = { inode: directory(0o555, bootMs), readOnly: inContainer ? 'EROFS' : 'EACCES' };
  }
  generated['/proc/net'] = { inode: directory(0o555, bootMs), readOnly: inContainer ? 'EROFS' : 'EACCES' };
  generated['/proc/net/dev'] = { inode: lazyFile(() => counterFiles().procNetDev(namespace), bootMs), readOnly };
  generated['/proc/net/snmp'] = {
    inode: lazyFile(() => counterFiles().procNetSnmp(kernel, namespace), bootMs),
    readOnly,
  };
  for (const [path, content] of Object.entries(procSysFiles(kernel, namespace)))
    generated[path] = { inode: file(content, bootMs), readOnly };
  for (const link of namespace.links.values()) {
    generated[`/sys/class/net/${link.name}`] = {
      inode: {
        kind: 'symlink',
        mode: 0o777,
        uid: 0,
        gid: 0,
        mtimeMs: bootMs,
        target: `../../devices/virtual/net/${link.name}`,
      },
      readOnly: inContainer ? 'EROFS' : 'EACCES',
    };
    generated[`/sys/devices/virtual/net/${link.name}`] = {
      inode: directory(0o755, bootMs),
      readOnly: inContainer ? 'EROFS' : 'EACCES',
    };
    generated[`/sys/devices/virtual/net/${link.name}/statistics`] = {
      inode: directory(0o755, bootMs),
      readOnly: inContainer ? 'EROFS' : 'EACCES',
    };
    for (const name of STATISTICS)
      generated[`/sys/devices/virtual/net/${link.name}/statistics/${name}`] = {
        inode: lazyFile(() => counterFiles().sysfsStatistic(link.stats, name), bootMs),
        readOnly: inContainer ? 'EROFS' : 'UNSIMULATED',
      };
    for (const [name, content] of Object.entries(sysfsAttributes(kernel, namespace, link))) {
      generated[`/sys/devices/virtual/net/${link.name}/${name}`] = {
        inode: { ...file(content, bootMs), mode: name === 'mtu' ? 0o644 : 0o444 },
        readOnly: inContainer ? 'EROFS' : 'UNSIMULATED',
      };
    }
  }
  return generated;
}

/** net-sysfs.c's statistics group: a file a counter (NETSTAT_ENTRY), in ls's order. */
const STATISTICS = (
  'collisions multicast rx_bytes rx_compressed rx_crc_errors rx_dropped rx_errors rx_fifo_errors rx_frame_errors ' +
  'rx_length_errors rx_missed_errors rx_nohandler rx_over_errors rx_packets tx_aborted_errors tx_bytes ' +
  'tx_carrier_errors tx_compressed tx_dropped tx_errors tx_fifo_errors tx_heartbeat_errors tx_packets tx_window_errors'
).split(' ');

/**
 * The attributes of a network device a reader looks for first (Linux
 * net/core/net-sysfs.c: address as %pM, mtu and ifindex as %d, operstate from
 * its operstates[] table in lower case), each ending in a newline.
 */
function sysfsAttributes(kernel: Kernel, namespace: Namespace, link: Link): Record<string, string> {
  return {
    address: `${link.mac}\n`,
    ifindex: `${link.index}\n`,
    mtu: `${link.mtu}\n`,
    operstate: `${kernel.operState(namespace, link).toLowerCase()}\n`,
  };
}

/**
 * A file whose text the counters' module (kernel/counter-files.ts) writes when it is read: the
 * module is fetched then, not when a listing only names the file.
 */
function lazyFile(content: () => string, mtimeMs: number): Inode {
  return {
    kind: 'file',
    mode: 0o444,
    uid: 0,
    gid: 0,
    mtimeMs,
    get content() {
      return content();
    },
  };
}

/** Everything a container's files are made of, besides its writable layer. */
export interface ContainerFileSources {
  readonly engine: Engine;
  readonly kernel: Kernel;
  readonly namespace: Namespace | undefined;
  readonly etcFiles: Readonly<Record<string, string>>;
  readonly now: () => number;
  /** The host's files, which bind mounts show. */
  readonly hostFiles?: FileSystem | undefined;
}

/**
 * A container's files: its image's, the /etc files the daemon bind-mounts
 * (hosts, resolv.conf, hostname: writable, as Docker mounts them), the kernel's
 * views of its namespace, a file for each program its package manager added,
 * and its writable layer, which lives as long as the container.
 */
export function containerFileSystem(id: string, sources: ContainerFileSources): FileSystem {
  const { engine, kernel, namespace, now } = sources;
  const container = engine.containers.list().find((c) => c.id === id)!;
  const image = imageInfo(container.image);
  const lower = image ? imageRootfsOf(image) : {};
  const startedMs = container.startedMs ?? container.createdMs;
  const generated: Record<string, GeneratedFile> = namespace ? kernelFiles(kernel, namespace, true, startedMs) : {};
  for (const [path, content] of Object.entries(sources.etcFiles)) generated[path] = { inode: file(content, startedMs) };
  const family = image?.os.family ?? 'debian';
  for (const tool of Object.keys(engine.packages.tools(id))) {
    const path = `${programDirectory(tool, family)}/${tool}`;
    if (!lower[path])
      generated[path] = { inode: { kind: 'file', mode: 0o755, uid: 0, gid: 0, mtimeMs: startedMs, content: '' } };
  }
  return new FileSystem(
    lower,
    engine.files.writable(id),
    generated,
    now,
    containerMounts(engine.files, id, sources.hostFiles, now),
  );
}

/**
 * A machine's files with /etc files of its own over its installed disk: the LAN
 * machine, installed like the host, answers to its own name.
 */
export function machineFileSystem(
  lower: FileLayer,
  upper: UpperLayer,
  etcFiles: Readonly<Record<string, string>>,
  kernelViews: Record<string, GeneratedFile>,
  now: () => number,
): FileSystem {
  const generated: Record<string, GeneratedFile> = { ...kernelViews };
  for (const [path, content] of Object.entries(etcFiles)) generated[path] = { inode: file(content, now()) };
  return new FileSystem(lower, upper, generated, now);
}
