import {
  readThrough,
  type BackgroundJob,
  type CommandResult,
  type FileAccess,
  type OutputChunk,
  type Typing,
  type ReadFileResult,
} from '../cli/command';
import { normalizePath, type FileErrno } from '../kernel/filesystem';
import type {
  AndOrList,
  Assignment,
  Command,
  CompoundBody,
  CompoundCommand,
  Pipeline,
  Redirection,
  Script,
  SimpleCommand,
  Word,
} from './ast';
import { BUILTINS, KEYWORDS, SHELL_BUILTINS, type BuiltinContext } from './builtins';
import type { Dialect } from './dialect';
import { ArithmeticError } from './arithmetic-error';
import { arithmetic } from './arithmetic-loader';
import { BadSubstitution, expandFields, expandPattern, expandString, type ExpansionContext } from './expand';
import { matchesGlob } from './glob';
import { parseNext, parseWord } from './parser';
import { shellExtras } from './shell-extras-loader';
import type { RandomState } from './random-variable';

/** A shell's own state: what survives from one line to the next. */
export interface ShellState {
  readonly variables: Map<string, string>;
  readonly exported: Set<string>;
  /** `$?`. */
  status: number;
  cwd: string;
  /** Lines read so far, which dash prints in its messages. */
  line: number;
  /** Jobs started with `&` that are still running or not yet reported done; absent until the first. */
  jobs?: ShellJob[];
  /** Aliases an interactive bash expands (`alias ls='ls --color=auto'` from ~/.bashrc); absent is none. */
  aliases?: Map<string, string>;
  /** The aliases being run as scripts, which are not expanded again within them (subshells share it); absent is none. */
  expandingAliases?: Set<string>;
  /** Functions defined so far: the compound command each runs. */
  functions?: Map<string, CompoundCommand>;
  /** `$1`, `$2`...: a function's arguments, or what `set --` gave. */
  positional?: string[];
  /** bash's arrays, their elements past the first: element 0 is the variable itself, so a scalar is an array of one. */
  arrays?: Map<string, Map<number, string>>;
  /** `set -e`, `-u`, `-x`, `-o pipefail`, by their long names. */
  options?: Set<string>;
  /** `trap ACTION EXIT` and others, by condition. */
  traps?: Map<string, string>;
  /** `declare -i`: assignments to these are evaluated as arithmetic. */
  integers?: Set<string>;
  /** $RANDOM's generator, seeded on first use or by assigning RANDOM. */
  random?: RandomState;
  /** Lines typed at this shell, for `history`. */
  history?: string[];
}

/** A shell's standard input: what is left to read, which `read` takes a line at a time. */
export interface ShellInput {
  text: string;
  /** The terminal's keyboard (the line's own input, not a pipe or a file): `text` is what was typed so far. */
  readonly typing?: Typing;
}

/** A command read all that was typed and waits for the next line: the line stops here, to be run again with it. */
class AwaitsInput {}

/** A job in the shell's table: its number, the command as `jobs` shows it, and the program's side of it. */
export interface ShellJob {
  readonly number: number;
  readonly command: string;
  readonly job: BackgroundJob;
  /** How many lines of its output the terminal has shown. */
  printed: number;
  done: boolean;
}

/** What a program gets from the shell that runs it. */
export interface Invocation {
  readonly stdin: string;
  readonly env: ReadonlyMap<string, string>;
  readonly cwd: string;
  /** Started with `&`. */
  readonly background?: boolean;
  /** isatty(1): stdout reaches the terminal, not a pipe or a file. */
  readonly stdoutIsTerminal?: boolean;
  /** isatty(2): stderr reaches the terminal (`2>&1 | cat` and `2>file` take it away). */
  readonly stderrIsTerminal?: boolean;
  /** isatty(0) at a reader's terminal: what was typed so far is `stdin`. */
  readonly typing?: Typing;
}

/** Where the shell runs: its dialect, how to find and run a program, how to read a file. */
export interface ShellEnvironment {
  readonly dialect: Dialect;
  readonly pid: number;
  readonly home: string;
  /** Runs a program found on PATH; undefined when there is no such program. */
  runProgram(argv: readonly string[], invocation: Invocation): CommandResult | undefined;
  readFile(path: string): ReadFileResult;
  directoryExists(path: string): boolean;
  /** What a job printed since `printed` lines, and whether it has ended. */
  pollJob?(job: BackgroundJob, printed: number): { output: readonly OutputChunk[]; printed: number; done: boolean };
  /** The files where the shell runs, as the user it runs as: redirections open them. */
  files(): FileAccess | undefined;
  /** Whether the shell's own stdout is a terminal (`docker exec` without -t gives it a pipe). */
  readonly tty?: boolean;
  /** The virtual clock, and how long after a line starts Ctrl-C comes: a loop that never ends stops there. */
  clock?(): { readonly nowMs: number; readonly interruptAfterMs: number };
  /** A number from the machine's seeded random source: $RANDOM's seed. */
  randomSeed?(): number;
}

/** What one line did: the terminal's view of it and whether the shell ended. */
export interface LineOutcome {
  readonly output: readonly OutputChunk[];
  /** Set when `exit` ran: the status the shell ends with. */
  readonly exited: number | undefined;
  /** A command waits for the next typed line: the line stopped there. */
  readonly awaitsInput?: boolean;
}

class ShellExit {
  constructor(readonly status: number) {}
}

/** `break`, `continue` or `return` on its way out: `piped` is what was written down a pipe on the way, which the catcher keeps. */
class ControlFlow {
  piped = '';
}

/** `break` or `continue`, on its way out through `levels` enclosing loops. */
class LoopControl extends ControlFlow {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {
    super();
  }
}

