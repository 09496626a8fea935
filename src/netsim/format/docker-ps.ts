import { displayablePorts, type PortSummary } from './docker-ports';
import { humanSize } from './docker-images';
import { goTimeString } from '../wire/go-time-string';
import { goStruct, GoAddr } from '../wire/go-value';
import { familiarName, splitReference } from '../wire/image-reference';
import { humanDuration } from './human-duration';

/** What `docker ps` receives from the API for one container (moby api/types/container Summary). */
export interface ContainerSummary {
  id: string;
  /** `/name`, as the API lists names. */
  names: string[];
  /** The reference the container was created from, as given. */
  image: string;
  command: string;
  /** Unix seconds: the API's Created has no fraction. */
  created: number;
  ports: PortSummary[];
  labels: Readonly<Record<string, string>>;
  state: string;
  status: string;
  /** Health.Status: `none` without a healthcheck (API 1.52+ sends it). */
  health: string;
  /** Present when the size was asked for (-s, or `.Size` in the template). */
  sizeRw: number;
  sizeRootFs: number;
  mounts: { name: string; source: string; driver: string }[];
  /** Names of the networks in NetworkSettings.Networks. */
  networks: string[];
  platform: { architecture: string; os: string } | undefined;
}

/** cli/command/formatter/container.go: the default table and the column titles. */
const DEFAULT_TABLE =
  'table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Ports}}\\t{{.Names}}';

export const PS_HEADER: Readonly<Record<string, string>> = {
  ID: 'CONTAINER ID',
  Names: 'NAMES',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  LocalVolumes: 'LOCAL VOLUMES',
  Networks: 'NETWORKS',
  Platform: 'PLATFORM',
  HealthStatus: 'HEALTH STATUS',
};

/** NewContainerFormat: `table` (or nothing) and `raw` are shortcuts; -q wins over any format. */
export function psFormat(source: string, quiet: boolean, size: boolean): string {
  if (source === 'table' || source === '') return quiet ? '{{.ID}}' : `${DEFAULT_TABLE}${size ? '\\t{{.Size}}' : ''}`;
  if (source === 'raw') {
    if (quiet) return 'container_id: {{.ID}}';
    const lines = [
      'container_id: {{.ID}}',
      'image: {{.Image}}',
      'command: {{.Command}}',
      'created_at: {{.CreatedAt}}',
      'state: {{- pad .State 1 0}}',
      'status: {{- pad .Status 1 0}}',
      'names: {{.Names}}',
      'labels: {{- pad .Labels 1 0}}',
      'ports: {{- pad .Ports 1 0}}',
    ];
    return `${lines.join('\n')}\n${size ? 'size: {{.Size}}\\n' : ''}`;
  }
  return quiet ? '{{.ID}}' : source;
}

/** formatter.Ellipsis for text of one column per character: cut to `width`, the last one an ellipsis. */
function ellipsis(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}

/** reference.FamiliarString: `docker.io/library/` dropped and a digest stripped, the tag kept. */
function familiarImage(image: string): string {
  const { name, tag } = splitReference(image);
  return `${familiarName(name)}${tag === undefined ? '' : `:${tag}`}`;
}

/**
 * The Platform's String() is `os/architecture` (platforms.FormatAll); its JSON
 * is the OCI platform object. GoAddr already prints its text and marshals its
 * own JSON, so a subclass carries both.
 */
class Platform extends GoAddr {
  constructor(private readonly platform: { architecture: string; os: string }) {
    super(`${platform.os}/${platform.architecture}`);
  }

  override toJSON(): string {
    return this.platform as unknown as string;
  }
}

/**
 * ContainerContext (formatter/container.go): what `--format` sees of one
 * container. Keys are sorted because `{{json .}}` marshals the methods into a map.
 */
export function containerContext(
  summary: ContainerSummary,
  { trunc, nowMs }: { trunc: boolean; nowMs: number },
): Record<string, unknown> {
  const names = summary.names.map((name) => name.replace(/^\//, ''));
  const mounts = summary.mounts
    .map((mount) => (mount.name === '' ? mount.source : mount.name))
    .map((name) => (trunc ? ellipsis(name, 15) : name));
  return goStruct({
    Command: JSON.stringify(trunc ? ellipsis(summary.command, 20) : summary.command),
    CreatedAt: goTimeString(summary.created * 1000, 0),
    HealthStatus: summary.health,
    ID: trunc ? summary.id.slice(0, 12) : summary.id,
    Image: summary.image === '' ? '<no image>' : trunc ? familiarImage(summary.image) : summary.image,
    Labels: Object.entries(summary.labels)
      .map(([key, value]) => `${key}=${value}`)
      .sort()
      .join(','),
    LocalVolumes: String(summary.mounts.filter((mount) => mount.driver === 'local').length),
    Mounts: mounts.join(','),
    // Truncated, only the first name that is not a legacy link (`/other/alias`).
    Names: trunc ? (names.find((name) => !name.includes('/')) ?? '') : names.join(','),
    Networks: summary.networks.join(','),
    Platform: summary.platform ? new Platform(summary.platform) : null,
    Ports: displayablePorts(summary.ports),
    RunningFor: `${humanDuration(nowMs - summary.created * 1000)} ago`,
    Size:
      summary.sizeRootFs > 0
        ? `${humanSize(summary.sizeRw)} (virtual ${humanSize(summary.sizeRootFs)})`
        : humanSize(summary.sizeRw),
    State: summary.state,
    Status: summary.status,
  });
}

/** The daemon's State.String(): `Up 5 seconds`, `Exited (0) 3 seconds ago`, `Created`. */
export function containerStatus(
  status: 'created' | 'running' | 'paused' | 'exited',
  exitCode: number,
  startedMs: number | undefined,
  finishedMs: number | undefined,
  nowMs: number,
  health?: string,
): string {
  switch (status) {
    case 'created':
      return 'Created';
    case 'paused':
      return `Up ${humanDuration(nowMs - (startedMs ?? nowMs))} (Paused)`;
    case 'running':
      // Health.String(): `health: starting`, `healthy`, `unhealthy` (daemon/container/health.go).
      return `Up ${humanDuration(nowMs - (startedMs ?? nowMs))}${health === undefined ? '' : ` (${health === 'starting' ? 'health: starting' : health})`}`;
    case 'exited':
      return `Exited (${exitCode}) ${humanDuration(nowMs - (finishedMs ?? nowMs))} ago`;
  }
}
