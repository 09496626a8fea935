import type { Daemon } from './daemon';
import { EngineError } from './errors';
import { committedImageInfo } from './committed-images';
import { logImageEvent } from './events';
import { imageInfo, repositoryExists, type ImageInfo } from './images';
import { familiarString, parseImageReference, type ImageReference } from '../wire/image-reference';

/**
 * The containerd image store: the references the host has pulled (`nginx:latest`,
 * `httpd:2.4`), each naming an image of the catalog. Several references can name
 * one image, which `docker images` then shows once per name.
 */

/** The image a reference names in the store, or undefined when it was never pulled (a create then fails with No such image). */
export function storedImage(daemon: Daemon, reference: string): ImageInfo | undefined {
  const wanted = parseImageReference(reference);
  if (wanted.digest !== undefined)
    return storedImages(daemon).find(
      ({ image }) => image.repository === wanted.familiar && image.digest === wanted.digest,
    )?.image;
  const name = familiarString(wanted);
  return daemon.state.images.includes(name) ? imageOf(daemon, name) : undefined;
}

/** The image a stored reference names: one a commit made, or the catalog's. */
function imageOf(daemon: Daemon, reference: string): ImageInfo | undefined {
  const target = daemon.state.imageTags?.[reference] ?? reference;
  const committed = daemon.state.committedImages?.[target];
  return committed ? committedImageInfo(committed) : imageInfo(target);
}

/**
 * The catalog's name for the image a stored reference names: a `docker tag` name leads to its source's,
 * the name of a commit's image to the catalog image beneath it.
 */
export function catalogReference(daemon: Daemon, reference: string): string {
  const target = daemon.state.imageTags?.[reference] ?? reference;
  return daemon.state.committedImages?.[target]?.base ?? target;
}

/** Every stored reference with its image, in the order they were pulled. */
export function storedImages(daemon: Daemon): { reference: string; image: ImageInfo }[] {
  return daemon.state.images.flatMap((reference) => {
    const image = imageOf(daemon, reference);
    return image ? [{ reference, image }] : [];
  });
}

/** One line of a pull's progress that a non-terminal shows, in the order the daemon sends them. */
export type PullEvent = {
  readonly layer: string;
  readonly action: 'Pulling fs layer' | 'Download complete' | 'Pull complete' | 'Already exists';
};

export interface PullRecord {
  readonly reference: ImageReference;
  readonly image: ImageInfo;
  /** Per-layer progress; empty when every blob was already in the store. */
  readonly events: readonly PullEvent[];
  /** Whether the reference now names a different image than before ("Downloaded newer image" vs "Image is up to date"). */
  readonly newer: boolean;
}

/** Download bandwidth of the simulated link to the registry, and unpacking speed. */
const BYTES_PER_MS = 12_500;
const UNPACK_BYTES_PER_MS = 60_000;
/** dockerd's max-concurrent-downloads default. */
const CONCURRENT_DOWNLOADS = 3;
/** The containerd pull progress updater ticks every 100 ms (daemon/containerd/progress.go). */
const TICK_MS = 100;

/**
 * `POST /images/create`: resolves the reference on the registry, fetches what the
 * store lacks, unpacks it and tags it (moby daemon/containerd/image_pull.go).
 * Errors as the daemon words them: an unknown repository is `pull access
 * denied`, an unknown tag containerd's resolver `not found`.
 */
