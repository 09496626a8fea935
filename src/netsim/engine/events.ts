import type { Container } from './container';
import type { Daemon } from './daemon';
import { derivedInt } from './derived';
import type { Network } from './network';

/** events.Type: what an event is about. */
export type EventType = 'container' | 'network' | 'volume' | 'image';

/** events.Message as the daemon keeps it: `docker events` prints and filters these. */
export interface DaemonEvent {
  readonly type: EventType;
  readonly action: string;
  readonly actorId: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** TimeNano, split: the clock's milliseconds and the nanoseconds within that millisecond. */
  readonly timeMs: number;
  readonly subMsNanos: number;
}

/** daemon/events: the service keeps the last 256 events for subscribers that ask for the past (eventsLimit). */
const EVENTS_LIMIT = 256;

/**
 * EventsService.Log: the event is stamped and kept. Events of one millisecond
 * follow each other by a few microseconds, as the daemon's do.
 */
export function logEvent(daemon: Daemon, type: EventType, action: string, actorId: string, attributes: Record<string, string>): void {
  const events = (daemon.state.events ??= []);
  const timeMs = daemon.clock.now();
  const last = events.at(-1);
  const drawn = derivedInt(actorId, `event-${action}-${events.length}`, 1_000_000);
  const subMsNanos = last && last.timeMs === timeMs ? Math.min(999_999, last.subMsNanos + 1 + (drawn % 60_000)) : drawn;
  events.push({ type, action, actorId, attributes, timeMs, subMsNanos });
  if (events.length > EVENTS_LIMIT) events.splice(0, events.length - EVENTS_LIMIT);
}

/** LogContainerEventWithAttributes (daemon/events.go): the container's labels, its image as configured, and its name. */
export function logContainerEvent(daemon: Daemon, container: Container, action: string, attributes: Record<string, string> = {}): void {
  logEvent(daemon, 'container', action, container.id, { ...attributes, ...container.config.labels, image: container.image, name: container.name });
}

/** LogNetworkEventWithAttributes: the network's name and driver. */
export function logNetworkEvent(daemon: Daemon, network: Network, action: string, attributes: Record<string, string> = {}): void {
  logEvent(daemon, 'network', action, network.id, { ...attributes, name: network.name, type: network.driver });
}
