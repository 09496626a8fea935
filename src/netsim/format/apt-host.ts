import { formatFetch, showWithColumns, sizeToStr, type DebRecord, type FetchRecord, type InstallRecord } from './apt';

/**
 * apt 3.0 on the Debian 13 host, as captured in a trixie chroot
 * (tests/netsim/golden/apt): `apt` (output version 30) or `apt-get` (the
 * classic layout), with stdout a terminal or not. On a terminal apt's
 * progress lines are redrawn in place: `apt` erases its "Reading package
 * lists" lines once done, apt-get leaves them with "Done"; what is printed
 * here is what the terminal shows once they are drawn, colours left out. Not
 * on a terminal, they stay without "Done". dpkg runs on apt's pseudo-terminal
 * either way: its lines end in \r\n, and into a pipe its "Reading database"
 * percentages stay, each ended by \r.
 */
export interface AptOutput {
  readonly binary: 'apt' | 'apt-get';
  readonly terminal: boolean;
}

/** apt-private/private-cmndline.cc: `apt` says so on stderr when its stdout is not a terminal. */
export function aptCliWarning({ binary, terminal }: AptOutput): string {
  return binary === 'apt' && !terminal
    ? '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n'
    : '';
}

/** The cache opening (OpTextProgress): erased by `apt` on a terminal, "... Done" from apt-get there, bare into a pipe. */
export function formatCacheOpening({ binary, terminal }: AptOutput, steps = 3): string {
  if (terminal && binary === 'apt') return '';
  const done = terminal ? ' Done' : '';
  return ['Reading package lists...', 'Building dependency tree...', 'Reading state information...']
    .slice(0, steps)
    .map((step) => `${step}${done}\n`)
    .join('');
}

/** GlobalError's prefix: `Error:`/`Warning:` from apt 3's `apt`, `E:`/`W:` from apt-get. */
export function aptErrors(output: AptOutput, messages: readonly string[], kind: 'error' | 'warning' = 'error'): string {
  const prefix = output.binary === 'apt' ? (kind === 'error' ? 'Error:' : 'Warning:') : kind === 'error' ? 'E:' : 'W:';
  return messages.map((message) => `${prefix} ${message}\n`).join('');
}

/** `apt update`: the index files, the cache (only apt reopens it, to count upgradable packages). */
export function formatHostUpdate(output: AptOutput, fetch: FetchRecord): string {
  const lists = formatCacheOpening(output, output.binary === 'apt' ? 3 : 1);
  const stats = output.binary === 'apt' ? 'All packages are up to date.\n' : '';
  return `${formatFetch(fetch)}${lists}${stats}`;
}

/** A package the host installs: a container's, with the lines its maintainer scripts print. */
export interface HostDeb extends DebRecord {
  readonly setupLines: readonly string[];
}

/** A container's install record without its layout: the host's apt picks it from the binary's name. */
export interface HostInstallRecord extends Omit<InstallRecord, 'layout' | 'fresh'> {
  readonly fresh: readonly HostDeb[];
}

export function formatHostInstall(output: AptOutput, record: HostInstallRecord): string {
  const notes = record.selected
    .map(({ requested, chosen }) => `Note, selecting '${chosen}' instead of '${requested}'\n`)
    .join('');
  const newest = record.alreadyNewest
    .map(({ name, version }) => `${name} is already the newest version (${version}).\n`)
    .join('');
  const names = record.fresh.map((deb) => deb.name);
  const download = record.fresh.reduce((sum, deb) => sum + deb.download, 0);
  const installed = record.fresh.reduce((sum, deb) => sum + deb.installed, 0);
  const v30 = output.binary === 'apt';
  const plan =
    names.length === 0
      ? counts(output, 0, 0)
      : v30
        ? `Installing:\n${showWithColumns(names, 2)}\n${counts(output, names.length, 0)}  Download size: ${sizeToStr(download)}B\n  Space needed: ${sizeToStr(installed)}B / ${sizeToStr(record.availableBytes)}B available\n\n`
        : `The following NEW packages will be installed:\n  ${names.join(' ')}\n${counts(output, names.length, 0)}Need to get ${sizeToStr(download)}B of archives.\nAfter this operation, ${sizeToStr(installed)}B of additional disk space will be used.\n`;
  if (names.length === 0) return `${formatCacheOpening(output)}${notes}${newest}${plan}`;
  const items = record.fresh.map((deb) => ({
    description: `${record.pool} amd64 ${deb.name} amd64 ${deb.version}`,
    size: deb.download,
  }));
  return `${formatCacheOpening(output)}${notes}${newest}${plan}${formatFetch({ items, elapsedMs: record.elapsedMs })}${dpkgInstall(output, record)}`;
}

