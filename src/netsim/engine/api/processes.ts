import * as containers from '../containers';
import type { Daemon } from '../daemon';
import { EngineError } from '../errors';
import { hostProcessTable, type HostProcess, type ShellProcess } from '../processes';
import { lookPathError } from '../runc-exec';

/** The processes the daemon starts and lists: PIDs, a container's cgroup, runc's exec. */
export interface ProcessApi {
  /** A process started in a container or on the host (`docker exec`, `ps` itself): the next PID, without drawing from the seed. */
  spawn(): number;
  /**
   * The processes of a running container's cgroup, by their host PIDs, as
   * ContainerTop lists them (daemon/top_unix.go: the task's PIDs, else a
   * conflict `container ID is not running`).
   */
  inContainer(reference: string, shells?: readonly ShellProcess[]): HostProcess[];
  /** Why runc could not exec `program` in the container (`exec: "bash": executable file not found in $PATH`), if it could not. */
  execLookupError(reference: string, program: string): string | undefined;
}

export function processApi(daemon: Daemon): ProcessApi {
  return {
    spawn() {
      daemon.state.lastPid += 1;
      return daemon.state.lastPid;
    },
    inContainer(reference, shells = []) {
      const container = containers.findContainer(daemon, reference);
      if (container.status !== 'running') throw new EngineError('conflict', `container ${container.id} is not running`);
      return hostProcessTable({
        containers: daemon.state.containers,
        root: daemon.kernel.root,
        shells,
        hostUser: 'root',
      }).filter((process) => process.container === container.id);
    },
    execLookupError: (reference, program) => lookPathError(containers.findContainer(daemon, reference), program),
  };
}