/** `return [n]`: out of the function or sourced file. */
class ReturnSignal extends ControlFlow {
  constructor(readonly status: number) {
    super();
  }
}

/** Ctrl-C: the foreground job dies, and an interactive shell drops the rest of the line. */
class LineInterrupted {}

/** An error that makes an interactive shell drop the rest of the line (an arithmetic error, `break x`): its message and status. */
class LineAborted {
  constructor(
    readonly text: string,
    readonly status: number,
  ) {}
}

/**
 * Iterations a loop may take without the clock moving to Ctrl-C (`while true; do
 * echo; done` never sleeps): past this netsim stops it as a reader's Ctrl-C would.
 */
const MOST_ITERATIONS = 10_000;

/**
 * Runs command lines as an interactive shell does: one complete command at a
 * time, stdout of each pipeline stage fed to the next, stderr straight to the
 * terminal, `$?` kept between lines.
 */
/**
 * How deep command substitutions nest here. bash forks for each and goes as deep
 * as memory allows; netsim runs them on one stack, so past this it says so instead.
 */
export const DEEPEST_SUBSTITUTION = 200;

export class Interpreter {
  private terminal: OutputChunk[] = [];
  /** How many command substitutions this shell runs inside. */
  private depth = 0;
  /** Status of the last command substitution, which a command with no name returns. */
  private substitutionStatus: number | undefined;
  /** How many loops enclose the command running: what `break` and `continue` may leave. */
  private loops = 0;
  /** When the line started, on the virtual clock: Ctrl-C comes interruptAfterMs later. */
  private lineStartMs: number | undefined;
  /** One frame per function running: the values its `local`s hid, put back when it returns. */
  private locals: Map<string, string | undefined>[] = [];
  /** Files being sourced, where `return` may be used too. */
  private sourcing = 0;
  /** Inside an `if` or loop condition or before `&&`/`||`: `set -e` does not apply. */
  private conditions = 0;

  constructor(
    readonly state: ShellState,
    private readonly environment: ShellEnvironment,
    private readonly subshell = false,
  ) {}

  /** Parses and runs `source`, a command line and its continuation lines. */
  runLine(source: string, stdin = '', typing?: Typing): LineOutcome {
    this.terminal = [];
    this.lineStartMs = this.environment.clock?.().nowMs;
    let offset = 0;
    try {
      while (offset < source.length) {
        const lineStart = offset;
        const step = parseNext(source, offset, this.environment.dialect.kind);
        this.state.line += countLines(source.slice(lineStart, step.end)) || 1;
        // For `history`, which joins a command typed over several lines and applies HISTCONTROL when it prints.
        if (!this.subshell && this.environment.dialect.kind === 'bash')
          (this.state.history ??= []).push(source.slice(lineStart, step.end));
        offset = step.end;
        if ('error' in step) {
          // A shell that met the end of the line (or of the input) has read one line more, which dash counts.
          const { error } = step;
          const pastLine =
            error.kind === 'unexpected-token'
              ? error.token === 'newline'
              : error.kind !== 'unexpected-redirection' && error.kind !== 'bad-for-variable';
          this.write('stderr', this.environment.dialect.syntaxError(step.error, this.state.line + (pastLine ? 1 : 0)));
          this.state.status = 2;
          continue;
        }
        try {
          this.runScript(step.script, { text: stdin, ...(typing ? { typing } : {}) });
        } catch (error) {
          // The rest of this command is dropped; the shell reads on.
          if (!(error instanceof LineAborted)) throw error;
          this.write('stderr', error.text);
          this.state.status = error.status;
        }
      }
    } catch (error) {
      if (error instanceof AwaitsInput) return { output: this.terminal, exited: undefined, awaitsInput: true };
      if (error instanceof LineInterrupted) {
        // The terminal flushes what was typed ahead on Ctrl-C: the lines after it go too.
        this.write('tty', '^C');
        this.state.status = 130;
      } else {
        if (!(error instanceof ShellExit)) throw error;
        this.runExitTrap();
        return { output: this.terminal, exited: error.status };
      }
    }
    this.reportDoneJobs();
    return { output: this.terminal, exited: undefined };
  }

  /**
   * What running jobs printed while the last command ran: netsim runs one command
   * at a time, so a job's output shows once the command that made its traffic ends.
   */
  private pollJobs(): void {
    for (const entry of this.state.jobs ?? []) {
      if (entry.done || !this.environment.pollJob) continue;
      const polled = this.environment.pollJob(entry.job, entry.printed);
      this.terminal.push(...polled.output);
      entry.printed = polled.printed;
      entry.done = polled.done;
    }
  }

  /**
   * An interactive bash reports finished jobs before its next prompt (jobs.c
   * notify_of_job_status, pretty_print_job): "[%d]%c " with `+` for the current
   * job and `-` for the previous, a space, the status padded to
   * LONGEST_SIGNAL_DESC (24 in bash 5.2), the command.
   */
  private reportDoneJobs(): void {
    const jobs = this.state.jobs ?? [];
    const numbers = jobs.map((entry) => entry.number);
    const current = Math.max(...numbers);
    const previous = Math.max(...numbers.filter((number) => number !== current));
    for (const entry of jobs.filter((candidate) => candidate.done)) {
      const marker = entry.number === current ? '+' : entry.number === previous ? '-' : ' ';
      this.write('stderr', `[${entry.number}]${marker}  ${'Done'.padEnd(24)}${entry.command}\n`);
    }
    this.state.jobs = jobs.filter((entry) => !entry.done);
  }

