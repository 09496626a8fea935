import { STRERROR, type ErrnoName } from '../wire/strerror';

/**
 * A machine's files: the host's disk, or a container's root file system. Both
 * are an overlay (Linux fs/overlayfs, as Docker's overlay2 and containerd's
 * overlayfs snapshotter mount a container): a read-only lower layer (the image,
 * or the host as installed), files the kernel or the daemon generates (procfs,
 * sysfs, the /etc files Docker bind-mounts), and a writable upper layer that
 * holds every change as plain data, so a snapshot keeps it. Removing a lower
 * file leaves a whiteout in the upper layer, as overlayfs does. Failures are
 * errno kinds; their text belongs to each program.
 */

/**
 * Errno kinds of file operations. `UNSIMULATED` is no errno: a write netsim does
 * not carry out (a host sysctl through /proc/sys), reported as such rather than faked.
 */
export type FileErrno =
  | Extract<
      ErrnoName,
      'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EACCES' | 'EROFS' | 'ELOOP' | 'EINVAL' | 'EBUSY'
    >
  | 'UNSIMULATED';

/** strerror(3) of each file errno (kernel/errno.ts), and what netsim says of a write it does not carry out. */
export const ERRNO_TEXT: Readonly<Record<FileErrno, string>> = {
  ...STRERROR,
  UNSIMULATED: 'writing this file is not simulated by netsim',
};

interface InodeBase {
  /** Permission bits (0o755), without the file type. */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly mtimeMs: number;
}

export type Inode =
  /** `size`: the bytes a binary file takes when its content is only what the model needs of it (an image archive). */
  | (InodeBase & { readonly kind: 'file'; readonly content: string; readonly size?: number })
  | (InodeBase & { readonly kind: 'dir' })
  | (InodeBase & { readonly kind: 'symlink'; readonly target: string })
  /** A character device; the only one modelled is /dev/null (1, 3), which reads empty and swallows writes. */
  | (InodeBase & { readonly kind: 'device'; readonly major: number; readonly minor: number });

/** Files by absolute path, without a trailing slash (`/` is the root). */
export type FileLayer = Readonly<Record<string, Inode>>;

/** The writable layer: files created or changed, and paths removed from the layers below. */
export interface UpperLayer {
  files: Record<string, Inode>;
  removed: string[];
}

/** A file the kernel or the daemon provides; `readOnly` is how a write to it fails (sysfs and /proc/sys in a container: EROFS). */
export interface GeneratedFile {
  readonly inode: Inode;
  readonly readOnly?: 'EROFS' | 'EACCES' | 'UNSIMULATED';
}

export interface Credentials {
  readonly uid: number;
  readonly gid: number;
}

export const ROOT: Credentials = { uid: 0, gid: 0 };

export const emptyUpper = (): UpperLayer => ({ files: {}, removed: [] });

/**
 * Another file system mounted over a directory: a Docker volume (its own
 * layer) or a bind mount (a directory of the host's). What lies under `target`
 * is `source` in `fs`; the directory it covers is hidden, as mount(2) hides it.
 * `readOnly`: mounted with MS_RDONLY (`-v name:/path:ro`), writes fail EROFS.
 */
export interface Mount {
  readonly target: string;
  readonly fs: FileSystem;
  readonly source: string;
  readonly readOnly: boolean;
}

/** Whether `path` is a regular file with an execute bit: what a PATH search (which, `command -v`, the shell) accepts. */
export function isExecutableFile(fs: Pick<FileSystem, 'stat'>, path: string): boolean {
  const stat = fs.stat(path);
  return 'inode' in stat && stat.inode.kind === 'file' && (stat.inode.mode & 0o111) !== 0;
}

/** `/a/./b/../c/` as `/a/c`. */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

const join = (directory: string, name: string) => (directory === '/' ? `/${name}` : `${directory}/${name}`);

/** Linux follows at most 40 symbolic links in one lookup (MAXSYMLINKS). */
const MAX_SYMLINKS = 40;

type Found = { readonly path: string; readonly inode: Inode | undefined } | { readonly error: FileErrno };

export class FileSystem {
  constructor(
    private readonly lower: FileLayer,
    private readonly upper: UpperLayer,
    generated: Readonly<Record<string, GeneratedFile>> | (() => Readonly<Record<string, GeneratedFile>>),
    private readonly now: () => number,
    private readonly mounts: readonly Mount[] = [],
  ) {
    this.makeGenerated = typeof generated === 'function' ? generated : () => generated;
  }

