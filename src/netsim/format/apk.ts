/**
 * apk-tools 3's words (v3.0.6 src/commit.c print_change and the final OK line,
 * src/print.c apk_fmt_human_size; test/solver/error4.test for an unknown name).
 * The index fetches are progress notes a terminal overwrites, so a transcript
 * keeps none of them.
 */

export interface ApkAddRecord {
  /** New packages in install order, with their versions. */
  readonly fresh: readonly { readonly name: string; readonly version: string }[];
  /** Installed afterwards: packages and bytes. */
  readonly totalPackages: number;
  readonly totalBytes: number;
}

/** apk_fmt_human_size(..., 1): divide by 1024 while at least 10000; B and KiB as integers, larger units with one decimal. */
export function apkHumanSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let scaled = bytes;
  let whole = bytes;
  let i = 0;
  for (; i < units.length - 1 && scaled >= 10000; i++) {
    scaled /= 1024;
    whole = Math.floor(whole / 1024);
  }
  return i < 2 ? `${whole} ${units[i]}` : `${scaled.toFixed(1)} ${units[i]}`;
}

/** `(1/2) Installing name (version)` with the counter padded to the total's digits, then `OK: <size> in <n> packages`. */
export function formatApkAdd({ fresh, totalPackages, totalBytes }: ApkAddRecord): string {
  const digits = String(fresh.length).length;
  const changes = fresh
    .map(
      (pkg, index) =>
        `(${String(index + 1).padStart(digits)}/${fresh.length}) Installing ${pkg.name} (${pkg.version})\n`,
    )
    .join('');
  return `${changes}OK: ${apkHumanSize(totalBytes)} in ${totalPackages} packages\n`;
}

/** The solver's error for names no repository has. */
export function formatApkUnknown(names: readonly string[]): string {
  return `ERROR: unable to select packages:\n${names.map((name) => `  ${name} (no such package):\n    required by: world[${name}]\n`).join('')}`;
}
