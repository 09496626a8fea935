import type { Engine } from '../../engine/engine';
import type { HostEtc } from '../../engine/etc-files';
import { EngineError } from '../../engine/errors';
import { imageRootfs } from '../../engine/image-catalog/rootfs';
import { imageInfo } from '../../engine/images';
import { humanSize } from '../../format/docker-images';
import {
  baseName,
  byteLength,
  FileSystem,
  normalizePath,
  parentOf,
  ROOT,
  type Credentials,
} from '../../kernel/filesystem';
import { fail, ok, type CommandResult, type FileAccess } from '../command';
import type { CommandSpec, DockerContext } from './cobra';
import { containerMounts } from '../../engine/volume-mounts';

/** One end of a copy: a container's path or the host's. */
type End = { container: string; path: string } | { container: undefined; path: string };

/**
 * splitCpArg (docker/cli v29.7.2 cli/command/container/cp.go): an absolute
 * path, or one whose part before `:` starts with `.`, is local; otherwise
 * `CONTAINER:PATH`.
 */
function splitCpArg(arg: string): End {
  if (arg.startsWith('/')) return { container: undefined, path: arg };
  const at = arg.indexOf(':');
  if (at < 0 || arg.slice(0, at).startsWith('.')) return { container: undefined, path: arg };
  return { container: arg.slice(0, at), path: arg.slice(at + 1) };
}

/** A tree of files as the tar stream carries it: each entry's header, and file content padded to 512-byte blocks. */
interface Entry {
  readonly relative: string;
  readonly kind: 'file' | 'dir';
  readonly content: string;
  readonly mode: number;
}

function collect(fs: FileSystem, path: string, who: Credentials, relative: string): Entry[] | undefined {
  const found = fs.stat(path);
  if ('error' in found) return undefined;
  const { inode } = found;
  if (inode.kind === 'dir') {
    const listed = fs.list(path, who);
    const names = 'names' in listed ? listed.names.sort() : [];
    return [
      { relative, kind: 'dir', content: '', mode: inode.mode },
      ...names.flatMap((name) => collect(fs, `${found.path}/${name}`, who, `${relative}/${name}`) ?? []),
    ];
  }
  const read = fs.read(path, who);
  return [{ relative, kind: 'file', content: 'content' in read ? read.content : '', mode: inode.mode }];
}

/** Go's archive/tar: a 512-byte header per entry, content rounded up to 512 bytes, two zero blocks at the end. */
function tarSize(entries: readonly Entry[]): number {
  return entries.reduce((sum, entry) => sum + 512 + Math.ceil(byteLength(entry.content) / 512) * 512, 1024);
}

/**
 * archive.CopyTo's placement: into an existing directory under the source's
 * name, else at the destination itself; `SRC/.` copies a directory's contents.
 */
function place(
  fs: FileSystem,
  who: Credentials,
  entries: readonly Entry[],
  destination: string,
  sourcePath: string,
): string | undefined {
  const existing = fs.stat(destination);
  const contentsOnly = /\/\.$/.test(sourcePath);
  const intoDirectory = !('error' in existing) && existing.inode.kind === 'dir';
  const root =
    intoDirectory && !contentsOnly
      ? `${normalizePath(destination)}/${baseName(normalizePath(sourcePath))}`
      : normalizePath(destination);
  if (!intoDirectory && 'error' in fs.stat(parentOf(root))) return `stat ${parentOf(root)}: no such file or directory`;
  for (const entry of entries) {
    const target = entry.relative === '' ? root : `${root}${entry.relative}`;
    if (entry.kind === 'dir') {
      const error = fs.mkdir(target, who, entry.mode);
      if (error && error !== 'EEXIST')
        return `mkdir ${target}: ${error === 'EACCES' ? 'permission denied' : 'no such file or directory'}`;
    } else {
      const error = fs.write(target, entry.content, who);
      if (error)
        return `open ${target}: ${error === 'EACCES' ? 'permission denied' : error === 'EISDIR' ? 'is a directory' : 'no such file or directory'}`;
    }
  }
  return undefined;
}

/** What dockerd reads of the host to write a container's /etc files: its name, hosts file and resolvers. */
function hostEtcOf(host: FileAccess): HostEtc {
  const read = (path: string) => {
    const result = host.fs.read(path, ROOT);
    return 'content' in result ? result.content : '';
  };
  const resolv = read('/etc/resolv.conf').split('\n');
  const words = (key: string) =>
    resolv.filter((line) => line.startsWith(`${key} `)).flatMap((line) => line.split(/\s+/).slice(1));
  return {
    hostname: read('/etc/hostname').trim(),
    hosts: read('/etc/hosts'),
    nameservers: words('nameserver'),
    search: words('search'),
  };
}

/**
 * The container's files as the daemon's archive endpoints see them: the
 * image's under the writable layer, and the /etc files it bind-mounts.
 */