  /**
   * The kernel's and the daemon's files, made on first use: a shell builds a
   * FileSystem for every command it runs, and most commands (ip, docker) never
   * read one.
   */
  private readonly makeGenerated: () => Readonly<Record<string, GeneratedFile>>;
  private generatedFiles: Readonly<Record<string, GeneratedFile>> | undefined;
  private get generated(): Readonly<Record<string, GeneratedFile>> {
    return (this.generatedFiles ??= this.makeGenerated());
  }

  /** The mount a canonical path lies in, and the path there; the deepest mount wins, as the last one mounted over it would. */
  private mounted(path: string): { mount: Mount; path: string } | undefined {
    let found: Mount | undefined;
    for (const mount of this.mounts) {
      if (
        (path === mount.target || path.startsWith(`${mount.target}/`)) &&
        (!found || mount.target.length > found.target.length)
      )
        found = mount;
    }
    if (!found) return undefined;
    const rest = path.slice(found.target.length);
    return { mount: found, path: found.source === '/' ? rest || '/' : found.source + rest };
  }

  /** Where a change to a canonical path is kept: this layer, or the mounted file system's. */
  private put(path: string, inode: Inode): void {
    const inMount = this.mounted(path);
    if (inMount) inMount.mount.fs.put(inMount.path, inode);
    else this.upper.files[path] = inode;
  }

  /** The inode at a canonical path, the upper layer first, whiteouts hiding what lies below them. */
  private get(path: string): Inode | undefined {
    const inMount = this.mounted(path);
    if (inMount) return inMount.mount.fs.get(inMount.path);
    const own = this.upper.files[path];
    if (own) return own;
    if (this.hidden(path)) return undefined;
    return this.generated[path]?.inode ?? this.lower[path];
  }

  private hidden(path: string): boolean {
    return this.upper.removed.some((removed) => path === removed || path.startsWith(`${removed}/`));
  }

  /**
   * Resolves `path` (absolute) to its canonical path, following symbolic links in
   * every directory on the way and in the last name when `follow` (path_lookupat).
   * The last name may be missing: its inode is then undefined.
   */
  resolve(path: string, follow = true): Found {
    let pending = normalizePath(path).split('/').filter(Boolean);
    let current = '/';
    let links = 0;
    while (pending.length > 0) {
      const [name, ...rest] = pending as [string, ...string[]];
      const directory = this.get(current);
      if (directory?.kind !== 'dir') return { error: directory ? 'ENOTDIR' : 'ENOENT' };
      const next = name === '..' ? parentOf(current) : join(current, name);
      const inode = this.get(next);
      if (inode?.kind === 'symlink' && (rest.length > 0 || follow)) {
        if (++links > MAX_SYMLINKS) return { error: 'ELOOP' };
        const base = inode.target.startsWith('/') ? [] : current.split('/').filter(Boolean);
        pending = [...base, ...inode.target.split('/').filter((part) => part !== '' && part !== '.'), ...rest];
        current = '/';
        continue;
      }
      if (inode === undefined && rest.length > 0) return { error: 'ENOENT' };
      current = next;
      pending = rest;
    }
    return { path: current, inode: this.get(current) };
  }

  /** stat(2) (lstat(2) when `follow` is false): the inode and its canonical path. */
  stat(path: string, follow = true): { path: string; inode: Inode } | { error: FileErrno } {
    const found = this.resolve(path, follow);
    if ('error' in found) return found;
    return found.inode ? { path: found.path, inode: found.inode } : { error: 'ENOENT' };
  }

  read(path: string, who: Credentials): { content: string } | { error: FileErrno } {
    const found = this.stat(path);
    if ('error' in found) return found;
    if (found.inode.kind === 'dir') return { error: 'EISDIR' };
    if (!allowed(found.inode, who, 4)) return { error: 'EACCES' };
    return { content: found.inode.kind === 'file' ? found.inode.content : '' };
  }

  /** The names in a directory, unsorted, without `.` and `..`. */
  list(path: string, who: Credentials): { names: string[] } | { error: FileErrno } {
    const found = this.stat(path);
    if ('error' in found) return found;
    if (found.inode.kind !== 'dir') return { error: 'ENOTDIR' };
    if (!allowed(found.inode, who, 4)) return { error: 'EACCES' };
    const names = new Set<string>();
    for (const key of [
      ...Object.keys(this.upper.files),
      ...Object.keys(this.generated),
      ...Object.keys(this.lower),
      ...this.mountedKeys(),
    ]) {
      if (key !== '/' && parentOf(key) === found.path && this.get(key)) names.add(baseName(key));
    }
    return { names: [...names] };
  }

