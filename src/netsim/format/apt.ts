/**
 * apt's and dpkg's words, from apt 3.0.3's sources (apt-private/private-output.cc
 * ShowNew, ShowList, ShowWithColumns, Stats; private-install.cc's size lines;
 * acqprogress.cc's Get: and Fetched lines; apt-pkg/contrib/strutl.cc SizeToStr,
 * TimeToStr; error.cc's `E:`/`Error:` prefixes) and dpkg's unpack messages.
 * Output version 30 is what the `apt` binary of apt 3 prints; apt-get, and apt
 * before 3, print the classic layout. No colours: what a transcript keeps.
 */

/** The terminal's width (Docker's default pty is 80 columns), less the 3 apt keeps free. */
const SCREEN_WIDTH = 80 - 3;

export type AptLayout = 'v30' | 'classic';

export interface FetchRecord {
  /**
   * What each Get: line names (`http://... trixie InRelease`) and its size in
   * bytes; an item that failed has its method's error text instead (an Err: line).
   */
  readonly items: readonly { readonly description: string; readonly size: number; readonly error?: string }[];
  readonly elapsedMs: number;
}

export interface UpdateRecord extends FetchRecord {
  readonly layout: AptLayout;
  /** `apt update` reopens the cache and counts upgradable packages (APT::Cmd::Show-Update-Stats); apt-get does not. */
  readonly showStats: boolean;
}

export interface DebRecord {
  readonly name: string;
  readonly version: string;
  readonly download: number;
  readonly installed: number;
}

export interface InstallRecord {
  readonly layout: AptLayout;
  /** Requested names apt resolved to a package that provides them. */
  readonly selected: readonly { readonly requested: string; readonly chosen: string }[];
  readonly alreadyNewest: readonly { readonly name: string; readonly version: string }[];
  readonly fresh: readonly DebRecord[];
  /** `http://deb.debian.org/debian trixie/main`. */
  readonly pool: string;
  readonly databaseEntries: number;
  readonly availableBytes: number;
  readonly elapsedMs: number;
}

