import type { ImageInfo } from '../images';
import { METADATA_BYTES, PATH } from './official';
import { ALPINE_TOOLS, APK_PACKAGES, APT_PACKAGES, DEBIAN_TOOLS, provided, toolsOf } from './toolsets';

/**
 * Images that are not Docker Official Images: nicolaka/netshoot, and the two
 * custom images the course's source articles run.
 */

// nicolaka/netshoot: the index digest is the one public projects pin; manifest digest, layer IDs,
// sizes and date are placeholders. One layer per step of its Dockerfile that adds one (histories.ts;
// WORKDIR the empty tar 4f4fb700ef54); ~: the compressed sizes, shares of the total. Contents: its
// Dockerfile (FROM alpine, `apk add` bash, bind-tools, curl, iproute2, iputils, netcat-openbsd,
// tcpdump, zsh...; no net-tools and no procps, so netstat, ifconfig and ps stay BusyBox's),
// CMD ["zsh"], WORKDIR /root.
const netshoot: ImageInfo = {
  repository: 'nicolaka/netshoot',
  tag: 'latest',
  aliases: [],
  digest: 'sha256:7f08c4aff13ff61a35d30e30c5c1ea8396eac6ab4ce19fd02d5a4b3b5d0d09a2',
  manifest: { digest: 'sha256:0c6bd7a5d5b0bd1e9d8ba3e8b5c7fd2a8f4c6d1e9b3a7c5d2e8f1a4b6c9d3e7f', size: 2611 },
  layers: [
    { id: '3f1c2b7d9e04', size: 3_800_000 },
    { id: '8a4e61c0b5f2', size: 120_007_668 },
    { id: '5d0e3b8a71c4', size: 1_900_000 },
    { id: 'b7294f6e0d13', size: 21_500_000 },
    { id: 'e1a6c83d52f9', size: 8_600_000 },
    { id: '9c3f07b4e2a6', size: 8_900_000 },
    { id: '41d8e2a9c7b0', size: 9_300_000 },
    { id: '4f4fb700ef54', size: 32 },
    { id: 'c27d9f3a1e68', size: 3_400_000 },
    { id: 'a08b5e1f3c97', size: 120_000 },
    { id: '6e2c9d4a0b81', size: 4_600_000 },
    { id: 'f3b17a6c2e05', size: 1_900 },
    { id: '0d94c2e7b1a8', size: 400 },
    { id: '7a5e0c3f9d26', size: 6_200_000 },
    { id: '2b8f6d1e4c03', size: 70_000 },
  ],
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
  volumes: [],
  os: { family: 'alpine', id: 'alpine', version: '3.22.0', codename: '', packageManager: 'apk', shell: 'zsh' },
  tools: {
    ...ALPINE_TOOLS,
    ...toolsOf(APK_PACKAGES, 'bind-tools'),
    ...toolsOf(APK_PACKAGES, 'iproute2'),
    ...toolsOf(APK_PACKAGES, 'iputils'),
    curl: 'curl',
    tcpdump: 'tcpdump',
    bash: 'bash',
    zsh: 'zsh',
    nc: 'netcat-openbsd',
    ...provided('nmap', ['nmap']),
    ...provided('iptables', ['iptables', 'iptables-save']),
    ...provided('mtr', ['mtr']),
    ...provided('iperf3', ['iperf3']),
    socat: 'socat',
    tshark: 'tshark',
    drill: 'drill',
    ethtool: 'ethtool',
    conntrack: 'conntrack-tools',
    tcptraceroute: 'tcptraceroute',
    jq: 'jq',
  },
  packages: APK_PACKAGES,
  services: {},
};

