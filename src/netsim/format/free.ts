/**
 * procps' free (src/free.c, procps-ng 4.0.4): a header of right-aligned
 * columns, then `Mem:` and `Swap:` rows, each value in a field of 11 after a
 * space, the label in 8. With -h, scale_size: the value in bytes if it fits
 * in 4 characters, else the first unit (Ki, Mi, Gi...) where `%.1f` or else
 * `%ld` (truncated) fits in 5 (tests/netsim/golden/apt/free-h.txt).
 */

/** /proc/meminfo's figures free prints, in KiB. */
export interface MemoryRecord {
  readonly totalKb: number;
  readonly usedKb: number;
  readonly freeKb: number;
  readonly sharedKb: number;
  readonly buffCacheKb: number;
  readonly availableKb: number;
  readonly swapTotalKb: number;
  readonly swapUsedKb: number;
}

const HEADER = '               total        used        free      shared  buff/cache   available\n';

/** scale_size of free.c for -h (powers of 1024, `i` after the unit). */
export function freeHumanSize(kb: number): string {
  const bytes = kb * 1024;
  if (`${bytes}B`.length <= 4) return `${bytes}B`;
  const units = ['K', 'M', 'G', 'T', 'P'];
  for (let i = 0; i < units.length; i++) {
    const scaled = bytes / 1024 ** (i + 1);
    const decimal = `${scaled.toFixed(1)}${units[i]}i`;
    if (decimal.length <= 5) return decimal;
    const whole = `${Math.trunc(scaled)}${units[i]}i`;
    if (whole.length <= 5) return whole;
  }
  return `${bytes}B`;
}

export function formatFree(memory: MemoryRecord, human: boolean): string {
  const cell = (kb: number) => ` ${(human ? freeHumanSize(kb) : String(kb)).padStart(11)}`;
  const row = (label: string, values: readonly number[]) => `${label.padEnd(8)}${values.map(cell).join('')}\n`;
  const { totalKb, usedKb, freeKb, sharedKb, buffCacheKb, availableKb, swapTotalKb, swapUsedKb } = memory;
  return (
    HEADER +
    row('Mem:', [totalKb, usedKb, freeKb, sharedKb, buffCacheKb, availableKb]) +
    row('Swap:', [swapTotalKb, swapUsedKb, swapTotalKb - swapUsedKb])
  );
}
