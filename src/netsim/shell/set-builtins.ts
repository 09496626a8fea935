import type { Builtin, BuiltinContext, BuiltinResult } from './builtins';
import type { ShellKind } from './dialect';

/** `set -e` and the others by letter, as `set -o` names them (bash's flags.c, dash's options.c). */
const LETTERS: Record<string, string> = {
  e: 'errexit',
  u: 'nounset',
  x: 'xtrace',
  f: 'noglob',
  v: 'verbose',
  C: 'noclobber',
  a: 'allexport',
  b: 'notify',
  h: 'hashall',
  m: 'monitor',
  n: 'noexec',
  B: 'braceexpand',
  H: 'histexpand',
};
/** `set -o NAME`'s names; pipefail is bash's and ash's, not dash's. */
const LONG = new Set([...Object.values(LETTERS), 'pipefail', 'vi', 'emacs', 'ignoreeof', 'nolog', 'posix']);

/**
 * `set [-+eux...] [-+o name] [--] [arg...]` (bash's builtins/set.def): options
 * on with `-`, off with `+`; what follows them becomes $1, $2...; with nothing,
 * the variables as assignments that would set them again.
 */
export const set: Builtin = (args, context) => {
  const { state, dialect } = context;
  if (args.length === 0) return { stdout: listVariables(context), stderr: '', exitCode: 0 };
  const options = (state.options ??= new Set());
  let at = 0;
  for (; at < args.length; at++) {
    const word = args[at]!;
    if (word === '--' || word === '-') {
      at++;
      break;
    }
    if (!/^[-+]./.test(word)) break;
    const on = word.startsWith('-');
    if (word.slice(1) === 'o') {
      const name = args[++at];
      if (name === undefined || !LONG.has(name) || (name === 'pipefail' && dialect.kind === 'dash'))
        return invalid(`-o ${name ?? ''}`, name, context);
      if (on) options.add(name);
      else options.delete(name);
      continue;
    }
    for (const letter of word.slice(1)) {
      const name = LETTERS[letter];
      if (name === undefined) return invalid(`${word[0]}${letter}`, undefined, context);
      if (on) options.add(name);
      else options.delete(name);
    }
  }
  if (at < args.length || args.includes('--')) state.positional = args.slice(at);
  return { stdout: '', stderr: '', exitCode: 0 };
};

/** An option the shell does not have: bash's usage (status 2); dash and ash end the line (`Illegal option -o pipefail`). */
function invalid(option: string, name: string | undefined, { dialect, state }: BuiltinContext): BuiltinResult {
  if (dialect.kind === 'bash') {
    const text = name === undefined ? `${option}: invalid option` : `${name}: invalid option name`;
    return {
      stdout: '',
      stderr: `${dialect.builtinError('set', text, state.line)}set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n`,
      exitCode: name === undefined ? 2 : 1,
    };
  }
  const text = dialect.kind === 'dash' ? `Illegal option ${option}` : `illegal option ${option}`;
  return { stdout: '', stderr: dialect.builtinError('set', text, state.line), exitCode: 2, abortsLine: true };
}

/** `set` alone: every variable, sorted, as NAME=VALUE with the value quoted when it needs to be (bash's print_var_list). */
function listVariables({ state }: BuiltinContext): string {
  return [...state.variables.keys()]
    .sort()
    .map((name) => `${name}=${quote(state.variables.get(name)!, 'bash')}\n`)
    .join('');
}

/** Words that need no quotes to be read back: bash's sh_contains_shell_metas. */
const PLAIN = /^[\w@%+=:,./^-]+$/;

/** A word as bash and ash print it in a trace: single-quoted when it has a character the shell reads specially. */
function quote(word: string, kind: ShellKind): string {
  if (kind === 'dash' || (PLAIN.test(word) && !word.startsWith('~'))) return word;
  return `'${word.replaceAll("'", "'\\''")}'`;
}

