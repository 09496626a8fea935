/** One event as docker/cli receives it (events.Message), TimeNano split at the millisecond. */
export interface EventRecord {
  readonly type: string;
  readonly action: string;
  readonly actorId: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly timeMs: number;
  /** Nanoseconds within the millisecond, 0 to 999,999. */
  readonly subMsNanos: number;
}

/** TimeNano as digits: past 2^53, so never through a JS number. */
export function timeNanoDigits(event: Pick<EventRecord, 'timeMs' | 'subMsNanos'>): string {
  return `${event.timeMs}${String(event.subMsNanos).padStart(6, '0')}`;
}

/** rfc3339NanoFixed in UTC, the host's zone: nine digits, `Z`. */
function fixedNano(event: EventRecord): string {
  const iso = new Date(event.timeMs).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}${String(event.subMsNanos).padStart(6, '0')}Z`;
}

/**
 * prettyPrintEvent (docker/cli v29.7.2 cli/command/system/events.go): the time,
 * type, action and actor ID, then the attributes sorted by key in parentheses.
 */
export function prettyPrintEvent(event: EventRecord): string {
  const keys = Object.keys(event.attributes).sort();
  const attributes = keys.length === 0 ? '' : ` (${keys.map((key) => `${key}=${event.attributes[key]}`).join(', ')})`;
  return `${fixedNano(event)} ${event.type} ${event.action} ${event.actorId}${attributes}\n`;
}
