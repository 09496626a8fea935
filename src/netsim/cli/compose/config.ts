import { goYamlMarshal } from '../../format/go-yaml';
import type { CommandResult } from '../command';
import type { ParsedFlags } from '../docker/flags';
import { loadProject, networksOf, ProjectError, servicesOf, type Project } from './load';
import { NETWORK, PROJECT, SERVICE, toGoJson, toYaml } from './model';
import { dependencyOrder } from './order';
import type { Session } from './session';

/**
 * `docker compose config` (v2.40.3 cmd/compose/config.go runConfigInterpolate):
 * the project as ToProject loads it, marshalled by compose-go's
 * Project.MarshalYAML (go-yaml, indent 2) or MarshalJSON (json.MarshalIndent,
 * no final newline), every `$` doubled so the output reads back the same.
 */

/** encoding/json Indent with prefix "" and indent "  ", for compact JSON. */
export function indentJson(compact: string): string {
  let out = '';
  let depth = 0;
  let inString = false;
  for (let i = 0; i < compact.length; i++) {
    const char = compact[i]!;
    if (inString) {
      out += char;
      if (char === '\\') out += compact[++i] ?? '';
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      inString = true;
      out += char;
    } else if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      if (compact[i + 1] === close) {
        out += char + close;
        i++;
      } else {
        depth++;
        out += `${char}\n${'  '.repeat(depth)}`;
      }
    } else if (char === '}' || char === ']') {
      depth--;
      out += `\n${'  '.repeat(depth)}${char}`;
    } else if (char === ',') out += `,\n${'  '.repeat(depth)}`;
    else if (char === ':') out += ': ';
    else out += char;
  }
  return out;
}

/** Project.MarshalJSON: name, services and the non-empty resources, in a map json.Marshal sorts. */
function projectJson(project: Project): string {
  const parts: [string, string][] = [
    ['name', JSON.stringify(project.name)],
    ['services', toGoJson({ map: { struct: SERVICE } }, servicesOf(project.model))],
  ];
  if (networksOf(project.model).size > 0)
    parts.push(['networks', toGoJson({ map: { struct: NETWORK } }, networksOf(project.model))]);
  parts.sort(([a], [b]) => (a < b ? -1 : 1));
  return indentJson(`{${parts.map(([key, value]) => `"${key}":${value}`).join(',')}}`);
}

export function configCommand(session: Session, parsed: ParsedFlags): CommandResult {
  const flag = (name: string) => parsed.values.get(name)?.at(-1) === 'true';
  const format = parsed.values.get('format')?.at(-1) || 'yaml';
  let project: Project;
  try {
    project = loadProject(
      session.root,
      session.projectEnvironment(),
      flag('services') || flag('networks') ? [] : parsed.positionals,
    );
  } catch (error) {
    if (error instanceof ProjectError) return session.fail(error.message);
    throw error;
  }
  if (flag('services')) {
    session.out(
      dependencyOrder(servicesOf(project.model))
        .map((name) => `${name}\n`)
        .join(''),
    );
    return session.result(0);
  }
  if (flag('networks')) {
    session.out(
      [...networksOf(project.model).keys()]
        .sort()
        .map((name) => `${name}\n`)
        .join(''),
    );
    return session.result(0);
  }
  if (flag('images')) {
    session.out(
      [...servicesOf(project.model).values()]
        .map((service) => `${String((service as Map<string, unknown>).get('image') ?? '')}\n`)
        .join(''),
    );
    return session.result(0);
  }
  if (format !== 'yaml' && format !== 'json') return session.fail(`unsupported format ${JSON.stringify(format)}`);
  if (flag('quiet')) return session.result(0);
  const content = format === 'json' ? projectJson(project) : goYamlMarshal(toYaml({ struct: PROJECT }, project.model));
  const output = parsed.values.get('output')?.at(-1);
  const text = content.replaceAll('$', '$$$$');
  if (output) {
    const path = output.startsWith('/') ? output : `${session.process.cwd ?? '/'}/${output}`;
    const failed = session.process.files?.fs.write(path, text, session.process.files.who);
    if (failed)
      return session.fail(`open ${path}: ${failed === 'EACCES' ? 'permission denied' : 'no such file or directory'}`);
    return session.result(0);
  }
  session.out(text);
  return session.result(0);
}
