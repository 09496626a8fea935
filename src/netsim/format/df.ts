/**
 * coreutils' df (src/df.c): columns Filesystem (at least 14 wide, left),
 * Size, Used, Avail (at least 5, right), Use% (at least 4, right) and
 * Mounted on, one space apart, each as wide as its widest cell; the last
 * column is not padded. Use% is used / (used + available), rounded up. With
 * -h, human_readable (lib/human.c) in powers of 1024, rounded up, one decimal
 * below 10 (tests/netsim/golden/apt/df-h.txt).
 */

/** A mounted file system as statfs reports it, in 1K blocks. */
export interface MountRecord {
  readonly source: string;
  readonly target: string;
  readonly sizeKb: number;
  readonly usedKb: number;
  readonly availableKb: number;
}

/** human_readable with human_ceiling | human_autoscale | human_base_1024, the block size 1024. */
export function dfHumanSize(kb: number): string {
  let value = kb * 1024;
  if (value < 1024) return String(value);
  const units = ['K', 'M', 'G', 'T', 'P', 'E'];
  let unit = -1;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (value < 10) {
    const tenths = Math.ceil(value * 10 - 1e-9) / 10;
    if (tenths < 10) return `${tenths.toFixed(1)}${units[unit]}`;
    value = 10;
  }
  const whole = Math.ceil(value - 1e-9);
  return whole >= 1024 && unit < units.length - 1 ? `1.0${units[unit + 1]}` : `${whole}${units[unit]}`;
}

function percent({ usedKb, availableKb }: MountRecord): string {
  const total = usedKb + availableKb;
  return total === 0 ? '-' : `${Math.ceil((usedKb * 100) / total - 1e-9)}%`;
}

export function formatDf(mounts: readonly MountRecord[], human: boolean): string {
  const size = (kb: number) => (human ? dfHumanSize(kb) : String(kb));
  const header = [
    'Filesystem',
    human ? 'Size' : '1K-blocks',
    'Used',
    human ? 'Avail' : 'Available',
    'Use%',
    'Mounted on',
  ];
  const rows = [
    header,
    ...mounts.map((mount) => [
      mount.source,
      size(mount.sizeKb),
      size(mount.usedKb),
      size(mount.availableKb),
      percent(mount),
      mount.target,
    ]),
  ];
  const minimum = [14, 5, 5, 5, 4, 0];
  const widths = minimum.map((least, column) => Math.max(least, ...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          column === 5 ? cell : column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!),
        )
        .join(' '),
    )
    .map((line) => `${line}\n`)
    .join('');
}
