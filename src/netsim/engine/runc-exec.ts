import { baseName, emptyUpper, FileSystem, normalizePath, parentOf } from '../kernel/filesystem';
import type { Container } from './container';
import { EngineError } from './errors';
import { imageRootfs, programDirectory } from './image-catalog/rootfs';
import { imageInfo, runsImageDefault, type ImageInfo } from './images';
import { containerTools } from './packages';

/** Where a package's program lands: its tool's directory, or Debian's merged-/usr twin of it. */
function installedAt(container: Container, image: ImageInfo, path: string): boolean {
  const tool = baseName(path);
  if (containerTools(container)[tool] === undefined) return false;
  const directory = programDirectory(tool, image.os.family);
  return [directory, directory.replace(/^\/usr/, '')].includes(parentOf(path));
}

/** Whether `path` names a file in the container: its image's files under its writable layer, symbolic links followed. */
function fileExists(container: Container, image: ImageInfo, path: string): boolean {
  const fs = new FileSystem(imageRootfs(image), container.files ?? emptyUpper(), {}, () => 0);
  return !('error' in fs.stat(path)) || installedAt(container, image, path);
}

/**
 * Why runc cannot start the container's first process, if it cannot: runc's
 * init looks the program up in PATH (libcontainer/standard_init_linux.go,
 * exec.LookPath) and fails with Go's exec.ErrNotFound text; containerd and the
 * daemon wrap it (moby daemon/start.go: "failed to create task for container",
 * containerd's "failed to create shim task", runc's "OCI runtime create failed:
 * runc create failed: unable to start container process: error during container
 * init"), and the shim's ttrpc status adds `: unknown`.
 *
 * A name with a slash is looked for as a file (`stat /bin/bash: no such file or
 * directory`, as users of alpine meet it). Only a program the user chose is
 * checked: an image's entrypoint script execs what follows it itself, and an
 * image's default command is always there.
 */
export function missingFirstProgram(container: Container): EngineError | undefined {
  const image = imageInfo(container.image);
  if (!image || runsImageDefault(container)) return undefined;
  const { entrypoint, cmd } = container.config;
  const imageEntrypoint = image.entrypoint.length > 0 && JSON.stringify(entrypoint) === JSON.stringify(image.entrypoint);
  const program = [...(entrypoint ?? []), ...(cmd ?? [])][0];
  if (imageEntrypoint || program === undefined) return undefined;
  const prefix = 'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init:';
  if (program.includes('/')) {
    // exec.LookPath stats a name with a slash instead of searching PATH: Go's *PathError.
    const path = normalizePath(program.startsWith('/') ? program : `${container.config.workingDir || '/'}/${program}`);
    if (fileExists(container, image, path)) return undefined;
    return new EngineError('system', `${prefix} exec: ${JSON.stringify(program)}: stat ${program}: no such file or directory: unknown`);
  }
  if (containerTools(container)[program] !== undefined) return undefined;
  return new EngineError('system', `${prefix} exec: ${JSON.stringify(program)}: executable file not found in $PATH: unknown`);
}
