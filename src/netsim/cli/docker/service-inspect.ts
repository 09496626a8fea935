import type { Engine } from '../../engine/engine';
import { EngineError } from '../../engine/errors';
import { inspectService } from '../../engine/inspect-service';
import type { SwarmService } from '../../engine/swarm-service-state';
import { findService } from '../../engine/swarm-services';
import { formatServicePretty, type ServiceInspectContext } from '../../format/service-inspect-pretty';
import { goStruct, NIL_POINTER, NIL_SLICE } from '../../wire/go-value';
import { fail, ok, type CommandResult } from '../command';
import { daemonErrorText } from './cobra';
import { inspectReferences } from './inspect';

/** runInspect's getRef: the daemon's answer, a not-found one worded by the client. */
function lookup(engine: Engine, reference: string): { found: SwarmService } | { error: string } {
  try {
    return { found: engine.swarm.run((daemon) => findService(daemon, reference)) };
  } catch (error) {
    if (error instanceof EngineError && error.kind === 'not-found') return { error: `no such service: ${reference}` };
    return { error: daemonErrorText(error).trimEnd() };
  }
}

/**
 * serviceInspectContext's methods on what inspectService gives (swarmkit's
 * defaults filled in), with the networks by name (resolveNetworks).
 */
function prettyContext(engine: Engine, service: SwarmService): ServiceInspectContext {
  const names = new Map(engine.networks.list().map((network) => [network.id, network.name]));
  const port = (p: SwarmService['ports'][number]) =>
    goStruct({
      Protocol: p.protocol,
      TargetPort: p.targetPort,
      PublishedPort: p.publishedPort,
      PublishMode: p.publishMode,
    });
  const image = inspectService(service) as { Spec: { TaskTemplate: { ContainerSpec: { Image: string } } } };
  const update = {
    Parallelism: 1,
    HasDelay: false,
    OnFailure: 'pause',
    HasMonitor: true,
    Monitor: '5s',
    MaxFailureRatio: 0,
    Order: 'stop-first',
  };
  return goStruct({
    ID: service.id,
    Name: service.name,
    Labels: {},
    IsModeGlobal: false,
    IsModeReplicated: true,
    ModeReplicatedReplicas: service.replicas,
    HasUpdateStatus: false,
    TaskPlacementConstraints: NIL_SLICE,
    TaskPlacementPreferences: NIL_SLICE,
    MaxReplicas: 0,
    ...Object.fromEntries(
      ['Update', 'Rollback'].flatMap((kind) => [
        [`Has${kind}Config`, true],
        [`${kind}Parallelism`, update.Parallelism],
        [`Has${kind}Delay`, update.HasDelay],
        [`${kind}OnFailure`, update.OnFailure],
        [`Has${kind}Monitor`, update.HasMonitor],
        [`${kind}Monitor`, update.Monitor],
        [`${kind}MaxFailureRatio`, update.MaxFailureRatio],
        [`${kind}Order`, update.Order],
      ]),
    ),
    ContainerImage: image.Spec.TaskTemplate.ContainerSpec.Image,
    ContainerArgs: service.args.length > 0 ? [...service.args] : NIL_SLICE,
    ContainerEnv: NIL_SLICE,
    ContainerWorkDir: '',
    HasContainerInit: true,
    ContainerInit: false,
    ContainerUser: '',
    HasCapabilities: false,
    ContainerSysCtls: {},
    ContainerUlimits: {},
    ContainerMounts: NIL_SLICE,
    Configs: NIL_SLICE,
    Secrets: NIL_SLICE,
    HasLogDriver: false,
    HasResources: true,
    HasResourceReservations: false,
    HasResourceLimits: false,
    ResourceLimitPids: 0,
    Networks:
      service.networkIds.length > 0 ? [...service.networkIds].sort().map((id) => names.get(id) ?? id) : NIL_SLICE,
    EndpointMode: 'vip',
    Ports: service.ports.length > 0 ? service.ports.map(port) : NIL_SLICE,
    Healthcheck: NIL_POINTER,
  });
}

/**
 * `docker service inspect [--pretty] [-f FORMAT] SERVICE...` (cli/command/service/inspect.go):
 * JSON or a template through inspect.Inspect, or the pretty template, which
 * stops at the first service not found.
 */
export function runServiceInspect(
  engine: Engine,
  references: readonly string[],
  options: { format: string | undefined; pretty: boolean },
): CommandResult {
  const format = options.pretty ? 'pretty' : options.format || undefined;
  if (format?.startsWith('pretty') && format !== 'pretty')
    return fail('cannot supply extra formatting options to the pretty template\n', 1);
  if (format !== 'pretty')
    return inspectReferences(references, format, (reference) => {
      const result = lookup(engine, reference);
      return 'found' in result ? { found: inspectService(result.found) } : result;
    });
  let stdout = '';
  for (const reference of references) {
    const result = lookup(engine, reference);
    if ('error' in result) return { stdout, stderr: `${result.error}\n`, exitCode: 1 };
    stdout += formatServicePretty(prettyContext(engine, result.found));
  }
  return ok(stdout);
}