export interface HostRemoveRecord {
  readonly notInstalled: readonly string[];
  readonly removed: readonly { readonly name: string; readonly version: string; readonly installed: number }[];
  readonly databaseEntries: number;
}

export function formatHostRemove(output: AptOutput, record: HostRemoveRecord): string {
  const absent = record.notInstalled.map((name) => `Package '${name}' is not installed, so not removed\n`).join('');
  const names = record.removed.map((deb) => deb.name);
  const freed = sizeToStr(record.removed.reduce((sum, deb) => sum + deb.installed, 0));
  const plan =
    names.length === 0
      ? counts(output, 0, 0)
      : output.binary === 'apt'
        ? `REMOVING:\n${showWithColumns(names, 2)}\n${counts(output, 0, names.length)}  Freed space: ${freed}B\n\n`
        : `The following packages will be REMOVED:\n  ${names.join(' ')}\n${counts(output, 0, names.length)}After this operation, ${freed}B disk space will be freed.\n`;
  if (names.length === 0) return `${formatCacheOpening(output)}${absent}${plan}`;
  const dpkg = [
    readingDatabase(output, record.databaseEntries),
    ...record.removed.map((deb) => `Removing ${deb.name} (${deb.version}) ...\r\n`),
  ];
  return `${formatCacheOpening(output)}${absent}${plan}${terminalLines(output, dpkg.join(''))}`;
}

/** The summary: apt 3's `Summary:` block, or apt-get's one line. */
function counts(output: AptOutput, installing: number, removing: number): string {
  return output.binary === 'apt'
    ? `Summary:\n  Upgrading: 0, Installing: ${installing}, Removing: ${removing}, Not Upgrading: 0\n`
    : `0 upgraded, ${installing} newly installed, ${removing} to remove and 0 not upgraded.\n`;
}

/** dpkg's unpack and configure of the fetched archives, on apt's pseudo-terminal. */
function dpkgInstall(output: AptOutput, record: HostInstallRecord): string {
  const many = record.fresh.length > 1;
  const file = (deb: HostDeb, index: number) =>
    `.../${many ? `${String(index).padStart(2, '0')}-` : ''}${deb.name}_${deb.version.replace(':', '%3a')}_amd64.deb`;
  const unpack = record.fresh.map(
    (deb, index) =>
      `Selecting previously unselected package ${deb.name}.\r\n${index === 0 ? readingDatabase(output, record.databaseEntries) : ''}Preparing to unpack ${file(deb, index)} ...\r\nUnpacking ${deb.name} (${deb.version}) ...\r\n`,
  );
  const setup = record.fresh.map(
    (deb) => `Setting up ${deb.name} (${deb.version}) ...\r\n${deb.setupLines.map((line) => `${line}\r\n`).join('')}`,
  );
  return terminalLines(output, [...unpack, ...setup].join(''));
}

/** dpkg's database read (src/main/archives.c ensure_allinstfiles_available): a percentage every 5%, \r-ended, then the count. */
function readingDatabase(output: AptOutput, entries: number): string {
  const progress = output.terminal
    ? ''
    : `(Reading database ... \r${Array.from({ length: 20 }, (_, i) => `(Reading database ... ${(i + 1) * 5}%\r`).join('')}`;
  return `${progress}(Reading database ... ${entries} files and directories currently installed.)\r\n`;
}

/** What a terminal shows of dpkg's \r\n lines: the lines themselves. */
function terminalLines(output: AptOutput, text: string): string {
  return output.terminal ? text.replace(/\r\n/g, '\n') : text;
}
