import { FileSystem, normalizePath, ROOT, type Mount } from '../kernel/filesystem';
import type { ContainerFiles } from './api/container-files';

/**
 * The container's volumes, each its own file system over its destination, and
 * its bind mounts, the host's directories. dockerd makes a missing bind source
 * (`-v /srv/data:/data`) as a directory (createIfNotExists in volumes_unix.go).
 */
export function containerMounts(
  containerFiles: ContainerFiles,
  id: string,
  hostFiles: FileSystem | undefined,
  now: () => number,
): Mount[] {
  const mounts: Mount[] = [];
  for (const { mount, files } of containerFiles.mounts(id)) {
    const target = normalizePath(mount.destination);
    if (files) mounts.push({ target, fs: new FileSystem({}, files, {}, now), source: '/', readOnly: !mount.rw });
    else if (hostFiles && mount.source.startsWith('/')) {
      const source = normalizePath(mount.source);
      if ('error' in hostFiles.stat(source)) mkdirAll(hostFiles, source);
      mounts.push({ target, fs: hostFiles, source, readOnly: !mount.rw });
    }
  }
  return mounts;
}

function mkdirAll(fs: FileSystem, path: string): void {
  let current = '';
  for (const part of path.split('/').filter(Boolean)) {
    current += `/${part}`;
    if ('error' in fs.stat(current)) fs.mkdir(current, ROOT);
  }
}