export function pullImage(daemon: Daemon, referenceText: string): PullRecord {
  const reference = parseImageReference(referenceText);
  const image = imageInfo(referenceText);
  if (!image) {
    if (!repositoryExists(referenceText))
      throw new EngineError(
        'not-found',
        `pull access denied for ${reference.familiar}, repository does not exist or may require 'docker login'`,
      );
    const full = `docker.io/${reference.path}${reference.digest ? `@${reference.digest}` : `:${reference.tag}`}`;
    throw new EngineError('not-found', `failed to resolve reference "${full}": ${full}: not found`);
  }
  const before = storedImage(daemon, referenceText);
  const contentPresent = storedImages(daemon).some((entry) => entry.image === image);
  const present = new Set(storedImages(daemon).flatMap((entry) => entry.image.layers.map((layer) => layer.id)));
  const events = contentPresent ? [] : transfer(image, present);
  daemon.clock.advance(contentPresent ? 300 : durationOf(image));
  const name = familiarString(reference);
  if (!daemon.state.images.includes(name)) daemon.state.images.push(name);
  // containerd's images.Create/Update stamp UpdatedAt only when the name is new or points elsewhere.
  if (before?.digest !== image.digest)
    daemon.state.imageTagTimes = { ...daemon.state.imageTagTimes, [name]: daemon.clock.now() };
  // image_pull.go: the reference as the actor, the image's labels and its familiar name.
  logImageEvent(daemon, name, 'pull', reference.familiar, image.labels);
  return { reference, image, events, newer: before?.digest !== image.digest };
}

/**
 * The progress lines of a fresh pull: every layer announced, then downloads
 * (three at a time, in manifest order) completing, each followed by its unpack
 * once the layer beneath is in place; events of one 100 ms tick come downloads
 * first, then unpacks in layer order, as the updater reports them. A blob the
 * store already has (another image's identical layer) is not fetched: it shows
 * `Already exists` at the first tick, and is still unpacked on its new parent.
 */
function transfer(image: ImageInfo, present: ReadonlySet<string>): PullEvent[] {
  const downloaded = downloadTimes(image, present);
  const unpacked: number[] = [];
  image.layers.forEach((layer, index) => {
    unpacked.push(
      Math.max(downloaded[index]!, unpacked[index - 1] ?? 0) + Math.ceil(layer.size / UNPACK_BYTES_PER_MS) + 1,
    );
  });
  const tick = (ms: number) => Math.ceil(ms / TICK_MS);
  const timed = [
    ...image.layers.map((layer, index) => ({
      at: tick(downloaded[index]!),
      order: 0,
      index,
      event: {
        layer: layer.id,
        action: present.has(layer.id) ? ('Already exists' as const) : ('Download complete' as const),
      },
    })),
    ...image.layers.map((layer, index) => ({
      at: tick(unpacked[index]!),
      order: 1,
      index,
      event: { layer: layer.id, action: 'Pull complete' as const },
    })),
  ].sort((a, b) => a.at - b.at || a.order - b.order || a.index - b.index);
  return [
    ...image.layers.map((layer) => ({ layer: layer.id, action: 'Pulling fs layer' as const })),
    ...timed.map((entry) => entry.event),
  ];
}

function downloadTimes(image: ImageInfo, present: ReadonlySet<string>): number[] {
  const slots = Array.from({ length: CONCURRENT_DOWNLOADS }, () => 0);
  return image.layers.map((layer) => {
    if (present.has(layer.id)) return 1;
    const slot = slots.indexOf(Math.min(...slots));
    slots[slot] = slots[slot]! + Math.ceil(layer.size / BYTES_PER_MS) + 20;
    return slots[slot]!;
  });
}

function durationOf(image: ImageInfo): number {
  const total = image.layers.reduce((sum, layer) => sum + layer.size, 0);
  return Math.ceil(total / BYTES_PER_MS) + Math.ceil(total / UNPACK_BYTES_PER_MS) + 500;
}

/** A stored image found by reference or ID, with every reference that names it. */
export interface ResolvedImage {
  readonly image: ImageInfo;
  /** The store's references to this image, in the order they were pulled. */
  readonly references: readonly string[];
  /** The reference the lookup matched; undefined when it went by ID. */
  readonly matched: string | undefined;
}

/**
 * ImageService.resolveImage (moby docker-v29.7.2 daemon/containerd/image.go):
 * a digest, then `name:tag`, then a truncated ID (hex, with or without `sha256:`)
 * of the index digest. Unknown: ErrImageDoesNotExist, whose text names the
 * reference with `:latest` added (images/image.go).
 */
