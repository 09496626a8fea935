import { stripSgr } from './sgr';
import {
  Host,
  type CommandTrace,
  type Goal,
  type GoalResult,
  type HostSnapshot,
  type MachineName,
  type TopologyRecord,
} from '../netsim/index';

export { sessionSeed } from './session-seed';

/**
 * Simulated seconds a lesson command may run. A command still running then never
 * ends by itself (`ping` without -c, a server in the foreground) or takes longer
 * than a reader waits: a lesson must give it an end, or say when Ctrl-C comes.
 */
export const COMMAND_BUDGET_SECONDS = 60;

/** A console block's terminal is 80 columns wide unless its fence says `cols=N`. */
export const LESSON_COLUMNS = 80;

export interface LessonRunOptions {
  interruptAfterSeconds?: number;
  columns?: number;
  styled?: boolean;
  /** The terminal typed in: the host's, or the reader's second one on the LAN machine. */
  terminal?: MachineName;
  /** Typed at a reader's terminal: a program may read the lines typed next (`read`, a connected telnet). */
  typing?: boolean;
  /** With `typing`, the host as a snapshot taken just before the line, kept if the line waits (Host.run's `before`). */
  before?: HostSnapshot | undefined;
}

/** What one typed command did, as a lesson shows it. */
export interface StepResult {
  /** Ctrl-C ended it: the terminal echoed `^C` (not a program that printed those characters). */
  interrupted?: boolean;
  /** Simulated seconds it ran, when that is more than COMMAND_BUDGET_SECONDS. */
  overBudgetSeconds?: number;
  /** The prompt the terminal showed before the command. */
  prompt: string;
  /** What the terminal showed after it, line by line. */
  output: string[];
  exitCode: number;
}

/**
 * The lines a terminal shows after the command: stdout and stderr as they
 * interleaved, and what the terminal echoed (`^C`). Styled (the browser's
 * terminal), the SGR sequences that colour or embolden text stay; otherwise
 * they go, as a lesson stores and compares its text without them.
 */
export function terminalLines(result: { output: string }, { styled = false }: { styled?: boolean } = {}): string[] {
  const text = styled ? result.output : stripSgr(result.output);
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map(asDisplayed);
}

/**
 * A carriage return sends the cursor back to the start of the line, so what
 * follows overwrites what was there: HTTP headers end in an invisible `\r`, and
 * progress meters redraw themselves.
 */
function asDisplayed(line: string): string {
  if (!line.includes('\r')) return line;
  let shown = '';
  for (const part of line.split('\r')) shown = part + shown.slice(part.length);
  return shown;
}

/**
 * The simulated host a session types into. A `# ` prompt at the host's own shell
 * means the lesson is root there, so the command runs as root.
 */
export class LessonHost {
  private constructor(private readonly host: Host) {}

  static fresh(seed: number): LessonHost {
    return new LessonHost(Host.create({ seed }));
  }

  static restored(snapshot: HostSnapshot): LessonHost {
    return new LessonHost(Host.fromSnapshot(snapshot));
  }

  /** The prompt the next command is typed at, in the host's terminal or the LAN machine's. */
  prompt(terminal: MachineName = 'host'): string {
    return this.host.prompt({ terminal });
  }

  /** Whether a program owns that terminal's input (`read`, a connected telnet): the next line is typed to it. */
  reading(terminal: MachineName = 'host'): boolean {
    return this.host.reading({ terminal });
  }

  /** The machines a terminal can be open on, the host first. */
  terminals(): ReturnType<Host['terminals']> {
    return this.host.terminals();
  }

  /** Whether `written` is a prompt the lesson may show here: at the host's shell, `$ ` or `# `. */
  accepts(written: string, terminal: MachineName = 'host'): boolean {
    const actual = this.prompt(terminal);
    return written === actual || (actual === '$ ' && written === '# ');
  }

  /**
   * Runs a command as a lesson types it: Ctrl-C comes `interruptAfterSeconds` after Enter, by default when the budget is spent;
   * the terminal is `columns` wide; `styled` keeps the SGR sequences a terminal shows as colour and bold.
   */
  run(
    written: string,
    command: string,
    {
      interruptAfterSeconds = COMMAND_BUDGET_SECONDS,
      columns = LESSON_COLUMNS,
      styled = false,
      terminal = 'host',
      typing = false,
      before,
    }: LessonRunOptions = {},
  ): StepResult {
    const prompt = this.accepts(written, terminal) ? written : this.prompt(terminal);
    const reading = this.reading(terminal);
    const asRoot = prompt === '# ' && !reading;
    const result = this.host.run(command, { asRoot, interruptAfterSeconds, columns, terminal, typing, before });
    const step: StepResult = { prompt, output: terminalLines(result, { styled }), exitCode: result.exitCode };
    // The terminal's own echo is in `output` but in neither stream a program writes.
    if (result.output.includes('^C') && !`${result.stdout}${result.stderr}`.includes('^C')) step.interrupted = true;
    else if (result.elapsedMs > COMMAND_BUDGET_SECONDS * 1000)
      step.overBudgetSeconds = Math.ceil(result.elapsedMs / 1000);
    return step;
  }

  /** Runs a command as `run` does, with every hop its packets take recorded: what a trace shows. */
  traced(
    written: string,
    command: string,
    {
      interruptAfterSeconds = COMMAND_BUDGET_SECONDS,
      columns = LESSON_COLUMNS,
      terminal = 'host',
    }: LessonRunOptions = {},
  ): { step: StepResult; trace: CommandTrace } {
    const prompt = this.accepts(written, terminal) ? written : this.prompt(terminal);
    const result = this.host.run(command, {
      asRoot: prompt === '# ',
      interruptAfterSeconds,
      columns,
      trace: true,
      terminal,
    });
    return {
      step: { prompt, output: terminalLines(result), exitCode: result.exitCode },
      trace: result.trace ?? { hops: [], namespaces: [] },
    };
  }

  /** Whether the host meets each goal, checked on a copy of it. */
  checkGoals(goals: readonly Goal[]): GoalResult[] {
    return this.host.checkGoals(goals);
  }

  /** Names a terminal completes (programs, containers, networks, images), read without changing the host. */
  names(terminal: MachineName = 'host'): ReturnType<Host['names']> {
    return this.host.names({ terminal });
  }

  /** The host's network as a figure draws it, read without changing anything. */
  topology(): TopologyRecord {
    return this.host.topology();
  }

  snapshot(): HostSnapshot {
    return this.host.snapshot();
  }
}
