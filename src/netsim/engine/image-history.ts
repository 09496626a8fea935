import type { ImageInfo } from './images';

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
 * image's history.
 */
export function imageHistory(image: ImageInfo): HistoryItem[] | undefined {
  if (!image.history || image.layers.length !== 1) return undefined;
  return [...image.history].reverse().map((entry, index) => ({
    id: index === 0 ? image.digest : '<missing>',
    created: Math.floor(Date.parse(entry.created) / 1000),
    createdBy: entry.createdBy,
    size: entry.emptyLayer ? 0 : image.unpackedSize,
    comment: entry.comment,
  }));
}