// josedom24/aplicacionweb:v1, the course's sample web application (Apache serving a static
// page). Index digest and the three layer IDs: a real `docker run` of it in a public course
// transcript (`v1: Pulling from josedom24/aplicacionweb`, c5e155d5a1d1, f2b76f8f3462,
// 2e8f82335e4d); its command (`/usr/sbin/apache2ct…` in docker ps): apache2ctl -D FOREGROUND.
// ~: the base (debian buster-slim), sizes, dates and manifest digest are estimates.
const aplicacionweb: ImageInfo = {
  repository: 'josedom24/aplicacionweb',
  tag: 'v1',
  aliases: [],
  digest: 'sha256:6c28c9bbb10ea66f08c27377bf35cbf23b6bf64f1cc71b20dcd0d39686835796',
  manifest: { digest: 'sha256:6c28c9bbb10ea66f08c27377bf35cbf23b6bf64f1cc71b20dcd0d39686835796', size: 949 },
  layers: [
    { id: 'c5e155d5a1d1', size: 27_099_000 },
    { id: 'f2b76f8f3462', size: 19_633_000 },
    { id: '2e8f82335e4d', size: 1_760 },
  ],
  created: '2020-10-12T16:27:59Z',
  contentSize: 46_734_000 + METADATA_BYTES,
  unpackedSize: 140_500_000,
  entrypoint: [],
  cmd: ['/usr/sbin/apache2ctl', '-D', 'FOREGROUND'],
  env: [PATH],
  labels: {},
  workingDir: '',
  stopSignal: undefined,
  shell: false,
  stopsOnSigterm: true,
  exposed: [80],
  volumes: [],
  os: { family: 'debian', id: 'debian', version: '10', codename: 'buster', packageManager: 'apt', shell: 'bash' },
  tools: { ...DEBIAN_TOOLS, ...provided('apache2', ['apache2', 'apache2ctl']) },
  packages: APT_PACKAGES,
  services: {},
};

// linuxtips/apache:1.0, built in the LINUXtips "Descomplicando o Docker" book: FROM debian,
// `apt-get install -y apache2`, APACHE_* ENV, LABEL description="Webserver", VOLUME
// /var/www/html/, EXPOSE 80, no CMD (debian's bash). The debian of its day (8, jessie) still
// shipped procps and iproute2, as the source article's `ps -ef` and `ip addr` show. Apache is
// installed but not running until `/etc/init.d/apache2 start`, whose output is the article's.
// ~: digests, layers, sizes and dates are placeholders.
const linuxtipsApache: ImageInfo = {
  repository: 'linuxtips/apache',
  tag: '1.0',
  aliases: [],
  digest: 'sha256:4a0645de6d94c21e0b3d0c5a2f7d8e9b1c3a5f7e9d1b3c5a7e9f1d3b5c7a9e1f',
  manifest: { digest: 'sha256:9d3b5c7a1e9f2d4b6c8a0e2f4d6b8c0a2e4f6d8b0c2a4e6f8d0b2c4a6e8f0d2b', size: 1158 },
  layers: [
    { id: '3e17c6eae66c', size: 52_604_000 },
    { id: '6b5e9d2f8a41', size: 71_215_000 },
    { id: '9f0c4a7e1d23', size: 151 },
  ],
  created: '2017-05-22T18:10:41Z',
  contentSize: 123_819_000 + METADATA_BYTES,
  unpackedSize: 262_000_000,
  entrypoint: [],
  cmd: ['bash'],
  env: [
    PATH,
    'APACHE_LOCK_DIR=/var/lock',
    'APACHE_PID_FILE=/var/run/apache2.pid',
    'APACHE_RUN_USER=www-data',
    'APACHE_RUN_GROUP=www-data',
    'APACHE_LOG_DIR=/var/log/apache2',
  ],
  labels: { description: 'Webserver' },
  workingDir: '',
  stopSignal: undefined,
  shell: true,
  stopsOnSigterm: false,
  exposed: [80],
  volumes: ['/var/www/html/'],
  os: { family: 'debian', id: 'debian', version: '8', codename: 'jessie', packageManager: 'apt', shell: 'bash' },
  tools: {
    ...DEBIAN_TOOLS,
    ...toolsOf(APT_PACKAGES, 'procps'),
    ...toolsOf(APT_PACKAGES, 'iproute2'),
    ...provided('apache2', ['apache2', 'apache2ctl']),
  },
  packages: APT_PACKAGES,
  services: {
    apache2: {
      script: '/etc/init.d/apache2',
      startOutput:
        "[....] Starting web server: apache2AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using {address}. Set the 'ServerName' directive globally to suppress this message\n. ok \n",
      process: { command: '/usr/sbin/apache2 -k start', user: 'root', workers: 2, workerUser: 'www-data' },
      server: 'apache2-debian',
      sockets: [{ address: '::', port: 80, v6Only: false }],
    },
  },
};

