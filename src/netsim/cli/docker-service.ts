import type { DockerService } from '../engine/api/service';
import { DAEMON_CONFIG_FILE, type DaemonConfigSource } from '../engine/daemon-config';
import { ROOT } from '../kernel/filesystem';
import type { ProcessContext } from './command';

/**
 * daemon.json as dockerd (root) reads it: its text, undefined when there is
 * none, or os.ReadFile's error for what is there but cannot be read, which
 * config.Reload reports like a bad file.
 */
export function readDaemonJson(context: ProcessContext): DaemonConfigSource {
  const read = context.files?.fs.read(DAEMON_CONFIG_FILE, ROOT);
  if (!read || ('error' in read && read.error === 'ENOENT')) return undefined;
  if ('content' in read) return read.content;
  // Go's os.ReadFile on a directory: `read PATH: is a directory`.
  return {
    readError:
      read.error === 'EISDIR'
        ? `read ${DAEMON_CONFIG_FILE}: is a directory`
        : `open ${DAEMON_CONFIG_FILE}: permission denied`,
  };
}

/**
 * docker.socket stays listening when docker.service stops, so the next client
 * connection starts dockerd again (socket activation). Once the service's
 * start limit took the socket down too, nothing answers.
 */
export function reachDaemon(docker: DockerService, context: ProcessContext): boolean {
  const service = docker.state();
  if (!service || service.active === 'active') return true;
  if (service.socket !== undefined && service.socket !== 'active') return false;
  return docker.start(readDaemonJson(context)) === 'started';
}

/** What the docker client prints when nothing answers on the socket (cli/command: ErrConnectionFailed... docker/cli client errors). */
export const CANNOT_CONNECT =
  'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n';
