import { goTimeString } from '../wire/go-time-string';
import { formatIpv4 } from '../wire/ipv4';
import { rfc3339Nano } from '../wire/go-time';
import { goStruct, GoTime } from '../wire/go-value';
import { derivedNanos } from './derived';
import { imageInfo } from './images';
import type { ServicePort, SwarmService } from './swarm-service-state';

/**
 * GET /services/NAME?insertDefaults=true as `docker service inspect` asks for
 * it (docker/cli cli/command/service/inspect.go): the stored spec with
 * swarmkit's defaults filled in (api/defaults/service.go InterpolateService),
 * converted by moby's daemon/cluster/convert (ServiceFromGRPC), in the field
 * order of moby's api/types/swarm (service.go, task.go, container.go, network.go).
 */

const SECOND_NS = 1_000_000_000;

/** swarm.PortConfig: Name (empty, left out), Protocol, TargetPort, PublishedPort (0 left out), PublishMode. */
function portConfig(port: ServicePort): Record<string, unknown> {
  return goStruct({
    Protocol: port.protocol,
    TargetPort: port.targetPort,
    ...(port.publishedPort !== 0 && { PublishedPort: port.publishedPort }),
    PublishMode: port.publishMode,
  });
}

/** EndpointSpec as docker/cli's ToEndpointSpec sends it: mode vip, the --publish ports if any. */
function endpointSpec(ports: readonly ServicePort[]): Record<string, unknown> {
  return goStruct({ Mode: 'vip', ...(ports.length > 0 && { Ports: ports.map(portConfig) }) });
}

/** A time.Time of the swarm's store: nanoseconds drawn from the object's ID, so they stay put. */
function storeTime(id: string, label: string, ms: number): GoTime {
  const nanos = derivedNanos(id, label, ms);
  return new GoTime(rfc3339Nano(ms, nanos), goTimeString(ms, nanos));
}

/** swarmkit's UpdateConfig default (api/defaults Service.Update and .Rollback), as updateConfigFromGRPC gives it. */
const defaultUpdateConfig = () =>
  goStruct({ Parallelism: 1, FailureAction: 'pause', Monitor: 5 * SECOND_NS, MaxFailureRatio: 0, Order: 'stop-first' });

/**
 * The ContainerSpec docker/cli's ToService sends (the image pinned by digest as
 * create.go resolves it, Init false, an empty DNSConfig, isolation default) with
 * StopGracePeriod's default of 10s.
 */
function containerSpec(service: SwarmService): Record<string, unknown> {
  const digest = imageInfo(service.image)?.digest;
  return goStruct({
    Image: digest ? `${service.image}@${digest}` : service.image,
    ...(service.args.length > 0 && { Args: [...service.args] }),
    Init: false,
    StopGracePeriod: 10 * SECOND_NS,
    DNSConfig: goStruct({}),
    Isolation: 'default',
  });
}

/**
 * The service as the API returns it. ~: Version.Index counts this service's
 * writes only (the raft store's index counts every object's), and the image's
 * Placement.Platforms, which the client reads from the registry, are left out.
 */
export function inspectService(service: SwarmService): Record<string, unknown> {
  const spec = goStruct({
    Name: service.name,
    Labels: {},
    TaskTemplate: goStruct({
      ContainerSpec: containerSpec(service),
      Resources: goStruct({ Limits: goStruct({}), Reservations: goStruct({}) }),
      RestartPolicy: goStruct({ Condition: 'any', Delay: 5 * SECOND_NS, MaxAttempts: 0 }),
      Placement: goStruct({}),
      ...(service.networkIds.length > 0 && {
        // ToService sorts the attachments by network ID.
        Networks: [...service.networkIds].sort().map((id) => goStruct({ Target: id })),
      }),
      ForceUpdate: 0,
      Runtime: 'container',
    }),
    Mode: goStruct({ Replicated: goStruct({ Replicas: service.replicas }) }),
    UpdateConfig: defaultUpdateConfig(),
    RollbackConfig: defaultUpdateConfig(),
    EndpointSpec: endpointSpec(service.specPorts),
  });
  return goStruct({
    ID: service.id,
    Version: goStruct({ Index: service.version }),
    CreatedAt: storeTime(service.id, 'created', service.createdMs),
    // Created and allocated in one write here: UpdatedAt is CreatedAt until the first update.
    UpdatedAt: storeTime(
      service.id,
      service.version === 1 ? 'created' : `updated-${service.version}`,
      service.updatedMs,
    ),
    Spec: spec,
    Endpoint: goStruct({
      Spec: endpointSpec(service.specPorts),
      ...(service.ports.length > 0 && { Ports: service.ports.map(portConfig) }),
      ...(service.vips.length > 0 && {
        VirtualIPs: service.vips.map((vip) =>
          goStruct({ NetworkID: vip.networkId, Addr: `${formatIpv4(vip.address.address)}/${vip.address.prefix}` }),
        ),
      }),
    }),
  });
}