  /** A command substitution's script in a subshell: its stdout, its status; its stderr reaches the terminal. */
  substitute(script: Script): { stdout: string; status: number } {
    if (this.depth >= DEEPEST_SUBSTITUTION) {
      this.terminal.push({
        stream: 'stderr',
        text: `netsim: command substitutions nested more than ${DEEPEST_SUBSTITUTION} deep are not simulated\n`,
      });
      return { stdout: '', status: 2 };
    }
    const child = this.fork();
    child.depth = this.depth + 1;
    const out = { captured: '' };
    let stdout = '';
    try {
      child.runScript(script, { text: '' }, true, out);
      stdout = out.captured;
    } catch (error) {
      stdout = out.captured;
      if (!(error instanceof ShellExit)) throw error;
      child.state.status = error.status;
    }
    for (const chunk of child.terminal) {
      if (chunk.stream === 'stdout') stdout += chunk.text;
      else this.terminal.push(chunk);
    }
    return { stdout, status: child.state.status };
  }

  /** Runs each statement; what they write to a captured stdout is added to `out` as each ends, so that `break` keeps it. */
  private runScript(script: Script, stdin: ShellInput, capture = false, out = { captured: '' }): string {
    for (const statement of script.statements) {
      // Jobs follow bash's job control; other shells run the statement in the foreground, as netsim always did.
      this.background = statement.background === true && !this.subshell && this.environment.dialect.kind === 'bash';
      let failedLast: boolean;
      try {
        const { text, last } = this.andOr(statement, stdin, capture);
        out.captured += text;
        failedLast = last;
      } finally {
        this.background = false;
      }
      if (!this.subshell) this.pollJobs();
      // set -e: a command that fails outside a condition ends the shell (POSIX 2.14 set -e).
      if (failedLast && this.state.status !== 0 && this.conditions === 0 && this.state.options?.has('errexit'))
        throw new ShellExit(this.state.status);
    }
    return out.captured;
  }

  /** The statement running now ends with `&`. */
  private background = false;

  /** bash's describe_pid: "[%d] %ld" on stderr as the job starts; the job joins the table. */
  private startJob(job: BackgroundJob, command: string): void {
    const jobs = (this.state.jobs ??= []);
    const number = Math.max(0, ...jobs.map((entry) => entry.number)) + 1;
    jobs.push({ number, command, job, printed: 0, done: false });
    this.write('stderr', `[${number}] ${job.pid}\n`);
  }

  /** The list's output, and whether the pipeline that ran last is its last and not negated: what `set -e` looks at. */
  private andOr(list: AndOrList, stdin: ShellInput, capture: boolean): { text: string; last: boolean } {
    const pipelines = [list.first, ...list.rest.map((part) => part.pipeline)];
    let captured = '';
    let ran = -1;
    for (const [index, pipeline] of pipelines.entries()) {
      if (index > 0 && (list.rest[index - 1]!.operator === '&&') !== (this.state.status === 0)) continue;
      const condition = index < pipelines.length - 1;
      if (condition) this.conditions++;
      try {
        captured += this.pipeline(pipeline, stdin, capture);
      } finally {
        if (condition) this.conditions--;
      }
      ran = index;
    }
    return { text: captured, last: ran === pipelines.length - 1 && !pipelines[ran]!.negated };
  }

  /**
   * Each stage's stdout is the next one's stdin; the last one's goes to the
   * terminal (or the capture). Ctrl-C in an early stage reaches the whole
   * pipeline: the later stages get what was written before it and then die of
   * SIGINT, so the pipeline's status is 130 and `^C` shows after their output.
   */
  private pipeline(pipeline: Pipeline, stdin: ShellInput, capture: boolean): string {
    let input = stdin;
    let output = '';
    let status = 0;
    let failed = 0;
    const last = pipeline.commands.length - 1;
    const interrupts: OutputChunk[] = [];
    pipeline.commands.forEach((command, index) => {
      // Every stage of a real pipeline is a subshell: `exit` or `cd` there leaves this shell alone.
      const runner = last > 0 ? this.fork() : this;
      const sink = index < last || capture ? 'pipe' : 'terminal';
      const { stdout, status: stageStatus } =
        runner === this ? this.command(command, input, sink) : runner.stage(command, input, sink);
      if (runner !== this) {
        for (const chunk of runner.terminal)
          (chunk.stream === 'tty' && index < last ? interrupts : this.terminal).push(chunk);
      }
      status = stageStatus;
      if (status !== 0) failed = status;
      output = stdout;
      input = { text: stdout };
    });
    this.terminal.push(...interrupts);
    if (interrupts.length > 0) status = 130;
    // set -o pipefail: the last stage that failed gives the pipeline's status.
    else if (this.state.options?.has('pipefail')) status = failed;
    this.state.status = pipeline.negated ? Number(status === 0) : status;
    return capture ? output : '';
  }

  /** A pipeline's stage in its subshell: `exit` there ends the stage with its status. */
  private stage(command: Command, stdin: ShellInput, sink: 'pipe' | 'terminal'): { stdout: string; status: number } {
    try {
      return this.command(command, stdin, sink);
    } catch (error) {
      if (!(error instanceof ShellExit)) throw error;
      return { stdout: '', status: error.status };
    }
  }

  /** A subshell (a pipeline's part, a command substitution): a copy of this shell's state that changes apart from it. */
  private fork(): Interpreter {
    const { arrays, functions, options, integers, positional } = this.state;
    const state: ShellState = {
      ...this.state,
      variables: new Map(this.state.variables),
      exported: new Set(this.state.exported),
      ...(arrays ? { arrays: new Map([...arrays].map(([name, elements]) => [name, new Map(elements)])) } : {}),
      ...(functions ? { functions: new Map(functions) } : {}),
      ...(options ? { options: new Set(options) } : {}),
      ...(integers ? { integers: new Set(integers) } : {}),
      ...(positional ? { positional: [...positional] } : {}),
    };
    // A subshell's traps are its own (bash's trap.c reset_signal_handlers).
    delete state.traps;
    return new Interpreter(state, this.environment, true);
  }