/** SizeToStr: decimal units, one decimal below 100, none below 10000, then the next unit. */
export function sizeToStr(size: number): string {
  const units = ['', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
  let value = Math.abs(size);
  for (let i = 0; i < units.length; i++) {
    if (value < 100 && i !== 0) return `${value.toFixed(1)} ${units[i]}`;
    if (value < 10000) return `${value.toFixed(0)} ${units[i]}`;
    value /= 1000;
  }
  return '';
}

/** TimeToStr for the seconds a fetch took. */
function timeToStr(seconds: number): string {
  if (seconds > 60) return `${Math.floor(seconds / 60)}min ${seconds % 60}s`;
  return `${seconds}s`;
}

/**
 * acqprogress.cc: a Get: line per item, or Err: and the error text indented on
 * the next line (AcqTextStatus::Fail); then, if anything came, the total with
 * the rate (Stop() prints nothing when FetchedBytes is 0).
 */
export function formatFetch({ items, elapsedMs }: FetchRecord): string {
  const lines = items
    .map((item, index) =>
      item.error === undefined
        ? `Get:${index + 1} ${item.description} [${sizeToStr(item.size)}B]\n`
        : `Err:${index + 1} ${item.description}\n  ${item.error}\n`,
    )
    .join('');
  const bytes = items.reduce((sum, item) => sum + (item.error === undefined ? item.size : 0), 0);
  if (bytes === 0) return lines;
  const rate = (bytes * 1000) / Math.max(elapsedMs, 1);
  return `${lines}Fetched ${sizeToStr(bytes)}B in ${timeToStr(Math.floor(elapsedMs / 1000))} (${sizeToStr(rate)}B/s)\n`;
}

/** `http://deb.debian.org/debian trixie InRelease` as the URI apt fetched: `http://deb.debian.org/debian/dists/trixie/InRelease`. */
function releaseUri(description: string): string {
  const [base, suite, file] = description.split(' ');
  return `${base}/dists/${suite}/${file}`;
}

/**
 * update.cc ListUpdate: a warning per item that failed with a transient
 * network error (`Failed to fetch URI  error`, two spaces), then the summary;
 * warnings do not make apt fail. `W:` or apt 3's `Warning:` (error.cc).
 */
export function formatUpdateWarnings(record: UpdateRecord): string {
  const failed = record.items.filter((item) => item.error !== undefined);
  if (failed.length === 0) return '';
  const prefix = record.layout === 'v30' ? 'Warning:' : 'W:';
  const lines = failed.map((item) => `${prefix} Failed to fetch ${releaseUri(item.description)}  ${item.error}`);
  return `${[...lines, `${prefix} Some index files failed to download. They have been ignored, or old ones used instead.`].join('\n')}\n`;
}

/** The cache opening apt prints before it works (pkgCacheFile with a text progress on a terminal). */
export function formatCacheOpen(): string {
  return 'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n';
}

/** `apt update` / `apt-get update`: the indexes, the cache rebuilt, and apt's count of upgradable packages (none: the image is current). */
export function formatUpdate(record: UpdateRecord): string {
  const stats = record.showStats
    ? `${formatCacheOpen().slice('Reading package lists... Done\n'.length)}All packages are up to date.\n`
    : '';
  return `${formatFetch(record)}Reading package lists... Done\n${stats}`;
}

/** `apt install`: what apt plans, the download, then dpkg's unpack and configure. */
export function formatInstall(record: InstallRecord): string {
  const notes = record.selected
    .map(({ requested, chosen }) => `Note, selecting '${chosen}' instead of '${requested}'\n`)
    .join('');
  const newest = record.alreadyNewest
    .map(({ name, version }) => `${name} is already the newest version (${version}).\n`)
    .join('');
  return `${formatCacheOpen()}${notes}${newest}${plan(record)}${record.fresh.length > 0 ? download(record) + dpkg(record) : ''}`;
}

function plan(record: InstallRecord): string {
  const names = record.fresh.map((deb) => deb.name);
  const v30 = record.layout === 'v30';
  const list =
    names.length === 0
      ? ''
      : v30
        ? `Installing:\n${showWithColumns(names, 2)}\n`
        : `The following NEW packages will be installed:\n${wrapped(names)}`;
  const counts = v30
    ? `Summary:\n  Upgrading: 0, Installing: ${names.length}, Removing: 0, Not Upgrading: 0\n`
    : `0 upgraded, ${names.length} newly installed, 0 to remove and 0 not upgraded.\n`;
  if (names.length === 0) return counts;
  const downloadBytes = record.fresh.reduce((sum, deb) => sum + deb.download, 0);
  const installedBytes = record.fresh.reduce((sum, deb) => sum + deb.installed, 0);
  const sizes = v30
    ? `  Download size: ${sizeToStr(downloadBytes)}B\n  Space needed: ${sizeToStr(installedBytes)}B / ${sizeToStr(record.availableBytes)}B available\n\n`
    : `Need to get ${sizeToStr(downloadBytes)}B of archives.\nAfter this operation, ${sizeToStr(installedBytes)}B of additional disk space will be used.\n`;
  return `${list}${counts}${sizes}`;
}

function download(record: InstallRecord): string {
  const items = record.fresh.map((deb) => ({
    description: `${record.pool} amd64 ${deb.name} amd64 ${deb.version}`,
    size: deb.download,
  }));
  return formatFetch({ items, elapsedMs: record.elapsedMs });
}

/** dpkg -i of the fetched archives: one database read, unpack all, then configure all. Several archives get apt's 00- prefixes. */
function dpkg(record: InstallRecord): string {
  const many = record.fresh.length > 1;
  const file = (deb: DebRecord, index: number) =>
    `.../${many ? `${String(index).padStart(2, '0')}-` : ''}${deb.name}_${deb.version.replace(':', '%3a')}_amd64.deb`;
  const unpack = record.fresh.map((deb, index) => {
    const database =
      index === 0
        ? `(Reading database ... ${record.databaseEntries} files and directories currently installed.)\n`
        : '';
    return `Selecting previously unselected package ${deb.name}.\n${database}Preparing to unpack ${file(deb, index)} ...\nUnpacking ${deb.name} (${deb.version}) ...\n`;
  });
  const setup = record.fresh.map((deb) => `Setting up ${deb.name} (${deb.version}) ...\n`);
  return [...unpack, ...setup].join('');
}

/** The classic list: names on lines of at most the screen width, indented by two. */
function wrapped(names: readonly string[]): string {
  let out = '';
  let used = 0;
  for (const name of names) {
    if (used === 0 || used + name.length >= SCREEN_WIDTH) {
      out += `${used === 0 ? '' : '\n'}  ${name}`;
      used = name.length;
    } else {
      out += ` ${name}`;
      used += name.length + 1;
    }
  }
  return `${out}\n`;
}

/** ShowWithColumns: the most columns (filled down, then across) that fit the screen, two spaces apart. */
export function showWithColumns(list: readonly string[], indent: number, screenWidth = SCREEN_WIDTH): string {
  const minWidth = 2;
  const space = 2;
  const maxCols = Math.min(Math.floor((screenWidth - indent) / minWidth), list.length);
  const columns = Array.from({ length: maxCols }, (_, i) => ({
    valid: true,
    lineWidth: (i + 1) * minWidth,
    widths: Array<number>(i + 1).fill(minWidth),
  }));
  list.forEach((name, i) => {
    columns.forEach((column, j) => {
      if (!column.valid) return;
      const index = Math.floor(i / Math.floor((list.length + j) / (j + 1)));
      const length = name.length + (index === j ? 0 : space);
      if (column.widths[index]! < length) {
        column.lineWidth += length - column.widths[index]!;
        column.widths[index] = length;
        column.valid = column.lineWidth < screenWidth;
      }
    });
  });
  let cols = maxCols;
  while (cols > 1 && !columns[cols - 1]!.valid) cols--;
  const rows = Math.ceil(list.length / cols);
  const format = columns[cols - 1]!;
  let out = '';
  for (let row = 0; row < rows; row++) {
    out += ' '.repeat(indent);
    for (let i = row, col = 0; ; col++) {
      out += list[i];
      const pad = format.widths[col]! - list[i]!.length;
      i += rows;
      if (i >= list.length) break;
      out += ' '.repeat(pad);
    }
    out += '\n';
  }
  return out;
}

/** GlobalError's prefix: `Error:` from apt 3's `apt`, `E:` otherwise. */
export function formatAptError(layout: AptLayout, message: string): string {
  return `${layout === 'v30' ? 'Error:' : 'E:'} ${message}\n`;
}
