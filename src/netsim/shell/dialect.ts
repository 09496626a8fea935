import type { ReadFileResult } from '../cli/command';
import { ERRNO_TEXT, type FileErrno } from '../kernel/filesystem';
import type { ArithmeticError } from './arithmetic-error';
import { arithmetic } from './arithmetic-loader';
import type { ShellSyntaxError } from './parser';
import { shellExtras } from './shell-extras-loader';

/** The shells a lesson meets: bash (Debian, Ubuntu, the host), dash (`sh` on Debian and Ubuntu), BusyBox ash (Alpine, busybox). */
export type ShellKind = 'bash' | 'dash' | 'ash';

/** Where a prompt is drawn: bash's \u, \h, \w. */
export interface PromptFacts {
  readonly user: string;
  readonly hostname: string;
  readonly cwd: string;
  readonly home: string;
  readonly isRoot: boolean;
}

/**
 * How one shell words its messages and draws its prompt. `name` is how the
 * shell names itself in errors: $0 for ash and dash (`sh`, `/bin/sh`), the
 * basename for bash. `line` counts the lines the shell has read, which dash
 * prints in every message.
 */
export interface Dialect {
  readonly kind: ShellKind;
  readonly name: string;
  notFound(command: string, line: number): string;
  syntaxError(error: ShellSyntaxError, line: number): string;
  /** What the `exit` builtin writes before the shell ends: interactive bash says `exit`. */
  readonly exitMessage: string;
  prompt(facts: PromptFacts): string;
  /** `exit foo`, `cd` failures: `bash: exit: foo: numeric argument required`. */
  builtinError(builtin: string, message: string, line: number): string;
  /** A redirection's file could not be opened: for writing (`create`: `>`, `>>`) or reading (`open`: `<`). */
  redirectionError(path: string, error: FileErrno | ReadError, action: 'create' | 'open', line: number): string;
  /** `${a b}`, and for dash and ash bash's `${a[1]}`: the message, and whether the rest of the line goes (dash and ash read it as a syntax error). */
  badSubstitution(text: string, line: number): { text: string; status: number; abortsLine: boolean };
  /** `$(( expression ))` refused: the message, and the status the line that it ends leaves. */
  arithmeticError(error: ArithmeticError, expression: string, line: number): { text: string; status: number };
}

type ReadError = Extract<ReadFileResult, { error: unknown }>['error'];

const strerror = (error: FileErrno | ReadError) => ERRNO_TEXT[error];

/**
 * dash's and BusyBox ash's errmsg(): a missing file or directory (ENOENT,
 * ENOTDIR) gets a message of the action's own, anything else strerror
 * (dash src/error.c errmsg with E_CREAT / E_OPEN; BusyBox shell/ash.c errmsg).
 */
function missingOr(error: FileErrno | ReadError, missing: string): string {
  return error === 'ENOENT' || error === 'ENOTDIR' ? missing : strerror(error);
}

/** bash's \w: the working directory with the home directory written `~`. */
function tildePath(cwd: string, home: string): string {
  if (home !== '/' && (cwd === home || cwd.startsWith(`${home}/`))) return `~${cwd.slice(home.length)}`;
  return cwd;
}

/**
 * Debian's and Ubuntu's bash, whose /etc/bash.bashrc sets
 * PS1='${debian_chroot:+($debian_chroot)}\u@\h:\w\$ '.
 */