// curlimages/curl 8.21.0, built by curl/curl-container (VERSION 8.21.0; Makefile: base alpine:3.24.1):
// create_base_image.sh copies the curl it built to /usr/bin/curl, sets CURL_CA_BUNDLE, CMD curl,
// ENTRYPOINT /entrypoint.sh (etc/entrypoint.sh: an option, or a word that is no command, becomes
// `curl ...`), the labels; create_appliance_image.sh sets USER curl_user (not modelled: commands run
// as root here), WORKDIR /home/curl_user and the appliance's labels. It keeps Alpine's BusyBox and apk.
// Both scripts commit with `buildah commit --squash`: one layer, which shares nothing with alpine's
// (histories.ts). ~: digests, layer ID, sizes and date are placeholders. Its default command is no
// server: with no arguments curl complains and exits, so the image is marked like a shell's, which
// ends at once.
const curlImage: ImageInfo = {
  repository: 'curlimages/curl',
  tag: 'latest',
  aliases: ['8.21.0'],
  digest: 'sha256:4b1c6a0d3e8f2a7c9b5d1e3f6a8c0b2d4e6f8a1c3e5b7d9f0a2c4e6b8d0f2a4c',
  manifest: { digest: 'sha256:8e2a4c6b0d1f3a5c7e9b2d4f6a8c1e3b5d7f9a0c2e4b6d8f1a3c5e7b9d0f2a4e', size: 1118 },
  layers: [{ id: '7c1e9a3f5b2d', size: 12_760_391 }],
  created: '2026-07-01T12:52:16Z',
  contentSize: 12_760_391 + METADATA_BYTES,
  unpackedSize: 25_400_000,
  entrypoint: ['/entrypoint.sh'],
  cmd: ['curl'],
  env: [PATH, 'CURL_CA_BUNDLE=/cacert.pem'],
  labels: {
    'docker.cmd': 'podman run -it quay.io/curl/curl:8.21.0',
    maintainer: 'James Fuller <jim.fuller@webcomposite.com>',
    name: 'curl',
    'org.opencontainers.image.description': 'minimal image for curl',
    'org.opencontainers.image.licenses': 'MIT',
    'org.opencontainers.image.source': 'https://github.com/curl/curl-container',
    version: '8.21.0',
  },
  workingDir: '/home/curl_user',
  stopSignal: undefined,
  shell: true,
  stopsOnSigterm: false,
  exposed: [],
  volumes: [],
  os: { family: 'alpine', id: 'alpine', version: '3.24.1', codename: '', packageManager: 'apk', shell: 'sh' },
  // The curl it built, not Alpine's package: its own version in User-Agent (host-tools.ts).
  tools: { ...ALPINE_TOOLS, curl: 'curl-container' },
  packages: APK_PACKAGES,
  services: {},
};

// traefik/whoami v1.11.0: its Dockerfile builds the Go binary and copies it FROM scratch with
// /usr/share/zoneinfo and the CA bundle: ENTRYPOINT ["/whoami"], EXPOSE 80, no shell and no other
// program. BuildKit gives a scratch image the default PATH. ~: digests, layers, sizes and date are
// placeholders; the os record is BusyBox's only because the image has none (no programs use it).
const whoami: ImageInfo = {
  repository: 'traefik/whoami',
  tag: 'latest',
  aliases: ['v1.11', 'v1.11.0'],
  digest: 'sha256:1699d99cb4b9acc17f74ca670b3d8d0b7ba27c948b3445f0593b58ebece92f04',
  manifest: { digest: 'sha256:6d2ab0e8f4c1a3b5d7e9f0a2c4b6d8e1f3a5c7b9d0e2f4a6c8b1d3e5f7a9c0b2', size: 841 },
  layers: [
    { id: 'a1c3e5b7d9f0', size: 251_000 },
    { id: 'b2d4f6a8c0e1', size: 127_000 },
    { id: 'c3e5a7b9d1f2', size: 3_602_000 },
  ],
  created: '2025-02-17T14:12:04Z',
  contentSize: 3_980_000 + METADATA_BYTES,
  unpackedSize: 9_420_000,
  entrypoint: ['/whoami'],
  cmd: [],
  env: [PATH],
  labels: {},
  workingDir: '',
  stopSignal: undefined,
  shell: false,
  stopsOnSigterm: true,
  exposed: [80],
  volumes: [],
  os: { family: 'busybox', id: 'scratch', version: '', codename: '', packageManager: undefined, shell: 'sh' },
  tools: {},
  packages: {},
  services: {},
};

export const COMMUNITY_IMAGES: readonly ImageInfo[] = [netshoot, aplicacionweb, linuxtipsApache, curlImage, whoami];
