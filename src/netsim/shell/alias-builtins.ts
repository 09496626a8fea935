import { isExecutableFile, normalizePath } from '../kernel/filesystem';
import type { Script, SimpleCommand } from './ast';
import type { Builtin, BuiltinContext, BuiltinResult } from './builtins';
import type { ShellKind } from './dialect';
import { parseNext } from './parser';

const done = (stdout = '', exitCode = 0): BuiltinResult => ({ stdout, stderr: '', exitCode });
const failed = (stderr: string, exitCode: number): BuiltinResult => ({ stdout: '', stderr, exitCode });

/** single_quote (bash's lib/sh/shquote.c, dash's single_quote): 'VALUE', each ' as '\''. */
const singleQuoted = (value: string) => `'${value.replaceAll("'", "'\\''")}'`;

/**
 * alias (bash's builtins/alias.def): no operand lists every alias, sorted, as
 * `alias NAME='VALUE'`; `NAME=VALUE` defines one; `NAME` prints it, or says it
 * is `not found` (status 1). dash and BusyBox ash print `NAME='VALUE'` and say
 * `alias: NAME not found` (dash's alias.c, outfmt(out2, "%s: %s not found\n")).
 */
export const alias: Builtin = (args, { state, dialect }) => {
  const aliases = (state.aliases ??= new Map());
  const show = (name: string) =>
    `${dialect.kind === 'bash' ? 'alias ' : ''}${name}=${singleQuoted(aliases.get(name)!)}\n`;
  if (args.length === 0) return done([...aliases.keys()].sort().map(show).join(''));
  let stdout = '';
  let stderr = '';
  for (const arg of args) {
    const equals = arg.indexOf('=');
    if (equals > 0) aliases.set(arg.slice(0, equals), arg.slice(equals + 1));
    else if (aliases.has(arg)) stdout += show(arg);
    else stderr += notFound(dialect, 'alias', arg, state.line);
  }
  return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 };
};

const notFound = (dialect: BuiltinContext['dialect'], builtin: string, name: string, line: number) =>
  dialect.kind === 'bash'
    ? dialect.builtinError(builtin, `${name}: not found`, line)
    : `${builtin}: ${name} not found\n`;

/** unalias NAME... or -a (bash's builtins/alias.def): a name that is no alias is `not found`, status 1. */
export const unalias: Builtin = (args, { state, dialect }) => {
  const aliases = (state.aliases ??= new Map());
  if (args[0] === '-a') {
    aliases.clear();
    return done();
  }
  const stderr = args
    .filter((name) => !aliases.delete(name))
    .map((name) => notFound(dialect, 'unalias', name, state.line))
    .join('');
  return { stdout: '', stderr, exitCode: stderr === '' ? 0 : 1 };
};

/**
 * `command -v NAME...`: how each would run, an alias as bash would define it, a builtin or keyword by its name, a
 * program by its path in PATH; a name that is neither prints nothing. bash looks
 * at every name and fails (1) only when none was found; dash and ash look at the
 * first only, and fail with 127.
 * `command NAME ARGS` runs NAME; `command` alone does nothing.
 */
export const command: Builtin = (args, context) => {
  const { state, dialect } = context;
  if (args[0] !== '-v') return failed(dialect.builtinError('command', 'only -v is simulated', state.line), 2);
  const names = dialect.kind === 'bash' ? args.slice(1) : args.slice(1, 2);
  const found = names.map((name) => whence(name, context)).filter((line) => line !== undefined);
  // Nothing found: bash's status is 1, dash's and ash's 127 (as for a command not found).
  return done(found.map((line) => `${line}\n`).join(''), found.length > 0 ? 0 : dialect.kind === 'bash' ? 1 : 127);
};

/** How the shell would run `name`: bash's alias, itself for a builtin or keyword, else the first executable file of that name in PATH. */
function whence(name: string, { state, files, dialect, shell }: BuiltinContext): string | undefined {
  const alias = dialect.kind === 'bash' ? state.aliases?.get(name) : undefined;
  if (alias !== undefined) return `alias ${name}=${singleQuoted(alias)}`;
  if (state.functions?.has(name) || shell.isBuiltin(name) || shell.isKeyword(name)) return name;
  return findProgram(name, { state, files });
}

/** The first executable file named `name` in PATH (or `name` itself, with a slash). */
export function findProgram(
  name: string,
  { state, files }: Pick<BuiltinContext, 'state' | 'files'>,
): string | undefined {
  const access = files();
  if (!access) return undefined;
  const candidates = name.includes('/')
    ? [name]
    : (state.variables.get('PATH') ?? '')
        .split(':')
        .filter(Boolean)
        .map((directory) => `${directory}/${name}`);
  return candidates.find((candidate) =>
    isExecutableFile(access.fs, candidate.startsWith('/') ? candidate : normalizePath(`${state.cwd}/${candidate}`)),
  );
}

/**
 * bash's alias expansion (parse.y's alias_expand_token): the value is read
 * again as shell input in place of the command's first word, so its quotes,
 * expansions and redirections count, and the rest of the command follows it.
 * A pipeline (`a | b`) becomes a script of its own, the command's other
 * words after it, which is the same where it is then piped; a list (`a; b`)
 * is not (its message), nor a pipeline with assignments or redirections,
 * nor a value that does not parse: undefined.
 */
export function expandAlias(
  value: string,
  command: SimpleCommand,
  kind: ShellKind,
): SimpleCommand | Script | string | undefined {
  const step = parseNext(value, 0, kind);
  if ('error' in step || step.end < value.length) return undefined;
  const [list, ...more] = step.script.statements;
  const replacement = list?.first.commands[0];
  const name = command.words[0]!.source;
  const unsimulated = `netsim: the alias ${name} holds a list of commands, which is not simulated\n`;
  if (!list || more.length > 0 || list.rest.length > 0 || list.background) return unsimulated;
  if (list.first.commands.length > 1) {
    if (command.assignments.length > 0 || command.redirections.length > 0) return undefined;
    const text = [value, ...command.words.slice(1).map((word) => word.source)].join(' ');
    const whole = parseNext(text, 0, kind);
    return 'error' in whole || whole.end < text.length ? undefined : whole.script;
  }
  if (replacement?.kind !== 'simple' || list.first.negated || list.background) return undefined;
  return {
    kind: 'simple',
    assignments: [...command.assignments, ...replacement.assignments],
    words: [...replacement.words, ...command.words.slice(1)],
    redirections: [...replacement.redirections, ...command.redirections],
  };
}
