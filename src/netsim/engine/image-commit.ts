import type { Inode, UpperLayer } from '../kernel/filesystem';
import { byteLength } from '../kernel/filesystem';
import type { CommittedImage, CommitStep } from './committed-images';
import type { Daemon } from './daemon';
import { containerChanges } from './container-changes';
import { findContainer } from './containers';
import { EngineError } from './errors';
import { logContainerEvent, logImageEvent } from './events';
import { storedImage } from './image-store';
import { imageInfo } from './images';
import { familiarString, parseImageReference } from '../wire/image-reference';

/** What `docker commit` sends: POST /commit's query (moby client container_commit.go). */
export interface CommitRequest {
  readonly container: string;
  /** `repo:tag`, already checked and normalized by the client; undefined for an image without a name. */
  readonly reference?: string;
  readonly comment: string;
  readonly author: string;
  readonly changes: readonly string[];
}

/** The instructions --change accepts (moby docker-v29.7.2 daemon/builder/dockerfile/builder.go validCommitCommands). */
const VALID_CHANGES = [
  'cmd',
  'entrypoint',
  'healthcheck',
  'env',
  'expose',
  'label',
  'onbuild',
  'stopsignal',
  'user',
  'volume',
  'workdir',
];

type Config = { -readonly [K in keyof CommittedImage['config']]: CommittedImage['config'][K] };

/** A Dockerfile argument in exec form (a JSON array of strings) or shell form (`/bin/sh -c`). */
function commandForm(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) return parsed;
  } catch {
    // Not JSON: shell form.
  }
  return ['/bin/sh', '-c', text];
}

/** `KEY=value KEY2=value2`, or the legacy `KEY value`. */
function pairs(text: string): [string, string][] {
  if (!/^[^\s=]+=/.test(text)) {
    const [key, ...rest] = text.split(/\s+/);
    return [[key!, rest.join(' ')]];
  }
  return [...text.matchAll(/([^\s=]+)=("(?:[^"\\]|\\.)*"|\S*)/g)].map(([, key, value]) => [
    key!,
    value!.startsWith('"') ? (JSON.parse(value!) as string) : value!,
  ]);
}

/**
 * dockerfile.BuildFromConfig: each change a Dockerfile line applied to the
 * container's config; an instruction a commit does not take fails with its
 * name as typed. The ones modelled change the command, entrypoint,
 * environment, labels, working directory and exposed ports; the others are accepted and kept out of the model.
 */
function applyChange(config: Config, line: string): void {
  const match = /^\s*(\S+)\s*(.*?)\s*$/s.exec(line);
  if (!match) return;
  const [, word, argument] = match as unknown as [string, string, string];
  const instruction = word.toLowerCase();
  if (!VALID_CHANGES.includes(instruction))
    throw new EngineError('invalid-parameter', `${word} is not a valid change command`);
  switch (instruction) {
    case 'cmd':
      config.cmd = commandForm(argument);
      return;
    case 'entrypoint':
      // An ENTRYPOINT resets the command the image had (dispatchers.go dispatchEntrypoint).
      config.entrypoint = commandForm(argument);
      config.cmd = [];
      return;
    case 'env':
      for (const [key, value] of pairs(argument))
        config.env = [...config.env.filter((entry) => entry.split('=')[0] !== key), `${key}=${value}`];
      return;
    case 'label':
      config.labels = { ...config.labels, ...Object.fromEntries(pairs(argument)) };
      return;
    case 'workdir':
      config.workingDir = argument.startsWith('/') ? argument : `${config.workingDir.replace(/\/$/, '')}/${argument}`;
      return;
    case 'expose':
      for (const port of argument.split(/\s+/)) {
        const number = Number(port.split('/')[0]);
        if (Number.isInteger(number) && !config.exposed.includes(number)) config.exposed = [...config.exposed, number];
      }
      return;
  }
}

/** The bytes a layer's file takes in its snapshot (4 KiB blocks), and in its tar (a 512-byte header, content in 512-byte blocks). */
function layerSizes(files: readonly Inode[]): { size: number; unpacked: number } {
  let unpacked = 0;
  let tar = 1_024;
  for (const inode of files) {
    const length = inode.kind === 'file' ? byteLength(inode.content) : 0;
    unpacked += inode.kind === 'dir' ? 4_096 : Math.ceil(length / 4_096) * 4_096;
    tar += 512 + Math.ceil(length / 512) * 512;
  }
  // The tar is gzipped: text compresses to about a third.
  return { size: Math.max(32, Math.ceil(tar / 3)), unpacked };
}

