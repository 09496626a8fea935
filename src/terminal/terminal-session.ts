import {
  needsMoreInput,
  type CommandTrace,
  type Goal,
  type GoalResult,
  type HostSnapshot,
  type MachineName,
} from '../netsim/index';
import { ToolModuleMissing } from '../netsim/cli/tool-modules';
import { replay, type PracticeRecipe } from '../practice/replay';
import { LessonHost } from '../practice/session-host';
import type { CompletionContext } from './completion';
import { parseNetsimCommand } from './netsim-command';

/** How long a command may run before the terminal treats it as one that never ends by itself (ping without -c). */
const ENDLESS_AFTER_SECONDS = 600;

export type RunOutcome =
  /** The command finished, or waits for a typed line (`reading`): everything it showed, and the prompt after it. */
  | { kind: 'done'; output: string; prompt: string; exitCode: number; reading?: boolean }
  /** It runs until Ctrl-C: what it shows meanwhile (up to ENDLESS_AFTER_SECONDS); `interrupt` ends it. */
  | { kind: 'endless'; output: string }
  /** netsim threw: the host is as it was before the line, and the session goes on. */
  | { kind: 'crashed'; message: string; prompt: string }
  /**
   * `netsim trace`: the hop records of the last command, run again with its packets traced
   * (undefined `command`: nothing has run yet). The terminal prints them in the reader's language.
   */
  | { kind: 'trace'; command: string | undefined; trace: CommandTrace | undefined; prompt: string }
  /** `netsim` alone, or with what it does not know (`usage`, status 2): what the command is. */
  | { kind: 'netsim-help'; usage: boolean; prompt: string; exitCode: number }
  /** The command is not complete yet (a here-document, an open quote): bash's PS2 asks for the next line. */
  | { kind: 'more'; prompt: string };

/** bash's default PS2. */
const CONTINUATION_PROMPT = '> ';

/** Ctrl-C as the terminal echoes it; what follows is what the interrupted program prints on its way out. */
const INTERRUPT_ECHO = '^C';

/**
 * A reader's terminal session on a simulated host, without the page: the worker
 * runs one, and tests drive one directly. A line that never ends by itself is
 * run ahead (its output until Ctrl-C) and run again when Ctrl-C comes, from the
 * host as it was, so what is shown and the state left are what Ctrl-C at that
 * moment gives.
 */
export class TerminalSimulation {
  private host!: LessonHost;
  private start!: HostSnapshot;
  /**
   * The host as it is now, copied while the reader was typing (prepare): a line starts from it
   * instead of copying the host between Enter and its output. Undefined once the host has changed.
   */
  private ready: HostSnapshot | undefined;
  private pending:
    | { line: string; before: HostSnapshot; prompt: string; columns: number | undefined; terminal: MachineName }
    | undefined;
  /** The last line that ran to its end, and the host before it: `netsim trace` runs it again, traced. */
  private last:
    | {
        line: string;
        before: HostSnapshot;
        prompt: string;
        columns: number | undefined;
        interruptAfterSeconds: number;
        terminal: MachineName;
      }
    | undefined;
  /** The terminal lines go to: the host's, or the one open on the LAN machine (the terminal's second tab). */
  private terminal: MachineName = 'host';
  /**
   * The line being typed, already run on a copy of the host (speculate): if Enter comes for it unchanged,
   * that copy becomes the host. Forgotten whenever the host changes.
   */
  private foreseen: Foreseen | undefined;

  constructor(private readonly recipe: PracticeRecipe) {
    this.reset();
  }

  /** Back to the state the terminal opened in. */
  reset(): string {
    this.start ??= replay(this.recipe).snapshot();
    this.setHost(this.start);
    this.pending = undefined;
    this.last = undefined;
    return this.prompt();
  }

  prompt(): string {
    return this.host.prompt(this.terminal);
  }

  /** Whether a program owns the input (`read`, a connected telnet): the next line, Ctrl-C and Ctrl-D go to it. */
  reading(): boolean {
    return this.host.reading(this.terminal);
  }

  /** The machines a terminal can be open on: the tabs the page shows. */
  terminals(): { name: MachineName; hostname: string }[] {
    return this.host.terminals();
  }

  /** Lines go to the terminal open on `terminal` from now on; its prompt. */
  switchTo(terminal: MachineName): string {
    if (!this.terminals().some((known) => known.name === terminal)) throw new Error(`no terminal on ${terminal}`);
    this.terminal = terminal;
    // A first visit opens that terminal: the host changes.
    this.ready = undefined;
    this.foreseen = undefined;
    return this.prompt();
  }