  /** Runs one command; its stderr reaches the terminal at once, its stdout is returned for the pipe. */
  private command(command: Command, stdin: ShellInput, sink: 'pipe' | 'terminal'): { stdout: string; status: number } {
    if (command.kind === 'unsupported') {
      this.write(
        'stderr',
        `${this.environment.dialect.name}: ${command.keyword}: compound commands are not simulated\n`,
      );
      return { stdout: '', status: 2 };
    }
    if (command.kind === 'compound') return this.compound(command, stdin, sink);
    if (command.kind === 'function') {
      (this.state.functions ??= new Map()).set(command.name, command.body);
      return { stdout: '', status: 0 };
    }
    this.substitutionStatus = undefined;
    let expanded: { argv: string[]; assignments: [string, string][]; redirections: ResolvedRedirection[] };
    try {
      const aliased = this.withAlias(command);
      if (typeof aliased === 'string') {
        this.write('stderr', aliased);
        return { stdout: '', status: 2 };
      }
      if ('statements' in aliased) return this.runAlias(command, aliased, stdin, sink);
      expanded = this.expand(aliased);
    } catch (error) {
      if (!(error instanceof BadSubstitution)) throw error;
      return this.badSubstitution(error);
    }
    const { argv, assignments, redirections } = expanded;
    if (this.state.options?.has('xtrace'))
      this.write('stderr', shellExtras().xtraceLine(this.environment.dialect.kind, assignments, argv));
    if (argv.length === 0) {
      command.assignments.forEach((assignment, index) => this.assign(assignment, assignments[index]![1]));
      return { stdout: '', status: this.substitutionStatus ?? 0 };
    }
    const body = this.state.functions?.get(argv[0]!);
    if (body)
      return this.withAssignments(assignments, () => this.callFunction(body, argv.slice(1), redirections, stdin, sink));
    const opened = this.open(redirections, stdin);
    if ('error' in opened) {
      this.write('stderr', opened.error);
      return { stdout: '', status: 1 };
    }
    const tty = this.environment.tty !== false;
    const stdoutIsTerminal = sink === 'terminal' && opened.stdout === 'stdout' && tty;
    // fd 2 is the terminal unless redirected: to a file, or with 2>&1 to where stdout goes (a pipe, or the terminal).
    const stderrIsTerminal = tty && (opened.stderr === 'stderr' || (opened.stderr === 'stdout' && sink === 'terminal'));
    const result = this.invoke(argv, assignments, opened.stdin, { stdoutIsTerminal, stderrIsTerminal });
    const routed = this.route(result, opened, sink);
    if (result.awaitsInput) throw new AwaitsInput();
    return { stdout: routed, status: result.exitCode };
  }

  /** `${a b}`: the dialect's message; dash and ash drop the rest of the line, as for a syntax error. */
  private badSubstitution(error: BadSubstitution): { stdout: string; status: number } {
    const { text, status, abortsLine } = this.environment.dialect.badSubstitution(error.text, this.state.line);
    if (abortsLine) throw new LineAborted(text, status);
    this.write('stderr', text);
    return { stdout: '', status };
  }

  /**
   * A function's call: its arguments are the positional parameters while it
   * runs, its `local`s are put back and `return` ends it (bash's execute_cmd.c
   * execute_function). The call's redirections hold for all of it.
   */
  private callFunction(
    body: CompoundCommand,
    args: string[],
    redirections: readonly ResolvedRedirection[],
    stdin: ShellInput,
    sink: 'pipe' | 'terminal',
  ): { stdout: string; status: number } {
    const saved = this.state.positional;
    this.state.positional = args;
    const frame = new Map<string, string | undefined>();
    this.locals.push(frame);
    try {
      return this.redirected(redirections, stdin, sink, this, (input, capture, out) => {
        try {
          const result = this.compound(body, input, capture ? 'pipe' : 'terminal');
          out.captured += result.stdout;
          return result.status;
        } catch (error) {
          if (!(error instanceof ReturnSignal)) throw error;
          out.captured += error.piped;
          return error.status;
        }
      });
    } finally {
      if (saved) this.state.positional = saved;
      else delete this.state.positional;
      this.locals.pop();
      for (const [name, value] of frame) {
        if (value === undefined) this.state.variables.delete(name);
        else this.state.variables.set(name, value);
      }
    }
  }

  /**
   * A compound command: its redirections open first and hold for everything in
   * it; what its commands print goes where they say, down the pipe or to the
   * terminal. `( )` runs in a copy of the shell, the others in this one.
   */
  private compound(
    command: CompoundCommand,
    stdin: ShellInput,
    sink: 'pipe' | 'terminal',
  ): { stdout: string; status: number } {
    const context = this.expansionContext();
    let resolved: ResolvedRedirection[];
    try {
      resolved = command.redirections.map((redirection) => this.resolve(redirection, context));
    } catch (error) {
      if (!(error instanceof BadSubstitution)) throw error;
      return this.badSubstitution(error);
    }
    const runner = command.body.kind === 'subshell' ? this.fork() : this;
    return this.redirected(resolved, stdin, sink, runner, (input, capture, out) =>
      runner.compoundBody(command.body, input, capture, out),
    );
  }

