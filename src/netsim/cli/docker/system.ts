import type { Engine } from '../../engine/engine';
import { imageInfo } from '../../engine/images';
import { formatList } from '../../format/docker-formatter';
import { humanSize } from '../../format/docker-images';
import { goStruct } from '../../format/go-value';
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
  return goStruct({ Type: type, TotalCount: String(total), Active: String(active), Size: humanSize(size, 4), Reclaimable: reclaimable(free, size) });
}

/**
 * GET /system/df as moby docker-v29.7.2 daemon/disk_usage.go computes it with the
 * containerd store (daemon/containerd/service.go ImageDiskUsage: each image's
 * content and unpacked snapshot): images used by a container are active, the
 * others reclaimable (their layers are not shared here); containers write
 * nothing to their writable layers (SizeRw 0, as `docker ps -s` shows); there
 * are no volumes and no build cache.
 */
function diskUsage(engine: Engine): Record<string, unknown>[] {
  const images = [...new Set(engine.images().map((entry) => entry.image))];
  const used = new Set(engine.containers().map((c) => imageInfo(c.image)?.digest));
  const size = (image: (typeof images)[number]) => image.contentSize + image.unpackedSize;
  const imagesSize = images.reduce((sum, image) => sum + size(image), 0);
  const unusedSize = images.filter((image) => !used.has(image.digest)).reduce((sum, image) => sum + size(image), 0);
  const containers = engine.containers();
  const running = containers.filter((c) => c.status === 'running').length;
  return [
    usageRow('Images', images.length, images.filter((image) => used.has(image.digest)).length, imagesSize, unusedSize),
    usageRow('Containers', containers.length, running, 0, 0),
    usageRow('Local Volumes', 0, 0, 0, 0),
    usageRow('Build Cache', 0, 0, 0, 0),
  ];
}

/** `docker system df` (cli/command/system/df.go); -v's per-object tables are not modelled. */
export const systemDf: CommandSpec<DockerContext> = {
  path: 'docker system df',
  usage: '[OPTIONS]',
  args: { kind: 'none' },
  flags: [
    { name: 'verbose', short: 'v', takesValue: false },
    { name: 'format', takesValue: true },
  ],
  run({ values }, { engine }) {
    if (values.has('verbose')) return fail('This simulator does not model `docker system df -v` yet.\n', 1);
    const format = values.get('format')?.at(-1) || 'table';
    const output = formatList({ format: format === 'table' ? DF_TABLE : format, header: DF_HEADER, rows: diskUsage(engine), typeName: '*formatter.diskUsageImagesContext' });
    return output.ok ? ok(output.text) : fail(`${output.error}\n`, 1);
  },
};

/**
 * The confirmation of `docker system prune` (cli/command/system/prune.go
 * confirmationTemplate): each pruner's dry-run message in pruner.pruneOrder,
 * then prompt.Confirm's ` [y/N] `.
 */
const PRUNE_CONFIRMATION = 'WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all dangling images\n  - unused build cache\n\nAre you sure you want to continue? [y/N] ';

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
    const containers = engine.pruneContainers();
    const networks = engine.pruneNetworks();
    const section = (title: string, items: readonly string[]) => (items.length > 0 ? `${title}\n${items.map((item) => `${item}\n`).join('')}\n` : '');
    return ok(`${prompt}${section('Deleted Containers:', containers)}${section('Deleted Networks:', networks)}Total reclaimed space: ${humanSize(0, 4)}\n`);
  },
};