/**
 * POST /commit (moby docker-v29.7.2 daemon/commit.go CreateImageFromContainer,
 * daemon/containerd/image_commit.go CommitImage): the container's config with
 * the changes applied, merged over what it lacks from its image; the
 * container's changes as a new layer (none when nothing changed); a history
 * entry whose CREATED BY is the container's command, with the author and the
 * comment; the new image tagged when a name was given. Logs `create` for the
 * image, `tag`, and `commit` for the container. Returns the image ID.
 */
export function commitContainer(daemon: Daemon, request: CommitRequest): string {
  const container = findContainer(daemon, request.container);
  const parent = container.committedImage ? daemon.state.committedImages?.[container.committedImage] : undefined;
  const parentImage = parent ? undefined : imageInfo(container.image);
  const config: Config = {
    entrypoint: [...(container.config.entrypoint ?? [])],
    cmd: [...(container.config.cmd ?? [])],
    env: [...container.config.env],
    labels: { ...container.config.labels },
    workingDir: container.config.workingDir,
    exposed: container.exposed.filter((entry) => entry.protocol === 'tcp').map((entry) => entry.port),
  };
  for (const line of request.changes.flatMap((change) => change.split('\n'))) applyChange(config, line);
  const upper: UpperLayer = structuredClone(container.files ?? { files: {}, removed: [] });
  const changed = containerChanges(daemon, container.id).filter((change) => change.kind !== 'D');
  const changedFiles = changed.flatMap((change) => (upper.files[change.path] ? [upper.files[change.path]!] : []));
  const hasChanges = containerChanges(daemon, container.id).length > 0;
  const step: CommitStep = {
    createdMs: daemon.clock.now(),
    // image_commit.go: the container's Cmd alone, joined with spaces.
    createdBy: (container.config.cmd ?? []).join(' '),
    comment: request.comment,
    author: request.author,
    ...(hasChanges && { layer: { id: daemon.random.hex(12), ...layerSizes(changedFiles) } }),
  };
  const digest = `sha256:${daemon.random.hex(64)}`;
  const record: CommittedImage = {
    digest,
    base: parent?.base ?? container.image,
    parent: parent?.digest ?? parentImage?.digest ?? '',
    createdMs: daemon.clock.now(),
    config,
    commits: [...(parent?.commits ?? []), step],
    files: upper,
  };
  daemon.state.committedImages = { ...daemon.state.committedImages, [digest]: record };
  logImageEvent(daemon, digest, 'create', digest);
  let imageRef = '';
  if (request.reference !== undefined) {
    const name = familiarString(parseImageReference(request.reference));
    const before = storedImage(daemon, name);
    if (!daemon.state.images.includes(name)) daemon.state.images.push(name);
    daemon.state.imageTags = { ...daemon.state.imageTags, [name]: digest };
    if (before?.digest !== digest)
      daemon.state.imageTagTimes = { ...daemon.state.imageTagTimes, [name]: daemon.clock.now() };
    logImageEvent(daemon, digest, 'tag', name, config.labels);
    imageRef = name;
  }
  logContainerEvent(daemon, container, 'commit', { comment: request.comment, imageID: digest, imageRef });
  return digest;
}

/** One line of a prune's report: a name (an ID for an image without one) untagged, or an image deleted. */
export type PruneLine = { readonly untagged: string } | { readonly deleted: string };

/**
 * POST /images/prune without `all` (moby docker-v29.7.2
 * daemon/containerd/image_prune.go pruneUnused and pruneAll): every dangling
 * image no container uses is deleted, `untagged` under its ID (imageFamiliarName
 * of a dangling image) then `deleted`, with `untag` and `delete` events; the
 * space is the blobs and the snapshot nothing else holds. The images a commit
 * made are the only ones here that can lose their name.
 */
export function pruneDanglingImages(daemon: Daemon): { lines: PruneLine[]; reclaimed: number } {
  const state = daemon.state;
  const named = new Set(state.images.map((reference) => state.imageTags?.[reference] ?? reference));
  const used = new Set(state.containers.map((container) => container.committedImage));
  const lines: PruneLine[] = [];
  let reclaimed = 0;
  for (const record of Object.values(state.committedImages ?? {})) {
    if (named.has(record.digest) || used.has(record.digest)) continue;
    delete state.committedImages![record.digest];
    const top = record.commits.at(-1)?.layer;
    // The manifest and config blobs, the layer's blob, and its snapshot.
    reclaimed += 2_048 + (top ? top.size + top.unpacked : 0);
    logImageEvent(daemon, record.digest, 'untag', record.digest);
    logImageEvent(daemon, record.digest, 'delete', record.digest);
    lines.push({ untagged: record.digest }, { deleted: record.digest });
  }
  return { lines, reclaimed };
}