  /** Runs `body` with `redirections` open, in `runner` (this shell or a copy), routing what it writes. */
  private redirected(
    redirections: readonly ResolvedRedirection[],
    stdin: ShellInput,
    sink: 'pipe' | 'terminal',
    runner: Interpreter,
    body: (stdin: ShellInput, capture: boolean, out: { captured: string }) => number,
  ): { stdout: string; status: number } {
    const opened = this.open(redirections, stdin);
    if ('error' in opened) {
      this.write('stderr', opened.error);
      return { stdout: '', status: 1 };
    }
    const streams = opened;
    // Its commands see a terminal only when the whole command's stdout is one.
    const capture = sink === 'pipe' || streams.stdout !== 'stdout';
    const outer = runner.terminal;
    runner.terminal = [];
    // What its commands wrote to a captured stdout, kept as they go: Ctrl-C mid-way keeps what came before.
    const out = { captured: '' };
    let status = 0;
    const flush = () => {
      const chunks = runner.terminal;
      runner.terminal = outer;
      return this.route(
        { stdout: '', stderr: '', exitCode: status, output: [{ stream: 'stdout', text: out.captured }, ...chunks] },
        streams,
        sink,
      );
    };
    try {
      if (runner !== this) {
        runner.loops = 0;
        runner.lineStartMs = this.lineStartMs;
      }
      status = body(streams.stdin, capture, out);
      if (runner !== this) runner.runExitTrap(capture, out);
    } catch (error) {
      if (runner !== this && error instanceof ShellExit) {
        // `exit` in ( ) ends the copy, not this shell.
        status = error.status;
        runner.runExitTrap(capture, out);
        return { stdout: flush(), status };
      }
      if (error instanceof ControlFlow) {
        // What was written down the pipe before `break` or `return` goes on with it.
        out.captured += error.piped;
        error.piped = flush();
        throw error;
      }
      if (error instanceof LineInterrupted && sink === 'pipe') {
        // Ctrl-C in a pipeline's stage: what it wrote goes on to the next stage, which then dies too (see pipeline).
        status = 130;
        const piped = flush();
        this.write('tty', '^C');
        return { stdout: piped, status };
      }
      flush();
      throw error;
    }
    return { stdout: flush(), status };
  }

  /** Runs a compound command's lists, adding to `out` what its commands wrote to a captured stdout; its status. */
  private compoundBody(body: CompoundBody, stdin: ShellInput, capture: boolean, out: { captured: string }): number {
    const run = (script: Script) => {
      this.runScript(script, stdin, capture, out);
      return this.state.status;
    };
    const condition = (script: Script) => {
      this.conditions++;
      try {
        return run(script);
      } finally {
        this.conditions--;
      }
    };
    switch (body.kind) {
      case 'group':
      case 'subshell':
        return run(body.body);
      case 'if': {
        for (const branch of body.branches) {
          if (condition(branch.condition) === 0) return run(branch.body);
        }
        return body.otherwise ? run(body.otherwise) : 0;
      }
      case 'case': {
        const context = this.expansionContext();
        const subject = expandString(body.subject, context);
        const item = body.items.find((candidate) =>
          candidate.patterns.some((pattern) => matchesGlob(expandPattern(pattern, context), subject)),
        );
        return item && item.body.statements.length > 0 ? run(item.body) : 0;
      }
      case 'for': {
        const context = this.expansionContext();
        const values = body.words ? this.expandWords(body.words, context) : [];
        let status = 0;
        this.loop(out, values.length, (index) => {
          this.state.variables.set(body.name, values[index]!);
          status = run(body.body);
          return true;
        });
        return status;
      }
      case 'while':
      case 'until': {
        let status = 0;
        this.loop(out, Infinity, () => {
          const met = condition(body.condition) === 0;
          if (met !== (body.kind === 'while')) return false;
          status = run(body.body);
          return true;
        });
        return status;
      }
      case 'conditional': {
        const { status, stderr } = shellExtras().conditional(
          body.tokens,
          this.builtinContext({ text: '' }),
          this.expansionContext(),
        );
        this.write('stderr', stderr);
        return status;
      }
      case 'arithmetic':
        return this.arithmeticStatus(body.expression);
      case 'arithmetic-for': {
        let status = 0;
        this.arithmeticStatus(body.init);
        this.loop(out, Infinity, (index) => {
          if (index > 0) this.arithmeticStatus(body.step);
          if (body.condition.source.trim() !== '' && this.arithmeticStatus(body.condition) !== 0) return false;
          status = run(body.body);
          return true;
        });
        return status;
      }
    }
  }

  /** `(( expression ))`: 0 when its value is not 0, else 1. */
  private arithmeticStatus(expression: Word): number {
    return this.arithmetic(expandString(expression, this.expansionContext())) === '0' ? 1 : 0;
  }

  /**
   * Runs `iteration` up to `count` times, until it returns false, `break` leaves
   * it, or Ctrl-C comes: once the clock passes the line's interrupt time, or
   * after MOST_ITERATIONS without it getting there.
   */
  private loop(out: { captured: string }, count: number, iteration: (index: number) => boolean): void {
    this.loops++;
    try {
      for (let index = 0; index < count; index++) {
        if (index >= MOST_ITERATIONS || this.pastInterrupt()) throw new LineInterrupted();
        try {
          if (!iteration(index)) return;
        } catch (error) {
          if (!(error instanceof LoopControl)) throw error;
          out.captured += error.piped;
          error.piped = '';
          if (error.levels > 1) {
            error.levels--;
            throw error;
          }
          if (error.kind === 'break') return;
        }
      }
    } finally {
      this.loops--;
    }
  }

  private pastInterrupt(): boolean {
    const clock = this.environment.clock?.();
    return (
      clock !== undefined && this.lineStartMs !== undefined && clock.nowMs - this.lineStartMs >= clock.interruptAfterMs
    );
  }

