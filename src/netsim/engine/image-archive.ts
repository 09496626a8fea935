import type { CommittedImage } from './committed-images';
import type { Daemon } from './daemon';
import { EngineError } from './errors';
import { logImageEvent } from './events';
import { resolveImage, storedImages } from './image-store';
import type { ImageInfo } from './images';
import { familiarString, parseImageReference } from '../wire/image-reference';

/**
 * What an archive `docker save` writes carries for the model: each image's
 * names, its ID, and what it is made of (a catalog reference, or a commit's
 * record). A real archive is an OCI layout tarball (index.json, manifest.json,
 * blobs/); this one keeps only what `docker load` needs to put the images back.
 */
interface ArchivedImage {
  readonly names: readonly string[];
  readonly digest: string;
  readonly catalog?: string;
  readonly committed?: CommittedImage;
}

const MAGIC = 'netsim image archive';

/**
 * ExportImage of the containerd store (moby docker-v29.7.2
 * daemon/containerd/image_exporter.go): each name resolved as `docker rmi`
 * resolves it, a name without a tag taking every image of its repository, an
 * ID exporting the image without a name. Logs `save` for each image. Returns
 * the archive's text.
 */
export function saveImages(daemon: Daemon, names: readonly string[]): string {
  const archived = new Map<string, { image: ImageInfo; names: string[] }>();
  const add = (image: ImageInfo, name: string | undefined) => {
    const entry = archived.get(image.digest) ?? { image, names: [] };
    if (name !== undefined && !entry.names.includes(name)) entry.names.push(name);
    archived.set(image.digest, entry);
  };
  for (const name of names) {
    const reference = parseImageReference(name);
    const nameOnly = !name.includes('@') && !/:[^/]*$/.test(name);
    if (nameOnly && !/^(?:sha256:)?[0-9a-f]{1,64}$/.test(name)) {
      // exportRepository: every tagged image of the repository.
      const matching = storedImages(daemon).filter(
        (entry) => parseImageReference(entry.reference).familiar === reference.familiar,
      );
      if (matching.length === 0) throw new EngineError('not-found', `No such image: ${familiarString(reference)}`);
      for (const entry of matching) add(entry.image, entry.reference);
      continue;
    }
    const resolved = resolveImage(daemon, name);
    add(resolved.image, resolved.matched);
  }
  for (const { image } of archived.values()) logImageEvent(daemon, image.digest, 'save', image.digest);
  const images: ArchivedImage[] = [...archived.values()].map(({ image, names: tags }) => ({
    names: tags,
    digest: image.digest,
    ...(image.committed ? { committed: image.committed } : { catalog: `${image.repository}:${image.tag}` }),
  }));
  return `${JSON.stringify({ [MAGIC]: 1, images })}\n`;
}

/** The bytes the archive would take: every image's blobs, and the tar's headers. */
export function archiveSize(daemon: Daemon, text: string): number {
  const parsed = parseArchive(text);
  if (!parsed) return text.length;
  return parsed.reduce((sum, entry) => {
    const stored = storedImages(daemon).find((item) => item.image.digest === entry.digest)?.image;
    return sum + (stored?.contentSize ?? 0) + 1_536 * (stored?.layers.length ?? 1);
  }, 10_240);
}

function parseArchive(text: string): ArchivedImage[] | undefined {
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    return parsed[MAGIC] === 1 ? (parsed.images as ArchivedImage[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * LoadImage of the containerd store (image_exporter.go): each image of the
 * archive imported and its names pointed at it; a line `Loaded image: NAME`
 * for each name (familiar, with its tag), `Loaded image ID: ID` for an image
 * without one, and a `load` event. Undefined when the text is not an archive
 * `docker save` wrote.
 */
export function loadImages(daemon: Daemon, text: string): string[] | undefined {
  const archive = parseArchive(text);
  if (!archive) return undefined;
  const lines: string[] = [];
  const state = daemon.state;
  for (const entry of archive) {
    if (entry.committed) state.committedImages = { ...state.committedImages, [entry.digest]: entry.committed };
    const target = entry.committed ? entry.digest : entry.catalog!;
    for (const name of entry.names) {
      if (!state.images.includes(name)) state.images.push(name);
      if (name === target) {
        if (state.imageTags) delete state.imageTags[name];
      } else state.imageTags = { ...state.imageTags, [name]: target };
      state.imageTagTimes = { ...state.imageTagTimes, [name]: daemon.clock.now() };
      lines.push(`Loaded image: ${name}`);
    }
    if (entry.names.length === 0) lines.push(`Loaded image ID: ${entry.digest}`);
    logImageEvent(daemon, entry.digest, 'load', entry.digest);
  }
  return lines;
}
