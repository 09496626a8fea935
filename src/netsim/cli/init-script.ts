import type { Engine } from '../engine/engine';
import { ok, type Program } from './command';

/**
 * A System V init script of the image (`/etc/init.d/apache2`): `start` runs the
 * service and prints what the script prints (the image's catalog entry).
 */
export function initScriptProgram(script: string, engine: Engine, containerId: string): Program | undefined {
  const found = engine.serviceAt(containerId, script);
  if (!found) return undefined;
  return {
    name: script,
    run: (args) => {
      // Only `start` is modelled: other actions print nothing rather than words not checked against the script.
      if (args[0] !== 'start') return { stdout: '', stderr: '', exitCode: 1 };
      const result = engine.startService(containerId, script);
      return ok(result?.kind === 'started' ? result.output : '');
    },
  };
}
