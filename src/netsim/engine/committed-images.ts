import type { UpperLayer } from '../kernel/filesystem';
import { imageInfo, type ImageInfo } from './images';

/**
 * An image `docker commit` made (engine/image-commit.ts, a chunk of its own),
 * kept in the engine's state so that a snapshot of the host holds it: the
 * catalog image it grew from, the config the commit wrote, the layers its
 * commits added and every file they hold.
 */
export interface CommittedImage {
  /** The manifest digest: the image's ID. */
  readonly digest: string;
  /** The catalog reference of the image at the bottom, which the model runs it as. */
  readonly base: string;
  /** The ID of the image the committed container ran (the base's, or another commit's). */
  readonly parent: string;
  readonly createdMs: number;
  readonly config: {
    readonly entrypoint: readonly string[];
    readonly cmd: readonly string[];
    readonly env: readonly string[];
    readonly labels: Readonly<Record<string, string>>;
    readonly workingDir: string;
    readonly exposed: readonly number[];
  };
  /** The history entries the commits added on top of the base, oldest first. */
  readonly commits: readonly CommitStep[];
  /** The files of every commit's layer, over the base's root. */
  readonly files: UpperLayer;
}

/** One commit's entry in the config history, and its layer when the container had changes. */
export interface CommitStep {
  readonly createdMs: number;
  readonly createdBy: string;
  readonly comment: string;
  readonly author: string;
  /** The layer's 12-digit short ID, its compressed and unpacked sizes; undefined for a commit without changes. */
  readonly layer?: { readonly id: string; readonly size: number; readonly unpacked: number };
}

const derived = new WeakMap<CommittedImage, ImageInfo>();

/** The image a commit made, as the rest of the model sees images: the base's, with the commit's ID, config and layers. */
export function committedImageInfo(record: CommittedImage): ImageInfo | undefined {
  const known = derived.get(record);
  if (known) return known;
  const base = imageInfo(record.base);
  if (!base) return undefined;
  const layers = record.commits.flatMap((step) => (step.layer ? [step.layer] : []));
  const added = layers.reduce((sum, layer) => sum + layer.size, 0);
  const info: ImageInfo = {
    ...base,
    digest: record.digest,
    created: new Date(record.createdMs).toISOString(),
    layers: [...base.layers, ...layers.map(({ id, size }) => ({ id, size }))],
    // Each commit writes a manifest and a config next to its layer.
    contentSize: base.contentSize + added + 2_048 * record.commits.length,
    unpackedSize: base.unpackedSize + layers.reduce((sum, layer) => sum + layer.unpacked, 0),
    entrypoint: [...record.config.entrypoint],
    cmd: [...record.config.cmd],
    env: [...record.config.env],
    labels: { ...record.config.labels },
    workingDir: record.config.workingDir,
    exposed: [...record.config.exposed],
    committed: record,
  };
  derived.set(record, info);
  return info;
}
