import type { DaemonEvent } from '../../engine/events';
import { prettyPrintEvent, timeNanoDigits, type EventRecord } from '../../format/docker-events';
import { compileTemplate, TemplateError, type Template } from '../../format/go-template';
import { execute } from '../../format/go-template-exec';
import { goStruct, GoInt64 } from '../../wire/go-value';
import { parseImageReference } from '../../wire/image-reference';
import { collect, fail, type CommandResult, type OutputChunk } from '../command';
import type { CommandSpec, DockerContext } from './cobra';
import { clientTimestamp, eventNanos, type SentTimestamp } from './client-timestamp';
import { exactMatch, parseFilters, type Filters } from './filters';
import { CTRL_C } from './log-output';

/**
 * Actor.Attributes as the daemon puts them together (daemon/events.go): the
 * action's own, then a container's labels over them and its image and name
 * (maps.Copy, then the two keys), a network's name and type, a volume's
 * attributes alone, an image's labels and name. The daemon
 * keeps them in parts (engine/events.ts).
 */
function eventAttributes(event: DaemonEvent): Record<string, string> {
  if (event.type === 'network') return { ...event.extra, name: event.name, type: event.driver ?? '' };
  // LogVolumeEvent: the caller's attributes alone; LogImageEvent: the image's labels, then its name.
  if (event.type === 'volume') return { ...event.extra };
  if (event.type === 'image') return { ...event.labels, name: event.name };
  return {
    ...event.extra,
    ...event.labels,
    ...(event.image !== undefined && { image: event.image }),
    name: event.name,
  };
}