  /**
   * Copies the host now, so that the next line does not have to: the worker calls it once an
   * answer is sent, while the reader reads it and types. Running lines without it gives the same.
   */
  prepare(): void {
    this.ready ??= this.host.snapshot();
  }

  /** The host as `snapshot` left it; the snapshot is also the copy the next line starts from. */
  private setHost(snapshot: HostSnapshot): void {
    this.host = LessonHost.restored(snapshot);
    this.ready = snapshot;
    this.foreseen = undefined;
  }

  /**
   * Runs the line being typed on a copy of the host, so that its output can be on screen at Enter
   * without waiting for the worker. The simulator is deterministic: what the copy prints and becomes
   * is what `run` would give, and `run` takes the copy as the host. Only a line that ends by itself
   * and does not crash is foreseen; undefined otherwise, and the host is untouched either way.
   */
  speculate(line: string, columns?: number): RunOutcome | undefined {
    this.foreseen = undefined;
    if (this.pending || this.reading() || line.trim() === '' || needsMoreInput(line) || parseNetsimCommand(line))
      return undefined;
    this.prepare();
    const before = this.ready!;
    const host = LessonHost.restored(before);
    const prompt = this.prompt();
    const { terminal } = this;
    let result;
    try {
      result = host.run(prompt, line, lineOptions(terminal, columns, before));
    } catch (error) {
      // A tool not fetched yet is fetched now, as a prefetch; the line runs again from the start at Enter.
      if (error instanceof ToolModuleMissing) throw error;
      return undefined;
    }
    if (result.interrupted) return undefined;
    const outcome: RunOutcome = {
      kind: 'done',
      output: joinOutput(result.output),
      prompt: host.prompt(terminal),
      exitCode: result.exitCode,
      ...(host.reading(terminal) ? { reading: true } : {}),
    };
    this.foreseen = { line, columns, terminal, host, before, prompt, outcome };
    return outcome;
  }

  /** The host as it is before a line runs, then forgotten: the line changes the host. */
  private takeBefore(): HostSnapshot {
    const before = this.ready ?? this.host.snapshot();
    this.ready = undefined;
    return before;
  }

  /** Runs a line on a terminal `columns` wide; its output keeps the SGR sequences the page's terminal shows as bold and colour. */
  run(line: string, columns?: number): RunOutcome {
    const foreseen = this.foreseen;
    this.foreseen = undefined;
    if (foreseen && foreseen.line === line && foreseen.columns === columns && foreseen.terminal === this.terminal) {
      this.host = foreseen.host;
      this.ready = undefined;
      this.last = {
        line,
        before: foreseen.before,
        prompt: foreseen.prompt,
        columns,
        interruptAfterSeconds: ENDLESS_AFTER_SECONDS,
        terminal: foreseen.terminal,
      };
      return foreseen.outcome;
    }
    const reading = this.reading();
    if (!reading && needsMoreInput(line)) return { kind: 'more', prompt: CONTINUATION_PROMPT };
    const netsim = reading ? undefined : parseNetsimCommand(line);
    if (netsim?.kind === 'trace') return this.traceLast();
    if (netsim)
      return {
        kind: 'netsim-help',
        usage: netsim.kind === 'usage',
        prompt: this.prompt(),
        exitCode: netsim.kind === 'usage' ? 2 : 0,
      };
    const before = this.takeBefore();
    const prompt = this.prompt();
    const { terminal } = this;
    try {
      const result = this.host.run(prompt, line, lineOptions(terminal, columns, before));
      const output = joinOutput(result.output);
      const interrupted = output.lastIndexOf(INTERRUPT_ECHO);
      if (result.interrupted && interrupted >= 0 && isInterruptEcho(output, interrupted)) {
        this.pending = { line, before, prompt, columns, terminal };
        this.setHost(before);
        return { kind: 'endless', output: output.slice(0, interrupted) };
      }
      this.last = { line, before, prompt, columns, interruptAfterSeconds: ENDLESS_AFTER_SECONDS, terminal };
      return {
        kind: 'done',
        output,
        prompt: this.prompt(),
        exitCode: result.exitCode,
        ...(this.reading() ? { reading: true } : {}),
      };
    } catch (error) {
      this.setHost(before);
      // Not a crash: the line runs again, from the same host, once the tool's module is loaded.
      if (error instanceof ToolModuleMissing) throw error;
      return {
        kind: 'crashed',
        message: error instanceof Error ? error.message : String(error),
        prompt: this.prompt(),
      };
    }
  }

