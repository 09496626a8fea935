import type { Container } from './container';
import type { Daemon } from './daemon';
import { derivedInt } from './derived';
import type { Network } from './network';

/** events.Type: what an event is about. */
export type EventType = 'container' | 'network' | 'volume' | 'image';

/**
 * events.Message as the daemon keeps it: `docker events` prints and filters
 * these. Its Actor.Attributes are kept in parts (eventAttributes puts them
 * together), so that the 256 kept events stay light in every snapshot of the host.
 */
export interface DaemonEvent {
  readonly type: EventType;
  readonly action: string;
  readonly actorId: string;
  /** The actor's name: the container's or the network's. */
  readonly name: string;
  /** A container's image as it was configured. */
  readonly image?: string;
  /** A network's driver (the `type` attribute). */
  readonly driver?: string;
  /** Attributes of this action: exitCode, signal, container... */
  readonly extra?: Readonly<Record<string, string>>;
  /** A container's labels: the container's own object, held once however many events name it. */
  readonly labels?: Readonly<Record<string, string>>;
  /** TimeNano, split: the clock's milliseconds and the nanoseconds within that millisecond. */
  readonly timeMs: number;
  readonly subMsNanos: number;
}

/** daemon/events: the service keeps the last 256 events for subscribers that ask for the past (eventsLimit). */
const EVENTS_LIMIT = 256;

type EventParts = Pick<DaemonEvent, 'type' | 'action' | 'actorId' | 'name' | 'image' | 'driver' | 'extra' | 'labels'>;

/**
 * EventsService.Log: the event is stamped and kept. Events of one millisecond
 * follow each other by a few microseconds, as the daemon's do.
 */
function logEvent(daemon: Daemon, parts: EventParts): void {
  const events = (daemon.state.events ??= []);
  const timeMs = daemon.clock.now();
  const last = events.at(-1);
  const drawn = derivedInt(parts.actorId, `event-${parts.action}-${events.length}`, 1_000_000);
  const subMsNanos = last && last.timeMs === timeMs ? Math.min(999_999, last.subMsNanos + 1 + (drawn % 60_000)) : drawn;
  events.push({ ...parts, timeMs, subMsNanos });
  if (events.length > EVENTS_LIMIT) events.splice(0, events.length - EVENTS_LIMIT);
}

const extraOf = (attributes: Record<string, string>) =>
  Object.keys(attributes).length > 0 ? { extra: attributes } : {};

/** LogContainerEventWithAttributes (daemon/events.go): the container's labels, its image as configured, and its name. */
export function logContainerEvent(
  daemon: Daemon,
  container: Container,
  action: string,
  attributes: Record<string, string> = {},
): void {
  logEvent(daemon, {
    type: 'container',
    action,
    actorId: container.id,
    name: container.name,
    image: container.imageName ?? container.image,
    labels: container.config.labels,
    ...extraOf(attributes),
  });
}

/** LogNetworkEventWithAttributes: the network's name and driver. */
export function logNetworkEvent(
  daemon: Daemon,
  network: Network,
  action: string,
  attributes: Record<string, string> = {},
): void {
  logEvent(daemon, {
    type: 'network',
    action,
    actorId: network.id,
    name: network.name,
    driver: network.driver,
    ...extraOf(attributes),
  });
}

/** LogVolumeEvent (daemon/events.go): the volume's name is the actor, the attributes the caller's only. */
export function logVolumeEvent(
  daemon: Daemon,
  name: string,
  action: string,
  attributes: Record<string, string> = {},
): void {
  logEvent(daemon, { type: 'volume', action, actorId: name, name: '', ...extraOf({ driver: 'local', ...attributes }) });
}

/** LogImageEvent (daemon/containerd/image_events.go): the image's labels, then `name`. */
export function logImageEvent(
  daemon: Daemon,
  actorId: string,
  action: string,
  name: string,
  labels?: Readonly<Record<string, string>>,
): void {
  logEvent(daemon, { type: 'image', action, actorId, name, ...(labels && { labels }) });
}
