import { EngineError } from '../../engine/errors';
import { fail, ok } from '../command';
import type { CommandSpec, DockerContext } from './cobra';

/**
 * `docker rename CONTAINER NEW_NAME` (docker/cli v29.7.2 cli/command/container/rename.go):
 * silent on success; the daemon's error wrapped as `failed to rename container: %w`.
 */
export const rename: CommandSpec<DockerContext> = {
  path: 'docker rename',
  usage: 'CONTAINER NEW_NAME',
  args: { kind: 'exactly', count: 2 },
  flags: [],
  run({ positionals: [oldName, newName] }, { engine }) {
    try {
      engine.containers.rename(oldName!, newName!);
      return ok();
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      return fail(`failed to rename container: Error response from daemon: ${error.message}\n`, 1);
    }
  },
};
