import { collect, type OutputChunk } from '../command';
import type { CommandSpec, DockerContext } from './cobra';
import { daemonErrorText } from './cobra';
import { CTRL_C } from './log-output';

/**
 * `docker wait` (docker/cli v29.7.2 cli/command/container/wait.go): for each
 * container in turn, its exit code once it is not running (a created one at
 * once: the daemon waits for `not-running`); one that keeps running holds the
 * client until Ctrl-C (status 130). Errors are joined at the end.
 */
export const wait: CommandSpec<DockerContext> = {
  path: 'docker wait',
  usage: 'CONTAINER [CONTAINER...]',
  args: { kind: 'at-least', count: 1 },
  flags: [],
  run({ positionals }, { engine, interruptAfterMs }) {
    const output: OutputChunk[] = [];
    const errors: string[] = [];
    for (const reference of positionals) {
      try {
        const container = engine.containers.find(reference);
        if (container.status === 'running') {
          if (interruptAfterMs !== undefined) engine.clock.advance(interruptAfterMs);
          return collect([...output, CTRL_C], 130);
        }
        output.push({ stream: 'stdout', text: `${container.exitCode}\n` });
      } catch (error) {
        errors.push(daemonErrorText(error));
      }
    }
    if (errors.length > 0) output.push({ stream: 'stderr', text: errors.join('') });
    return collect(output, errors.length > 0 ? 1 : 0);
  },
};
