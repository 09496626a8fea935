import { EngineError } from '../../engine/errors';
import { humanSize } from '../../format/docker-images';
import { fail, ok, type CommandResult } from '../command';
import type { CommandSpec, DockerContext } from './cobra';

/**
 * `docker rmi` / `docker image rm` (docker/cli v29.7.2 cli/command/image/remove.go
 * runRemove): each image in turn, `Untagged:`/`Deleted:` lines for what the
 * daemon removed; the errors joined at the end, status 1. With -f, errors that
 * are all "not found" are printed and the status is 0.
 */
const rmi: CommandSpec<DockerContext> = {
  path: 'docker rmi',
  usage: '[OPTIONS] IMAGE [IMAGE...]',
  args: { kind: 'at-least', count: 1 },
  flags: [
    { name: 'force', short: 'f', takesValue: false },
    { name: 'no-prune', takesValue: false },
    { name: 'platform', takesValue: true },
  ],
  run({ values, positionals }, { engine }): CommandResult {
    const force = values.has('force');
    let stdout = '';
    const errors: string[] = [];
    let fatal = false;
    for (const image of positionals) {
      try {
        stdout += engine.images
          .remove(image, force)
          .map((record) => ('deleted' in record ? `Deleted: ${record.deleted}\n` : `Untagged: ${record.untagged}\n`))
          .join('');
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
        fatal ||= error.kind !== 'not-found';
        errors.push(`Error response from daemon: ${error.message}`);
      }
    }
    if (errors.length === 0) return ok(stdout);
    return { stdout, stderr: `${errors.join('\n')}\n`, exitCode: !force || fatal ? 1 : 0 };
  },
};

/** prompt.Confirm: anything but y or Y cancels, with status 0 (the cancelled error is not printed). */
function confirmed(force: boolean, stdin: string): boolean {
  return force || stdin.split('\n')[0]?.trim().toLowerCase() === 'y';
}

const IMAGE_PRUNE_WARNING = 'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ';

/**
 * `docker image prune` (docker/cli v29.7.2 cli/command/image/prune.go): without
 * -a only dangling images go, and a store filled by pulls has none, so it
 * reclaims nothing. -a is not modelled.
 */
const imagePrune: CommandSpec<DockerContext> = {
  path: 'docker image prune',
  usage: '[OPTIONS]',
  args: { kind: 'none' },
  flags: [
    { name: 'force', short: 'f', takesValue: false },
    { name: 'all', short: 'a', takesValue: false },
    { name: 'filter', takesValue: true },
  ],
  run({ values }, { engine, stdin }) {
    if (values.has('all')) return fail('This simulator does not model `docker image prune -a` yet.\n', 1);
    const prompt = values.has('force') ? '' : IMAGE_PRUNE_WARNING;
    if (!confirmed(values.has('force'), stdin)) return ok(prompt);
    // prune.go: `Deleted Images:`, `untagged: ` or `deleted: ` per line, a blank line (Fprintln of the list).
    const { lines, reclaimed } = engine.images.pruneDangling();
    const list = lines.map((line) =>
      'untagged' in line ? `untagged: ${line.untagged}\n` : `deleted: ${line.deleted}\n`,
    );
    return ok(
      `${prompt}${list.length > 0 ? `Deleted Images:\n${list.join('')}\n` : ''}Total reclaimed space: ${humanSize(reclaimed)}\n`,
    );
  },
};

const CONTAINER_PRUNE_WARNING =
  'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ';

/**
 * `docker container prune` (docker/cli v29.7.2 cli/command/container/prune.go):
 * `Deleted Containers:` and the IDs, a blank line, then the space reclaimed.
 * Writable layers' sizes are not modelled, so the space is 0B.
 */
const containerPrune: CommandSpec<DockerContext> = {
  path: 'docker container prune',
  usage: '[OPTIONS]',
  args: { kind: 'none' },
  flags: [
    { name: 'force', short: 'f', takesValue: false },
    { name: 'filter', takesValue: true },
  ],
  run({ values }, { engine, stdin }) {
    const prompt = values.has('force') ? '' : CONTAINER_PRUNE_WARNING;
    if (!confirmed(values.has('force'), stdin)) return ok(prompt);
    const deleted = engine.containers.prune();
    const list = deleted.length > 0 ? `Deleted Containers:\n${deleted.map((id) => `${id}\n`).join('')}\n` : '';
    return ok(`${prompt}${list}Total reclaimed space: ${humanSize(0)}\n`);
  },
};

export const PRUNE_REMOVE_COMMANDS = { rmi, imagePrune, containerPrune };
