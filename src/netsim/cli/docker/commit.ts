import type { CommandResult } from '../command';
import { daemonErrorText, type CommandSpec, type DockerContext } from './cobra';
import { referenceProblem } from './tag';

/** pflag's note for a deprecated flag, which cobra prints on the command's out stream (stdout). */
const PAUSE_DEPRECATED =
  'Flag --pause has been deprecated, and enabled by default. Use --no-pause to disable pausing during commit.\n';

/**
 * `docker commit` / `docker container commit` (docker/cli v29.7.2
 * cli/command/container/commit.go; moby client container_commit.go checks the
 * name first and refuses a digest): prints the new image's ID.
 */
export const commit: CommandSpec<DockerContext> = {
  path: 'docker commit',
  usage: '[OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
  args: { kind: 'range', min: 1, max: 2 },
  interspersed: false,
  flags: [
    { name: 'pause', short: 'p', takesValue: false },
    { name: 'no-pause', takesValue: false },
    { name: 'message', short: 'm', takesValue: true },
    { name: 'author', short: 'a', takesValue: true },
    { name: 'change', short: 'c', takesValue: true },
  ],
  run({ values, positionals: [container, reference] }, { engine }) {
    const note = values.has('pause') ? PAUSE_DEPRECATED : '';
    const failing = (text: string): CommandResult => ({ stdout: note, stderr: text, exitCode: 1 });
    if (values.has('pause') && values.has('no-pause'))
      return failing('conflicting options: --no-pause and --pause cannot be used together\n');
    if (reference !== undefined && reference !== '') {
      const problem = referenceProblem(reference);
      if (problem) return failing(`${problem}\n`);
      if (reference.includes('@')) return failing('refusing to create a tag with a digest reference\n');
    }
    try {
      const id = engine.containers.commit({
        container: container!,
        ...(reference ? { reference } : {}),
        comment: values.get('message')?.at(-1) ?? '',
        author: values.get('author')?.at(-1) ?? '',
        changes: values.get('change') ?? [],
      });
      return { stdout: `${note}${id}\n`, stderr: '', exitCode: 0 };
    } catch (error) {
      return failing(daemonErrorText(error));
    }
  },
};
