import { DAYS, MONTHS } from '../wire/time-text';

const FULL_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const FULL_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (value: number, width = 2, fill = '0') => String(value).padStart(width, fill);

/** The conversions of C's strftime in the C locale and the UTC zone (C11 7.27.3.5, glibc's %s, %e, %k): the ones `date +FORMAT` is given. */
const CONVERSIONS: Readonly<Record<string, (date: Date) => string>> = {
  a: (d) => DAYS[d.getUTCDay()]!,
  A: (d) => FULL_DAYS[d.getUTCDay()]!,
  b: (d) => MONTHS[d.getUTCMonth()]!,
  h: (d) => MONTHS[d.getUTCMonth()]!,
  B: (d) => FULL_MONTHS[d.getUTCMonth()]!,
  d: (d) => pad(d.getUTCDate()),
  e: (d) => pad(d.getUTCDate(), 2, ' '),
  H: (d) => pad(d.getUTCHours()),
  k: (d) => pad(d.getUTCHours(), 2, ' '),
  I: (d) => pad(((d.getUTCHours() + 11) % 12) + 1),
  p: (d) => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
  M: (d) => pad(d.getUTCMinutes()),
  S: (d) => pad(d.getUTCSeconds()),
  m: (d) => pad(d.getUTCMonth() + 1),
  y: (d) => pad(d.getUTCFullYear() % 100),
  Y: (d) => String(d.getUTCFullYear()),
  j: (d) => pad(Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1, 3),
  u: (d) => String(d.getUTCDay() || 7),
  w: (d) => String(d.getUTCDay()),
  s: (d) => String(Math.floor(d.getTime() / 1000)),
  Z: () => 'UTC',
  z: () => '+0000',
  T: (d) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
  R: (d) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  F: (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
  D: (d) => `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCFullYear() % 100)}`,
  n: () => '\n',
  t: () => '\t',
  '%': () => '%',
};

/** `format` with each known conversion replaced; an unknown one is left as written, as glibc does. */
export function strftime(format: string, ms: number): string {
  const date = new Date(Math.floor(ms / 1000) * 1000);
  return format.replace(/%(.)/gs, (whole, letter: string) => CONVERSIONS[letter]?.(date) ?? whole);
}

/** date's default: `%a %b %e %H:%M:%S %Z %Y` (BusyBox coreutils/date.c; the C locale's date_fmt, which GNU date uses). */
export const DATE_DEFAULT_FORMAT = '%a %b %e %H:%M:%S %Z %Y';
/** `date -R`: RFC 5322 (both dates). */
export const DATE_RFC_5322_FORMAT = '%a, %d %b %Y %H:%M:%S %z';
