import type { Mac } from '../wire/mac';
import type { Link } from './link';

/** BR_DEFAULT_AGEING_TIME (net/bridge/br_private.h): 300 s, which `ip -d link` prints as ageing_time 30000 (centiseconds). */
export const AGEING_TIME_MS = 300_000;
/** The bridge's default forward delay (br_dev_setup: 15 * HZ), `forward_delay 1500`. */
export const FORWARD_DELAY_MS = 15_000;
/** br_dev_open queues the first garbage collection HZ / 10 after the bridge comes up. */
const FIRST_GC_MS = 100;
/** br_fdb_cleanup never waits less than 10 ms before its next run. */
const MIN_GC_DELAY_MS = 10;

/**
 * br_fdb_update: a MAC seen on a port. A new one goes at the head of the list
 * (fdb_create, hlist_add_head); a known one is refreshed where it is and moves
 * to the port it came in by.
 */
export function learnMac(bridge: Link, port: number, mac: Mac, nowMs: number): void {
  const fdb = (bridge.fdb ??= []);
  const known = fdb.find((entry) => entry.mac === mac);
  if (known) {
    known.port = port;
    known.updatedMs = nowMs;
    return;
  }
  fdb.unshift({ mac, port, updatedMs: nowMs });
}

/** The learned entries still alive at `nowMs`: br_fdb_cleanup deletes one once ageing_time has passed since it was last seen. */
export function liveLearned(bridge: Link, nowMs: number): NonNullable<Link['fdb']> {
  return (bridge.fdb ?? []).filter((entry) => entry.updatedMs + AGEING_TIME_MS > nowMs && entry.updatedMs <= nowMs);
}

/**
 * The time left before the bridge's next garbage collection (IFLA_BR_GC_TIMER),
 * in milliseconds: the first run 100 ms after the bridge came up, then each
 * run schedules the next when its oldest learned entry expires, or an ageing
 * time later when it has none (br_fdb_cleanup). Zero for a bridge that is down.
 */
export function gcTimerMs(bridge: Link, nowMs: number): number {
  if (!bridge.up || bridge.openedMs === undefined) return 0;
  let run = bridge.openedMs + FIRST_GC_MS;
  while (run <= nowMs) {
    const expiries = (bridge.fdb ?? []).filter((entry) => entry.updatedMs <= run && entry.updatedMs + AGEING_TIME_MS > run).map((entry) => entry.updatedMs + AGEING_TIME_MS - run);
    run += Math.max(MIN_GC_DELAY_MS, Math.min(AGEING_TIME_MS, ...expiries));
  }
  return run - nowMs;
}

/** The time left on a port's forward delay timer: br_make_forwarding arms it for forward_delay when the port is enabled, even without STP. */
export function forwardDelayTimerMs(port: Link, nowMs: number): number {
  if (port.portEnabledMs === undefined) return 0;
  return Math.max(0, port.portEnabledMs + FORWARD_DELAY_MS - nowMs);
}
