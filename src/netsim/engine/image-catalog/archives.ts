import type { ImageOs } from '../images';

/**
 * What an image's package repositories serve, as far as apt and apk print it:
 * the index files `apt update` fetches and, per package, its version, download
 * size and installed size. Package names and what they provide: toolsets.ts.
 *
 * ~: versions are those of Debian 13 (packages.debian.org/trixie) and Alpine's
 * edge of the images' dates as far as they were known; index and package sizes
 * are estimates of the right order. Only the requested package is installed:
 * dependency closures are left out, so apt never has extra packages to ask about.
 */
export interface ArchivedPackage {
  readonly version: string;
  /** Bytes of the .deb or .apk. */
  readonly download: number;
  /** Bytes once installed (Installed-Size, which apt counts in KiB). */
  readonly installed: number;
}

export interface AptIndex {
  /** `http://deb.debian.org/debian trixie InRelease`: what apt's Get: line names. */
  readonly description: string;
  readonly size: number;
}

export interface AptArchive {
  /** apt 3.0 and later print the new layout from `apt` (APT::Output-Version 30); older ones the classic. */
  readonly aptVersion: 2 | 3;
  readonly indexes: readonly AptIndex[];
  /** `http://deb.debian.org/debian trixie/main`: the Get: line of a .deb starts with it. */
  readonly pool: string;
  readonly packages: Readonly<Record<string, ArchivedPackage>>;
  /** Names apt resolves to another package that Provides them (`Note, selecting ... instead of ...`). */
  readonly provided: Readonly<Record<string, string>>;
  /** dpkg's database before any install: files and directories of the base image. */
  readonly databaseEntries: number;
  /** What statvfs reports free in the container's root (overlay2 on the host's disk). */
  readonly availableBytes: number;
}

export interface ApkArchive {
  readonly packages: Readonly<Record<string, ArchivedPackage>>;
  /** Packages and bytes the base image has installed (`OK: ... in N packages`). */
  readonly basePackages: number;
  readonly baseBytes: number;
}

const pkg = (version: string, download: number, installed: number): ArchivedPackage => ({
  version,
  download,
  installed,
});

const DEBIAN_PACKAGES: Record<string, ArchivedPackage> = {
  'iputils-ping': pkg('3:20240905-3', 48_396, 152_576),
  iproute2: pkg('6.15.0-1', 1_131_060, 3_594_240),
  'bind9-dnsutils': pkg('1:9.20.15-1~deb13u1', 167_552, 512_000),
  'bind9-host': pkg('1:9.20.15-1~deb13u1', 54_116, 153_600),
  curl: pkg('8.14.1-2', 269_352, 517_120),
  wget: pkg('1.25.0-2', 984_240, 3_831_808),
  'net-tools': pkg('2.10-1.3', 243_112, 1_025_024),
  procps: pkg('2:4.0.4-9', 880_964, 2_418_688),
  'netcat-openbsd': pkg('1.229-1', 43_540, 113_664),
  tcpdump: pkg('4.99.5-2', 493_488, 1_428_480),
  traceroute: pkg('1:2.1.6-1', 60_288, 175_104),
};

const trixieIndexes = (mirror: string, security: string, codename: string): AptIndex[] => [
  { description: `${mirror} ${codename} InRelease`, size: 140_000 },
  { description: `${mirror} ${codename}-updates InRelease`, size: 47_300 },
  { description: `${security} ${codename}-security InRelease`, size: 43_400 },
  { description: `${mirror} ${codename}/main amd64 Packages`, size: 9_670_000 },
  { description: `${mirror} ${codename}-updates/main amd64 Packages`, size: 5_412 },
  { description: `${security} ${codename}-security/main amd64 Packages`, size: 37_600 },
];

const ubuntuIndexes = (codename: string): AptIndex[] => [
  { description: `http://archive.ubuntu.com/ubuntu ${codename} InRelease`, size: 256_000 },
  { description: `http://archive.ubuntu.com/ubuntu ${codename}-updates InRelease`, size: 126_000 },
  { description: `http://archive.ubuntu.com/ubuntu ${codename}-backports InRelease`, size: 126_000 },
  { description: `http://security.ubuntu.com/ubuntu ${codename}-security InRelease`, size: 126_000 },
  { description: `http://archive.ubuntu.com/ubuntu ${codename}/main amd64 Packages`, size: 1_808_000 },
  { description: `http://archive.ubuntu.com/ubuntu ${codename}/universe amd64 Packages`, size: 19_300_000 },
];

/** Releases whose apt is 3.x: Debian 13 (apt 3.0) and Ubuntu 25.04 onwards. */
const APT_3 = new Set(['trixie', 'plucky', 'questing', 'resolute']);

/** The apt archive an image's sources.list points at. */
export function aptArchive(os: ImageOs): AptArchive {
  const indexes =
    os.id === 'ubuntu'
      ? ubuntuIndexes(os.codename)
      : trixieIndexes('http://deb.debian.org/debian', 'http://deb.debian.org/debian-security', os.codename);
  const pool =
    os.id === 'ubuntu'
      ? `http://archive.ubuntu.com/ubuntu ${os.codename}/main`
      : `http://deb.debian.org/debian ${os.codename}/main`;
  return {
    aptVersion: APT_3.has(os.codename) ? 3 : 2,
    indexes,
    pool,
    packages: DEBIAN_PACKAGES,
    provided: { dnsutils: 'bind9-dnsutils' },
    databaseEntries: os.id === 'ubuntu' ? 4_381 : 6_090,
    availableBytes: 52_100_000_000,
  };
}

/** Alpine's main and community repositories. */
export const ALPINE_ARCHIVE: ApkArchive = {
  packages: {
    iputils: pkg('20240905-r0', 60_000, 151_552),
    'iputils-ping': pkg('20240905-r0', 40_000, 94_208),
    iproute2: pkg('6.15.0-r0', 420_000, 1_064_960),
    'bind-tools': pkg('9.20.13-r0', 520_000, 1_507_328),
    curl: pkg('8.14.1-r1', 250_000, 274_432),
    wget: pkg('1.25.0-r1', 160_000, 499_712),
    'net-tools': pkg('2.10-r3', 150_000, 475_136),
    procps: pkg('4.0.4-r3', 250_000, 507_904),
    'procps-ng': pkg('4.0.4-r3', 250_000, 507_904),
    tcpdump: pkg('4.99.5-r1', 420_000, 1_150_976),
    bash: pkg('5.2.37-r0', 530_000, 1_212_416),
  },
  basePackages: 16,
  baseBytes: 8_450_000,
};
