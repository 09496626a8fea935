import type { CommittedImage } from './committed-images';
import { imageInfo, type ImageHistoryEntry, type ImageInfo } from './images';
import { IMAGE_HISTORIES } from './image-catalog/histories';

/** One row of GET /images/{name}/history (api/types/image HistoryResponseItem). */
export interface HistoryItem {
  readonly id: string;
  /** Unix seconds. */
  readonly created: number;
  readonly createdBy: string;
  readonly size: number;
  readonly comment: string;
}

/**
 * ImageHistory of the containerd store (moby docker-v29.7.2
 * daemon/containerd/image_history.go): the config's history newest first, each
 * entry that added a layer sized by that layer's snapshot, the newest entry
 * named by the image's digest and the rest `<missing>` (a pulled image has no
 * parent images to name them). Undefined when this catalog does not know the
 * image's history, or when its steps that add layers are not one per layer.
 */
export function imageHistory(image: ImageInfo, chain: readonly string[] = [image.digest]): HistoryItem[] | undefined {
  const rows = image.committed ? committedRows(image.committed) : catalogRows(image);
  // The walk names each row by the next image up the chain of parents, until one is missing.
  return rows?.map((row, index) => ({ ...row, id: chain[index] ?? '<missing>' }));
}

/** A commit's image: each commit's entry, newest first (sized by its layer, 0 without one), over its catalog image's. */
function committedRows(record: CommittedImage): HistoryItem[] | undefined {
  const base = imageInfo(record.base);
  const below = base && catalogRows(base);
  if (!below) return undefined;
  const commits = [...record.commits].reverse().map((step) => ({
    id: '<missing>',
    created: Math.floor(step.createdMs / 1000),
    createdBy: step.createdBy,
    size: step.layer?.unpacked ?? 0,
    comment: step.comment,
  }));
  return [...commits, ...below];
}

function catalogRows(image: ImageInfo): HistoryItem[] | undefined {
  const history = IMAGE_HISTORIES[image.digest];
  if (!history) return undefined;
  const layered = history.filter((entry) => !entry.emptyLayer);
  if (layered.length !== image.layers.length) return undefined;
  const sizes = layerSizes(image, layered);
  let layer = 0;
  const sized = history.map((entry) => ({ entry, size: entry.emptyLayer ? 0 : sizes[layer++]! }));
  return sized.reverse().map(({ entry, size }, index) => ({
    id: index === 0 ? image.digest : '<missing>',
    created: Math.floor(Date.parse(entry.created) / 1000),
    createdBy: entry.createdBy,
    size,
    comment: entry.comment,
  }));
}

/**
 * Each layer's unpacked size: the entry's own when the catalog knows it; one
 * layer left is the rest of the image's snapshot. ~: with more left, they share
 * the rest as their compressed layers share the download (the last takes what
 * rounding leaves).
 */
function layerSizes(image: ImageInfo, layered: readonly ImageHistoryEntry[]): number[] {
  const known = layered.reduce((sum, entry) => sum + (entry.size ?? 0), 0);
  const open = image.layers.filter((_, index) => layered[index]!.size === undefined);
  const compressed = open.reduce((sum, layer) => sum + layer.size, 0);
  let left = image.unpackedSize - known;
  let shared = 0;
  return image.layers.map((layer, index) => {
    const given = layered[index]!.size;
    if (given !== undefined) return given;
    shared += 1;
    const share = shared === open.length ? left : Math.round(((image.unpackedSize - known) * layer.size) / compressed);
    left -= share;
    return share;
  });
}