export function resolveImage(daemon: Daemon, refOrId: string): ResolvedImage {
  const stored = storedImages(daemon);
  const of = (image: ImageInfo, matched: string | undefined): ResolvedImage => ({
    image,
    references: stored.filter((entry) => entry.image === image).map((entry) => entry.reference),
    matched,
  });
  const id = /^(?:sha256:)?([0-9a-f]{1,64})$/.exec(refOrId)?.[1];
  const byName = refOrId.startsWith('sha256:') ? undefined : storedImage(daemon, refOrId);
  if (byName)
    return of(
      byName,
      parseImageReference(refOrId).digest === undefined ? familiarString(parseImageReference(refOrId)) : undefined,
    );
  const byId = id === undefined ? undefined : stored.find((entry) => entry.image.digest.startsWith(`sha256:${id}`));
  if (byId) return of(byId.image, undefined);
  throw new EngineError(
    'not-found',
    `No such image: ${refOrId.startsWith('sha256:') || /^[0-9a-f]{64}$/.test(refOrId) ? refOrId : familiarString(parseImageReference(refOrId))}`,
  );
}

/** One line of an image removal: a reference untagged, or the image's content deleted. */
export type DeleteRecord = { readonly untagged: string } | { readonly deleted: string };

/**
 * ImageService.ImageDelete for this store (moby docker-v29.7.2
 * daemon/containerd/image_delete.go), where every image has a single platform
 * and no parents. By name: untag only, when other names of the image remain;
 * refused while a container uses it, unless forced (then untagged only); else
 * every reference goes and the image is deleted. By ID: every reference goes,
 * refused while a container runs it (even forced), while a stopped one uses
 * it, or while several references name it, unless forced.
 */
export function removeImage(daemon: Daemon, refOrId: string, force: boolean): DeleteRecord[] {
  const { image, references, matched } = resolveImage(daemon, refOrId);
  const short = image.digest.slice(7, 19);
  const users = daemon.state.containers.filter(
    (container) => (container.committedImage ?? imageInfo(container.image)?.digest) === image.digest,
  );
  const untag = (names: readonly string[]) => {
    daemon.state.images = daemon.state.images.filter((reference) => !names.includes(reference));
    const tags = daemon.state.imageTags;
    if (tags)
      daemon.state.imageTags = Object.fromEntries(Object.entries(tags).filter(([name]) => !names.includes(name)));
    // image_delete.go: an `untag` event for each name (the image's digest, the name alone).
    for (const name of names) logImageEvent(daemon, image.digest, 'untag', name);
    return names.map((untagged) => ({ untagged }));
  };
  if (matched !== undefined) {
    if (references.length > 1) return untag([matched]);
    if (users[0] && !force)
      throw new EngineError(
        'conflict',
        `conflict: unable to delete ${matched} (must be forced) - container ${users[0].id.slice(0, 12)} is using its referenced image ${short}`,
      );
    if (users[0]) return untag([matched]);
  } else {
    const running = users.find((container) => container.status === 'running');
    if (running)
      throw new EngineError(
        'conflict',
        `conflict: unable to delete ${short} (cannot be forced) - image is being used by running container ${running.id.slice(0, 12)}`,
      );
    if (!force && users[0])
      throw new EngineError(
        'conflict',
        `conflict: unable to delete ${short} (must be forced) - image is being used by stopped container ${users[0].id.slice(0, 12)}`,
      );
    if (!force && references.length > 1)
      throw new EngineError(
        'conflict',
        `conflict: unable to delete ${short} (must be forced) - image is referenced in multiple repositories`,
      );
  }
  const untagged = untag(references);
  if (image.committed && daemon.state.committedImages) delete daemon.state.committedImages[image.digest];
  // The image is gone by the time `delete` is logged: the ID is its name too, and no labels.
  logImageEvent(daemon, image.digest, 'delete', image.digest);
  return [...untagged, { deleted: image.digest }];
}
