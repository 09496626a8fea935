import type { CommittedImage } from './committed-images';
import type { Container } from './container';
import { CATALOG } from './image-catalog/catalog';
import { parseImageReference } from '../wire/image-reference';

/**
 * The images the simulated registry (Docker Hub) has, and what is inside each:
 * what the engine needs to run it, what `docker images`, `docker pull` and
 * `docker inspect` show of it, and what a shell inside finds (tools, packages).
 * Whether the host has pulled an image is the engine's state (EngineState.images);
 * this module only describes images. The data, with its sources, is in
 * image-catalog/.
 *
 * The store is the containerd image store (Docker 29's default), so an image's
 * ID is its index digest and its size is the packed content plus the unpacked
 * snapshot.
 */
/**
 * One entry of an image config's history (OCI image-spec config.md `history`):
 * each step's time, what made it, and whether it added a layer (image-catalog/histories.ts).
 */
export interface ImageHistoryEntry {
  readonly created: string;
  readonly createdBy: string;
  readonly comment: string;
  readonly emptyLayer: boolean;
  /** The layer's unpacked size when it is known (a COPY of a file whose bytes are known). */
  readonly size?: number;
}

export interface ImageInfo {
  /** `nginx`, `nicolaka/netshoot`: the familiar repository name. */
  repository: string;
  /** The tag this entry answers to; `aliases` are other tags of the same image (httpd:2.4 is httpd:latest). */
  tag: string;
  aliases: readonly string[];
  /** The OCI index digest: the image ID and the pull digest. */
  digest: string;
  /** The linux/amd64 manifest the host runs. */
  manifest: { digest: string; size: number };
  /** Compressed layers of the linux/amd64 manifest, in order: `docker pull` prints their IDs. */
  layers: readonly ImageLayer[];
  /** Image config Created, RFC 3339. */
  created: string;
  /** Blobs in the content store: index, manifest, config and compressed layers. */
  contentSize: number;
  /** The unpacked snapshot. */
  unpackedSize: number;
  entrypoint: string[];
  cmd: string[];
  env: string[];
  labels: Record<string, string>;
  workingDir: string;
  stopSignal: string | undefined;
  /** The default command is a shell: without -i or -t it reads an empty stdin and exits 0 at once. */
  shell: boolean;
  /** PID 1 handles SIGTERM (exits 0); a shell as PID 1 ignores it and `docker stop` kills it after 10 s (137). */
  stopsOnSigterm: boolean;
  /** EXPOSE lines of the Dockerfile. */
  exposed: number[];
  /** VOLUME lines of the Dockerfile. */
  volumes: readonly string[];
  /** The system inside: decides the shell prompt, the package manager and the tools' dialects. */
  os: ImageOs;
  /**
   * Programs on PATH that lessons use, each with the package that provides it.
   * The provider decides the dialect: `busybox` prints BusyBox's formats, any
   * other the full tool's (iputils, iproute2, procps, BIND...).
   */
  tools: Readonly<Record<string, string>>;
  /** What the image's package manager can install: package name -> the tools it brings. */
  packages: Readonly<Record<string, readonly string[]>>;
  /** Init scripts that start a service the default command does not (`/etc/init.d/apache2 start`). */
  services: Readonly<Record<string, ImageService>>;
  /**
   * What the default command writes when the container starts, for `docker logs`.
   * Images that log nothing in the core leave it out; an image whose startup
   * output matters to a lesson adds it here.
   */
  startupLog?: (start: { containerId: string }) => { stream: 'stdout' | 'stderr'; text: string }[];
  /** Set on an image `docker commit` made: what it was made of. */
  committed?: CommittedImage;
}

/** One compressed layer: its 12-digit short ID (what pull prints) and its size in bytes. */
export interface ImageLayer {
  readonly id: string;
  readonly size: number;
}

/**
 * `family` decides the interactive shell and the dialects: `debian` (Debian and
 * Ubuntu: bash, apt, `root@<hostname>:/# `), `alpine` (BusyBox ash, apk, `/ # `),
 * `busybox` (BusyBox only, no package manager, `/ # `).
 */
export interface ImageOs {
  readonly family: 'debian' | 'alpine' | 'busybox';
  /** os-release ID: debian, ubuntu, alpine; busybox for the busybox image. */
  readonly id: string;
  /** os-release VERSION_ID and VERSION_CODENAME (empty when the system has none). */
  readonly version: string;
  readonly codename: string;
  readonly packageManager: 'apt' | 'apk' | undefined;
  /** The shell `docker exec -it ... sh|bash` and the default command start. */
  readonly shell: string;
}

/** A System V init script: what `start` prints and which server it leaves running. */
export interface ImageService {
  /** `/etc/init.d/apache2`. */
  readonly script: string;
  /** What `start` prints; `{address}` is the container's first IPv4 address. */
  readonly startOutput: string;
  /** The server process and its workers, as `ps` shows them. */
  readonly process: {
    readonly command: string;
    readonly user: string;
    readonly workers: number;
    readonly workerUser: string;
  };
  /** Where it listens and which pages it serves (userland/web-servers.ts). */
  readonly server: string;
  readonly sockets: readonly { readonly address: string; readonly port: number; readonly v6Only: boolean }[];
}

/**
 * Whether the container runs its image's default command (entrypoint, then cmd):
 * the one that starts the image's server. `docker run nginx sh` runs no nginx.
 */
export function runsImageDefault(container: Pick<Container, 'image' | 'command'>): boolean {
  const image = imageInfo(container.image);
  return image !== undefined && container.command === [...image.entrypoint, ...image.cmd].join(' ');
}

/**
 * The registry's image for a reference: `nginx`, `nginx:latest`,
 * `docker.io/library/nginx` and `httpd:2.4` (an alias of httpd:latest) all
 * resolve; an unknown repository or tag does not.
 */
export function imageInfo(reference: string): ImageInfo | undefined {
  const wanted = parseImageReference(reference);
  return CATALOG.find(
    (image) =>
      image.repository === wanted.familiar &&
      (wanted.digest !== undefined
        ? image.digest === wanted.digest
        : image.tag === wanted.tag || image.aliases.includes(wanted.tag!)),
  );
}

/** Whether the registry knows the repository at all: an unknown one is `pull access denied`, an unknown tag `not found`. */
export function repositoryExists(reference: string): boolean {
  const wanted = parseImageReference(reference);
  return CATALOG.some((image) => image.repository === wanted.familiar);
}

/** Images a fresh host has already pulled, unless its profile says otherwise: the ones the core's lessons use. */
export const DEFAULT_PULLED_IMAGES: readonly string[] = [
  'alpine:latest',
  'busybox:latest',
  'debian:latest',
  'ubuntu:latest',
  'nginx:latest',
  'httpd:latest',
  'nicolaka/netshoot:latest',
];

/** Whether a tool from this package prints BusyBox's formats. */
export function isBusybox(provider: string | undefined): boolean {
  return provider === 'busybox';
}
