import type { FileLayer, Inode } from '../../kernel/filesystem';
import type { ImageInfo } from '../images';
import { mariadbWordpress } from '../mariadb-wordpress-loader';

/**
 * An image's files as the container sees them before it writes anything: the
 * directories every image has, /etc/os-release, and a file on PATH for each
 * program of `tools` (only the programs lessons use are listed, so `ls /bin`
 * shows those, not the hundreds a real image has). Regular files of the
 * image carry its creation time.
 */

/** Directories of the Filesystem Hierarchy Standard that Debian's and Alpine's base layouts create, with their modes. */
const COMMON_DIRECTORIES: Readonly<Record<string, number>> = {
  '/': 0o755,
  '/dev': 0o755,
  '/etc': 0o755,
  '/home': 0o755,
  '/media': 0o755,
  '/mnt': 0o755,
  '/opt': 0o755,
  '/proc': 0o555,
  '/root': 0o700,
  '/run': 0o755,
  '/srv': 0o755,
  '/sys': 0o555,
  '/tmp': 0o1777,
  '/usr': 0o755,
  '/usr/bin': 0o755,
  '/usr/lib': 0o755,
  '/usr/local': 0o755,
  '/usr/local/bin': 0o755,
  '/usr/sbin': 0o755,
  '/usr/share': 0o755,
  '/var': 0o755,
  '/var/lib': 0o755,
  '/var/log': 0o755,
  '/var/tmp': 0o1777,
};

/**
 * Debian 13's merged /usr (usrmerge is built in since bookworm's debootstrap):
 * /bin, /sbin, /lib and /lib64 are links into /usr, and there is a /boot.
 * /var/run is base-files' link to /run (FHS 3.0), where /run/netns lives.
 */
const DEBIAN_LINKS: Readonly<Record<string, string>> = {
  '/bin': 'usr/bin',
  '/sbin': 'usr/sbin',
  '/lib': 'usr/lib',
  '/lib64': 'usr/lib64',
  '/var/run': '/run',
};

/**
 * Debian 13's /usr/lib/os-release (base-files 13.x; /etc/os-release links to
 * it), as `cat /etc/os-release` prints it on trixie hosts and images of 13.4.
 */
export const DEBIAN_TRIXIE_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 13 (trixie)"
NAME="Debian GNU/Linux"
VERSION_ID="13"
VERSION="13 (trixie)"
VERSION_CODENAME=trixie
DEBIAN_VERSION_FULL=13.4
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

/** Alpine's /etc/os-release (aports main/alpine-release), here for its VERSION_ID. */
function alpineOsRelease(version: string): string {
  const minor = version.split('.').slice(0, 2).join('.');
  return `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${version}\nPRETTY_NAME="Alpine Linux v${minor}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`;
}

/**
 * Where `busybox --install -s` puts each applet that lessons use (BusyBox's
 * `//applet:` lines: BB_DIR_BIN, BB_DIR_SBIN, BB_DIR_USR_BIN), as Alpine installs them;
 * the rest go to /usr/bin.
 */
const BUSYBOX_APPLET_DIRS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    [
      'cat',
      'echo',
      'ls',
      'sleep',
      'uname',
      'true',
      'false',
      'pwd',
      'date',
      'sh',
      'ash',
      'grep',
      'hostname',
      'ping',
      'ping6',
      'netstat',
      'ps',
      'kill',
      'mkdir',
      'touch',
      'rm',
      'cp',
      'mv',
      'printenv',
      'rmdir',
      'ln',
      'busybox',
    ].map((name) => [name, '/bin']),
  ),
  ...Object.fromEntries(['ip', 'ifconfig', 'route', 'arp'].map((name) => [name, '/sbin'])),
};

/**
 * Debian puts the programs its packages install in /usr/bin, the administrator's ones in /usr/sbin
 * (iptables', iproute2's bridge, bridge-utils' brctl, net-tools', procps' sysctl, init-system-helpers'
 * service; their packages' file lists): the host's disk and its shell's lookup both read this one list.
 */
const DEBIAN_SBIN = new Set([
  'iptables',
  'iptables-save',
  'iptables-restore',
  'ip6tables',
  'ip6tables-save',
  'nft',
  'bridge',
  'brctl',
  'ifconfig',
  'route',
  'arp',
  'sysctl',
  'service',
]);

export function programDirectory(tool: string, family: ImageInfo['os']['family']): string {
  if (family === 'debian') return DEBIAN_SBIN.has(tool) ? '/usr/sbin' : '/usr/bin';
  // The busybox image installs every applet in /bin (docker-library/busybox: `busybox --install /bin`).
  if (family === 'busybox') return '/bin';
  return BUSYBOX_APPLET_DIRS[tool] ?? '/usr/bin';
}

/** A layer under construction: directories, files and links of one owner (root) at one time. */
export class LayerBuilder {
  readonly files: Record<string, Inode> = {};

  constructor(private readonly mtimeMs: number) {}

  dir(path: string, mode = 0o755, uid = 0): this {
    this.files[path] = { kind: 'dir', mode, uid, gid: uid, mtimeMs: this.mtimeMs };
    return this;
  }

