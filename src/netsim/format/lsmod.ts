/**
 * kmod's lsmod (tools/lsmod.c, kmod 34): a fixed header, then per module
 * printf("%-19s %8ld  %d"), its holders after a space, comma-separated.
 */

export interface ModuleRecord {
  readonly name: string;
  readonly size: number;
  readonly holders: readonly string[];
  /** The reference count: the holders, plus users that are not modules (a netfilter hook, a socket). */
  readonly useCount: number;
}

export function formatLsmod(modules: readonly ModuleRecord[]): string {
  const rows = modules.map(
    ({ name, size, useCount, holders }) =>
      `${name.padEnd(19)} ${String(size).padStart(8)}  ${useCount}${holders.length > 0 ? ` ${holders.join(',')}` : ''}\n`,
  );
  return `Module                  Size  Used by\n${rows.join('')}`;
}
