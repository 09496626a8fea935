import type { Container } from '../../engine/container';
import type { Engine, ContainerCreateRequest } from '../../engine/engine';
import { EngineError } from '../../engine/errors';
import { familiarString, parseImageReference } from '../../wire/image-reference';
import { formatPullProgress } from '../../format/docker-pull';

/** What a create that may have pulled leaves: the container, and the pull's progress for stderr. */
export interface CreatedWithPull {
  readonly container: Container;
  /** `Unable to find image ... locally` and the pull progress, then the daemon's warnings; or empty. */
  readonly stderr: string;
}

/** A create or pull that failed: the daemon's error, and the progress printed before it. */
export class PullFailure extends Error {
  constructor(
    readonly pullError: EngineError,
    readonly stderr: string,
  ) {
    super(pullError.message);
    this.name = 'PullFailure';
  }
}

/**
 * `docker run` and `docker create` with the default --pull=missing (docker/cli
 * v29.7.2 cli/command/container/create.go createContainer): when the daemon
 * answers that the image does not exist, the CLI says `Unable to find image
 * 'nginx:latest' locally` on stderr, pulls with the progress on stderr too, and
 * creates again.
 */
export function createPullingIfMissing(
  engine: Engine,
  request: ContainerCreateRequest,
  stderrIsTerminal = false,
): CreatedWithPull {
  try {
    return created(engine.containers.create(request), '');
  } catch (error) {
    if (!(error instanceof EngineError) || error.kind !== 'not-found' || !error.message.startsWith('No such image: '))
      throw error;
  }
  let stderr = `Unable to find image '${familiarString(parseImageReference(request.image))}' locally\n`;
  try {
    stderr += formatPullProgress(engine.images.pull(request.image), stderrIsTerminal);
    return created(engine.containers.create(request), stderr);
  } catch (error) {
    if (error instanceof EngineError) throw new PullFailure(error, stderr);
    throw error;
  }
}

/** createContainer prints each warning of the create response, `WARNING: ` first, on stderr. */
function created(
  { container, warnings }: { container: Container; warnings: readonly string[] },
  progress: string,
): CreatedWithPull {
  return { container, stderr: progress + warnings.map((warning) => `WARNING: ${warning}\n`).join('') };
}
