import { formatJournalLine, type JournalLine } from './journal';
import { DAYS } from '../wire/time-text';

/** What `systemctl status` reads of a service unit over D-Bus, as plain data. */
export interface UnitStatus {
  readonly id: string;
  readonly description: string;
  readonly fragmentPath: string;
  /** UnitFileState and UnitFilePreset. */
  readonly enabled: string;
  readonly preset: string;
  readonly activeState: 'active' | 'inactive' | 'failed';
  readonly subState: 'running' | 'dead' | 'failed';
  /** Result, shown when it is not `success`. */
  readonly result: string;
  /** ActiveEnterTimestamp when active, InactiveEnterTimestamp otherwise. */
  readonly sinceMs: number;
  /** How long the last run lasted, once it ended (ActiveExitTimestamp - ActiveEnterTimestamp). */
  readonly durationMs: number | undefined;
  readonly invocationId: string;
  /** The units that start this one, with their state for the glyph. */
  readonly triggeredBy: readonly { readonly unit: string; readonly state: UnitStatus['activeState'] }[];
  readonly documentation: readonly string[];
  /** The main process: running, or how it ended (shown as ExecStart's Process: line). */
  readonly mainPid: number;
  /** The main process' name (its comm), shown while it runs. */
  readonly mainComm: string;
  readonly execStart: string;
  readonly exit: { readonly status: number } | undefined;
  readonly tasks: number | undefined;
  readonly memory: { readonly currentBytes: number; readonly peakBytes: number } | undefined;
  readonly cpuMs: number;
  readonly cgroup: string;
  /** The cgroup's processes, PID and command line, for the tree. */
  readonly processes: readonly { readonly pid: number; readonly argv: string }[];
  readonly journal: readonly JournalLine[];
}

const two = (n: number) => String(n).padStart(2, '0');

/** format_timestamp's default style: `Mon 2026-11-16 09:28:05 UTC`. */
export function formatTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC`;
}

/** time-util.c format_timestamp_relative: the two largest units that matter, then ` ago`. */
export function formatRelative(elapsedMs: number): string {
  const s = Math.floor(elapsedMs / 1000);
  const min = Math.floor(s / 60);
  const h = Math.floor(min / 60);
  const days = Math.floor(h / 24);
  let text: string;
  if (days >= 2) text = `${days} days`;
  else if (h >= 25) text = `1 day ${h - 24}h`;
  else if (h >= 6) text = `${h}h`;
  else if (h >= 1) text = `${h}h ${min % 60}min`;
  else if (min >= 5) text = `${min}min`;
  else if (min >= 1) text = `${min}min ${s % 60}s`;
  else if (s >= 1) text = `${s}s`;
  else if (elapsedMs >= 1) text = `${elapsedMs}ms`;
  else return 'now';
  return `${text} ago`;
}

/** time-util.c format_timespan to the millisecond: `2min 10.123s`, `456ms`. */
export function formatTimespan(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['min', 60_000],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  if (rest > 0) {
    const fraction = String(rest % 1000)
      .padStart(3, '0')
      .replace(/0+$/, '');
    parts.push(`${Math.floor(rest / 1000)}${fraction ? `.${fraction}` : ''}s`);
  }
  return parts.join(' ');
}

/** format_bytes: binary units with one decimal, `86.2M`. */
function formatBytes(bytes: number): string {
  const units = ['B', 'K', 'M', 'G', 'T'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes}B` : `${(Math.floor(value * 10) / 10).toFixed(1)}${units[unit]}`;
}

/** unit_active_state_to_glyph: ● active, ○ inactive, × failed. */
const GLYPH: Record<UnitStatus['activeState'], string> = { active: '●', inactive: '○', failed: '×' };

/** exit_status_to_string for the statuses a daemon ends with. */
const EXIT_NAMES: Record<number, string> = { 0: 'SUCCESS', 1: 'FAILURE' };

/**
 * `systemctl status UNIT` (systemctl-show.c print_status_info): the header with
 * the state glyph, then the right-aligned fields in their order, the cgroup's
 * process tree (cgroup-show.c, PIDs padded to the widest), a blank line and the
 * unit's last ten journal lines, whole (OUTPUT_FULL_WIDTH, as into a pipe or the pager).
 */
export function formatUnitStatus(unit: UnitStatus, nowMs: number, hostname: string): string {
  const lines: string[] = [`${GLYPH[unit.activeState]} ${unit.id} - ${unit.description}`];
  lines.push(`     Loaded: loaded (${unit.fragmentPath}; ${unit.enabled}; preset: ${unit.preset})`);
  const sub = unit.activeState === unit.subState ? '' : ` (${unit.subState})`;
  const result = unit.result === 'success' ? '' : ` (Result: ${unit.result})`;
  lines.push(
    `     Active: ${unit.activeState}${sub}${result} since ${formatTimestamp(unit.sinceMs)}; ${formatRelative(nowMs - unit.sinceMs)}`,
  );
  if (unit.activeState !== 'active' && unit.durationMs !== undefined)
    lines.push(`   Duration: ${formatTimespan(unit.durationMs)}`);
  // ~: systemd 257 prints the run's invocation ID here; the line's place is assumed, not read in its source.
  lines.push(` Invocation: ${unit.invocationId}`);
  unit.triggeredBy.forEach((trigger, index) =>
    lines.push(`${index === 0 ? 'TriggeredBy:' : '            '} ${GLYPH[trigger.state]} ${trigger.unit}`),
  );
  unit.documentation.forEach((doc, index) => lines.push(`   ${(index === 0 ? 'Docs:' : '').padStart(9)} ${doc}`));
  if (unit.exit) {
    const status = `status=${unit.exit.status}${EXIT_NAMES[unit.exit.status] ? `/${EXIT_NAMES[unit.exit.status]}` : ''}`;
    lines.push(`    Process: ${unit.mainPid} ExecStart=${unit.execStart} (code=exited, ${status})`);
    lines.push(`   Main PID: ${unit.mainPid} (code=exited, ${status})`);
  } else {
    lines.push(`   Main PID: ${unit.mainPid} (${unit.mainComm})`);
  }
  if (unit.tasks !== undefined) lines.push(`      Tasks: ${unit.tasks}`);
  // ~: the peak in parentheses as systemd 255 and later print it (MemoryPeak), assumed, not read in its source.
  if (unit.memory)
    lines.push(`     Memory: ${formatBytes(unit.memory.currentBytes)} (peak: ${formatBytes(unit.memory.peakBytes)})`);
  lines.push(`        CPU: ${formatTimespan(unit.cpuMs)}`);
  if (unit.processes.length > 0) {
    lines.push(`     CGroup: ${unit.cgroup}`);
    const width = Math.max(...unit.processes.map((p) => String(p.pid).length));
    unit.processes.forEach((p, index) =>
      lines.push(
        `             ${index === unit.processes.length - 1 ? '└─' : '├─'}${String(p.pid).padStart(width)} ${p.argv}`,
      ),
    );
  }
  const journal = unit.journal.slice(-10).map((entry) => formatJournalLine(entry, hostname));
  return [...lines, ...(journal.length > 0 ? ['', ...journal] : [])].map((line) => `${line}\n`).join('');
}
