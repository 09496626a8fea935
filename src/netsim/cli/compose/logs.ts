import type { Container, LogEntry } from '../../engine/container';
import type { CommandResult } from '../command';
import type { ParsedFlags } from '../docker/flags';
import { servicesOf } from './load';
import { projectOrName } from './project-name';
import { LABEL, projectContainers, serviceOf } from './resources';
import type { Session } from './session';

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
function shortName(container: Container): string {
  const labels = container.config.labels;
  const project = labels[LABEL.project] ?? '';
  const standard = `${project}-${labels[LABEL.service] ?? ''}-${labels[LABEL.number] ?? ''}`;
  return container.name === standard ? container.name.slice(project.length + 1) : container.name;
}

/** jsonmessage.RFC3339NanoFixed. */
function fixedTimestamp(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}.${String(ms % 1000).padStart(3, '0')}000000Z`;
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
    if (containers.length === 0) return session.fail(`service ${JSON.stringify(services[0])} is not running container #${index}`);
  }
  const tail = parsed.values.get('tail')?.at(-1) ?? 'all';
  const count = (entries: readonly LogEntry[]) => (/^\d+$/.test(tail) ? Number(tail) : entries.length);
  const lines = containers
    .flatMap((container, order) => {
      const entries = container.logs;
      const shown = count(entries) === 0 ? [] : entries.slice(-count(entries));
      return shown.map((entry, at) => ({ container, entry, order, at }));
    })
    .sort((a, b) => a.entry.timeMs - b.entry.timeMs || a.order - b.order || a.at - b.at);
  // formatter.SetANSIMode: colours with --ansi auto only when stdout is a terminal.
  const colored = !flag('no-color') && session.root.ansi !== 'never' && (session.root.ansi === 'always' || session.process.stdoutIsTerminal === true);
  const registered: { name: string; color: string | undefined }[] = [];
  let output = '';
  for (const { container, entry } of lines) {
    const name = shortName(container);
    let presenter = registered.find((candidate) => candidate.name === name);
    if (!presenter) {
      presenter = { name, color: colored ? RAINBOW[registered.length % RAINBOW.length] : undefined };
      registered.push(presenter);
    }
    const width = Math.max(...registered.map((candidate) => candidate.name.length)) + 1;
    const prefixText = `${presenter.name.padEnd(width)} | `;
    const prefix = flag('no-log-prefix') ? '' : presenter.color ? `\x1b[${presenter.color}m${prefixText}\x1b[0m` : prefixText;
    output += `${prefix}${flag('timestamps') ? `${fixedTimestamp(entry.timeMs)} ` : ''}${entry.text}\n`;
  }
  session.out(output);
  if (flag('follow') && containers.some((container) => container.status === 'running')) {
    if (session.process.interruptAfterMs === undefined) return session.result(0);
    session.engine.advanceClock(session.process.interruptAfterMs);
    return session.interrupted();
  }
  return session.result(0);
}