  file(path: string, content: string, mode = 0o644): this {
    this.files[path] = { kind: 'file', mode, uid: 0, gid: 0, mtimeMs: this.mtimeMs, content };
    return this;
  }

  /** /dev/null, crw-rw-rw- 1, 3, which Docker's /dev (a tmpfs runc fills) and the host's devtmpfs both have. */
  nullDevice(): this {
    this.files['/dev/null'] = {
      kind: 'device',
      major: 1,
      minor: 3,
      mode: 0o666,
      uid: 0,
      gid: 0,
      mtimeMs: this.mtimeMs,
    };
    return this;
  }

  link(path: string, target: string): this {
    this.files[path] = { kind: 'symlink', mode: 0o777, uid: 0, gid: 0, mtimeMs: this.mtimeMs, target };
    return this;
  }

  /** Programs as files on PATH; their content stands for the binary, which no one reads here. */
  programs(tools: readonly string[], directoryOf: (tool: string) => string): this {
    for (const tool of tools) this.file(`${directoryOf(tool)}/${tool}`, '', 0o755);
    return this;
  }
}

/** The base layout of a Debian 13 system: the image's, and the host's before what the installer adds. */
export function debianBase(builder: LayerBuilder): LayerBuilder {
  for (const [path, mode] of Object.entries(COMMON_DIRECTORIES)) builder.dir(path, mode);
  builder.dir('/boot').dir('/usr/lib64').dir('/etc/init.d').nullDevice();
  for (const [path, target] of Object.entries(DEBIAN_LINKS)) builder.link(path, target);
  builder.file('/etc/passwd', DEBIAN_PASSWD).file('/etc/group', DEBIAN_GROUP);
  return builder.file('/usr/lib/os-release', DEBIAN_TRIXIE_OS_RELEASE).link('/etc/os-release', '../usr/lib/os-release');
}

/** Debian's /etc/passwd and /etc/group as base-passwd (3.6) installs them from its master files, `x` for the password. */
export const DEBIAN_PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`;
export const DEBIAN_GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
news:x:9:
uucp:x:10:
man:x:12:
proxy:x:13:
kmem:x:15:
dialout:x:20:
fax:x:21:
voice:x:22:
cdrom:x:24:
floppy:x:25:
tape:x:26:
sudo:x:27:
audio:x:29:
dip:x:30:
www-data:x:33:
backup:x:34:
operator:x:37:
list:x:38:
irc:x:39:
src:x:40:
shadow:x:42:
utmp:x:43:
video:x:44:
sasl:x:45:
plugdev:x:46:
staff:x:50:
games:x:60:
users:x:100:
nogroup:x:65534:
`;

const cache = new Map<string, FileLayer>();

/** The image's own files (its lower layer), built once per image. */
export function imageRootfs(image: ImageInfo): FileLayer {
  const key = `${image.repository}:${image.tag}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const builder = new LayerBuilder(Date.parse(image.created));
  const family = image.os.family;
  if (family === 'debian') {
    debianBase(builder);
    // Ubuntu's image has an os-release of its own, not modelled: Debian's is not claimed for it.
    if (image.os.id !== 'debian') {
      delete builder.files['/usr/lib/os-release'];
      delete builder.files['/etc/os-release'];
    }
  } else {
    for (const [path, mode] of Object.entries(COMMON_DIRECTORIES)) builder.dir(path, mode);
    builder.dir('/bin').dir('/sbin').dir('/lib').dir('/etc/init.d').nullDevice();
    // Alpine's alpine-release package writes /etc/os-release; the busybox image has none.
    if (family === 'alpine') builder.file('/etc/os-release', alpineOsRelease(image.os.version));
  }
  // wordpress: the php image's DocumentRoot (docker-library/php apache Dockerfile: www-data, 33, mode 1777) and the template docker-entrypoint.sh copies.
  if (image.repository === 'wordpress')
    builder
      .dir('/var/www', 0o755)
      .dir('/var/www/html', 0o1777, 33)
      .dir('/usr/src')
      .dir('/usr/src/wordpress', 0o755, 33)
      .file('/usr/src/wordpress/wp-config-docker.php', mariadbWordpress().WP_CONFIG_DOCKER);
  // mariadb: the server's configuration as its Dockerfile leaves it (mariadb-config.ts).
  if (image.repository === 'mariadb')
    builder
      .dir('/etc/mysql')
      .dir('/etc/mysql/mariadb.conf.d')
      .dir('/etc/mysql/conf.d')
      .file('/etc/mysql/mariadb.conf.d/50-server.cnf', mariadbWordpress().MARIADB_50_SERVER_CNF)
      .file('/etc/mysql/mariadb.conf.d/05-skipcache.cnf', mariadbWordpress().MARIADB_05_SKIPCACHE_CNF);
  const tools = Object.keys(image.tools);
  builder.programs(family === 'debian' ? tools : [...tools, 'busybox'], (tool) => programDirectory(tool, family));
  const layer: FileLayer = builder.files;
  cache.set(key, layer);
  return layer;
}
