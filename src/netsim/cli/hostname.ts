import type { Engine } from '../engine/engine';
import type { HostEtc } from '../engine/etc-files';
import { ok, type Program } from './command';
import { containerIn } from './name-service';

/**
 * hostname without arguments (Debian's hostname, BusyBox's applet: the same
 * line): the UTS name of where it runs, the container's --hostname or short ID,
 * the host's own name on the host and in --network host containers.
 */
export function hostnameProgram(engine: Engine, hostEtc: () => HostEtc): Program {
  return {
    name: 'hostname',
    run(_args, context) {
      return ok(`${containerIn(engine, context.namespace)?.hostname ?? hostEtc().hostname}\n`);
    },
  };
}