  /**
   * open(2) with O_WRONLY|O_CREAT and O_TRUNC or O_APPEND, then write(2): what
   * `>`, `>>`, tee and cp do (dpkg: a new program's 0755). A missing directory is ENOENT, a directory EISDIR.
   */
  write(
    path: string,
    content: string,
    who: Credentials,
    append = false,
    createMode = 0o644,
    size?: number,
  ): FileErrno | undefined {
    const found = this.resolve(path);
    if ('error' in found) return found.error;
    const existing = found.inode;
    if (existing?.kind === 'dir') return 'EISDIR';
    if (existing?.kind === 'device') return allowed(existing, who, 2) ? undefined : 'EACCES';
    const generated = this.generated[found.path];
    const readOnly = this.mounted(found.path)?.mount.readOnly
      ? 'EROFS'
      : this.upper.files[found.path]
        ? undefined
        : generated?.readOnly;
    // A read-only mount refuses before permissions are looked at (may_open, inode_permission).
    if (existing && readOnly === 'EROFS') return readOnly;
    if (existing && !allowed(existing, who, 2)) return 'EACCES';
    if (existing && readOnly) return readOnly;
    if (!existing) {
      const refused = this.mayCreateIn(parentOf(found.path), who);
      if (refused) return refused;
    }
    const before = existing?.kind === 'file' && append ? existing.content : '';
    const owner = existing ?? { mode: createMode, uid: who.uid, gid: who.gid };
    this.put(found.path, {
      kind: 'file',
      mode: owner.mode,
      uid: owner.uid,
      gid: owner.gid,
      mtimeMs: this.now(),
      content: before + content,
      ...(size !== undefined && { size }),
    });
    if (!existing) this.touchDirectory(parentOf(found.path));
    return undefined;
  }

  /** mkdir(2): the parent must exist; an existing name is EEXIST, whatever it is. */
  mkdir(path: string, who: Credentials, mode = 0o755): FileErrno | undefined {
    const found = this.resolve(path, false);
    if ('error' in found) return found.error;
    if (found.inode) return 'EEXIST';
    const refused = this.mayCreateIn(parentOf(found.path), who);
    if (refused) return refused;
    this.put(found.path, { kind: 'dir', mode, uid: who.uid, gid: who.gid, mtimeMs: this.now() });
    this.touchDirectory(parentOf(found.path));
    return undefined;
  }

  /** utimensat(2) on an existing file, or creating an empty one: touch. */
  touch(path: string, who: Credentials): FileErrno | undefined {
    const found = this.resolve(path);
    if ('error' in found) return found.error;
    if (!found.inode) return this.write(path, '', who, true);
    if (!allowed(found.inode, who, 2) && found.inode.uid !== who.uid && who.uid !== 0) return 'EACCES';
    const generated = this.generated[found.path];
    if (generated?.readOnly === 'EROFS' || this.mounted(found.path)?.mount.readOnly) return 'EROFS';
    this.put(found.path, { ...found.inode, mtimeMs: this.now() });
    return undefined;
  }

  /** unlink(2): not for directories (EISDIR, as Linux says). */
  unlink(path: string, who: Credentials): FileErrno | undefined {
    const found = this.resolve(path, false);
    if ('error' in found) return found.error;
    if (!found.inode) return 'ENOENT';
    if (found.inode.kind === 'dir') return 'EISDIR';
    return this.remove(found.path, who);
  }

  /** rmdir(2): only an empty directory. */
  rmdir(path: string, who: Credentials): FileErrno | undefined {
    const found = this.resolve(path, false);
    if ('error' in found) return found.error;
    if (!found.inode) return 'ENOENT';
    if (found.inode.kind !== 'dir') return 'ENOTDIR';
    if (found.path === '/') return 'EBUSY';
    const listed = this.list(found.path, ROOT);
    if ('names' in listed && listed.names.length > 0) return 'ENOTEMPTY';
    return this.remove(found.path, who);
  }

