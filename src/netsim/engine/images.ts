/**
 * The image store: what the engine needs of each image to run it, and what
 * `docker images`, `docker pull` and `docker inspect` show of it. The store is
 * the containerd image store (Docker 29's default), so an image's ID is its
 * index digest and its size is the packed content plus the unpacked snapshot.
 *
 * Sources, per image: docker-library/repo-info `repos/<name>/remote/latest.md`
 * (index digest, linux/amd64 manifest digest, compressed size, creation time,
 * Env, Cmd, Entrypoint, WorkingDir, StopSignal, Labels from the Dockerfile
 * history) at the commits named below; the images' Dockerfiles for the rest.
 * Estimates, marked `~`: unpacked sizes (repo-info's local files give nginx's
 * only) and the few kilobytes of index, manifest and config in the content size.
 * nicolaka/netshoot is not an official image: its index digest is the one public
 * projects pin; its manifest digest, sizes and date are placeholders.
 */
export interface ImageInfo {
  /** `nginx`, `nicolaka/netshoot`: the familiar repository name. */
  repository: string;
  tag: string;
  /** The OCI index digest: the image ID and the pull digest. */
  digest: string;
  /** The linux/amd64 manifest the host runs. */
  manifest: { digest: string; size: number };
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
  /**
   * What the default command writes when the container starts, for `docker logs`.
   * Images that log nothing in the core leave it out; an image whose startup
   * output matters to a lesson adds it here.
   */
  startupLog?: (start: { containerId: string }) => { stream: 'stdout' | 'stderr'; text: string }[];
}

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** ~: index, manifest and config blobs next to the layers. */
const METADATA_BYTES = 12_000;

