/**
 * The times tools print, from the simulated clock's milliseconds. Every machine's
 * zone is UTC, so each reads the UTC fields; the layouts are the tools' own.
 */

/** C's abbreviated day and month names (the C locale's %a and %b), which every tool's dates use. */
export const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const two = (value: number) => String(value).padStart(2, '0');
const clockOf = (date: Date) => `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
const wholeSecond = (ms: number) => new Date(Math.floor(ms / 1000) * 1000);

/**
 * C's ctime() without its newline, in UTC (the host's zone): `Thu Jan 15 09:30:00 2026`.
 * The day of the month is padded with a space (`Jan  5`), as asctime's `%3d` does (C11 7.27.3.1).
 */
export function cTime(ms: number): string {
  const date = wholeSecond(ms);
  const day = String(date.getUTCDate()).padStart(2, ' ');
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${day} ${clockOf(date)} ${date.getUTCFullYear()}`;
}

/** Apache's error-log time: `[Fri Apr 11 15:38:18.782006 2025]` (ap_recent_ctime_ex with AP_CTIME_OPTION_USEC). */
export function apacheTime(ms: number, micros: number): string {
  const date = new Date(ms);
  return `[${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${two(date.getUTCDate())} ${clockOf(date)}.${String(micros).padStart(6, '0')} ${date.getUTCFullYear()}]`;
}

/** dig's WHEN: strftime("%a %b %d %H:%M:%S %Z %Y"), in the host's zone (UTC). */
export function digWhen(ms: number): string {
  const date = wholeSecond(ms);
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${two(date.getUTCDate())} ${clockOf(date)} UTC ${date.getUTCFullYear()}`;
}

/** ngx_log_error's time: `2026/11/16 10:00:04`, UTC inside the container. */
export function nginxTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 19)}`;
}

/** An HTTP Date header value (RFC 9110 IMF-fixdate): `Thu, 15 Jan 2026 09:30:12 GMT`. */
export function httpDate(ms: number): string {
  return wholeSecond(ms).toUTCString();
}
