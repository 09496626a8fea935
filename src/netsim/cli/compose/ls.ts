import { goTabwriter } from '../../format/go-tabwriter';
import type { CommandResult } from '../command';
import { LABEL } from './resources';
import type { Session } from './session';
import type { ParsedFlags } from '../docker/flags';

/**
 * `docker compose ls` (v2.40.3 cmd/compose/list.go, pkg/compose/ls.go): the
 * projects of the containers that carry Compose's project and config-hash
 * labels (running ones, all with -a), by name, each with its containers'
 * states counted (`running(2)`) and its config files; `--filter name=`;
 * printed by PrintPrettySection (tabwriter minwidth 20, padding 3).
 */

interface Stack {
  readonly name: string;
  readonly status: string;
  readonly configFiles: string;
}

/** combinedStatus: each state and its count, states sorted. */
function combinedStatus(states: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const state of states) counts.set(state, (counts.get(state) ?? 0) + 1);
  return [...counts.keys()]
    .sort()
    .map((state) => `${state}(${counts.get(state)})`)
    .join(', ');
}

function stacks(session: Session, all: boolean): Stack[] {
  const byProject = new Map<string, { states: string[]; files: string[] }>();
  for (const container of session.engine.containers.list()) {
    const labels = container.config.labels;
    const project = labels[LABEL.project];
    if (project === undefined || labels[LABEL.configHash] === undefined || (!all && container.status !== 'running'))
      continue;
    const entry = byProject.get(project) ?? { states: [], files: [] };
    entry.states.push(container.status);
    for (const file of (labels[LABEL.configFiles] ?? '').split(','))
      if (!entry.files.includes(file)) entry.files.push(file);
    byProject.set(project, entry);
  }
  return [...byProject.keys()].sort().map((name) => ({
    name,
    status: combinedStatus(byProject.get(name)!.states),
    configFiles: byProject.get(name)!.files.join(','),
  }));
}

export function lsCommand(session: Session, parsed: ParsedFlags): CommandResult {
  // cobra.NoArgs.
  if (parsed.positionals.length > 0)
    return session.fail(`unknown command ${JSON.stringify(parsed.positionals[0])} for "docker compose ls"`);
  const names: string[] = [];
  for (const filter of parsed.values.get('filter') ?? []) {
    const [key, value] = filter.split(/=(.*)/s);
    if (value === undefined) return session.fail(`bad format of filter (expected name=value)`);
    if (key !== 'name') return session.fail(`invalid filter '${key}'`);
    names.push(value);
  }
  const format = parsed.values.get('format')?.at(-1) ?? 'table';
  // filters.Match: the value is a regular expression the name must match.
  const listed = stacks(session, parsed.values.get('all')?.at(-1) === 'true').filter(
    (stack) => names.length === 0 || names.some((name) => safeMatch(name, stack.name)),
  );
  if (parsed.values.get('quiet')?.at(-1) === 'true') {
    session.out(listed.map((stack) => `${stack.name}\n`).join(''));
    return session.result(0);
  }
  switch (format.toLowerCase()) {
    case 'table':
    case 'pretty':
    case '':
      session.out(
        goTabwriter(
          [
            'NAME\tSTATUS\tCONFIG FILES',
            ...listed.map((stack) => `${stack.name}\t${stack.status}\t${stack.configFiles}`),
            '',
          ].join('\n'),
          20,
          3,
        ),
      );
      return session.result(0);
    case 'json':
      // formatter.ToJSON: json.Encoder, HTML left unescaped, a newline after.
      session.out(
        `${JSON.stringify(listed.map((stack) => ({ Name: stack.name, Status: stack.status, ConfigFiles: stack.configFiles })))}\n`,
      );
      return session.result(0);
    default:
      return session.fail(`format value ${JSON.stringify(format)} could not be parsed: parsing failed`);
  }
}

function safeMatch(pattern: string, name: string): boolean {
  try {
    return new RegExp(pattern).test(name);
  } catch {
    return pattern === name;
  }
}
