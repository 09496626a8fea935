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
 * exec.LookPath as runc's init calls it (libcontainer/standard_init_linux.go, and
 * setns_init_linux.go for `docker exec`): a name with a slash is looked for as a
 * file, Go's *PathError when it is missing (`stat /bin/bash: no such file or
 * directory`, as users of alpine meet it); a bare name is searched on PATH,
 * exec.ErrNotFound when absent. Undefined when the program is there.
 */
export function lookPathError(container: Container, program: string): string | undefined {
  const image = imageInfo(container.image);
  if (!image) return undefined;
  if (program.includes('/')) {
    const path = normalizePath(program.startsWith('/') ? program : `${container.config.workingDir || '/'}/${program}`);
    return fileExists(container, image, path)
      ? undefined
      : `exec: ${JSON.stringify(program)}: stat ${program}: no such file or directory`;
  }
  return containerTools(container)[program] !== undefined
    ? undefined
    : `exec: ${JSON.stringify(program)}: executable file not found in $PATH`;
}

/**
 * Why runc cannot start the container's first process, if it cannot: runc's
 * lookup fails (lookPathError), containerd and the daemon wrap it (moby
 * daemon/start.go: "failed to create task for container", containerd's "failed
 * to create shim task", runc's "OCI runtime create failed: runc create failed:
 * unable to start container process: error during container init"), and the
 * shim's ttrpc status adds `: unknown`. Only a program the user chose is
 * checked: an image's entrypoint script execs what follows it itself, and an
 * image's default command is always there.
 */
export function missingFirstProgram(container: Container): EngineError | undefined {
  const image = imageInfo(container.image);
  if (!image || runsImageDefault(container)) return undefined;
  const { entrypoint, cmd } = container.config;
  const imageEntrypoint =
    image.entrypoint.length > 0 && JSON.stringify(entrypoint) === JSON.stringify(image.entrypoint);
  const program = [...(entrypoint ?? []), ...(cmd ?? [])][0];
  if (imageEntrypoint || program === undefined) return undefined;
  const problem = lookPathError(container, program);
  if (!problem) return undefined;
  return new EngineError(
    'system',
    `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${problem}: unknown`,
  );
}
