import type { ImageInfo } from '../images';
import {
  ALPINE_TOOLS,
  APK_PACKAGES,
  APT_PACKAGES,
  BUSYBOX_TOOLS,
  DEBIAN_TOOLS,
  UBUNTU_TOOLS,
  provided,
} from './toolsets';

/**
 * Docker Official Images. Sources, per image: docker-library/repo-info
 * `repos/<name>/remote/latest.md` at the commits named below (index digest,
 * linux/amd64 manifest digest and layers with their sizes, creation time, Env,
 * Cmd, Entrypoint, WorkingDir, StopSignal, Volumes, Labels from the Dockerfile
 * history); the images' Dockerfiles for what is installed. Estimates, marked
 * `~`: unpacked sizes (repo-info's local files give nginx's only) and the few
 * kilobytes of index, manifest and config in the content size.
 */

export const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** ~: index, manifest and config blobs next to the layers. */
export const METADATA_BYTES = 12_000;

const NO_SERVICES = {};
/** Debian 13, which every Debian-based official image of repo-info's date is built on (`debian.sh ... 'trixie'`). */
const TRIXIE = {
  family: 'debian',
  id: 'debian',
  version: '13',
  codename: 'trixie',
  packageManager: 'apt',
  shell: 'bash',
} as const;

// repo-info 1746b58749182f00f5d2c26a53fff697cfce2c81 (alpine-minirootfs-3.24.2)
const alpine: ImageInfo = {
  repository: 'alpine',
  tag: 'latest',
  aliases: ['3', '3.24', '3.24.2'],
  digest: 'sha256:5b02b42e375f7426f8d65c3af331ca05d9878f9989230354504e0b9dfd431f60',
  manifest: { digest: 'sha256:d56c381f961d307a21b3ca004cf1e3910f106644aefb1f43e654c8a56c4fd395', size: 1025 },
  layers: [{ id: 'e2de96513ba9', size: 3_849_738 }],
  created: '2026-09-17T20:37:20Z',
  // repo-info's Dockerfile lines, as BuildKit recorded them (`# buildkit`), with the
  // comment BuildKit's Dockerfile frontend gives every step.
  history: [
    {
      created: '2026-09-17T20:37:20Z',
      createdBy: 'ADD alpine-minirootfs-3.24.2-x86_64.tar.gz / # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-09-17T20:37:20Z',
      createdBy: 'CMD ["/bin/sh"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
  ],
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
  volumes: [],
  os: { family: 'alpine', id: 'alpine', version: '3.24.2', codename: '', packageManager: 'apk', shell: 'sh' },
  tools: ALPINE_TOOLS,
  packages: APK_PACKAGES,
  services: NO_SERVICES,
};

// repo-info 01a7054230d50b3dccaf8d579f161c522be8c9f0 ("BusyBox 1.38.0 (glibc), Debian 13")
const busybox: ImageInfo = {
  repository: 'busybox',
  tag: 'latest',
  aliases: ['glibc', '1.38', '1.38.0'],
  digest: 'sha256:dc2d74b28e4cf8984fa52af1f39bc7c3d9c73760b41a74d629f5d11b1ab28616',
  manifest: { digest: 'sha256:1cfa4e2b09e127b9c4ed43578d3f3c18e7d44ea47b9ea98475c0cbe9086525f8', size: 610 },
  layers: [{ id: 'b05093807bb0', size: 2_226_327 }],
  created: '2026-05-13T02:21:49Z',
  // repo-info's one line, which it writes `RUN BusyBox ...`: docker-library/busybox's builder records
  // the build's description alone, with no comment (as `docker history busybox` shows it).
  history: [
    {
      created: '2026-05-13T02:21:49Z',
      createdBy: 'BusyBox 1.38.0 (glibc), Debian 13',
      comment: '',
      emptyLayer: false,
    },
  ],
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
  volumes: [],
  os: { family: 'busybox', id: 'busybox', version: '1.38.0', codename: '', packageManager: undefined, shell: 'sh' },
  tools: BUSYBOX_TOOLS,
  packages: {},
  services: NO_SERVICES,
};

// repo-info 05f354f0a08a211fdfed2f21845d1fccd389921d
const debian: ImageInfo = {
  repository: 'debian',
  tag: 'latest',
  aliases: ['trixie', '13'],
  digest: 'sha256:34cd9e9fd437c0a095ec39cb2e73422c9f30821b0d0848ed74fd0d43bae4d958',
  manifest: { digest: 'sha256:d8f17b92dc7ff10f9c1fdecab0ad21103d1d24aed823c3a0359e4f50adfab3eb', size: 1042 },
  layers: [{ id: '1da3cb2f93f2', size: 49_312_314 }],
  created: '2026-08-03T00:00:00Z',
  // repo-info's one line (`RUN # debian.sh ...`): debuerreotype records the command as a comment,
  // and names itself in the entry's comment. ~: its version, 0.17, is the one trixie images of 2026 carry.
  history: [
    {
      created: '2026-08-03T00:00:00Z',
      createdBy: "# debian.sh --arch 'amd64' out/ 'trixie' '@1785715200'",
      comment: 'debuerreotype 0.17',
      emptyLayer: false,
    },
  ],
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
  volumes: [],
  os: TRIXIE,
  tools: DEBIAN_TOOLS,
  packages: APT_PACKAGES,
  services: NO_SERVICES,
};

// repo-info 01470af91233e78aee4c06b90ded37a40ddcfaa3 (ubuntu 26.04, built by rockcraft); its
// multi-line org.opencontainers.image.description label is left out. Codename: Ubuntu's
// release announcements (26.04 "Resolute Raccoon").
const ubuntu: ImageInfo = {
  repository: 'ubuntu',
  tag: 'latest',
  aliases: ['26.04', 'resolute'],
  digest: 'sha256:678c6550cc43645e08669028bc177f50be4e7c5b8cca677067b1914d4afc7a03',
  manifest: { digest: 'sha256:7b202b0e2e0028c6250f5fcf41d04df492d145a1654c6995a6553f0c1f6f1960', size: 1343 },
  layers: [
    { id: '617772c7d19b', size: 41_568_275 },
    { id: 'a7fb98a8eddd', size: 389 },
  ],
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
  volumes: [],
  os: { family: 'debian', id: 'ubuntu', version: '26.04', codename: 'resolute', packageManager: 'apt', shell: 'bash' },
  tools: UBUNTU_TOOLS,
  packages: APT_PACKAGES,
  services: NO_SERVICES,
};

// repo-info 07d85259206eb942e61621c998f30ba8bd48adb7; unpacked: repos/nginx/local/latest.md (161.33 MiB).
// The Dockerfile installs curl and gettext-base (envsubst) next to nginx.
const nginx: ImageInfo = {
  repository: 'nginx',
  tag: 'latest',
  aliases: ['mainline', '1', '1.31', '1.31.3'],
  digest: 'sha256:5a88c9c45479443d7be2eadc894b4ed0a9801bae03d97a5760ae13b5c2005942',
  manifest: { digest: 'sha256:db4f612f385437d11eb26620a4f1d7efb3ff44e1296a3c21540b30454e6e2bf3', size: 2290 },
  layers: [
    { id: '062e450697fa', size: 29_780_905 },
    { id: '82454cdbf456', size: 33_325_076 },
    { id: '3c7ab7949321', size: 626 },
    { id: 'cacfcdd01f30', size: 955 },
    { id: 'b6698f04e005', size: 403 },
    { id: '2bedaf25031a', size: 1210 },
    { id: 'd26f27cc8c41', size: 1397 },
  ],
  created: '2026-07-15T23:30:55.953154252Z',
  // repo-info's amd64 Dockerfile lines, to the second, as the builders record them: debuerreotype's
  // base step with its comment, BuildKit's `RUN /bin/sh -c ... # buildkit` (repo-info drops the
  // shell), and the other instructions as they are. The COPY layers hold one file each, of the size
  // nginx/docker-nginx 0d7f438 mainline/debian has (a real `docker history nginx` shows them so:
  // 4.62kB, 3.02kB, 389B, 2.12kB, 1.62kB); ~: the base's and the RUN's share of the rest.
  history: [
    {
      created: '2026-07-13T00:00:00Z',
      createdBy: "# debian.sh --arch 'amd64' out/ 'trixie' '@1783900800'",
      comment: 'debuerreotype 0.17',
      emptyLayer: false,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'ENV NGINX_VERSION=1.31.3',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'ENV NJS_VERSION=1.0.0',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'ENV NJS_RELEASE=1~trixie',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'ENV ACME_VERSION=0.4.1',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'ENV PKG_RELEASE=1~trixie',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'ENV DYNPKG_RELEASE=1~trixie',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy:
        'RUN /bin/sh -c set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     &&     NGINX_GPGKEYS="573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62 8540A6F18833A80E9C1653A42FD21310B49F6B46 9E9BE90EACBCDE69FE9B204CBCDCD8A38D88A2B3";     NGINX_GPGKEY_PATH=/etc/apt/keyrings/nginx-archive-keyring.gpg;     export GNUPGHOME="$(mktemp -d)";     found=\'\';     for NGINX_GPGKEY in $NGINX_GPGKEYS; do     for server in         hkp://keyserver.ubuntu.com:80         pgp.mit.edu     ; do         echo "Fetching GPG key $NGINX_GPGKEY from $server";         gpg1 --batch --keyserver "$server" --keyserver-options timeout=10 --recv-keys "$NGINX_GPGKEY" && found=yes && break;     done;     test -z "$found" && echo >&2 "error: failed to fetch GPG key $NGINX_GPGKEY" && exit 1;     done;     gpg1 --batch --export $NGINX_GPGKEYS > "$NGINX_GPGKEY_PATH" ;     rm -rf "$GNUPGHOME";     apt-get remove --purge --auto-remove -y gnupg1 && rm -rf /var/lib/apt/lists/*     && dpkgArch="$(dpkg --print-architecture)"     && nginxPackages="         nginx=${NGINX_VERSION}-${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}+${NJS_VERSION}-${NJS_RELEASE}         nginx-module-acme=${NGINX_VERSION}+${ACME_VERSION}-${PKG_RELEASE}     "     && case "$dpkgArch" in         amd64|arm64)             echo "deb [signed-by=$NGINX_GPGKEY_PATH] https://nginx.org/packages/mainline/debian/ trixie nginx" >> /etc/apt/sources.list.d/nginx.list             && apt-get update             ;;         *)             tempDir="$(mktemp -d)"             && chmod 777 "$tempDir"                         && savedAptMark="$(apt-mark showmanual)"                         && apt-get update             && apt-get install --no-install-recommends --no-install-suggests -y                 cargo                 curl                 devscripts                 equivs                 git                 libxml2-utils                 lsb-release                 xsltproc             && (                 cd "$tempDir"                 && export CARGO_HOME="$tempDir/.cargo"                 && REVISION="${NGINX_VERSION}-${PKG_RELEASE}"                 && REVISION=${REVISION%~*}                 && curl -f -L -O https://github.com/nginx/pkg-oss/archive/${REVISION}.tar.gz                 && PKGOSSCHECKSUM="524b75cc72657ce77d90cd25c305aba0a19a7f8a3e5dec8e1cc585cd7985663a444c7873e9040b4576285b49ac117c1ea4bb4077dc592eca52316935e1f75adf *${REVISION}.tar.gz"                 && if [ "$(openssl sha512 -r ${REVISION}.tar.gz)" = "$PKGOSSCHECKSUM" ]; then                     echo "pkg-oss tarball checksum verification succeeded!";                 else                     echo "pkg-oss tarball checksum verification failed!";                     exit 1;                 fi                 && tar xzvf ${REVISION}.tar.gz                 && cd pkg-oss-${REVISION}                 && cd debian                 && for target in base module-geoip module-image-filter module-njs module-xslt module-acme; do                     make rules-$target;                     mk-build-deps --install --tool="apt-get -o Debug::pkgProblemResolver=yes --no-install-recommends --yes"                         debuild-$target/nginx-$NGINX_VERSION/debian/control;                 done                 && make base module-geoip module-image-filter module-njs module-xslt module-acme             )                         && apt-mark showmanual | xargs apt-mark auto > /dev/null             && { [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; }                         && ls -lAFh "$tempDir"             && ( cd "$tempDir" && dpkg-scanpackages . > Packages )             && grep \'^Package: \' "$tempDir/Packages"             && echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list             && apt-get -o Acquire::GzipIndexes=false update             ;;     esac         && apt-get install --no-install-recommends --no-install-suggests -y                         $nginxPackages                         gettext-base                         curl     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list         && if [ -n "$tempDir" ]; then         apt-get purge -y --auto-remove         && rm -rf "$tempDir" /etc/apt/sources.list.d/temp.list;     fi     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'COPY docker-entrypoint.sh / # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 1620,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 2125,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 389,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 3018,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 4619,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'ENTRYPOINT ["/docker-entrypoint.sh"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'EXPOSE map[80/tcp:{}]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'STOPSIGNAL SIGQUIT',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'CMD ["nginx" "-g" "daemon off;"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
  ],

  contentSize: 63_110_572 + METADATA_BYTES,
  unpackedSize: 169_166_684,
  entrypoint: ['/docker-entrypoint.sh'],
  cmd: ['nginx', '-g', 'daemon off;'],
  env: [
    PATH,
    'NGINX_VERSION=1.31.3',
    'NJS_VERSION=1.0.0',
    'NJS_RELEASE=1~trixie',
    'ACME_VERSION=0.4.1',
    'PKG_RELEASE=1~trixie',
    'DYNPKG_RELEASE=1~trixie',
  ],
  labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
  workingDir: '',
  stopSignal: 'SIGQUIT',
  shell: false,
  stopsOnSigterm: true,
  exposed: [80],
  volumes: [],
  os: TRIXIE,
  tools: { ...DEBIAN_TOOLS, nginx: 'nginx', curl: 'curl', envsubst: 'gettext-base' },
  packages: APT_PACKAGES,
  services: NO_SERVICES,
};

// repo-info fbaba011547107909ca5a8ae8ecf2023457744dd, repos/nginx/remote/1.31.3-alpine.md: the same
// nginx 1.31.3 as nginx:latest, on alpine-minirootfs-3.24.1 (alpine-slim's RUN, then alpine's ENV NJS_*,
// ACME_VERSION and `apk add` of the modules, curl and ca-certificates; gettext-envsubst and tzdata from
// alpine-slim). Created: the last history entry. ~: the manifest's size and the unpacked size.
const nginxAlpine: ImageInfo = {
  repository: 'nginx',
  tag: 'alpine',
  aliases: [
    'mainline-alpine',
    '1-alpine',
    '1.31-alpine',
    '1.31.3-alpine',
    'alpine3.24',
    'mainline-alpine3.24',
    '1-alpine3.24',
    '1.31-alpine3.24',
    '1.31.3-alpine3.24',
  ],
  digest: 'sha256:2776cd5b70d8983e27e9f5c90abee3d24c690014ae8ecbb529572d954a459096',
  manifest: { digest: 'sha256:1d40e3eb3bf4f138de1d67193f2aa5309fcaf343eb5ffadbf5e9439de1eb1ebb', size: 2496 },
  layers: [
    { id: '55afa1ecc21d', size: 3_846_391 },
    { id: '3cd534fe98c6', size: 1_890_698 },
    { id: '1223f016b4e4', size: 627 },
    { id: '62bec68d7c31', size: 957 },
    { id: '46f977ee452f', size: 404 },
    { id: 'd0008c891db4', size: 1211 },
    { id: '390dc935348d', size: 1398 },
    { id: '46519e7231d2', size: 20_313_073 },
  ],
  created: '2026-07-15T23:57:33Z',
  contentSize: 26_054_759 + METADATA_BYTES,
  unpackedSize: 59_300_000,
  entrypoint: ['/docker-entrypoint.sh'],
  cmd: ['nginx', '-g', 'daemon off;'],
  env: [
    PATH,
    'NGINX_VERSION=1.31.3',
    'PKG_RELEASE=1',
    'DYNPKG_RELEASE=1',
    'NJS_VERSION=1.0.0',
    'NJS_RELEASE=1',
    'ACME_VERSION=0.4.1',
  ],
  labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
  workingDir: '',
  stopSignal: 'SIGQUIT',
  shell: false,
  stopsOnSigterm: true,
  exposed: [80],
  volumes: [],
  os: { family: 'alpine', id: 'alpine', version: '3.24.1', codename: '', packageManager: 'apk', shell: 'sh' },
  tools: { ...ALPINE_TOOLS, nginx: 'nginx', curl: 'curl', envsubst: 'gettext-envsubst' },
  packages: APK_PACKAGES,
  services: NO_SERVICES,
};

// repo-info 157d40004033426c6d74f484d4e78da6a055256f; ENV PATH replaces the base image's in place.
// The build's wget, gcc... are purged at the end of the same RUN.
const httpd: ImageInfo = {
  repository: 'httpd',
  tag: 'latest',
  aliases: ['2', '2.4', '2.4.68', 'trixie', '2.4-trixie'],
  digest: 'sha256:454942557d44332cd7e4ae415e7ec9b4dbbf01b4a042491f423fcaf10a32ce9f',
  manifest: { digest: 'sha256:3a1e0bbe28c4673a03b7a3fbc71a56325eacb1a8d11c1ad696fbf9678f07febd', size: 1989 },
  layers: [
    { id: '6b37362b3da7', size: 29_830_418 },
    { id: '6db0cf540580', size: 145 },
    { id: '4f4fb700ef54', size: 32 },
    { id: '2f4636dca226', size: 2_008_639 },
    { id: '1320c4426edf', size: 13_453_247 },
    { id: '7a3bdd751d95', size: 292 },
  ],
  created: '2026-09-19T00:20:50Z',
  // repo-info's amd64 Dockerfile lines, as for nginx; WORKDIR made a layer, the empty tar 4f4fb700ef54
  // (nothing unpacked); ~: the other layers' share of the unpacked size.
  history: [
    {
      created: '2026-09-18T00:00:00Z',
      createdBy: "# debian.sh --arch 'amd64' out/ 'trixie' '@1789689600'",
      comment: 'debuerreotype 0.17',
      emptyLayer: false,
    },
    {
      created: '2026-09-19T00:18:47Z',
      createdBy: 'ENV HTTPD_PREFIX=/usr/local/apache2',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-09-19T00:18:47Z',
      createdBy: 'ENV PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-09-19T00:18:47Z',
      createdBy: 'RUN /bin/sh -c mkdir -p "$HTTPD_PREFIX" \t&& chown www-data:www-data "$HTTPD_PREFIX" # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-09-19T00:18:47Z',
      createdBy: 'WORKDIR /usr/local/apache2',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 0,
    },
    {
      created: '2026-09-19T00:18:52Z',
      createdBy:
        'RUN /bin/sh -c set -eux; \tapt-get install --update -y --no-install-recommends \t\tca-certificates \t\tlibaprutil1-ldap \t\tlibldap-common \t; \tapt-get dist-clean # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-09-19T00:18:52Z',
      createdBy: 'ENV HTTPD_VERSION=2.4.68',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-09-19T00:18:52Z',
      createdBy: 'ENV HTTPD_SHA256=68c74d4df38c26bed4dfbdb8f3baf1eb532f3872357becc1bba5d136f6b63c06',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-09-19T00:18:52Z',
      createdBy: 'ENV HTTPD_PATCHES=',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-09-19T00:20:50Z',
      createdBy:
        'RUN /bin/sh -c set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get install --update -y --no-install-recommends \t\tbzip2 \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibapr1-dev \t\tlibaprutil1-dev \t\tlibbrotli-dev \t\tlibcurl4-openssl-dev \t\tlibjansson-dev \t\tliblua5.2-dev \t\tlibnghttp2-dev \t\tlibpcre2-dev \t\tlibssl-dev \t\tlibxml2-dev \t\tmake \t\tpatch \t\twget \t\tzlib1g-dev \t; \t\tddist() { \t\tlocal f="$1"; shift; \t\tlocal distFile="$1"; shift; \t\tlocal success=; \t\tlocal distUrl=; \t\tfor distUrl in \t\t\thttps://dlcdn.apache.org/ \t\t\thttps://archive.apache.org/dist/ \t\t; do \t\t\tif wget -O "$f" "$distUrl$distFile" && [ -s "$f" ]; then \t\t\t\tsuccess=1; \t\t\t\tbreak; \t\t\tfi; \t\tdone; \t\t[ -n "$success" ]; \t}; \t\tddist \'httpd.tar.bz2\' "httpd/httpd-$HTTPD_VERSION.tar.bz2"; \techo "$HTTPD_SHA256 *httpd.tar.bz2" | sha256sum -c -; \t\tddist \'httpd.tar.bz2.asc\' "httpd/httpd-$HTTPD_VERSION.tar.bz2.asc"; \texport GNUPGHOME="$(mktemp -d)"; \tfor key in \t\tDE29FB3971E71543FD2DC049508EAEC5302DA568 \t\t13155B0E9E634F42BF6C163FDDBA64BA2C312D2F \t\t8B39757B1D8A994DF2433ED58B3A601F08C975E5 \t\t31EE1A81B8D066548156D37B7D6DBFD1F08E012A \t\tA10208FEC3152DD7C0C9B59B361522D782AB7BD1 \t\t3DE024AFDA7A4B15CB6C14410F81AA8AB0D5F771 \t\tEB138C6AF0FC691001B16D93344A844D751D7F27 \t\tCBA5A7C21EC143314C41393E5B968010E04F9A89 \t\t3C016F2B764621BB549C66B516A96495E2226795 \t\t937FB3994A242BA9BF49E93021454AF0CC8B0F7E \t\tEAD1359A4C0F2D37472AAF28F55DF0293A4E7AC9 \t\t4C1EADADB4EF5007579C919C6635B6C0DE885DD3 \t\t01E475360FCCF1D0F24B9D145D414AE1E005C9CB \t\t92CCEF0AA7DD46AC3A0F498BCA6939748103A37E \t\tD395C7573A68B9796D38C258153FA0CD75A67692 \t\tFA39B617B61493FD283503E7EED1EA392261D073 \t\t984FB3350C1D5C7A3282255BB31B213D208F5064 \t\tFE7A49DAA875E890B4167F76CCB2EB46E76CF6D0 \t\t39F6691A0ECF0C50E8BB849CF78875F642721F00 \t\t29A2BA848177B73878277FA475CAA2A3F39B3750 \t\t120A8667241AEDD4A78B46104C042818311A3DE5 \t\t453510BDA6C5855624E009236D0BC73A40581837 \t\t0DE5C55C6BF3B2352DABB89E13249B4FEC88A0BF \t\t7CDBED100806552182F98844E8E7E00B4DAA1988 \t\tA8BA9617EF3BCCAC3B29B869EDB105896F9522D8 \t\t3E6AC004854F3A7F03566B592FF06894E55B0D0E \t\t5B5181C2C0AB13E59DA3F7A3EC582EB639FF092C \t\tA93D62ECC3C8EA12DB220EC934EA76E6791485A8 \t\t65B2D44FE74BD5E3DE3AC3F082781DE46D5954FA \t\t8935926745E1CE7E3ED748F6EC99EE267EB5F61A \t\tE3480043595621FE56105F112AB12A7ADC55C003 \t\t93525CFCF6FDFFB3FD9700DD5A4B10AE43B56A27 \t\tC55AB7B9139EB2263CD1AABC19B033D1760C227B \t\t26F51EF9A82F4ACB43F1903ED377C9E7D1944C66 \t; do \t\tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key"; \tdone; \tgpg --batch --verify httpd.tar.bz2.asc httpd.tar.bz2; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" httpd.tar.bz2.asc; \t\tmkdir -p src; \ttar -xf httpd.tar.bz2 -C src --strip-components=1; \trm httpd.tar.bz2; \tcd src; \t\tpatches() { \t\twhile [ "$#" -gt 0 ]; do \t\t\tlocal patchFile="$1"; shift; \t\t\tlocal patchSha256="$1"; shift; \t\t\tddist "$patchFile" "httpd/patches/apply_to_$HTTPD_VERSION/$patchFile"; \t\t\techo "$patchSha256 *$patchFile" | sha256sum -c -; \t\t\tpatch -p0 < "$patchFile"; \t\t\trm -f "$patchFile"; \t\tdone; \t}; \tpatches $HTTPD_PATCHES; \t\tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \tCFLAGS="$(dpkg-buildflags --get CFLAGS)"; \tCPPFLAGS="$(dpkg-buildflags --get CPPFLAGS)"; \tLDFLAGS="$(dpkg-buildflags --get LDFLAGS)"; \t./configure \t\t--build="$gnuArch" \t\t--prefix="$HTTPD_PREFIX" \t\t--enable-mods-shared=reallyall \t\t--enable-mpms-shared=all \t\t--enable-pie \t\tCFLAGS="-pipe $CFLAGS" \t\tCPPFLAGS="$CPPFLAGS" \t\tLDFLAGS="-Wl,--as-needed $LDFLAGS" \t; \tmake -j "$(nproc)"; \tmake install; \t\tcd ..; \trm -r src man manual; \t\tsed -ri \t\t-e \'s!^(\\s*CustomLog)\\s+\\S+!\\1 /proc/self/fd/1!g\' \t\t-e \'s!^(\\s*ErrorLog)\\s+\\S+!\\1 /proc/self/fd/2!g\' \t\t-e \'s!^(\\s*TransferLog)\\s+\\S+!\\1 /proc/self/fd/1!g\' \t\t-e \'s!^(\\s*User)\\s+daemon\\s*$!\\1 www-data!g\' \t\t-e \'s!^(\\s*Group)\\s+daemon\\s*$!\\1 www-data!g\' \t\t"$HTTPD_PREFIX/conf/httpd.conf" \t\t"$HTTPD_PREFIX/conf/extra/httpd-ssl.conf" \t; \tgrep -E \'^\\s*User www-data$\' "$HTTPD_PREFIX/conf/httpd.conf"; \tgrep -E \'^\\s*Group www-data$\' "$HTTPD_PREFIX/conf/httpd.conf"; \t\tapt-mark auto \'.*\' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; \tfind /usr/local -type f -executable -exec ldd \'{}\' \';\' \t\t| awk \'/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); printf "*%s\\n", so }\' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -r apt-mark manual \t; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tapt-get dist-clean; \t\thttpd -v # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-09-19T00:20:50Z',
      createdBy: 'STOPSIGNAL SIGWINCH',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-09-19T00:20:50Z',
      createdBy: 'COPY httpd-foreground /usr/local/bin/ # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-09-19T00:20:50Z',
      createdBy: 'EXPOSE map[80/tcp:{}]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-09-19T00:20:50Z',
      createdBy: 'CMD ["httpd-foreground"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
  ],

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
  volumes: [],
  os: TRIXIE,
  tools: { ...DEBIAN_TOOLS, ...provided('httpd', ['httpd', 'apachectl', 'httpd-foreground']) },
  packages: APT_PACKAGES,
  services: NO_SERVICES,
};

// repo-info 026819ee054b7ad6627b92f78ed40cebfc4e7f63: MariaDB 12.3.2 on ubuntu:noble (24.04);
// the later LABEL org.opencontainers.image.version=12.3.2 replaces the base's 24.04.
const mariadb: ImageInfo = {
  repository: 'mariadb',
  tag: 'latest',
  aliases: ['12', '12.3', '12.3.2', 'noble'],
  digest: 'sha256:c237fd50cc48d6f2b87c4ca66d52f3b5eef7271b3bea7aee586c0be19d5b460d',
  // ~: the manifest's size and the unpacked size.
  manifest: { digest: 'sha256:63b29a06fbde176102a20d90fee92b2bac3a112a4f47816cac18da9b70767393', size: 2085 },
  layers: [
    { id: '0926a8eb0e60', size: 29_752_807 },
    { id: '71fc539b309a', size: 1342 },
    { id: '0823aa11c04c', size: 5_245_569 },
    { id: 'ef4e113f30b9', size: 116 },
    { id: '0b9fa11a3618', size: 330 },
    { id: '4373608fb269', size: 70_287_019 },
    { id: 'f4b83b8f70d2', size: 4034 },
    { id: '6d1c2cce3f0a', size: 8492 },
  ],
  created: '2026-08-18T19:24:20Z',
  contentSize: 105_299_709 + METADATA_BYTES,
  unpackedSize: 331_000_000,
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['mariadbd'],
  env: [PATH, 'GOSU_VERSION=1.19', 'LANG=C.UTF-8', 'MARIADB_VERSION=1:12.3.2+maria~ubu2404'],
  labels: {
    'org.opencontainers.image.authors': 'MariaDB Community',
    'org.opencontainers.image.base.name': 'docker.io/library/ubuntu:noble',
    'org.opencontainers.image.description': 'MariaDB Database for relational SQL',
    'org.opencontainers.image.documentation': 'https://hub.docker.com/_/mariadb/',
    'org.opencontainers.image.licenses': 'GPL-2.0',
    'org.opencontainers.image.source': 'https://github.com/MariaDB/mariadb-docker',
    'org.opencontainers.image.title': 'MariaDB Database',
    'org.opencontainers.image.url': 'https://github.com/MariaDB/mariadb-docker',
    'org.opencontainers.image.vendor': 'MariaDB Community',
    'org.opencontainers.image.version': '12.3.2',
  },
  workingDir: '',
  stopSignal: undefined,
  shell: false,
  stopsOnSigterm: true,
  exposed: [3306],
  volumes: ['/var/lib/mysql'],
  os: { family: 'debian', id: 'ubuntu', version: '24.04', codename: 'noble', packageManager: 'apt', shell: 'bash' },
  tools: {
    ...UBUNTU_TOOLS,
    ...provided('mariadb', ['mariadb', 'mariadbd', 'mariadb-admin', 'mysql']),
    gosu: 'gosu',
    socat: 'socat',
  },
  packages: APT_PACKAGES,
  services: NO_SERVICES,
};

// repo-info 04be8516f286fdedb63a8eeaf6f656cae51945d0: WordPress 7.1 on php:8.3-apache (Debian 13).
// curl stays installed (the php image's first RUN); Apache runs as apache2-foreground.
const wordpress: ImageInfo = {
  repository: 'wordpress',
  tag: 'latest',
  aliases: ['7', '7.1', 'apache', 'php8.3', 'php8.3-apache'],
  digest: 'sha256:5a93c470ae8220fddf71f6ebe3bc94e615ddc2ae4d9810f795b830fb11c41a17',
  // ~: the manifest's size and the unpacked size.
  manifest: { digest: 'sha256:49801e46d08eb27ea68ed62e205bb35b1bb2dc962251bf2292a7d374f9637cee', size: 4970 },
  layers: [
    { id: '6310eb16bf42', size: 29_792_658 },
    { id: '26099c2520af', size: 225 },
    { id: '932b172a46b4', size: 117_839_084 },
    { id: '94598c0333c2', size: 226 },
    { id: 'a7a8575cd8da', size: 4_238_998 },
    { id: '9ee23f701a63', size: 430 },
    { id: 'b1890dc62d4f', size: 485 },
    { id: 'fffa43530262', size: 12_779_562 },
    { id: '71dc02b0c445', size: 488 },
    { id: 'c56ba9ea3138', size: 11_715_978 },
    { id: 'aba2157579c6', size: 2457 },
    { id: '42778c36a165', size: 253 },
    { id: '7d96e675fc11', size: 248 },
    { id: 'ecf99494936e', size: 889 },
    { id: '4f4fb700ef54', size: 32 },
    { id: 'ebf4deebcf57', size: 32_960_902 },
    { id: '2094ea7532ff', size: 29_955_291 },
    { id: '045109643db4', size: 315 },
    { id: 'e355f499f412', size: 394 },
    { id: 'f985b85e8e02', size: 18_792 },
    { id: '3b9b87870595', size: 35_383_504 },
    { id: '06ea3768eeab', size: 2442 },
    { id: '40f07d74952e', size: 1766 },
    { id: '1d90a86c04ed', size: 197 },
  ],
  created: '2026-08-25T01:37:34Z',
  contentSize: 274_695_616 + METADATA_BYTES,
  unpackedSize: 742_000_000,
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['apache2-foreground'],
  env: [
    PATH,
    'PHPIZE_DEPS=autoconf \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\tlibc-dev \t\tmake \t\tpkg-config \t\tre2c',
    'PHP_INI_DIR=/usr/local/etc/php',
    'APACHE_CONFDIR=/etc/apache2',
    'APACHE_ENVVARS=/etc/apache2/envvars',
    'PHP_CFLAGS=-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64',
    'PHP_CPPFLAGS=-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64',
    'PHP_LDFLAGS=-Wl,-O1 -pie',
    'GPG_KEYS=1198C0117593497A5EC5C199286AF1F9897469DC C28D937575603EB4ABB725861C0779DC5C0A9DE4 AFD8691FDAEDF03BDF6E460563F15A9B715376CA',
    'PHP_VERSION=8.3.33',
    'PHP_URL=https://www.php.net/distributions/php-8.3.33.tar.xz',
    'PHP_ASC_URL=https://www.php.net/distributions/php-8.3.33.tar.xz.asc',
    'PHP_SHA256=e293ed620cec74651bb4a071317892a478aa6840fab22db45c72d77cd42f9676',
  ],
  labels: {},
  workingDir: '/var/www/html',
  stopSignal: 'SIGWINCH',
  shell: false,
  stopsOnSigterm: true,
  exposed: [80],
  volumes: ['/var/www/html'],
  os: TRIXIE,
  tools: {
    ...DEBIAN_TOOLS,
    curl: 'curl',
    php: 'php',
    ...provided('apache2', ['apache2', 'apache2ctl', 'apache2-foreground']),
  },
  packages: APT_PACKAGES,
  services: NO_SERVICES,
};

export const OFFICIAL_IMAGES: readonly ImageInfo[] = [
  alpine,
  busybox,
  debian,
  ubuntu,
  nginx,
  nginxAlpine,
  httpd,
  mariadb,
  wordpress,
];
