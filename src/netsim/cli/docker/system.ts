import type { Engine } from '../../engine/engine';
import { imageInfo } from '../../engine/images';
import { formatList } from '../../format/docker-formatter';
import { humanSize } from '../../format/docker-images';
import { goStruct } from '../../wire/go-value';
import { splitReference } from '../../wire/image-reference';
import { containerContext } from '../../format/docker-ps';
import { humanDuration } from '../../format/human-duration';
import { summaries } from './images';
import { summarize } from './ps';
import { volumeSize } from '../../engine/volumes';
import { fail, ok } from '../command';
import type { CommandSpec, DockerContext } from './cobra';

/** cli/command/formatter/disk_usage.go: the summary table and its titles. */
const DF_TABLE = 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}';
const DF_HEADER = { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' };

/** units.HumanSize (4 digits), and the share of the total, `%v` of an integer division. */
function reclaimable(amount: number, total: number): string {
  return total > 0 ? `${humanSize(amount, 4)} (${Math.floor((amount * 100) / total)}%)` : humanSize(amount, 4);
}

function usageRow(type: string, total: number, active: number, size: number, free: number): Record<string, unknown> {
  return goStruct({
    Type: type,
    TotalCount: String(total),
    Active: String(active),
    Size: humanSize(size, 4),
    Reclaimable: reclaimable(free, size),
  });
}

/**
 * GET /system/df as moby docker-v29.7.2 daemon/disk_usage.go computes it with the
 * containerd store (daemon/containerd/service.go ImageDiskUsage: each image's
 * content and unpacked snapshot): images used by a container are active, the
 * others reclaimable (their layers are not shared here); containers write
 * nothing to their writable layers (SizeRw 0, as `docker ps -s` shows); a
 * volume is active while a container references it, its size its files'
 * (disk_usage.go: the unused ones reclaimable); there is no build cache.
 */
function diskUsage(engine: Engine): Record<string, unknown>[] {
  const images = [...new Set(engine.images.list().map((entry) => entry.image))];
  const used = new Set(engine.containers.list().map((c) => c.committedImage ?? imageInfo(c.image)?.digest));
  const size = (image: (typeof images)[number]) => image.contentSize + image.unpackedSize;
  const imagesSize = images.reduce((sum, image) => sum + size(image), 0);
  const unusedSize = images.filter((image) => !used.has(image.digest)).reduce((sum, image) => sum + size(image), 0);
  const containers = engine.containers.list();
  const running = containers.filter((c) => c.status === 'running').length;
  const volumes = engine.volumes.list();
  const volumesSize = volumes.reduce((sum, volume) => sum + volumeSize(volume), 0);
  const unusedVolumesSize = volumes
    .filter((volume) => engine.volumes.users(volume.name).length === 0)
    .reduce((sum, volume) => sum + volumeSize(volume), 0);
  return [
    usageRow('Images', images.length, images.filter((image) => used.has(image.digest)).length, imagesSize, unusedSize),
    usageRow('Containers', containers.length, running, 0, 0),
    usageRow(
      'Local Volumes',
      engine.volumes.list().length,
      volumes.filter((volume) => engine.volumes.users(volume.name).length > 0).length,
      volumesSize,
      unusedVolumesSize,
    ),
    usageRow('Build Cache', 0, 0, 0, 0),
  ];
}

/** disk_usage.go's verbose tables and the titles of their contexts (image.go, container.go, volume.go, buildcache.go). */
const IMAGE_TABLE =
  'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}';
const IMAGE_HEADER = {
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  ID: 'IMAGE ID',
  CreatedSince: 'CREATED',
  Size: 'SIZE',
  SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE',
  Containers: 'CONTAINERS',
};
const CONTAINER_TABLE =
  'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}';
const CONTAINER_HEADER = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  LocalVolumes: 'LOCAL VOLUMES',
  Size: 'SIZE',
  RunningFor: 'CREATED',
  Status: 'STATUS',
  Names: 'NAMES',
};
const VOLUME_TABLE = 'table {{.Name}}\t{{.Links}}\t{{.Size}}';
const VOLUME_HEADER = { Name: 'VOLUME NAME', Links: 'LINKS', Size: 'SIZE' };
const CACHE_TABLE =
  'table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}';
const CACHE_HEADER = {
  ID: 'CACHE ID',
  CacheType: 'CACHE TYPE',
  Size: 'SIZE',
  CreatedSince: 'CREATED',
  LastUsedSince: 'LAST USED',
  UsageCount: 'USAGE',
  Shared: 'SHARED',
};

const table = (format: string, header: Record<string, string>, rows: Record<string, unknown>[], typeName: string) => {
  const output = formatList({ format, header, rows, typeName });
  if (!output.ok) throw new Error(output.error);
  return output.text;
};

/**
 * verboseWriteTable: each kind's title, a blank line and its table. An image
 * shows its first tag; its shared size is 0 (no layer is shared here); a
 * container's writable layer is empty and its virtual size is not shown.
 */
