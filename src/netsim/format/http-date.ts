/** An HTTP Date header value (RFC 9110 IMF-fixdate): `Thu, 15 Jan 2026 09:30:12 GMT`. */
export function httpDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toUTCString();
}
