import type { Daemon } from '../daemon';
import {
  pullImage,
  removeImage,
  resolveImage,
  storedImage,
  storedImages,
  type DeleteRecord,
  type PullRecord,
} from '../image-store';
import type { ImageInfo } from '../images';
import type { PruneLine } from '../image-commit';
import { inspectImage } from '../inspect-image';
import { engineExtras } from '../extras-loader';

/** The daemon's image store: /images of the Engine API. */
export interface ImageApi {
  /** The stored image a reference names, or undefined when the host has not pulled it. */
  find(reference: string): ImageInfo | undefined;
  /** Every reference in the image store with the image it names. */
  list(): { reference: string; image: ImageInfo }[];
  /** GET /images/{name}/json: the API object, or EngineError not-found. */
  inspect(refOrId: string): Record<string, unknown>;
  /** DELETE /images/{name}: what was untagged and deleted, or EngineError (not-found, conflict). */
  remove(refOrId: string, force: boolean): DeleteRecord[];
  /** `docker pull`: fetches the image from the registry into the store; throws EngineError when the registry refuses. */
  pull(reference: string): PullRecord;
  /** POST /images/{name}/tag (engine/image-tags.ts, a chunk of its own). */
  tag(source: string, target: string): void;
  /** GET /images/get (engine/image-archive.ts): the archive's text, or EngineError not-found. */
  save(names: readonly string[]): { text: string; size: number };
  /** POST /images/load: the lines it prints, or undefined when the text is not an image archive. */
  load(text: string): string[] | undefined;
  /** POST /images/prune of dangling images: only a commit's image can be one, so none is fetched before the first commit. */
  pruneDangling(): { lines: PruneLine[]; reclaimed: number };
}

export function imageApi(daemon: Daemon): ImageApi {
  return {
    find: (reference) => storedImage(daemon, reference),
    list: () => storedImages(daemon),
    inspect: (refOrId) => inspectImage(resolveImage(daemon, refOrId), daemon.state.imageTagTimes ?? {}),
    remove: (refOrId, force) => removeImage(daemon, refOrId, force),
    pull: (reference) => pullImage(daemon, reference),
    tag: (source, target) => engineExtras().tagImage(daemon, source, target),
    save: (names) => {
      const text = engineExtras().saveImages(daemon, names);
      return { text, size: engineExtras().archiveSize(daemon, text) };
    },
    load: (text) => engineExtras().loadImages(daemon, text),
    pruneDangling: () =>
      Object.keys(daemon.state.committedImages ?? {}).length === 0
        ? { lines: [], reclaimed: 0 }
        : engineExtras().pruneDanglingImages(daemon),
  };
}
