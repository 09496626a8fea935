import type { DockerService } from '../engine/api/service';
import type { Program } from './command';

/**
 * Debian's `service` (init-system-helpers, /usr/sbin/service) on a systemd
 * host: restart, status and try-restart become `systemctl ACTION UNIT`; start
 * and stop first do the same to the sockets that trigger the unit, so
 * `service docker stop` closes docker.socket too and nothing starts dockerd
 * again until `service docker start`.
 */
export function serviceProgram(docker: DockerService, systemctl: Program): Program {
  return {
    name: 'service',
    run(args, context) {
      const [name, action] = args;
      if (name === undefined || action === undefined)
        return {
          stdout: '',
          stderr: 'Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n',
          exitCode: 1,
        };
      if (name !== 'docker')
        return { stdout: '', stderr: `netsim: service here knows only docker, not ${name}\n`, exitCode: 1 };
      if (!['start', 'stop', 'restart', 'status', 'try-restart'].includes(action))
        return { stdout: '', stderr: `netsim: service docker ${action} is not simulated\n`, exitCode: 1 };
      if (action !== 'stop') return systemctl.run([action, 'docker.service'], context);
      if (!context.isRoot) {
        // Both systemctl calls meet polkit: the socket's first, then the service's.
        const refused = (unit: string) =>
          `Failed to stop ${unit}: Interactive authentication required.\nSee system logs and 'systemctl status ${unit}' for details.\n`;
        return { stdout: '', stderr: refused('docker.socket') + refused('docker.service'), exitCode: 1 };
      }
      docker.stopSocket();
      return { stdout: '', stderr: '', exitCode: 0 };
    },
  };
}