const CATALOG: Record<string, ImageInfo> = {
  // repo-info 1746b58749182f00f5d2c26a53fff697cfce2c81
  alpine: {
    repository: 'alpine',
    tag: 'latest',
    digest: 'sha256:5b02b42e375f7426f8d65c3af331ca05d9878f9989230354504e0b9dfd431f60',
    manifest: { digest: 'sha256:d56c381f961d307a21b3ca004cf1e3910f106644aefb1f43e654c8a56c4fd395', size: 1025 },
    created: '2026-09-17T20:37:20Z',
    contentSize: 3_849_738 + METADATA_BYTES,
    unpackedSize: 8_450_000,
    entrypoint: [],
    cmd: ['/bin/sh'],
    env: [PATH],
    labels: {},
    workingDir: '',
    stopSignal: undefined,
    shell: true,
    stopsOnSigterm: false,
    exposed: [],
  },
  // repo-info 01a7054230d50b3dccaf8d579f161c522be8c9f0
  busybox: {
    repository: 'busybox',
    tag: 'latest',
    digest: 'sha256:dc2d74b28e4cf8984fa52af1f39bc7c3d9c73760b41a74d629f5d11b1ab28616',
    manifest: { digest: 'sha256:1cfa4e2b09e127b9c4ed43578d3f3c18e7d44ea47b9ea98475c0cbe9086525f8', size: 610 },
    created: '2026-05-13T02:21:49Z',
    contentSize: 2_226_327 + METADATA_BYTES,
    unpackedSize: 4_420_000,
    entrypoint: [],
    cmd: ['sh'],
    env: [PATH],
    labels: {},
    workingDir: '',
    stopSignal: undefined,
    shell: true,
    stopsOnSigterm: false,
    exposed: [],
  },
  // repo-info 05f354f0a08a211fdfed2f21845d1fccd389921d
  debian: {
    repository: 'debian',
    tag: 'latest',
    digest: 'sha256:34cd9e9fd437c0a095ec39cb2e73422c9f30821b0d0848ed74fd0d43bae4d958',
    manifest: { digest: 'sha256:d8f17b92dc7ff10f9c1fdecab0ad21103d1d24aed823c3a0359e4f50adfab3eb', size: 1042 },
    created: '2026-08-03T00:00:00Z',
    contentSize: 49_312_314 + METADATA_BYTES,
    unpackedSize: 120_300_000,
    entrypoint: [],
    cmd: ['bash'],
    env: [PATH],
    labels: {},
    workingDir: '',
    stopSignal: undefined,
    shell: true,
    stopsOnSigterm: false,
    exposed: [],
  },
  // repo-info 01470af91233e78aee4c06b90ded37a40ddcfaa3 (ubuntu 26.04, built by rockcraft); its
  // multi-line org.opencontainers.image.description label is left out.
  ubuntu: {
    repository: 'ubuntu',
    tag: 'latest',
    digest: 'sha256:678c6550cc43645e08669028bc177f50be4e7c5b8cca677067b1914d4afc7a03',
    manifest: { digest: 'sha256:7b202b0e2e0028c6250f5fcf41d04df492d145a1654c6995a6553f0c1f6f1960', size: 1343 },
    created: '2026-07-24T12:48:28.650696Z',
    contentSize: 41_568_664 + METADATA_BYTES,
    unpackedSize: 80_600_000,
    entrypoint: [],
    cmd: ['/bin/bash'],
    env: [PATH],
    labels: {
      'org.opencontainers.image.created': '2026-07-24T12:48:28.650696+00:00',
      'org.opencontainers.image.title': 'ubuntu',
      'org.opencontainers.image.version': '26.04',
    },
    workingDir: '',
    stopSignal: undefined,
    shell: true,
    stopsOnSigterm: false,
    exposed: [],
  },
  // repo-info 07d85259206eb942e61621c998f30ba8bd48adb7; unpacked: repos/nginx/local/latest.md (161.33 MiB)
  nginx: {
    repository: 'nginx',
    tag: 'latest',
    digest: 'sha256:5a88c9c45479443d7be2eadc894b4ed0a9801bae03d97a5760ae13b5c2005942',
    manifest: { digest: 'sha256:db4f612f385437d11eb26620a4f1d7efb3ff44e1296a3c21540b30454e6e2bf3', size: 2290 },
    created: '2026-07-15T23:30:55.953154252Z',
    contentSize: 63_110_572 + METADATA_BYTES,
    unpackedSize: 169_166_684,
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    env: [PATH, 'NGINX_VERSION=1.31.3', 'NJS_VERSION=1.0.0', 'NJS_RELEASE=1~trixie', 'ACME_VERSION=0.4.1', 'PKG_RELEASE=1~trixie', 'DYNPKG_RELEASE=1~trixie'],
    labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
    workingDir: '',
    stopSignal: 'SIGQUIT',
    shell: false,
    stopsOnSigterm: true,
    exposed: [80],
  },
  // repo-info 157d40004033426c6d74f484d4e78da6a055256f; ENV PATH replaces the base image's in place
  httpd: {
    repository: 'httpd',
    tag: 'latest',
    digest: 'sha256:454942557d44332cd7e4ae415e7ec9b4dbbf01b4a042491f423fcaf10a32ce9f',
    manifest: { digest: 'sha256:3a1e0bbe28c4673a03b7a3fbc71a56325eacb1a8d11c1ad696fbf9678f07febd', size: 1989 },
    created: '2026-09-19T00:20:50Z',
    contentSize: 45_292_773 + METADATA_BYTES,
    unpackedSize: 117_900_000,
    entrypoint: [],
    cmd: ['httpd-foreground'],
    env: [
      'PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'HTTPD_PREFIX=/usr/local/apache2',
      'HTTPD_VERSION=2.4.68',
      'HTTPD_SHA256=68c74d4df38c26bed4dfbdb8f3baf1eb532f3872357becc1bba5d136f6b63c06',
      'HTTPD_PATCHES=',
    ],
    labels: {},
    workingDir: '/usr/local/apache2',
    stopSignal: 'SIGWINCH',
    shell: false,
    stopsOnSigterm: true,
    exposed: [80],
  },
  // Index digest pinned by public projects; the rest are placeholders (see above).
  'nicolaka/netshoot': {
    repository: 'nicolaka/netshoot',
    tag: 'latest',
    digest: 'sha256:7f08c4aff13ff61a35d30e30c5c1ea8396eac6ab4ce19fd02d5a4b3b5d0d09a2',
    manifest: { digest: 'sha256:0c6bd7a5d5b0bd1e9d8ba3e8b5c7fd2a8f4c6d1e9b3a7c5d2e8f1a4b6c9d3e7f', size: 2611 },
    created: '2026-06-02T18:11:47Z',
    contentSize: 188_400_000 + METADATA_BYTES,
    unpackedSize: 402_100_000,
    entrypoint: [],
    cmd: ['zsh'],
    env: [PATH],
    labels: {},
    workingDir: '/root',
    stopSignal: undefined,
    shell: true,
    stopsOnSigterm: false,
    exposed: [],
  },
};

/** A reference as the daemon normalises it: `nginx`, `nginx:1.27` and `docker.io/library/nginx` name the same repository. */
export interface ImageReference {
  /** `nginx`, `nicolaka/netshoot` (reference.FamiliarName). */
  familiar: string;
  /** `library/nginx` (reference.Path). */
  path: string;
  /** The tag; `latest` when none and no digest is given. */
  tag: string | undefined;
  digest: string | undefined;
}

export function parseImageReference(reference: string): ImageReference {
  const [withoutDigest, digest] = reference.split('@') as [string, string | undefined];
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > withoutDigest.lastIndexOf('/');
  const name = hasTag ? withoutDigest.slice(0, colon) : withoutDigest;
  const familiar = name.replace(/^docker\.io\//, '').replace(/^library\//, '');
  return {
    familiar,
    path: familiar.includes('/') ? familiar : `library/${familiar}`,
    tag: hasTag ? withoutDigest.slice(colon + 1) : digest === undefined ? 'latest' : undefined,
    digest,
  };
}

/** `nginx:1.27` and `docker.io/library/nginx` both name the nginx image. */
export function imageInfo(reference: string): ImageInfo | undefined {
  return CATALOG[parseImageReference(reference).familiar];
}

/** Every image in the store, in the order the API lists them: newest first (moby image_list.go). */
export function storedImages(): ImageInfo[] {
  return Object.values(CATALOG).sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0));
}
