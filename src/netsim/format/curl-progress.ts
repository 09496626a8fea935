/**
 * curl's progress meter (lib/progress.c at curl-8_14_1, progress_meter): two
 * header lines, then frames that each start with `\r` and redraw one line.
 */

export const PROGRESS_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** What one frame shows of a download (nothing is uploaded). */
export interface ProgressFrame {
  /** Content-Length when the headers gave one. */
  readonly expected: number | undefined;
  readonly received: number;
  /** Average download speed, bytes/s. */
  readonly speed: number;
  /** The "Current" column: the speed when it was last computed, once a second. */
  readonly currentSpeed: number;
  readonly spentSeconds: number;
}

/** max5data: a size or speed in at most 5 characters, with k/M/G suffixes in units of 1024. */
export function max5data(bytes: number): string {
  const KB = 1024;
  const MB = KB * KB;
  const GB = MB * KB;
  if (bytes < 100000) return String(bytes).padStart(5);
  if (bytes < 10000 * KB) return `${String(Math.floor(bytes / KB)).padStart(4)}k`;
  if (bytes < 100 * MB) return `${String(Math.floor(bytes / MB)).padStart(2)}.${Math.floor((bytes % MB) / (MB / 10))}M`;
  if (bytes < 10000 * MB) return `${String(Math.floor(bytes / MB)).padStart(4)}M`;
  if (bytes < 100 * GB) return `${String(Math.floor(bytes / GB)).padStart(2)}.${Math.floor((bytes % GB) / (GB / 10))}G`;
  return `${String(Math.floor(bytes / GB)).padStart(4)}G`;
}

/** time2str: `--:--:--` for nothing, else `%2d:%02d:%02d`. */
export function time2str(seconds: number): string {
  if (seconds <= 0) return '--:--:--';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** pgrs_est_percent. */
function percent(total: number, current: number): number {
  if (total > 10000) return Math.floor(current / Math.floor(total / 100));
  return total > 0 ? Math.floor((current * 100) / total) : 0;
}

/** One `\r` frame. Estimates exist only once the speed is above 0 (pgrs_estimates). */
export function progressFrame(frame: ProgressFrame): string {
  const known = frame.expected !== undefined && frame.speed > 0;
  const total = frame.expected ?? frame.received;
  const estimatedSeconds = known ? Math.floor(total / frame.speed) : 0;
  const left = estimatedSeconds > 0 ? estimatedSeconds - frame.spentSeconds : 0;
  const pct = (n: number) => String(n).padStart(3);
  return (
    `\r${pct(percent(total, frame.received))} ${max5data(total)}  ${pct(known ? percent(total, frame.received) : 0)} ${max5data(frame.received)}  ${pct(0)} ${max5data(0)}  ` +
    `${max5data(frame.speed)}  ${max5data(0)} ${time2str(estimatedSeconds)} ${time2str(frame.spentSeconds)} ${time2str(left)} ${max5data(frame.currentSpeed)}`
  );
}
