import type { ReadFileResult } from '../cli/command';

/** Where the reader is, which decides the directories it has. */
export interface FileFacts {
  readonly user: string;
  readonly inContainer: boolean;
}

/** The Filesystem Hierarchy Standard's directories, present on Debian and in every image lessons use. */
const DIRECTORIES = ['/', '/bin', '/boot', '/dev', '/etc', '/home', '/lib', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/lib', '/usr/local', '/usr/sbin', '/usr/share', '/var', '/var/lib', '/var/log', '/var/tmp', '/etc/init.d'];

/** Directories `cd` can enter; the host user's home as well. */
export function knownDirectory(path: string, facts: FileFacts): boolean {
  return DIRECTORIES.includes(path) || (!facts.inContainer && path === `/home/${facts.user}`);
}

/**
 * What `cat` and `grep` read. Only files whose contents the simulation knows
 * exist (`files`: the place's own, its /etc/hosts, resolv.conf and hostname); a
 * directory reads as EISDIR, anything else as ENOENT.
 */
export function readKnownFile(path: string, facts: FileFacts, files: Readonly<Record<string, string>>): ReadFileResult {
  if (knownDirectory(path.replace(/\/+$/, '') || '/', facts)) return { error: 'EISDIR' };
  if (path === '/dev/null') return { content: '' };
  const known = files[path];
  if (known !== undefined) return { content: known };
  return { error: 'ENOENT' };
}
