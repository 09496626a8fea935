import type { FileLayer, Inode, UpperLayer } from '../kernel/filesystem';
import type { Daemon } from './daemon';
import { findContainer } from './containers';
import { imageRootfs } from './image-catalog/rootfs';
import { imageInfo } from './images';

/** container.FilesystemChange: a path and what happened to it (api/types/container/change_type.go: C, A, D). */
export interface FilesystemChange {
  readonly kind: 'C' | 'A' | 'D';
  readonly path: string;
}

const parentsOf = (path: string): string[] => {
  const parts = path.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, index) => `/${parts.slice(0, index + 1).join('/')}`);
};

/** Whether the writable layer's copy differs from the image's: content, kind, mode or owner. */
function changed(upper: Inode, lower: Inode): boolean {
  if (upper.kind !== lower.kind || upper.mode !== lower.mode || upper.uid !== lower.uid) return true;
  if (upper.kind === 'file' && lower.kind === 'file') return upper.content !== lower.content;
  if (upper.kind === 'symlink' && lower.kind === 'symlink') return upper.target !== lower.target;
  return false;
}

/**
 * GET /containers/{name}/changes (moby docker-v29.7.2 daemon/containerd/image_changes.go,
 * go-archive ChangesDirs): the container's root compared with its image's. A path
 * the image lacks is added; one it has is changed when its copy differs; a path
 * removed is deleted (what was under it is not listed again); a directory with
 * changes inside is changed, except the root. ChangesDirs walks Go maps, so its
 * order varies from run to run; here it is the paths' order, each directory
 * before what it holds.
 */
export function containerChanges(daemon: Daemon, reference: string): FilesystemChange[] {
  const container = findContainer(daemon, reference);
  const image = imageInfo(container.image);
  const lower: FileLayer = withCommittedFiles(image ? imageRootfs(image) : {}, daemon, container.committedImage);
  const upper: UpperLayer = container.files ?? { files: {}, removed: [] };
  const changes = new Map<string, FilesystemChange['kind']>();
  const removed = upper.removed.filter((path) => lower[path] !== undefined);
  for (const path of removed) changes.set(path, 'D');
  for (const [path, inode] of Object.entries(upper.files)) {
    if (path === '/') continue;
    const before = lower[path];
    if (before === undefined) changes.set(path, 'A');
    else if (changed(inode, before)) changes.set(path, 'C');
  }
  // A directory with changes inside is listed as changed, unless it was added.
  for (const path of [...changes.keys()])
    for (const parent of parentsOf(path)) if (!changes.has(parent)) changes.set(parent, 'C');
  // What is under a deleted or added directory is covered by it: an added directory lists its contents, a deleted one does not.
  const hidden = (path: string) => removed.some((gone) => path.startsWith(`${gone}/`));
  return [...changes.entries()]
    .filter(([path]) => !hidden(path))
    .sort(([a], [b]) => compareSegments(a, b))
    .map(([path, kind]) => ({ kind, path }));
}

/** The root of a commit's image: its layers' files over the catalog image's. */
function withCommittedFiles(rootfs: FileLayer, daemon: Daemon, committed: string | undefined): FileLayer {
  const record = committed === undefined ? undefined : daemon.state.committedImages?.[committed];
  if (!record) return rootfs;
  const merged: Record<string, Inode> = { ...rootfs, ...record.files.files };
  for (const path of record.files.removed)
    for (const key of Object.keys(merged)) if (key === path || key.startsWith(`${path}/`)) delete merged[key];
  return merged;
}

/** Path order segment by segment, so `/etc` and everything in it come before `/etc-old`. */
function compareSegments(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++)
    if (left[i] !== right[i]) return left[i]! < right[i]! ? -1 : 1;
  return left.length - right.length;
}