  /**
   * The last command's packets, hop by hop: the line runs again from the host
   * as it was before it, on a copy, with tracing on. The simulator is
   * deterministic, so the copy does what the reader's command did; the
   * reader's host is not touched, and commands run untraced meanwhile.
   */
  private traceLast(): RunOutcome {
    const prompt = this.prompt();
    const last = this.last;
    if (!last) return { kind: 'trace', command: undefined, trace: undefined, prompt };
    try {
      const copy = LessonHost.restored(last.before);
      const { trace } = copy.traced(last.prompt, last.line, {
        interruptAfterSeconds: last.interruptAfterSeconds,
        terminal: last.terminal,
        ...widthOf(last.columns),
      });
      return { kind: 'trace', command: last.line, trace, prompt };
    } catch (error) {
      if (error instanceof ToolModuleMissing) throw error;
      return { kind: 'crashed', message: error instanceof Error ? error.message : String(error), prompt };
    }
  }

  /**
   * Ctrl-C `seconds` after an endless line started: everything it showed, ^C and what it printed on its way out.
   * Without `seconds`, where the run ahead stopped: what it showed is all there is (a loop whose lines carry no time).
   */
  interrupt(seconds = ENDLESS_AFTER_SECONDS, columns?: number): RunOutcome {
    const pending = this.pending;
    if (!pending) return { kind: 'done', output: '', prompt: this.prompt(), exitCode: 130 };
    this.pending = undefined;
    this.setHost(pending.before);
    this.ready = undefined;
    try {
      const interruptAfterSeconds = Math.max(seconds, 1);
      const result = this.host.run(pending.prompt, pending.line, {
        interruptAfterSeconds,
        styled: true,
        terminal: pending.terminal,
        ...widthOf(columns ?? pending.columns),
      });
      const output = joinOutput(result.output);
      this.last = {
        line: pending.line,
        before: pending.before,
        prompt: pending.prompt,
        columns: columns ?? pending.columns,
        interruptAfterSeconds,
        terminal: pending.terminal,
      };
      return { kind: 'done', output, prompt: this.prompt(), exitCode: result.exitCode };
    } catch (error) {
      this.setHost(pending.before);
      if (error instanceof ToolModuleMissing) {
        this.pending = pending;
        throw error;
      }
      return {
        kind: 'crashed',
        message: error instanceof Error ? error.message : String(error),
        prompt: this.prompt(),
      };
    }
  }

  /** What Tab completes from (completion.ts, which the worker fetches on the first Tab), in the terminal lines go to. */
  completionNames(): CompletionContext {
    const names = this.host.names(this.terminal);
    // `netsim` is the terminal's own command (netsim-command.ts), not one of the host's programs.
    return { ...names, commands: [...names.commands, 'netsim'].sort() };
  }

  /** An exercise's goals, checked on a copy of the host as the reader left it. */
  checkGoals(goals: readonly Goal[]): GoalResult[] {
    return this.host.checkGoals(goals);
  }

  /** The host as it is now: exercises check their goals on a copy of it. */
  snapshot(): HostSnapshot {
    this.prepare();
    return this.ready!;
  }
}

/** A line run ahead on a copy of the host, and what it printed there. */
interface Foreseen {
  readonly line: string;
  readonly columns: number | undefined;
  readonly terminal: MachineName;
  /** The copy, as the line left it. */
  readonly host: LessonHost;
  readonly before: HostSnapshot;
  readonly prompt: string;
  readonly outcome: RunOutcome;
}

/** A command's output lines as the screen shows them: each ends with a newline. */
const joinOutput = (lines: readonly string[]): string => lines.join('\n') + (lines.length > 0 ? '\n' : '');

/**
 * How a line typed at Enter runs (and one run ahead of it, which must print the same); `before`, the copy of
 * the host the line starts from, is what the host keeps if the line waits for typed input.
 */
const lineOptions = (terminal: MachineName, columns: number | undefined, before: HostSnapshot) => ({
  interruptAfterSeconds: ENDLESS_AFTER_SECONDS,
  styled: true,
  terminal,
  typing: true,
  before,
  ...widthOf(columns),
});

const widthOf = (columns: number | undefined): { columns?: number } =>
  columns !== undefined && columns > 0 ? { columns } : {};

/** `^C` at the start of a line, as the terminal echoes it: not a caret and a C inside some output. */
function isInterruptEcho(output: string, index: number): boolean {
  return index === 0 || output[index - 1] === '\n';
}