export function bashDialect(prompt?: string, scripted = false): Dialect {
  const name = 'bash';
  // `bash -c` names the line in every message: `bash: line 1: ip: command not found`.
  const where = (line: number) => (scripted ? `${name}: line ${line}` : name);
  return {
    kind: 'bash',
    name,
    notFound: (command, line) =>
      command.includes('/')
        ? `${where(line)}: ${command}: No such file or directory\n`
        : `${where(line)}: ${command}: command not found\n`,
    syntaxError: (error) => shellExtras().bashSyntax(error, name),
    exitMessage: 'exit\n',
    badSubstitution: (text) => ({ text: `${name}: ${text}: bad substitution\n`, status: 1, abortsLine: false }),
    prompt: (facts) =>
      prompt ??
      `${facts.user}@${facts.hostname.split('.')[0]}:${tildePath(facts.cwd, facts.home)}${facts.isRoot ? '#' : '$'} `,
    builtinError: (builtin, message) => `${name}: ${builtin}: ${message}\n`,
    // bash redir.c redirection_error: the file name, then strerror(errno).
    redirectionError: (path, error, _action, line) => `${where(line)}: ${path}: ${strerror(error)}\n`,
    // bash expr.c evalerror: the expression, the message, the rest of it from the failing token.
    arithmeticError: (error, expression) => ({
      text: `${name}: ${expression}: ${arithmetic().BASH_ARITHMETIC[error.kind]} (error token is "${error.token}")\n`,
      status: 1,
    }),
  };
}

/** dash (Debian's /bin/sh): every message names the line, and its prompt is `# ` for root (PS1 default). */
export function dashDialect(name = 'sh'): Dialect {
  return {
    kind: 'dash',
    name,
    notFound: (command, line) => `${name}: ${line}: ${command}: not found\n`,
    syntaxError: (error, line) => `${name}: ${line}: Syntax error: ${shellExtras().dashSyntax(error)}\n`,
    exitMessage: '',
    badSubstitution: (_text, line) => ({ text: `${name}: ${line}: Bad substitution\n`, status: 2, abortsLine: true }),
    prompt: (facts) => (facts.isRoot ? '# ' : '$ '),
    builtinError: (builtin, message, line) => `${name}: ${line}: ${builtin}: ${message}\n`,
    // dash src/redir.c openredirect: `cannot create %s: %s` / `cannot open %s: %s`.
    redirectionError: (path, error, action, line) =>
      action === 'create'
        ? `${name}: ${line}: cannot create ${path}: ${missingOr(error, 'Directory nonexistent')}\n`
        : `${name}: ${line}: cannot open ${path}: ${missingOr(error, 'No such file')}\n`,
    // dash src/arith_yacc.c yyerror / arith_err: the message, then the whole expression.
    arithmeticError: (error, expression, line) => ({
      text: `${name}: ${line}: arithmetic expression: ${arithmetic().DASH_ARITHMETIC[error.kind]}: "${expression}"\n`,
      status: 2,
    }),
  };
}

/** BusyBox ash, named by its argv[0] (`sh` in busybox, `/bin/sh` in alpine); its prompt is `\w \$ `. */
export function ashDialect(name: string): Dialect {
  return {
    kind: 'ash',
    name,
    notFound: (command) => `${name}: ${command}: not found\n`,
    syntaxError: (error) => `${name}: syntax error: ${shellExtras().ashSyntax(error)}\n`,
    exitMessage: '',
    badSubstitution: () => ({ text: `${name}: syntax error: bad substitution\n`, status: 2, abortsLine: true }),
    prompt: (facts) => `${tildePath(facts.cwd, facts.home)} ${facts.isRoot ? '#' : '$'} `,
    builtinError: (builtin, message) => `${name}: ${builtin}: ${message}\n`,
    // BusyBox shell/ash.c openredirect: `can't create %s: %s` / `can't open %s: %s`.
    redirectionError: (path, error, action) =>
      action === 'create'
        ? `${name}: can't create ${path}: ${missingOr(error, 'nonexistent directory')}\n`
        : `${name}: can't open ${path}: ${missingOr(error, 'no such file')}\n`,
    // BusyBox shell/math.c: one message for every syntax error.
    arithmeticError: (error) => ({
      text: `${name}: ${error.kind === 'division-by-zero' ? 'divide by zero' : 'arithmetic syntax error'}\n`,
      status: 2,
    }),
  };
}
