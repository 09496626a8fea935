/**
 * Which programs an image has and which packages add more. Only programs lessons
 * use are listed; each maps to the package that provides it, which decides its
 * dialect (`busybox` or the full tool).
 *
 * Sources: Debian's and Ubuntu's package contents (packages.debian.org,
 * packages.ubuntu.com: `ping` is in iputils-ping, `ip`/`ss` in iproute2,
 * `dig`/`nslookup` in bind9-dnsutils, `host` in bind9-host, `netstat`/`ifconfig`
 * in net-tools, `ps` in procps); Alpine's (pkgs.alpinelinux.org: bind-tools,
 * iputils, iproute2, net-tools, procps-ng provides `procps`); the BusyBox
 * applets that Alpine's and docker-library's busybox builds enable.
 */

const provided = (provider: string, tools: readonly string[]): Record<string, string> =>
  Object.fromEntries(tools.map((tool) => [tool, provider]));

/**
 * What every image has as programs on PATH, not only as shell builtins: Debian's
 * coreutils package ships each in /usr/bin (merged /usr), and BusyBox's applets
 * of these names are enabled both in Alpine's build (aports
 * main/busybox/busyboxconfig: CONFIG_CAT, ECHO, HEAD, TAIL, WC, SORT, CUT, LS,
 * ENV, SLEEP, UNAME, TRUE, FALSE, PWD, DATE=y; installed as links by
 * `busybox --install -s`) and in the busybox image's (docker-library/busybox
 * Dockerfile-builder.template: `make defconfig`, `busybox --install /bin`).
 * So `docker run alpine echo hi` execs /bin/echo, as `sh -c 'echo hi'` runs the builtin.
 */
const TEXT_TOOLS = [
  'cat',
  'echo',
  'head',
  'tail',
  'wc',
  'sort',
  'cut',
  'ls',
  'env',
  'sleep',
  'uname',
  'true',
  'false',
  'pwd',
  'date',
  'mkdir',
  'touch',
  'rm',
  'rmdir',
  'cp',
  'mv',
  'tee',
  'ln',
  'seq',
  'printenv',
  'id',
  'whoami',
  'tr',
  'uniq',
  'basename',
  'dirname',
  'timeout',
  'nl',
];

/**
 * Filters lessons pipe into that Debian ships outside coreutils, each in an
 * Essential or Priority: required package and so in the debian image (findutils,
 * sed, mawk as awk, util-linux, ncurses-bin); BusyBox has an applet of each
 * name (Alpine's busyboxconfig: CONFIG_XARGS, SED, AWK, MORE, REV, CLEAR=y).
 */
const FILTERS: Readonly<Record<string, string>> = {
  xargs: 'findutils',
  sed: 'sed',
  awk: 'mawk',
  more: 'util-linux',
  rev: 'util-linux',
  clear: 'ncurses-bin',
};

/** BusyBox applets that lessons reach for, enabled in both Alpine's and docker-library's builds. */
const BUSYBOX_APPLETS = [
  ...TEXT_TOOLS,
  ...Object.keys(FILTERS),
  'less',
  'watch',
  'which',
  'sh',
  'ash',
  'grep',
  'hostname',
  'ping',
  'ping6',
  'ip',
  'ifconfig',
  'route',
  'netstat',
  'nslookup',
  'wget',
  'ps',
  'nc',
  'traceroute',
  'arp',
  'top',
  'kill',
];

/**
 * The busybox image: BusyBox and nothing else; its `make defconfig` build has
 * httpd too (networking/httpd.c: `config HTTPD default y`), which Alpine
 * moved to its busybox-extras package.
 */
export const BUSYBOX_TOOLS = provided('busybox', [...BUSYBOX_APPLETS, 'httpd']);

/** Alpine: BusyBox plus apk. */
export const ALPINE_TOOLS = { ...provided('busybox', BUSYBOX_APPLETS), apk: 'apk-tools' };

/**
 * A Debian or Ubuntu base image: bash, dash as sh, coreutils, grep, hostname,
 * libc-bin's getent (Priority: required) and apt. No ping, ip, ss, ps (procps is not in debian's
 * image), dig, curl or wget.
 */
export const DEBIAN_TOOLS = {
  ...provided('coreutils', TEXT_TOOLS),
  ...FILTERS,
  mawk: 'mawk',
  which: 'debianutils',
  bash: 'bash',
  sh: 'dash',
  grep: 'grep',
  hostname: 'hostname',
  getent: 'libc-bin',
  apt: 'apt',
  'apt-get': 'apt',
};

/** Ubuntu's image also ships procps (`ps`), which Debian's leaves out. */
export const UBUNTU_TOOLS = {
  ...DEBIAN_TOOLS,
  ...provided('procps', ['ps', 'top', 'free', 'pgrep', 'pkill', 'watch']),
};

/** What `apt install` adds on Debian 13 and Ubuntu: package -> tools (dnsutils is the transitional name of bind9-dnsutils, and pulls bind9-host). */
export const APT_PACKAGES: Readonly<Record<string, readonly string[]>> = {
  // Debian 13's iputils-ping installs /usr/bin/ping6 beside ping (packages.debian.org/trixie/amd64/iputils-ping/filelist).
  'iputils-ping': ['ping', 'ping6'],
  iproute2: ['ip', 'ss', 'bridge'],
  dnsutils: ['dig', 'nslookup', 'nsupdate', 'host'],
  'bind9-dnsutils': ['dig', 'nslookup', 'nsupdate', 'host'],
  'bind9-host': ['host'],
  curl: ['curl'],
  wget: ['wget'],
  'net-tools': ['netstat', 'ifconfig', 'route', 'arp'],
  procps: ['ps', 'top', 'free', 'pgrep', 'pkill', 'watch'],
  'netcat-openbsd': ['nc'],
  tcpdump: ['tcpdump'],
  traceroute: ['traceroute'],
};

/** What `apk add` adds on Alpine: the full tools replace BusyBox's applets of the same name. */
export const APK_PACKAGES: Readonly<Record<string, readonly string[]>> = {
  iputils: ['ping', 'ping6'],
  'iputils-ping': ['ping'],
  iproute2: ['ip', 'ss', 'bridge'],
  'bind-tools': ['dig', 'nslookup', 'host'],
  curl: ['curl'],
  wget: ['wget'],
  'net-tools': ['netstat', 'ifconfig', 'route', 'arp'],
  procps: ['ps', 'top', 'free', 'pgrep', 'pkill', 'watch'],
  'procps-ng': ['ps', 'top', 'free', 'pgrep', 'pkill', 'watch'],
  tcpdump: ['tcpdump'],
  bash: ['bash'],
};

/** The tools a package brings, keyed by the providing package (dnsutils' tools come from bind9-dnsutils). */
export function toolsOf(
  packages: Readonly<Record<string, readonly string[]>>,
  name: string,
): Record<string, string> | undefined {
  const tools = packages[name];
  if (!tools) return undefined;
  const provider =
    name === 'dnsutils'
      ? 'bind9-dnsutils'
      : name === 'iputils'
        ? 'iputils-ping'
        : name === 'procps-ng'
          ? 'procps'
          : name;
  return provided(provider, tools);
}

export { provided };