  /**
   * `. FILE` and bash's `source FILE`: the file's commands run in this shell, so
   * what they set stays (bash builtins/source.def; dash and ash `dotcmd`, whose
   * failure to open the file ends the line, as at their terminals).
   */
  private source(name: string, args: readonly string[], stdin: ShellInput): CommandResult {
    const { dialect } = this.environment;
    const [path] = args;
    const read = path === undefined ? undefined : this.readInput(path);
    if (typeof read !== 'string') {
      const failure = shellExtras().sourceFailure(name, path, read?.error, dialect, this.state.line);
      if (failure.abortsLine) throw new LineAborted(failure.stderr, failure.exitCode);
      return failure;
    }
    let offset = 0;
    this.sourcing++;
    try {
      while (offset < read.length) {
        const step = parseNext(read, offset, dialect.kind);
        offset = step.end;
        if ('error' in step) {
          this.write('stderr', dialect.syntaxError(step.error, this.state.line));
          this.state.status = 2;
          continue;
        }
        this.runScript(step.script, stdin);
      }
    } catch (error) {
      if (!(error instanceof ReturnSignal)) throw error;
      this.state.status = error.status;
    } finally {
      this.sourcing--;
    }
    return { stdout: '', stderr: '', exitCode: this.state.status };
  }

  /** The EXIT trap, once, as the shell (or a subshell) ends. */
  private runExitTrap(capture = false, out = { captured: '' }): void {
    const action = this.state.traps?.get('EXIT');
    if (action === undefined) return;
    this.state.traps!.delete('EXIT');
    const step = parseNext(action, 0, this.environment.dialect.kind);
    if (!('error' in step)) this.runScript(step.script, { text: '' }, capture, out);
  }

  private resolve(redirection: Redirection, context: ExpansionContext): ResolvedRedirection {
    const { heredoc } = redirection;
    // bash's here-string: the word, expanded, and a newline.
    if (redirection.operator === '<<<')
      return { fd: redirection.fd, operator: '<<<', path: '', text: `${expandString(redirection.target, context)}\n` };
    if (heredoc)
      return {
        fd: redirection.fd,
        operator: redirection.operator,
        path: '',
        text: heredoc.expand ? expandString({ parts: heredoc.parts, source: heredoc.body }, context) : heredoc.body,
      };
    return { fd: redirection.fd, operator: redirection.operator, path: expandString(redirection.target, context) };
  }

  private expand(command: SimpleCommand) {
    const context = this.expansionContext();
    const assignments = command.assignments.map(({ name, value }): [string, string] => [
      name,
      expandString(value, context),
    ]);
    const argv = this.expandWords(command.words, context);
    const redirections = command.redirections.map((redirection) => this.resolve(redirection, context));
    return { argv, assignments, redirections };
  }

  /** Words into fields: brace expansion first (bash only), then the rest of POSIX's expansions. */
  private expandWords(words: readonly Word[], context: ExpansionContext): string[] {
    const braced = this.environment.dialect.kind === 'bash' ? words.flatMap((word) => braceWords(word)) : words;
    return braced.flatMap((word) => expandFields(word, context));
  }

  /**
   * The command with its first word's alias in its place (bash's alias expansion, on in an interactive shell).
   * Plain words (`ls --color=auto`) are split here; a value with quotes or expansions is read again as shell input.
   */
  private withAlias(command: SimpleCommand): SimpleCommand | Script | string {
    const alias = this.aliasOf(command.words[0]);
    if (alias === undefined) return command;
    const reread = /^[\w\s=.,:/+@%-]*$/.test(alias)
      ? undefined
      : shellExtras().expandAlias(alias, command, this.environment.dialect.kind);
    if (reread) return reread;
    const words = alias.split(/\s+/).filter((word) => word !== '');
    const literal = (text: string): Word => ({ parts: [{ kind: 'literal', text, quoted: false }], source: text });
    return { ...command, words: [...words.map(literal), ...command.words.slice(1)] };
  }

  /** An alias of several commands, run as a script; while it runs its name is not expanded again (bash's alias loop check). */
  private runAlias(command: SimpleCommand, script: Script, stdin: ShellInput, sink: 'pipe' | 'terminal') {
    const name = command.words[0]!.source;
    const expanding = (this.state.expandingAliases ??= new Set());
    expanding.add(name);
    try {
      const out = { captured: '' };
      this.runScript(script, stdin, sink === 'pipe', out);
      return { stdout: out.captured, status: this.state.status };
    } finally {
      expanding.delete(name);
    }
  }

  /**
   * The alias a command's first word names: only a word typed as one plain
   * unquoted name is looked up, so `\\ls` and `'ls'` run the program itself.
   */
  private aliasOf(first: Word | undefined): string | undefined {
    const part = first?.parts.length === 1 ? first.parts[0] : undefined;
    if (!part || part.kind !== 'literal' || part.quoted || first!.source !== part.text) return undefined;
    return this.state.expandingAliases?.has(part.text) ? undefined : this.state.aliases?.get(part.text);
  }

  private expansionContext(): ExpansionContext {
    return {
      parameter: (name) => this.parameter(name),
      unset: (name) => {
        if (!this.state.options?.has('nounset')) return;
        const { text, status } = shellExtras().unbound(this.environment.dialect, name, this.state.line);
        throw new LineAborted(text, status);
      },
      list: (name) => (name === '@' ? (this.state.positional ?? []) : shellExtras().arrayValues(this.state, name)),
      array: (part) =>
        shellExtras().arrayValue(this.state, part, this.expansionContext(), (text) => this.arithmetic(text)),
      home: () => this.state.variables.get('HOME') ?? this.environment.home,
      substitute: (script) => {
        const { stdout, status } = this.substitute(script);
        this.substitutionStatus = status;
        return stdout;
      },
      glob: (pattern) => this.glob(pattern),
      arithmetic: (expression) => this.arithmetic(expression),
      assign: (name, value) => this.setVariable(name, value),
    };
  }

