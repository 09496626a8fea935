/** C's abbreviated day and month names (the C locale's %a and %b), which every tool's dates use. */
export const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const two = (value: number) => String(value).padStart(2, '0');

/**
 * C's ctime() without its newline, in UTC (the host's zone): `Thu Jan 15 09:30:00 2026`.
 * The day of the month is padded with a space (`Jan  5`), as asctime's `%3d` does (C11 7.27.3.1).
 */
export function cTime(ms: number): string {
  const date = new Date(Math.floor(ms / 1000) * 1000);
  const day = String(date.getUTCDate()).padStart(2, ' ');
  const clock = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${day} ${clock} ${date.getUTCFullYear()}`;
}
