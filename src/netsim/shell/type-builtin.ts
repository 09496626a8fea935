import { findProgram } from './alias-builtins';
import type { Builtin, BuiltinContext } from './builtins';

/** POSIX's special builtins, which dash and BusyBox ash name so. */
const SPECIAL = new Set([
  'break',
  ':',
  '.',
  'continue',
  'eval',
  'exec',
  'exit',
  'export',
  'readonly',
  'return',
  'set',
  'shift',
  'times',
  'trap',
  'unset',
]);

type Kind = 'alias' | 'keyword' | 'function' | 'builtin' | 'file';

/** What `name` is to this shell, in the order bash looks (alias, keyword, function, builtin, file), and for a file its path. */
function describe(name: string, context: BuiltinContext): { kind: Kind; path?: string } | undefined {
  const { state, dialect, shell } = context;
  if (state.aliases?.has(name) && dialect.kind === 'bash') return { kind: 'alias' };
  if (shell.isKeyword(name) && (dialect.kind !== 'dash' || !['[[', ']]', 'function'].includes(name)))
    return { kind: 'keyword' };
  if (state.functions?.has(name)) return { kind: 'function' };
  if (shell.isBuiltin(name)) return { kind: 'builtin' };
  const path = findProgram(name, context);
  return path === undefined ? undefined : { kind: 'file', path };
}

/**
 * `type [-t] name...` (bash's builtins/type.def; dash's and ash's describe_command):
 * how each name would run. bash says `not found` on stderr and fails with 1;
 * dash and ash say it on stdout and fail with 127.
 * ~: a function is named, its body not printed as bash reformats it.
 */
export const type: Builtin = (args, context) => {
  const { dialect, state } = context;
  const terse = dialect.kind === 'bash' && args[0] === '-t';
  let stdout = '';
  let stderr = '';
  for (const name of terse ? args.slice(1) : args) {
    const found = describe(name, context);
    if (!found) {
      if (terse) continue;
      if (dialect.kind === 'bash') stderr += dialect.builtinError('type', `${name}: not found`, state.line);
      else stdout += `${name}: not found\n`;
      continue;
    }
    stdout += terse ? `${found.kind}\n` : `${sentence(name, found, context)}\n`;
  }
  const missing = (terse ? args.slice(1) : args).some((name) => !describe(name, context));
  return { stdout, stderr, exitCode: missing ? (dialect.kind === 'bash' ? 1 : 127) : 0 };
};

function sentence(name: string, found: { kind: Kind; path?: string }, { dialect, state }: BuiltinContext): string {
  const bash = dialect.kind === 'bash';
  switch (found.kind) {
    case 'alias':
      return `${name} is aliased to \`${state.aliases!.get(name)}'`;
    case 'keyword':
      return `${name} is a shell keyword`;
    case 'function':
      return bash || dialect.kind === 'ash' ? `${name} is a function` : `${name} is a shell function`;
    case 'builtin':
      return !bash && SPECIAL.has(name) ? `${name} is a special shell builtin` : `${name} is a shell builtin`;
    case 'file':
      return `${name} is ${found.path}`;
  }
}
