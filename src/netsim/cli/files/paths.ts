import type { ProcessContext } from '../command';
import { normalizePath, type Inode } from '../../kernel/filesystem';

/** A path as typed, made absolute against the working directory. */
export function absolute(path: string, context: ProcessContext): string {
  return normalizePath(path.startsWith('/') ? path : `${context.cwd ?? '/'}/${path}`);
}

/** `drwxr-xr-x`: the type letter and the nine permission bits, with setuid/sticky letters (coreutils filemodestring, BusyBox bb_mode_string). */
export function modeString(inode: Inode): string {
  const type = { file: '-', dir: 'd', symlink: 'l', device: 'c' }[inode.kind];
  const bits = 'rwxrwxrwx'.split('').map((letter, index) => ((inode.mode >> (8 - index)) & 1 ? letter : '-'));
  if (inode.mode & 0o1000) bits[8] = bits[8] === 'x' ? 't' : 'T';
  return type + bits.join('');
}

/** A user's name from the machine's /etc/passwd; root is uid 0 everywhere, an unknown uid prints as a number. */
export function userName(uid: number, context: ProcessContext, file = '/etc/passwd'): string {
  if (uid === 0) return 'root';
  const read = context.files?.fs.read(file, { uid: 0, gid: 0 });
  const line =
    read && 'content' in read
      ? read.content.split('\n').find((entry) => entry.split(':')[2] === String(uid))
      : undefined;
  return line?.split(':')[0] ?? String(uid);
}
