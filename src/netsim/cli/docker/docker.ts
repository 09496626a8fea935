import type { Engine } from '../../engine/engine';
import { fail, type Program } from '../command';
import { runCommand } from './cobra';
import { CONTAINER_COMMANDS } from './container';
import { NETWORK_COMMANDS } from './network';

/** The `docker` client, talking to the simulated daemon. */
export function dockerProgram(engine: Engine): Program {
  return {
    name: 'docker',
    run(args, { stdin }) {
      const [command, verb, ...rest] = args;
      if (command === 'network') {
        const spec = verb === undefined ? undefined : NETWORK_COMMANDS[verb];
        if (spec) return runCommand(spec, rest, { engine, stdin });
        if (verb !== undefined) {
          return fail(`docker: unknown command: docker network ${verb}\n\nUsage:  docker network\n\nRun 'docker network --help' for more information\n`, 1);
        }
      }
      // `docker container run` is the long form of `docker run`.
      const containerSpec = command === 'container' && verb !== undefined ? CONTAINER_COMMANDS[verb] : command !== undefined ? CONTAINER_COMMANDS[command] : undefined;
      if (containerSpec) return runCommand(containerSpec, command === 'container' ? rest : args.slice(1), { engine, stdin });
      return fail(`docker: unknown command: docker ${command ?? ''}\n\nRun 'docker --help' for more information\n`, 1);
    },
  };
}