function containerFiles(engine: Engine, reference: string, host: FileAccess): { fs: FileSystem; workdir: string } {
  const container = engine.containers.find(reference);
  const image = imageInfo(container.image);
  const etc = engine.files.etc(container.id, hostEtcOf(host));
  const mounted = Object.fromEntries(
    Object.entries(etc).map(([path, content]) => [
      path,
      { inode: { kind: 'file' as const, mode: 0o644, uid: 0, gid: 0, mtimeMs: container.createdMs, content } },
    ]),
  );
  // Its volumes and bind mounts too: the archive endpoints see what the container sees.
  const mounts = containerMounts(engine.files, container.id, host.fs, () => engine.clock.now());
  return {
    fs: new FileSystem(
      image ? imageRootfs(image) : {},
      engine.files.writable(container.id),
      mounted,
      () => engine.clock.now(),
      mounts,
    ),
    workdir: container.config.workingDir || '/',
  };
}

/** copySummary: the content's size, and the tar stream's when they differ (HumanSizeWithPrecision, 3 digits). */
function summary(content: number, transferred: number, destination: string): string {
  return content !== transferred
    ? `Successfully copied ${humanSize(content)} (transferred ${humanSize(transferred)}) to ${destination}\n`
    : `Successfully copied ${humanSize(content)} to ${destination}\n`;
}

const contentSize = (entries: readonly Entry[]) =>
  entries.filter((entry) => entry.kind === 'file').reduce((sum, entry) => sum + byteLength(entry.content), 0);

/**
 * `docker cp` (docker/cli v29.7.2 cli/command/container/cp.go, moby
 * daemon/archive.go): between a container, running or not, and the host's
 * files as the user who runs docker. Progress and the summary go to stderr
 * only when stdout is a terminal (quiet otherwise); `-` (tar streams),
 * --follow-link and --archive's ownership are not modelled.
 */
export const cp: CommandSpec<DockerContext> = {
  path: 'docker cp',
  usage: '[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH',
  args: { kind: 'exactly', count: 2 },
  flags: [
    { name: 'follow-link', short: 'L', takesValue: false },
    { name: 'archive', short: 'a', takesValue: false },
    { name: 'quiet', short: 'q', takesValue: false },
  ],
  run({ values, positionals: [source, destination] }, context) {
    if (source === '') return fail('source can not be empty\n', 1);
    if (destination === '') return fail('destination can not be empty\n', 1);
    const from = splitCpArg(source!);
    const to = splitCpArg(destination!);
    if (from.container !== undefined && to.container !== undefined)
      return fail('copying between containers is not supported\n', 1);
    if (from.container === undefined && to.container === undefined)
      return fail('must specify at least one container source\n', 1);
    if (from.path === '-' || to.path === '-')
      return fail('This simulator does not model docker cp with - (a tar stream) yet.\n', 1);
    const host = context.files;
    if (!host) return fail('docker cp: this machine has no files\n', 1);
    const quiet = values.has('quiet') || !context.stdoutIsTerminal;
    try {
      return from.container !== undefined
        ? fromContainer(context.engine, from.container, from.path, host, context.cwd ?? '/', to.path, quiet)
        : toContainer(context.engine, host, context.cwd ?? '/', from.path, to.container!, to.path, quiet);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      return fail(`Error response from daemon: ${error.message}\n`, 1);
    }
  },
};

const absolute = (path: string, cwd: string) => normalizePath(path.startsWith('/') ? path : `${cwd}/${path}`);

function fromContainer(
  engine: Engine,
  reference: string,
  path: string,
  host: FileAccess,
  cwd: string,
  destination: string,
  quiet: boolean,
): CommandResult {
  const { fs, workdir } = containerFiles(engine, reference, host);
  const entries = collect(fs, absolute(path, workdir), ROOT, '');
  if (!entries)
    return fail(`Error response from daemon: Could not find the file ${path} in container ${reference}\n`, 1);
  const target = absolute(destination, cwd);
  const problem = place(host.fs, host.who, entries, target, path);
  if (problem) return fail(`${problem}\n`, 1);
  const isDir = entries[0]!.kind === 'dir';
  const transferred = tarSize(entries);
  return quiet
    ? ok()
    : { stdout: '', stderr: summary(isDir ? transferred : contentSize(entries), transferred, target), exitCode: 0 };
}

function toContainer(
  engine: Engine,
  host: FileAccess,
  cwd: string,
  path: string,
  reference: string,
  destination: string,
  quiet: boolean,
): CommandResult {
  const local = absolute(path, cwd);
  const entries = collect(host.fs, local, host.who, '');
  if (!entries) return fail(`lstat ${local}: no such file or directory\n`, 1);
  const { fs, workdir } = containerFiles(engine, reference, host);
  const problem = place(fs, ROOT, entries, absolute(destination, workdir), path);
  if (problem)
    return fail(
      `Error response from daemon: Could not find the file ${parentOf(absolute(destination, workdir))} in container ${reference}\n`,
      1,
    );
  return quiet
    ? ok()
    : {
        stdout: '',
        stderr: summary(contentSize(entries), tarSize(entries), `${reference}:${destination}`),
        exitCode: 0,
      };
}
