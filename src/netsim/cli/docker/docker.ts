import type { Engine } from '../../engine/engine';
import { fail, type Program } from '../command';
import { runCommand } from './cobra';
import { NETWORK_COMMANDS } from './network';

/** The `docker` client, talking to the simulated daemon. */
export function dockerProgram(engine: Engine): Program {
  return {
    name: 'docker',
    run(args) {
      const [command, verb, ...rest] = args;
      if (command === 'network') {
        const spec = verb === undefined ? undefined : NETWORK_COMMANDS[verb];
        if (spec) return runCommand(spec, rest, engine);
        if (verb !== undefined) {
          return fail(`docker: unknown command: docker network ${verb}\n\nUsage:  docker network\n\nRun 'docker network --help' for more information\n`, 1);
        }
      }
      return fail(`docker: unknown command: docker ${command ?? ''}\n\nRun 'docker --help' for more information\n`, 1);
    },
  };
}
