import type { Daemon } from '../daemon';
import type { DaemonEvent } from '../events';

/** The daemon's events service: what it kept since it started, for `docker events`. */
export interface EventsApi {
  /** The kept events, oldest first (at most 256). */
  list(): readonly DaemonEvent[];
}

export function eventsApi(daemon: Daemon): EventsApi {
  return { list: () => daemon.state.events ?? [] };
}
