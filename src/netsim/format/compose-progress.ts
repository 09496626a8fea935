/**
 * Docker Compose v2.40.3's progress output (pkg/progress): the events of an
 * operation, printed by the plain writer (plain.go: one `fmt.Fprintln(prefix,
 * ID, Text, StatusText)` line per event, as `--progress plain` prints and as
 * Compose prints whenever stderr is not a terminal) or drawn by the TTY writer
 * (tty.go), whose last frame is what stays on the screen once the operation ends.
 */
export type EventStatus = 'working' | 'done' | 'warning' | 'error';

export interface ProgressEvent {
  readonly id: string;
  /** A pull's layers name the service they belong to. */
  readonly parentId?: string;
  readonly text: string;
  readonly status: EventStatus;
  readonly statusText: string;
  /** When the event happened, on the simulated clock. */
  readonly atMs: number;
}

/** plainWriter.Event: Fprintln puts a space between operands, the empty prefix included. */
export function plainProgress(events: readonly ProgressEvent[]): string {
  return events.map((event) => ` ${event.id} ${event.text} ${event.statusText}\n`).join('');
}

// pkg/progress/colors.go with morikuni/aec v1.0.0: SGR on, the text, reset.
const sgr =
  (...codes: number[]) =>
  (text: string) =>
    `${codes.map((code) => `\x1b[${code}m`).join('')}${text}\x1b[0m`;
const DONE_COLOR = sgr(34);
const TIMER_COLOR = sgr(34);
const COUNT_COLOR = sgr(33);
const WARNING_COLOR = sgr(33, 1);
const SUCCESS_COLOR = sgr(32);
const ERROR_COLOR = sgr(31, 1);

const STATUS_COLOR: Readonly<Record<EventStatus, (text: string) => string>> = {
  working: (text) => text,
  done: SUCCESS_COLOR,
  warning: WARNING_COLOR,
  error: ERROR_COLOR,
};

/** The spinner of a task: ✔, ! and ✘ once it ends (event.go Spinner); a working one shows the first frame. */
function spinner(status: EventStatus): string {
  switch (status) {
    case 'done':
      return SUCCESS_COLOR('✔');
    case 'warning':
      return WARNING_COLOR('!');
    case 'error':
      return ERROR_COLOR('✘');
    case 'working':
      return COUNT_COLOR('⠋');
  }
}

interface Task {
  id: string;
  parentId: string;
  text: string;
  status: EventStatus;
  statusText: string;
  startMs: number;
  endMs: number | undefined;
}

/** ttyWriter.event: a task's start is its first event; it stops when its status turns done, warning or error. */
function tasksOf(events: readonly ProgressEvent[]): Task[] {
  const tasks = new Map<string, Task>();
  for (const event of events) {
    const last = tasks.get(event.id);
    if (!last) {
      const ended = event.status === 'done' || event.status === 'error';
      tasks.set(event.id, {
        id: event.id,
        parentId: event.parentId ?? '',
        text: event.text,
        status: event.status,
        statusText: event.statusText,
        startMs: event.atMs,
        endMs: ended ? event.atMs : undefined,
      });
      continue;
    }
    if (event.status !== 'working' && last.status !== event.status) last.endMs = event.atMs;
    last.status = event.status;
    last.text = event.text;
    last.statusText = event.statusText;
    if (last.parentId === '' || (event.parentId ?? '') === '') last.parentId = event.parentId ?? '';
  }
  return [...tasks.values()];
}

/** lenAnsi: runes, SGR sequences left out. */
function visibleLength(text: string): number {
  return [...text.replace(/\x1b\[[0-9;]*m/g, '')].length;
}

/** Go's len() of a string: its UTF-8 bytes. */
function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Go's %.1f of a duration in seconds, then `s ` (strconv rounds an exact tie to even). */
function seconds(ms: number): string {
  const whole = Math.round(ms);
  let tenths = Math.floor(whole / 100);
  const rest = whole % 100;
  if (rest > 50 || (rest === 50 && tenths % 2 === 1)) tenths += 1;
  return `${Math.floor(tenths / 10)}.${tenths % 10}s `;
}

function lineText(task: Task, pad: string, width: number, statusPadding: number, nowMs: number): string {
  const endMs = task.status === 'working' ? nowMs : (task.endMs ?? task.startMs);
  const text = `${task.id} ${task.text}`;
  const textLength = byteLength(text);
  const padding = Math.max(statusPadding - textLength, 0);
  const maxStatusLength = width - textLength - statusPadding - 15;
  let status = task.statusText;
  if (maxStatusLength > 0 && byteLength(status) > maxStatusLength) status = `${status.slice(0, maxStatusLength)}...`;
  const left = `${pad} ${spinner(task.status)} ${text}${' '.repeat(padding)} ${STATUS_COLOR[task.status](status)}`;
  const right = TIMER_COLOR(seconds(endMs - task.startMs));
  const fill = width - visibleLength(left) - visibleLength(right);
  return `${left}${fill > 0 ? ' '.repeat(fill) : ''}${right}\n`;
}

export interface TtyFrame {
  /** The operation's title: `Running` for up and down, `Creating`, `Pulling`... (RunWithTitle). */
  readonly title: string;
  /** The terminal's columns, or -1 when stdout is not a terminal (goterm.Width asks stdout). */
  readonly width: number;
  readonly height: number;
  /** When the operation ended. */
  readonly nowMs: number;
  /** Whether an earlier frame was drawn (the display redraws every 100 ms): the done count then turns blue. */
  readonly redrawn: boolean;
}

/**
 * ttyWriter.print as it runs once the operation is over: the `[+] Title done/total`
 * line, then each task with its spinner, status and timer, right-aligned to the
 * terminal's width. Only this last frame is returned: the earlier ones, drawn
 * over it with cursor moves, no longer show.
 */
export function ttyProgress(events: readonly ProgressEvent[], frame: TtyFrame): string {
  const tasks = tasksOf(events);
  if (tasks.length === 0) return '';
  const done = tasks.filter((task) => task.status !== 'working').length;
  const parents = tasks.filter((task) => task.parentId === '');
  const head = `[+] ${frame.title} ${done}/${tasks.length}`;
  let text = `${frame.redrawn && done === tasks.length ? DONE_COLOR(head) : head}\n`;
  let statusPadding = 0;
  for (const task of tasks) {
    statusPadding = Math.max(statusPadding, byteLength(`${task.id} ${task.text}`));
    if (task.parentId !== '') statusPadding -= 2;
  }
  const skipChildren = tasks.length > frame.height - 2;
  for (const parent of parents) {
    text += lineText(parent, '', frame.width, statusPadding, frame.nowMs);
    if (skipChildren) continue;
    for (const child of tasks.filter((task) => task.parentId === parent.id))
      text += lineText(child, '  ', frame.width, statusPadding, frame.nowMs);
  }
  return text;
}