/** events.Message as a template sees it: Scope, Time and TimeNano are marshalled lower-case (api/types/events). */
function message(event: EventRecord | undefined): Record<string, unknown> {
  // encoding/json writes a map's keys sorted.
  const attributes = Object.fromEntries(
    Object.entries(event?.attributes ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const actor = goStruct({ ID: event?.actorId ?? '', Attributes: attributes });
  const fields = event
    ? {
        Type: event.type,
        Action: event.action,
        Actor: actor,
        scope: 'local',
        time: Math.floor(event.timeMs / 1000),
        timeNano: new GoInt64(timeNanoDigits(event)),
      }
    : { Type: '', Action: '', Actor: actor, scope: '', time: 0, timeNano: 0 };
  return goStruct(fields, { renamed: { Scope: 'scope', Time: 'time', TimeNano: 'timeNano' } });
}

/** filters.Args.FuzzyMatch: no values, an equal value, or a value the source starts with. */
function fuzzyMatch(filters: Filters, key: string, source: string): boolean {
  return exactMatch(filters, key, source) || (filters.get(key) ?? []).some((prefix) => source.startsWith(prefix));
}

/** reference.FamiliarName of an image reference, or the text itself when it does not parse. */
function familiarName(image: string): string {
  try {
    return parseImageReference(image).familiar;
  } catch {
    return image;
  }
}

/** MatchKVList over the attributes: every `k` or `k=v` must be there. */
function matchAttributes(filters: Filters, attributes: Readonly<Record<string, string>>): boolean {
  const values = filters.get('label') ?? [];
  if (values.length > 0 && Object.keys(attributes).length === 0) return false;
  return values.every((value) => {
    const [name, wanted] = value.includes('=')
      ? [value.slice(0, value.indexOf('=')), value.slice(value.indexOf('=') + 1)]
      : [value, undefined];
    return Object.hasOwn(attributes, name) && (wanted === undefined || attributes[name] === wanted);
  });
}

/** The kinds of actor a filter names: each key is matched against every event's actor ID and name, whatever its type. */
const NAMED_KEYS = ['daemon', 'container', 'plugin', 'volume', 'network', 'node', 'service', 'secret', 'config'];

/** The daemon's events.Filter Include (moby docker-v29.7.2 daemon/events/filter.go), check by check. */
function included(filters: Filters, event: EventRecord): boolean {
  const fuzzyEvents = (filters.get('event') ?? []).some((value) =>
    ['health_status', 'exec_create', 'exec_start'].includes(value),
  );
  if (!(fuzzyEvents ? fuzzyMatch(filters, 'event', event.action) : exactMatch(filters, 'event', event.action)))
    return false;
  if (!exactMatch(filters, 'type', event.type) || (filters.has('scope') && !exactMatch(filters, 'scope', 'local')))
    return false;
  const name = event.attributes['name'] ?? '';
  if (!NAMED_KEYS.every((key) => fuzzyMatch(filters, key, event.actorId) || fuzzyMatch(filters, key, name)))
    return false;
  const image = (event.type === 'image' ? event.attributes['name'] : event.attributes['image']) ?? '';
  const imageMatches = [event.actorId, image, familiarName(event.actorId), familiarName(image)].some((candidate) =>
    exactMatch(filters, 'image', candidate),
  );
  return imageMatches && matchAttributes(filters, event.attributes);
}

/** makeTemplate: `json` is {{json .}}; the template is tried on an empty message, so a bad field fails before any event. */
function eventTemplate(format: string): Template | undefined | { error: string } {
  if (format === '') return undefined;
  try {
    const template = compileTemplate(format === 'json' ? '{{json .}}' : format);
    execute(template.nodes, message(undefined), template.source, 'typed');
    return template;
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return {
      error: error.message.replace(/can't evaluate field (\w+)$/, "can't evaluate field $1 in type *events.Message"),
    };
  }
}

function timestampOption(value: string | undefined, nowMs: number): SentTimestamp | undefined | { error: string } {
  return value === undefined || value === '' ? undefined : clientTimestamp(value, nowMs);
}

/**
 * `docker events` (docker/cli v29.7.2 cli/command/system/events.go, moby's
 * router getEvents and Events.loadBufferedEvents): with --since or --until,
 * the kept events in that span first; then it streams, which here means it
 * waits, until --until comes or the reader presses Ctrl-C (status 130).
 */
export const events: CommandSpec<DockerContext> = {
  path: 'docker events',
  usage: '[OPTIONS]',
  args: { kind: 'none' },
  flags: [
    { name: 'since', takesValue: true },
    { name: 'until', takesValue: true },
    { name: 'filter', short: 'f', takesValue: true },
    { name: 'format', takesValue: true },
  ],
  run({ values }, context) {
    const { engine } = context;
    const template = eventTemplate(values.get('format')?.at(-1) ?? '');
    if (template && 'error' in template) return fail(`Error parsing format: ${template.error}\n`, 64);
    const filters = parseFilters(values.get('filter'));
    if (!(filters instanceof Map))
      return fail(
        `invalid argument "${filters.value}" for "-f, --filter" flag: ${filters.error}\n\nUsage:  ${this.path} ${this.usage}\n\nRun '${this.path} --help' for more information\n`,
        125,
      );
    const nowMs = engine.clock.now();
    const since = timestampOption(values.get('since')?.at(-1), nowMs);
    const until = timestampOption(values.get('until')?.at(-1), nowMs);
    for (const sent of [since, until]) if (sent && 'error' in sent) return fail(`${sent.error}\n`, 1);
    const from = since as SentTimestamp | undefined;
    const to = until as SentTimestamp | undefined;
    if (to && from && to.nanos < from.nanos)
      return fail(
        `Error response from daemon: \`since\` time (${from.text}) cannot be after \`until\` time (${to.text})\n`,
        1,
      );
    const buffered =
      from || to
        ? engine.events
            .list()
            .map((event) => ({ ...event, attributes: eventAttributes(event) }))
            .filter(
              (event) =>
                eventNanos(event.timeMs, event.subMsNanos) >= (from?.nanos ?? BigInt(0)) &&
                (!to || eventNanos(event.timeMs, event.subMsNanos) <= to.nanos),
            )
        : [];
    const print = (event: EventRecord) =>
      template ? `${execute(template.nodes, message(event), template.source, 'typed')}\n` : prettyPrintEvent(event);
    const shown = buffered
      .filter((event) => included(filters, event))
      .map(print)
      .join('');
    return streamUntil(shown, to, context);
  },
};

/** What is shown, then the wait: to --until when it comes before Ctrl-C, else Ctrl-C. */
function streamUntil(shown: string, until: SentTimestamp | undefined, context: DockerContext): CommandResult {
  const { engine, interruptAfterMs } = context;
  const untilMs = until === undefined ? undefined : Number(until.nanos / BigInt(1_000_000));
  const waitMs = untilMs === undefined ? Infinity : Math.max(0, untilMs - engine.clock.now());
  if (waitMs < (interruptAfterMs ?? Infinity)) {
    if (waitMs > 0) engine.clock.advance(waitMs);
    return collect(shown === '' ? [] : [{ stream: 'stdout', text: shown }], 0);
  }
  if (interruptAfterMs === undefined) return collect(shown === '' ? [] : [{ stream: 'stdout', text: shown }], 0);
  engine.clock.advance(interruptAfterMs);
  const output: OutputChunk[] = [{ stream: 'stdout', text: shown }, CTRL_C];
  return collect(
    output.filter((chunk) => chunk.text !== ''),
    130,
  );
}