  /** An assignment word: `name=value`, bash's `name+=value`, `name[i]=value` and `name=(words)`. */
  private assign(assignment: Assignment, value: string): void {
    if (!assignment.elements && !assignment.index) return this.setVariable(assignment.name, value, assignment.append);
    const context = this.expansionContext();
    const values = assignment.elements && this.expandWords(assignment.elements, context);
    shellExtras().assignArray(this.state, assignment, values, value, context, {
      setVariable: (name, text) => this.setVariable(name, text),
      arithmetic: (text) => this.arithmetic(text),
    });
  }

  /** Sets a variable as an assignment does: `declare -i` ones are evaluated, `+=` appends (adds), RANDOM reseeds. */
  private setVariable(name: string, value: string, append = false): void {
    const integer = this.state.integers?.has(name);
    const old = this.state.variables.get(name) ?? '';
    let text = integer ? this.arithmetic(value) : value;
    if (append) text = integer ? String(Number(old || 0) + Number(text)) : old + text;
    if (name === 'RANDOM' && this.environment.dialect.kind !== 'dash')
      this.state.random = shellExtras().seedRandom(Number.parseInt(text, 10) || 0, this.environment.dialect.kind);
    this.state.variables.set(name, text);
  }

  /** `$(( expression ))` on this shell's variables; an error drops the rest of the line. */
  private arithmetic(expression: string): string {
    // bash drops the blanks before the expression, in its messages too.
    const text = expression.trimStart();
    const { variables } = this.state;
    try {
      return String(
        arithmetic().evaluateArithmetic(text, {
          get: (name) => variables.get(name),
          set: (name, value) => variables.set(name, value),
        }),
      );
    } catch (error) {
      if (!(error instanceof ArithmeticError)) throw error;
      const { text: message, status } = this.environment.dialect.arithmeticError(error, text, this.state.line);
      throw new LineAborted(message, status);
    }
  }

  /** Pathname expansion against the files where this shell runs, as its user reads them. */
  private glob(pattern: string): string[] {
    const access = this.environment.files();
    if (!access) return [];
    return shellExtras().expandGlob(pattern, this.state.cwd, {
      list: (directory) => {
        const listed = access.fs.list(directory, access.who);
        return 'names' in listed ? listed.names : undefined;
      },
      exists: (path) => !('error' in access.fs.stat(path, false)),
    });
  }

