import { HOST_MEM_TOTAL_KB } from '../../engine/host-processes';
import type { MemoryRecord } from '../../format/free';
import type { MountRecord } from '../../format/df';
import type { ModuleRecord } from '../../format/lsmod';

/**
 * The simulated host's memory, disk and kernel modules: a small VM (4 GiB,
 * 2 CPUs, a 30 GiB disk) as Debian 13's installer leaves it, with Docker
 * idle. Chosen figures of the right order, fixed so that output is stable.
 */

/** free's figures: used + free + buff/cache is the total, and available is free + buff/cache (procps 4 counts used as total - available). */
export const HOST_MEMORY: MemoryRecord = {
  totalKb: HOST_MEM_TOTAL_KB,
  usedKb: 498_212,
  freeKb: HOST_MEM_TOTAL_KB - 498_212 - 1_061_384,
  sharedKb: 1_204,
  buffCacheKb: 1_061_384,
  availableKb: HOST_MEM_TOTAL_KB - 498_212,
  // The installer's swap partition (a little under 1 GiB).
  swapTotalKb: 998_396,
  swapUsedKb: 0,
};

/** The root file system: ext4 on the disk's first partition, 5% of it reserved for root (Avail leaves it out). */
const ROOT_SIZE_KB = 30_787_492;
const ROOT_USED_KB = 4_512_860;
const ROOT_RESERVED_KB = 1_539_374;

/**
 * The mounts df lists, in /proc/self/mounts' order: udev, /run, the root, the
 * tmpfs mounts of systemd (Debian 13 mounts /tmp as tmpfs) and the user's
 * /run/user/1000. tmpfs sizes are systemd's defaults for 4 GiB: /run and
 * /run/user 10%, /dev/shm and /tmp 50%.
 */
export const HOST_MOUNTS: readonly MountRecord[] = [
  tmpfs('udev', '/dev', 1_988_148, 0),
  tmpfs('tmpfs', '/run', 401_880, 1_032),
  {
    source: '/dev/sda1',
    target: '/',
    sizeKb: ROOT_SIZE_KB,
    usedKb: ROOT_USED_KB,
    availableKb: ROOT_SIZE_KB - ROOT_USED_KB - ROOT_RESERVED_KB,
  },
  tmpfs('tmpfs', '/dev/shm', 2_009_392, 0),
  tmpfs('tmpfs', '/run/lock', 5_120, 0),
  tmpfs('tmpfs', '/tmp', 2_009_392, 8),
  tmpfs('tmpfs', '/run/user/1000', 401_876, 12),
];

function tmpfs(source: string, target: string, sizeKb: number, usedKb: number): MountRecord {
  return { source, target, sizeKb, usedKb, availableKb: sizeKb - usedKb };
}

/** What statvfs says is free on / for apt's `Space needed: ... / ... available` (f_bavail, in bytes). */
export const HOST_ROOT_AVAILABLE_BYTES = (ROOT_SIZE_KB - ROOT_USED_KB - ROOT_RESERVED_KB) * 1024;

/**
 * The modules Debian's kernel has loaded on a Docker host, as /proc/modules
 * lists them (newest first): Docker's bridge (bridge, stp, llc), veth, overlay
 * for overlay2, and netfilter's NAT and conntrack for its rules. br_netfilter
 * only once something loaded it (engine: icc=false); sizes are of the order
 * of Debian's 6.12 amd64 build.
 */
export function loadedModules(brNetfilter: boolean): ModuleRecord[] {
  const bridgeHolders = brNetfilter ? ['br_netfilter'] : [];
  return [
    ...(brNetfilter ? [{ name: 'br_netfilter', size: 32_768, useCount: 0, holders: [] }] : []),
    { name: 'xt_MASQUERADE', size: 16_384, useCount: 1, holders: [] },
    { name: 'xt_addrtype', size: 12_288, useCount: 2, holders: [] },
    { name: 'xt_conntrack', size: 12_288, useCount: 1, holders: [] },
    { name: 'nft_compat', size: 20_480, useCount: 4, holders: [] },
    { name: 'nf_tables', size: 376_832, useCount: 41, holders: ['nft_compat'] },
    { name: 'veth', size: 45_056, useCount: 0, holders: [] },
    { name: 'bridge', size: 409_600, useCount: bridgeHolders.length, holders: bridgeHolders },
    { name: 'stp', size: 12_288, useCount: 1, holders: ['bridge'] },
    { name: 'llc', size: 16_384, useCount: 2, holders: ['bridge', 'stp'] },
    { name: 'overlay', size: 217_088, useCount: 0, holders: [] },
    { name: 'nf_nat', size: 61_440, useCount: 1, holders: ['xt_MASQUERADE'] },
    { name: 'nf_conntrack', size: 196_608, useCount: 3, holders: ['xt_MASQUERADE', 'nf_nat', 'xt_conntrack'] },
    { name: 'nf_defrag_ipv6', size: 24_576, useCount: 1, holders: ['nf_conntrack'] },
    { name: 'nf_defrag_ipv4', size: 12_288, useCount: 1, holders: ['nf_conntrack'] },
  ];
}
