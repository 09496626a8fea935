/**
 * Go's time.Time.String() in UTC, the zone of the simulated host:
 * `2026-01-15 09:30:02.123456789 +0000 UTC`, the layout
 * "2006-01-02 15:04:05.999999999 -0700 MST", so trailing zeros of the fraction
 * are dropped and a whole second has none.
 */
export function goTimeString(ms: number, nanos = (ms % 1000) * 1_000_000): string {
  const seconds = new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ');
  const fraction = String(nanos).padStart(9, '0').replace(/0+$/, '');
  return `${seconds}${fraction ? `.${fraction}` : ''} +0000 UTC`;
}
