import type { PackageApi } from '../engine/api/packages';
import { ok, type Program } from './command';

/**
 * A System V init script of the image (`/etc/init.d/apache2`): `start` runs the
 * service and prints what the script prints (the image's catalog entry).
 */
export function initScriptProgram(script: string, packages: PackageApi, containerId: string): Program | undefined {
  const found = packages.serviceAt(containerId, script);
  if (!found) return undefined;
  return {
    name: script,
    run: (args) => {
      // Only `start` is modelled: other actions print nothing rather than words not checked against the script.
      if (args[0] !== 'start') return { stdout: '', stderr: '', exitCode: 1 };
      const result = packages.startService(containerId, script);
      return ok(result?.kind === 'started' ? result.output : '');
    },
  };
}