function verboseDiskUsage(engine: Engine): string {
  const nowMs = engine.clock.now();
  const images = summaries(engine).map((image) => {
    const [repoTag = '<none>:<none>'] = image.repoTags;
    const { name, tag = '' } = splitReference(repoTag);
    return goStruct({
      Repository: name,
      Tag: tag,
      ID: image.id.replace(/^sha256:/, '').slice(0, 12),
      CreatedSince: `${humanDuration(nowMs - image.createdMs)} ago`,
      Size: humanSize(image.size),
      SharedSize: humanSize(0, 4),
      UniqueSize: humanSize(image.size, 4),
      Containers: String(image.containers),
    });
  });
  const containers = [...engine.containers.list()]
    .reverse()
    .map((container) =>
      containerContext({ ...summarize(engine, container, false), sizeRootFs: 0 }, { trunc: true, nowMs }),
    );
  const volumes = engine.volumes.list().map((volume) =>
    goStruct({
      Name: volume.name,
      Links: String(engine.volumes.users(volume.name).length),
      Size: humanSize(volumeSize(volume), 4),
    }),
  );
  return [
    `Images space usage:\n\n${table(IMAGE_TABLE, IMAGE_HEADER, images, '*formatter.imageContext')}`,
    `\nContainers space usage:\n\n${table(CONTAINER_TABLE, CONTAINER_HEADER, containers, '*formatter.ContainerContext')}`,
    `\nLocal Volumes space usage:\n\n${table(VOLUME_TABLE, VOLUME_HEADER, volumes, '*formatter.volumeContext')}`,
    `\nBuild cache usage: ${humanSize(0, 4)}\n\n${table(CACHE_TABLE, CACHE_HEADER, [], '*formatter.buildCacheContext')}`,
  ].join('');
}

/** `docker system df` (cli/command/system/df.go): the summary, or with -v each object's table. */
export const systemDf: CommandSpec<DockerContext> = {
  path: 'docker system df',
  usage: '[OPTIONS]',
  args: { kind: 'none' },
  flags: [
    { name: 'verbose', short: 'v', takesValue: false },
    { name: 'format', takesValue: true },
  ],
  run({ values }, { engine }) {
    const format = values.get('format')?.at(-1) || 'table';
    if (values.has('verbose'))
      return format === 'table'
        ? ok(verboseDiskUsage(engine))
        : fail('This simulator does not model `docker system df -v --format` yet.\n', 1);
    const output = formatList({
      format: format === 'table' ? DF_TABLE : format,
      header: DF_HEADER,
      rows: diskUsage(engine),
      typeName: '*formatter.diskUsageImagesContext',
    });
    return output.ok ? ok(output.text) : fail(`${output.error}\n`, 1);
  },
};

/**
 * The confirmation of `docker system prune` (cli/command/system/prune.go
 * confirmationTemplate): each pruner's dry-run message in pruner.pruneOrder,
 * then prompt.Confirm's ` [y/N] `.
 */
const PRUNE_CONFIRMATION =
  'WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all dangling images\n  - unused build cache\n\nAre you sure you want to continue? [y/N] ';

/**
 * `docker system prune` (cli/command/system/prune.go runPrune): containers,
 * networks, dangling images and build cache in that order, each pruner's output
 * followed by a blank line, then the total. The store holds no dangling image
 * and no build cache, and writable layers are empty, so 0B is reclaimed.
 * -a, --volumes and --filter are not modelled.
 */
export const systemPrune: CommandSpec<DockerContext> = {
  path: 'docker system prune',
  usage: '[OPTIONS]',
  args: { kind: 'none' },
  flags: [
    { name: 'force', short: 'f', takesValue: false },
    { name: 'all', short: 'a', takesValue: false },
    { name: 'volumes', takesValue: false },
    { name: 'filter', takesValue: true },
  ],
  run({ values }, { engine, stdin }) {
    const unmodelled = ['all', 'volumes', 'filter'].find((flag) => values.has(flag));
    if (unmodelled) return fail(`This simulator does not model \`docker system prune --${unmodelled}\` yet.\n`, 1);
    const prompt = values.has('force') ? '' : PRUNE_CONFIRMATION;
    // prompt.Confirm: anything but y or Y cancels, with status 0 (the cancelled error is not printed).
    if (prompt && stdin.split('\n')[0]?.trim().toLowerCase() !== 'y') return ok(prompt);
    const containers = engine.containers.prune();
    const networks = engine.networks.prune();
    const section = (title: string, items: readonly string[]) =>
      items.length > 0 ? `${title}\n${items.map((item) => `${item}\n`).join('')}\n` : '';
    return ok(
      `${prompt}${section('Deleted Containers:', containers)}${section('Deleted Networks:', networks)}Total reclaimed space: ${humanSize(0, 4)}\n`,
    );
  },
};
