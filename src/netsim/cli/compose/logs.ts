import type { Container, LogEntry } from '../../engine/container';
import type { CommandResult } from '../command';
import type { ParsedFlags } from '../docker/flags';
import { servicesOf } from './load';
import { projectOrName } from './project-name';
import { LABEL, projectContainers, serviceOf } from './resources';
import type { Session } from './session';
import { rfc3339NanoFixed } from '../../wire/go-time';

/**
 * `docker compose logs` (v2.40.3 cmd/compose/logs.go, pkg/compose/logs.go,
 * cmd/formatter/logs.go and colors.go): every container's output, each line
 * after `name | `, the names padded to the longest registered so far plus one;
 * at a terminal each container gets the next colour of the rainbow. Compose
 * reads the containers at the same time; here their lines come in the order
 * they were written, a container's presenter registered at its first line.
 */

// colors.go rainbow: cyan, yellow, green, magenta, blue, then their intense (bold) forms.
const RAINBOW = ['36', '33', '32', '35', '34', '36;1', '33;1', '32;1', '35;1', '34;1'];

/** getContainerNameWithoutProject: `web-1`, or the container_name a service declares. */
export function shortName(container: Container): string {
  const labels = container.config.labels;
  const project = labels[LABEL.project] ?? '';
  const standard = `${project}-${labels[LABEL.service] ?? ''}-${labels[LABEL.number] ?? ''}`;
  return container.name === standard ? container.name.slice(project.length + 1) : container.name;
}

/** goterm.RESET_LINE, which Status writes first: back to the line's start, the line erased. */
const RESET_LINE = '\r\x1b[K';

/** formatter.logConsumer: presenters registered as their first line comes, every prefix as wide as the longest name. */
export class LogPrinter {
  private readonly presenters: { name: string; color: string | undefined }[] = [];

  constructor(private readonly options: { colored: boolean; prefix: boolean; timestamps: boolean }) {}

  private presenter(name: string): { name: string; color: string | undefined } {
    let found = this.presenters.find((candidate) => candidate.name === name);
    if (!found) {
      // register: the empty name (progress events) stays monochrome and takes no colour of the rainbow.
      const colored = this.presenters.filter((candidate) => candidate.name !== '').length;
      found = { name, color: this.options.colored && name !== '' ? RAINBOW[colored % RAINBOW.length] : undefined };
      this.presenters.push(found);
    }
    return found;
  }

  private paint(color: string | undefined, text: string): string {
    return color ? `\x1b[${color}m${text}\x1b[0m` : text;
  }

  /** Log: a line after its container's prefix. */
  line(name: string, text: string, timeMs: number): string {
    const presenter = this.presenter(name);
    const width = Math.max(...this.presenters.map((candidate) => candidate.name.length)) + 1;
    const prefix = this.options.prefix ? this.paint(presenter.color, `${presenter.name.padEnd(width)} | `) : '';
    return `${prefix}${this.options.timestamps ? `${rfc3339NanoFixed(timeMs)} ` : ''}${text}\n`;
  }

  /** Status: `name message`, in the container's colour, after RESET_LINE. */
  status(name: string, message: string): string {
    return this.paint(this.presenter(name).color, `${RESET_LINE}${name} ${message}\n`);
  }
}

/** Every line the containers wrote, in the order they were written, each printed by `printer`. */
export function printLogs(
  printer: LogPrinter,
  containers: readonly Container[],
  tail = 'all',
  since = -Infinity,
): string {
  const count = (entries: readonly LogEntry[]) => (/^\d+$/.test(tail) ? Number(tail) : entries.length);
  return containers
    .flatMap((container, order) => {
      const entries = container.logs.filter((entry) => entry.timeMs >= since);
      const shown = count(entries) === 0 ? [] : entries.slice(-count(entries));
      return shown.map((entry, at) => ({ container, entry, order, at }));
    })
    .sort((a, b) => a.entry.timeMs - b.entry.timeMs || a.order - b.order || a.at - b.at)
    .map(({ container, entry }) => printer.line(shortName(container), entry.text, entry.timeMs))
    .join('');
}

export function logsCommand(session: Session, parsed: ParsedFlags): CommandResult {
  const flag = (name: string) => parsed.values.get(name)?.at(-1) === 'true';
  const index = Number(parsed.values.get('index')?.at(-1) ?? '0');
  if (index > 0 && parsed.positionals.length !== 1) return session.fail('--index requires one service to be selected');
  const target = projectOrName(session, parsed.positionals);
  if ('exitCode' in target) return target;
  let services = parsed.positionals;
  if (target.project && services.length === 0) services = [...servicesOf(target.project.model).keys()];
  let containers = projectContainers(session.engine, target.name.toLowerCase());
  if (services.length > 0) containers = containers.filter((container) => services.includes(serviceOf(container)));
  if (index > 0) {
    containers = containers.filter((container) => container.config.labels[LABEL.number] === String(index));
    if (containers.length === 0)
      return session.fail(`service ${JSON.stringify(services[0])} is not running container #${index}`);
  }
  // formatter.SetANSIMode: colours with --ansi auto only when stdout is a terminal.
  const colored =
    !flag('no-color') &&
    session.root.ansi !== 'never' &&
    (session.root.ansi === 'always' || session.process.stdoutIsTerminal === true);
  const printer = new LogPrinter({ colored, prefix: !flag('no-log-prefix'), timestamps: flag('timestamps') });
  const output = printLogs(printer, containers, parsed.values.get('tail')?.at(-1) ?? 'all');
  session.out(output);
  if (flag('follow') && containers.some((container) => container.status === 'running')) {
    if (session.process.interruptAfterMs === undefined) return session.result(0);
    session.engine.clock.advance(session.process.interruptAfterMs);
    return session.interrupted();
  }
  return session.result(0);
}