  /** rename(2): the whole subtree moves; the target's directory must exist. */
  rename(from: string, to: string, who: Credentials): FileErrno | undefined {
    const source = this.resolve(from, false);
    if ('error' in source) return source.error;
    if (!source.inode) return 'ENOENT';
    const target = this.resolve(to, false);
    if ('error' in target) return target.error;
    if (target.path === source.path) return undefined;
    if (target.path.startsWith(`${source.path}/`)) return 'EINVAL';
    if (target.inode?.kind === 'dir' && source.inode.kind !== 'dir') return 'EISDIR';
    if (target.inode && target.inode.kind !== 'dir' && source.inode.kind === 'dir') return 'ENOTDIR';
    const refused = this.mayCreateIn(parentOf(target.path), who) ?? this.mayCreateIn(parentOf(source.path), who);
    if (refused) return refused;
    if (target.inode?.kind === 'dir') {
      const listed = this.list(target.path, ROOT);
      if ('names' in listed && listed.names.length > 0) return 'ENOTEMPTY';
    }
    const moved = this.subtree(source.path);
    if (target.inode) this.remove(target.path, ROOT);
    this.remove(source.path, ROOT);
    for (const [path, inode] of moved) this.put(target.path + path.slice(source.path.length), inode);
    this.touchDirectory(parentOf(target.path));
    return undefined;
  }

  /** symlink(2). */
  symlink(target: string, path: string, who: Credentials): FileErrno | undefined {
    const found = this.resolve(path, false);
    if ('error' in found) return found.error;
    if (found.inode) return 'EEXIST';
    const refused = this.mayCreateIn(parentOf(found.path), who);
    if (refused) return refused;
    this.put(found.path, { kind: 'symlink', target, mode: 0o777, uid: who.uid, gid: who.gid, mtimeMs: this.now() });
    return undefined;
  }

  /** The paths each mount holds, as seen from here: its target and what lies under its source. */
  private mountedKeys(): string[] {
    const keys: string[] = [];
    for (const { target, fs, source } of this.mounts) {
      keys.push(target);
      for (const key of [...Object.keys(fs.upper.files), ...Object.keys(fs.lower)]) {
        if (key.startsWith(source === '/' ? '/' : `${source}/`) && key !== source)
          keys.push(target + (source === '/' ? key : key.slice(source.length)));
      }
    }
    return keys;
  }

  /** Every inode at or under a canonical path, for a move. */
  private subtree(path: string): [string, Inode][] {
    const inode = this.get(path)!;
    const entries: [string, Inode][] = [[path, inode]];
    if (inode.kind !== 'dir') return entries;
    const listed = this.list(path, ROOT);
    for (const name of 'names' in listed ? listed.names : []) entries.push(...this.subtree(join(path, name)));
    return entries;
  }

  private remove(path: string, who: Credentials): FileErrno | undefined {
    const refused = this.mayCreateIn(parentOf(path), who);
    if (refused) return refused;
    // A mount point cannot go while mounted (rmdir, rename: EBUSY).
    if (this.mounts.some((mount) => mount.target === path)) return 'EBUSY';
    const inMount = this.mounted(path);
    if (inMount) return inMount.mount.fs.remove(inMount.path, ROOT);
    for (const key of Object.keys(this.upper.files))
      if (key === path || key.startsWith(`${path}/`)) delete this.upper.files[key];
    if (!this.upper.removed.includes(path)) this.upper.removed.push(path);
    this.touchDirectory(parentOf(path));
    return undefined;
  }

  /** Whether `who` may add or remove names in a directory: write and search permission, and a writable mount. */
  private mayCreateIn(directory: string, who: Credentials): FileErrno | undefined {
    const inode = this.get(directory);
    if (!inode) return 'ENOENT';
    if (inode.kind !== 'dir') return 'ENOTDIR';
    const generated = this.readOnlyMountOf(directory);
    if (generated) return generated;
    if (this.mounted(directory)?.mount.readOnly) return 'EROFS';
    return allowed(inode, who, 3) ? undefined : 'EACCES';
  }

  /** A directory the kernel generates (sysfs, procfs) takes no new names: EROFS where it is mounted read-only, else EACCES. */
  private readOnlyMountOf(directory: string): FileErrno | undefined {
    const generated = this.generated[directory];
    if (generated) return generated.readOnly ?? 'EACCES';
    return undefined;
  }

  /** A directory's mtime moves when a name is added or removed in it. */
  private touchDirectory(path: string): void {
    const inode = this.get(path);
    if (inode && !this.mounted(path)?.mount.readOnly) this.put(path, { ...inode, mtimeMs: this.now() });
  }
}

/** The owner's, group's or others' bits, as generic_permission() picks them; root passes all but execute of a file with no x bit. */
function allowed(inode: Inode, who: Credentials, wanted: number): boolean {
  if (who.uid === 0) return true;
  const shift = inode.uid === who.uid ? 6 : inode.gid === who.gid ? 3 : 0;
  return ((inode.mode >> shift) & wanted) === wanted;
}

/** The byte length of a file's text as UTF-8, what stat's st_size says. */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