/** `set -x`: what runs, after expansion, on stderr after PS4's `+ ` (bash's print_simple_command via xtrace_print_word_list). */
export function xtraceLine(
  kind: ShellKind,
  assignments: readonly (readonly [string, string])[],
  argv: readonly string[],
): string {
  const words = [
    ...assignments.map(([name, value]) => `${name}=${quote(value, kind)}`),
    ...argv.map((word) => quote(word, kind)),
  ];
  return words.length === 0 ? '' : `+ ${words.join(' ')}\n`;
}

/** Signals as `trap` lists them: bash with SIG, dash and ash without. */
const SIGNALS = [
  'HUP',
  'INT',
  'QUIT',
  'ILL',
  'TRAP',
  'ABRT',
  'BUS',
  'FPE',
  'KILL',
  'USR1',
  'SEGV',
  'USR2',
  'PIPE',
  'ALRM',
  'TERM',
];

function condition(word: string, kind: ShellKind): string | undefined {
  const upper = word.toUpperCase().replace(/^SIG/, '');
  if (upper === 'EXIT' || word === '0') return 'EXIT';
  const name = /^\d+$/.test(word) ? SIGNALS[Number(word) - 1] : SIGNALS.includes(upper) ? upper : undefined;
  return name && (kind === 'bash' ? `SIG${name}` : name);
}

/**
 * `trap [action condition...]` (bash's builtins/trap.def): `-` or no action
 * puts the default back; no argument lists the traps as `trap -- 'action' NAME`.
 * Only EXIT ever fires here: no signal reaches a simulated shell.
 */
export const trap: Builtin = (args, { state, dialect }) => {
  const traps = (state.traps ??= new Map());
  const words = args[0] === '--' ? args.slice(1) : args;
  if (words.length === 0 || words[0] === '-p') {
    return {
      stdout: [...traps].map(([name, action]) => `trap -- '${action.replaceAll("'", "'\\''")}' ${name}\n`).join(''),
      stderr: '',
      exitCode: 0,
    };
  }
  const [action, ...conditions] = words.length === 1 ? ['-', ...words] : words;
  let stderr = '';
  for (const word of conditions) {
    const name = condition(word, dialect.kind);
    if (!name) {
      stderr += dialect.builtinError('trap', `${word}: invalid signal specification`, state.line);
      continue;
    }
    if (action === '-') traps.delete(name);
    else traps.set(name, action!);
  }
  return { stdout: '', stderr, exitCode: stderr === '' ? 0 : 1 };
};

/**
 * `history` (bash's builtins/history.def): the lines typed at this shell,
 * numbered from 1 as `%5d  %s`, this one last. A command typed over several
 * lines is one entry, joined as cmdhist joins it: by `; `, or a space after
 * `do`, `then`, `{`, `|`... HISTCONTROL's ignorespace and ignoredups apply when
 * set. A fresh terminal has no ~/.bash_history to start from.
 */
export const history: Builtin = (args, { state }) => {
  const control = state.variables.get('HISTCONTROL') ?? '';
  const lines: string[] = [];
  for (const typed of state.history ?? []) {
    const entry = typed
      .replace(/\n+$/, '')
      .split('\n')
      .reduce(
        (joined, line) =>
          joined === '' ? line : `${joined}${/(\b(do|then|else)|[{|&(])\s*$/.test(joined) ? ' ' : '; '}${line.trim()}`,
        '',
      );
    if (
      entry.trim() === '' ||
      (/ignore(space|both)/.test(control) && entry.startsWith(' ')) ||
      (/ignore(dups|both)/.test(control) && lines.at(-1) === entry)
    )
      continue;
    lines.push(entry);
  }
  const count = args[0] !== undefined && /^\d+$/.test(args[0]) ? Number(args[0]) : lines.length;
  const start = Math.max(0, lines.length - count);
  return {
    stdout: lines
      .slice(start)
      .map((line, index) => `${String(start + index + 1).padStart(5)}  ${line}\n`)
      .join(''),
    stderr: '',
    exitCode: 0,
  };
};
