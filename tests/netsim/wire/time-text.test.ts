import { describe, expect, it } from 'vitest';
import { rfc3339Nano, rfc3339NanoFixed } from '../../../src/netsim/wire/go-time';
import { apacheTime, cTime, digWhen, httpDate, nginxTime } from '../../../src/netsim/wire/time-text';

const at = (year: number, month: number, day: number, hours: number, minutes: number, seconds: number, ms = 0) =>
  Date.UTC(year, month - 1, day, hours, minutes, seconds, ms);

describe('the times tools print', () => {
  it("ctime(): C11 7.27.3.1's asctime layout, the day padded with a space", () => {
    // The C standard's example: "Sun Sep 16 01:03:52 1973\n".
    expect(cTime(at(1973, 9, 16, 1, 3, 52))).toBe('Sun Sep 16 01:03:52 1973');
    expect(cTime(at(2026, 1, 5, 9, 30, 0, 999))).toBe('Mon Jan  5 09:30:00 2026');
  });

  it("Apache's error log: ap_recent_ctime_ex with microseconds, the day padded with a zero", () => {
    // httpd 2.4's documentation (logs.html): `[Fri Sep 09 10:42:29.902022 2011]`.
    expect(apacheTime(at(2011, 9, 9, 10, 42, 29, 902), 902022)).toBe('[Fri Sep 09 10:42:29.902022 2011]');
  });

  it("dig's WHEN: %a %b %d %H:%M:%S %Z %Y", () => {
    expect(digWhen(at(2026, 11, 6, 8, 5, 1, 500))).toBe('Fri Nov 06 08:05:01 UTC 2026');
  });

  it("nginx's error log: ngx_cached_err_log_time, %4d/%02d/%02d %02d:%02d:%02d", () => {
    expect(nginxTime(at(2026, 11, 16, 10, 0, 4, 700))).toBe('2026/11/16 10:00:04');
  });

  it('an HTTP Date header: RFC 9110 IMF-fixdate', () => {
    // RFC 9110 section 5.6.7's example.
    expect(httpDate(at(1994, 11, 6, 8, 49, 37, 250))).toBe('Sun, 06 Nov 1994 08:49:37 GMT');
  });

  it("Go's RFC3339Nano drops the fraction's trailing zeros; jsonmessage's RFC3339NanoFixed keeps nine digits", () => {
    expect(rfc3339Nano(at(2026, 1, 15, 9, 30, 2), 120_000_000)).toBe('2026-01-15T09:30:02.12Z');
    expect(rfc3339Nano(at(2026, 1, 15, 9, 30, 2), 0)).toBe('2026-01-15T09:30:02Z');
    expect(rfc3339NanoFixed(at(2026, 1, 15, 9, 30, 2, 120))).toBe('2026-01-15T09:30:02.120000000Z');
  });
});
