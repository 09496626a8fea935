import type { Engine } from '../../engine/engine';
import type { CommandSpec, DockerContext } from './cobra';
import { daemonErrorText } from './cobra';

/** runPause and runUnpause (docker/cli v29.7.2 cli/command/container/pause.go, unpause.go): each name once it is done, errors joined. */
function eachPaused(path: string, act: (engine: Engine, reference: string) => void): CommandSpec<DockerContext> {
  return {
    path,
    usage: 'CONTAINER [CONTAINER...]',
    args: { kind: 'at-least', count: 1 },
    flags: [],
    run({ positionals }, { engine }) {
      let stdout = '';
      let stderr = '';
      for (const reference of positionals) {
        try {
          act(engine, reference);
          stdout += `${reference}\n`;
        } catch (error) {
          stderr += daemonErrorText(error);
        }
      }
      return { stdout, stderr, exitCode: stderr ? 1 : 0 };
    },
  };
}

export const pause = eachPaused('docker pause', (engine, reference) => engine.containers.pause(reference));
export const unpause = eachPaused('docker unpause', (engine, reference) => engine.containers.unpause(reference));
