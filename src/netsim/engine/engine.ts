import type { VirtualClock } from '../clock';
import type { Kernel } from '../kernel/kernel';
import { LOCAL_PORT_RANGE } from '../kernel/sysctl';
import type { SeededRandom } from '../random';
import { familiarString, parseImageReference } from '../wire/image-reference';
import { engineClock, type EngineClock } from './api/clock';
import { containerFiles, type ContainerFiles } from './api/container-files';
import { containerApi, type ContainerApi } from './api/containers';
import { dnsApi, type DnsApi } from './api/dns';
import { eventsApi, type EventsApi } from './api/events';
import { healthApi, type HealthApi } from './api/health';
import { imageApi, type ImageApi } from './api/images';
import { networkApi, type NetworkApi } from './api/networks';
import { packageApi, type PackageApi } from './api/packages';
import { processApi, type ProcessApi } from './api/processes';
import { dockerService, type DockerService } from './api/service';
import { swarmApi, type SwarmApi } from './api/swarm';
import { volumeApi, type VolumeApi } from './api/volumes';
import { webServerApi, type WebServerApi } from './api/web-servers';
import type { EngineState } from './daemon';
import { bootDaemon } from './daemon-lifecycle';
import { DEFAULT_PULLED_IMAGES } from './images';

export type { EngineState } from './daemon';
export type { ContainerCreateRequest } from './containers';
export type { NetworkCreateRequest } from './networks';

/**
 * The Docker daemon's API, in parts by what they act on: a client is handed the
 * part it needs (`engine.networks`, `engine.service`). It changes the host only
 * through kernel operations, the same ones `ip` uses, so what `ip addr` shows
 * after `docker network create` is what the engine did. Each part is in api/;
 * the work itself is in networks.ts, containers.ts and endpoints.ts.
 */
export class Engine {
  readonly service: DockerService;
  readonly clock: EngineClock;
  readonly processes: ProcessApi;
  readonly swarm: SwarmApi;
  readonly networks: NetworkApi;
  readonly containers: ContainerApi;
  readonly files: ContainerFiles;
  readonly health: HealthApi;
  readonly volumes: VolumeApi;
  readonly images: ImageApi;
  readonly packages: PackageApi;
  readonly webServers: WebServerApi;
  readonly dns: DnsApi;
  readonly events: EventsApi;

  constructor(
    readonly state: EngineState,
    kernel: Kernel,
    random: SeededRandom,
    clock: VirtualClock,
  ) {
    const daemon = { state, kernel, random, clock };
    this.service = dockerService(daemon);
    this.clock = engineClock(clock);
    this.processes = processApi(daemon);
    this.swarm = swarmApi(daemon);
    this.networks = networkApi(daemon);
    this.containers = containerApi(daemon);
    this.files = containerFiles(daemon);
    this.health = healthApi(daemon);
    this.volumes = volumeApi(daemon);
    this.images = imageApi(daemon);
    this.packages = packageApi(daemon);
    this.webServers = webServerApi(daemon);
    this.dns = dnsApi(daemon);
    this.events = eventsApi(daemon);
  }

  /** dockerd's first start: docker0 with 172.17.0.1/16, and the host and none networks. */
  static start(
    kernel: Kernel,
    random: SeededRandom,
    clock: VirtualClock,
    pulledImages: readonly string[] = DEFAULT_PULLED_IMAGES,
  ): Engine {
    const images = pulledImages.map((reference) => familiarString(parseImageReference(reference)));
    const state: EngineState = {
      networks: [],
      containers: [],
      lastPid: 1000 + random.int(0, 800),
      lastEphemeralPort: LOCAL_PORT_RANGE.last,
      images,
    };
    bootDaemon({ state, kernel, random, clock });
    return new Engine(state, kernel, random, clock);
  }
}
