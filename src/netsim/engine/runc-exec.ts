import type { Container } from './container';
import { EngineError } from './errors';
import { imageInfo, runsImageDefault } from './images';
import { containerTools } from './packages';

/**
 * Why runc cannot start the container's first process, if it cannot: runc's
 * init looks the program up in PATH (libcontainer/standard_init_linux.go,
 * exec.LookPath) and fails with Go's exec.ErrNotFound text; containerd and the
 * daemon wrap it (moby daemon/start.go: "failed to create task for container",
 * containerd's "failed to create shim task", runc's "OCI runtime create failed:
 * runc create failed: unable to start container process: error during container
 * init"), and the shim's ttrpc status adds `: unknown`.
 *
 * Only a program named without a slash and chosen by the user is checked: an
 * image's entrypoint script execs what follows it itself, and an image's default
 * command is always on its PATH.
 */
export function missingFirstProgram(container: Container): EngineError | undefined {
  const image = imageInfo(container.image);
  if (!image || runsImageDefault(container)) return undefined;
  const { entrypoint, cmd } = container.config;
  const imageEntrypoint = image.entrypoint.length > 0 && JSON.stringify(entrypoint) === JSON.stringify(image.entrypoint);
  const program = [...(entrypoint ?? []), ...(cmd ?? [])][0];
  if (imageEntrypoint || program === undefined || program.includes('/')) return undefined;
  if (containerTools(container)[program] !== undefined) return undefined;
  return new EngineError(
    'system',
    `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: ${JSON.stringify(program)}: executable file not found in $PATH: unknown`,
  );
}