  private parameter(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.state.status);
      case '$':
        return String(this.environment.pid);
      case '#':
        return String(this.state.positional?.length ?? 0);
      case '@':
      case '*':
        return (this.state.positional ?? []).join(' ');
      case '0':
        return this.environment.dialect.name;
      case '-':
        return this.environment.dialect.kind === 'bash' ? 'himBHs' : 'i';
      case 'RANDOM':
        return this.environment.dialect.kind === 'dash'
          ? this.state.variables.get(name)
          : shellExtras().random(this.state, this.environment.dialect.kind, () => this.environment.randomSeed?.() ?? 0);
      default:
        if (/^[1-9]$/.test(name)) return this.state.positional?.[Number(name) - 1];
        return this.state.variables.get(name);
    }
  }

  private invoke(
    argv: string[],
    assignments: [string, string][],
    stdin: ShellInput,
    terminals: { stdoutIsTerminal: boolean; stderrIsTerminal: boolean },
  ): CommandResult {
    const [name, ...args] = argv as [string, ...string[]];
    if (name === '.' || (name === 'source' && this.environment.dialect.kind === 'bash'))
      return this.source(name, args, stdin);
    const builtin = BUILTINS.get(name);
    if (builtin) {
      const result = this.withAssignments(assignments, () => builtin(args, this.builtinContext(stdin)));
      if (result.abortsLine) throw new LineAborted(result.stderr, result.exitCode);
      if (result.loop) throw new LoopControl(result.loop.kind, result.loop.levels);
      if (result.returns !== undefined) throw new ReturnSignal(result.returns);
      if (result.exit !== undefined) {
        // A subshell (a pipeline's stage, `( )`, `$( )`) ends quietly; the terminal's shell says `exit`.
        if (!this.subshell) this.write('stderr', this.environment.dialect.exitMessage);
        this.write('stderr', result.stderr);
        throw new ShellExit(result.exit);
      }
      return result;
    }
    const env = new Map(
      [...this.state.exported].flatMap((key) =>
        this.state.variables.has(key) ? [[key, this.state.variables.get(key)!] as const] : [],
      ),
    );
    for (const [key, value] of assignments) env.set(key, value);
    const result = this.environment.runProgram(argv, {
      stdin: stdin.text,
      env,
      cwd: this.state.cwd,
      ...terminals,
      ...(stdin.typing ? { typing: stdin.typing } : {}),
      ...(this.background ? { background: true } : {}),
    });
    if (result?.job) this.startJob(result.job, argv.join(' '));
    return result ?? { stdout: '', stderr: this.environment.dialect.notFound(name, this.state.line), exitCode: 127 };
  }

  /** `IFS=: read x`: assignments before a builtin or function hold while it runs (bash's temporary environment). */
  private withAssignments<T>(assignments: readonly [string, string][], run: () => T): T {
    if (assignments.length === 0) return run();
    const saved = assignments.map(([name]) => [name, this.state.variables.get(name)] as const);
    for (const [name, value] of assignments) this.state.variables.set(name, value);
    try {
      return run();
    } finally {
      for (const [name, value] of saved) {
        if (value === undefined) this.state.variables.delete(name);
        else this.state.variables.set(name, value);
      }
    }
  }

  private builtinContext(stdin: ShellInput): BuiltinContext {
    return {
      state: this.state,
      dialect: this.environment.dialect,
      home: this.environment.home,
      stdin: stdin.text,
      input: stdin,
      directoryExists: (path) => this.environment.directoryExists(path),
      files: () => this.environment.files(),
      shell: {
        arithmetic: (text) => this.arithmetic(text),
        setVariable: (name, value) => this.setVariable(name, value),
        isBuiltin: (name) => BUILTINS.has(name) || SHELL_BUILTINS.has(name),
        isKeyword: (name) => KEYWORDS.has(name),
        localFrame: () => this.locals.at(-1),
        loops: () => this.loops,
        mayReturn: () => this.locals.length > 0 || this.sourcing > 0,
      },
    };
  }

  /**
   * Opens the redirections left to right, as the shell does before it runs the
   * command (bash redir.c do_redirections, dash redir.c openredirect): `>`
   * creates or empties its file at once, `>>` creates it, `<` reads it, `2>&1`
   * copies where fd 2 now goes. The first that fails stops the command.
   */
  private open(redirections: readonly ResolvedRedirection[], stdin: ShellInput): OpenedStreams | { error: string } {
    const targets: Record<number, StreamTarget> = { 1: 'stdout', 2: 'stderr' };
    let input = stdin;
    for (const redirection of redirections) {
      const { fd, operator, path } = redirection;
      if (redirection.text !== undefined) {
        if (fd === 0) input = { text: redirection.text };
      } else if (operator === '<') {
        const read = this.readInput(path);
        if (typeof read !== 'string') return read;
        if (fd === 0) input = { text: read };
      } else if ((operator === '>&' || operator === '<&') && /^\d+$/.test(path)) {
        targets[fd] = targets[Number(path)] ?? 'null';
      } else {
        const both = operator === '&>' || operator === '&>>' || operator === '>&';
        const target = this.openForWriting(path, operator === '>>' || operator === '&>>');
        if (typeof target === 'object' && 'error' in target) return target;
        if (both) targets[1] = targets[2] = target;
        else targets[fd] = target;
      }
    }
    return { stdin: input, stdout: targets[1]!, stderr: targets[2]! };
  }

  private readInput(path: string): string | { error: string } {
    if (path === '/dev/null') return '';
    const access = this.environment.files();
    const read = access ? readThrough(access, this.absolute(path)) : this.environment.readFile(this.absolute(path));
    if ('content' in read) return read.content;
    return { error: this.environment.dialect.redirectionError(path, read.error, 'open', this.state.line) };
  }

  /** open(O_CREAT|O_TRUNC) for `>`, open(O_CREAT|O_APPEND) for `>>`: the file exists from here on, emptied by `>`. */
  private openForWriting(path: string, append: boolean): StreamTarget | { error: string } {
    if (path === '/dev/null') return 'null';
    const access = this.environment.files();
    if (!access) return 'null';
    const absolute = this.absolute(path);
    const failure = access.fs.write(absolute, '', access.who, append);
    if (failure) return { error: this.environment.dialect.redirectionError(path, failure, 'create', this.state.line) };
    return { path: absolute };
  }

  private absolute(path: string): string {
    return normalizePath(path.startsWith('/') ? path : `${this.state.cwd}/${path}`);
  }

  /** Sends each stream where the redirections say; returns what goes down the pipe. */
  private route(result: CommandResult, streams: OpenedStreams, sink: 'pipe' | 'terminal'): string {
    const access = this.environment.files();
    for (const { path, content } of result.files ?? [])
      if (path !== '/dev/null' && access) access.fs.write(this.absolute(path), content, access.who);
    let piped = '';
    const chunks = result.output ?? [
      { stream: 'stdout', text: result.stdout },
      { stream: 'stderr', text: result.stderr },
    ];
    for (const chunk of chunks) {
      const target = chunk.stream === 'tty' ? 'tty' : chunk.stream === 'stdout' ? streams.stdout : streams.stderr;
      if (target === 'tty') this.write('tty', chunk.text);
      else if (target === 'stdout' && sink === 'pipe') piped += chunk.text;
      else if (target === 'stdout' || target === 'stderr') this.write(target, chunk.text);
      else if (target !== 'null' && access && chunk.text !== '')
        access.fs.write(target.path, chunk.text, access.who, true);
    }
    return piped;
  }

  private write(stream: OutputChunk['stream'], text: string): void {
    if (text !== '') this.terminal.push({ stream, text });
  }
}

/** Where a stream ends up: the shell's own stdout (the pipe or the terminal), its stderr, nowhere, or a file. */
type StreamTarget = 'stdout' | 'stderr' | 'null' | { readonly path: string };

interface ResolvedRedirection {
  readonly fd: number;
  readonly operator: Redirection['operator'];
  readonly path: string;
  /** A here-document's text, expanded unless its delimiter was quoted. */
  readonly text?: string;
}

/** What a command reads and where its two streams go once its redirections are open. */
interface OpenedStreams {
  readonly stdin: ShellInput;
  readonly stdout: StreamTarget;
  readonly stderr: StreamTarget;
}

export type { FileErrno };

/** A word's brace expansion, each alternative read again as the word it spells. */
function braceWords(word: Word): Word[] {
  // Only a brace typed outside quotes expands (`--format '{{.Name}}'` does not): the module is fetched for those words alone.
  const braced = word.parts.some((part) => part.kind === 'literal' && !part.quoted && part.text.includes('{'));
  const sources = braced ? shellExtras().expandBraceSource(word.source) : undefined;
  if (!sources) return [word];
  return sources.flatMap((source) => parseWord(source) ?? []);
}

function countLines(text: string): number {
  return (text.match(/\n/g) ?? []).length;
}
