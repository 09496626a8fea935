import { fail, ok } from '../command';
import { daemonErrorText, type CommandSpec, type DockerContext } from './cobra';

/**
 * `docker diff` / `docker container diff` (docker/cli v29.7.2
 * cli/command/container/diff.go, formatter_diff.go): each change as
 * `{{.Type}} {{.Path}}`, in the daemon's order.
 */
export const diff: CommandSpec<DockerContext> = {
  path: 'docker diff',
  usage: 'CONTAINER',
  args: { kind: 'exactly', count: 1 },
  flags: [],
  run({ positionals: [reference] }, { engine }) {
    try {
      return ok(
        engine.containers
          .changes(reference!)
          .map((change) => `${change.kind} ${change.path}\n`)
          .join(''),
      );
    } catch (error) {
      return fail(daemonErrorText(error), 1);
    }
  },
};
