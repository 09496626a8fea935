import { HOST_KERNEL_RELEASE } from '../../engine/host-processes';
import { compileTemplate, renderInspectTemplate, TemplateError } from '../../format/go-template';
import { goStruct, NIL_SLICE } from '../../format/go-value';
import { fail, ok } from '../command';
import type { CommandSpec, DockerContext } from './cobra';
import { DOCKER_VERSIONS } from './version';

/**
 * The part of system.Info (moby docker-v29.7.2 api/types/system/info.go) this
 * host can state for sure: counts, the containerd store's `overlayfs`
 * snapshotter, the kernel and OS, and a swarm that was never initialised
 * (api/types/swarm/swarm.go Info, LocalNodeState `inactive`). The rest of the
 * struct (plugins, runtimes, security options, memory...) is not modelled.
 */
function info({ engine }: DockerContext): Record<string, unknown> {
  const containers = engine.containers();
  const running = containers.filter((c) => c.status === 'running').length;
  return goStruct({
    Containers: containers.length,
    ContainersRunning: running,
    ContainersPaused: 0,
    ContainersStopped: containers.length - running,
    Images: new Set(engine.images().map((entry) => entry.image)).size,
    Driver: 'overlayfs',
    KernelVersion: HOST_KERNEL_RELEASE,
    OperatingSystem: 'Debian GNU/Linux 13 (trixie)',
    OSType: 'linux',
    Architecture: 'x86_64',
    ServerVersion: DOCKER_VERSIONS.engine.version,
    Swarm: goStruct({ NodeID: '', NodeAddr: '', LocalNodeState: 'inactive', ControlAvailable: false, Error: '', RemoteManagers: NIL_SLICE }),
  });
}

/** `docker info` / `docker system info` (docker/cli v29.7.2 cli/command/system/info.go): only with --format here. */
const infoCommand: CommandSpec<DockerContext> = {
  path: 'docker info',
  usage: '[OPTIONS]',
  args: { kind: 'none' },
  flags: [{ name: 'format', short: 'f', takesValue: true }],
  run({ values }, context) {
    const format = values.get('format')?.at(-1) ?? '';
    if (format === '') return fail("This simulator prints `docker info` only through --format (e.g. '{{.Swarm.LocalNodeState}}') yet.\n", 1);
    try {
      return ok(`${renderInspectTemplate(compileTemplate(format === 'json' ? '{{json .}}' : format), info(context))}\n`);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      return fail(`template parsing error: ${error.message}\n`, 64);
    }
  },
};

export const INFO_COMMANDS = { info: infoCommand };
