/**
 * Go's time.RFC3339Nano in UTC: `2026-01-15T09:30:02.123456789Z`, trailing zeros
 * of the fraction dropped, and no fraction at all when it is zero.
 */
export function rfc3339Nano(ms: number, nanos: number): string {
  const seconds = new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19);
  const fraction = String(nanos).padStart(9, '0').replace(/0+$/, '');
  return `${seconds}${fraction ? `.${fraction}` : ''}Z`;
}

/**
 * jsonmessage.RFC3339NanoFixed, "2006-01-02T15:04:05.000000000Z07:00": always nine
 * digits of fraction, as the daemon stamps `docker logs -t` lines.
 */
export function rfc3339NanoFixed(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}.${String(ms % 1000).padStart(3, '0')}000000Z`;
}
