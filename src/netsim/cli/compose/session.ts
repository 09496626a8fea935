import type { Engine } from '../../engine/engine';
import { plainProgress, ttyProgress, type EventStatus, type ProgressEvent } from '../../format/compose-progress';
import { logrusLine } from '../../format/logrus';
import { collect, type CommandResult, type OutputChunk, type ProcessContext } from '../command';
import type { ProjectEnvironment, ProjectOptions } from './load';

/** --progress values (cmd/compose/compose.go printerModes) and --ansi's. */
export type ProgressMode = 'auto' | 'tty' | 'plain' | 'quiet' | 'json';

/** What the root command parsed, for every subcommand. */
export interface RootOptions extends ProjectOptions {
  readonly progress: ProgressMode;
  readonly ansi: 'auto' | 'never' | 'always';
  readonly dryRun: boolean;
}

/** How many rows goterm.Height finds: a terminal opens 24 rows high. */
const TERMINAL_ROWS = 24;

/**
 * One run of the plugin: the daemon, the process it runs as, what it writes
 * (stdout and stderr in order), and how it shows progress: at a terminal the
 * TTY writer's last frame, elsewhere the plain writer's lines (progress.NewWriter
 * with ModeAuto: isTerminal on stderr, which stdinfo() is).
 */
export class Session {
  private readonly output: OutputChunk[] = [];

  constructor(
    readonly engine: Engine,
    readonly process: ProcessContext,
    readonly root: RootOptions,
  ) {}

  out(text: string): void {
    if (text !== '') this.output.push({ stream: 'stdout', text });
  }

  /** What the terminal itself echoes: `^C`. */
  tty(text: string): void {
    this.output.push({ stream: 'tty', text });
  }

  err(text: string): void {
    if (text !== '') this.output.push({ stream: 'stderr', text });
  }

  /** logrus.Warnf on stderr, coloured at a terminal. */
  warn(message: string): void {
    this.err(
      logrusLine('warning', message, {
        colored: this.process.stderrIsTerminal === true,
        nowMs: this.engine.clock.now(),
      }),
    );
  }

  /**
   * Ctrl-C: the terminal echoes ^C, AdaptCmd turns the cancelled context into
   * StatusError{130} with no text, and plugin.Run's Fprintln prints it: an empty line.
   */
  interrupted(): CommandResult {
    this.tty('^C');
    this.err('\n');
    return this.result(130);
  }

  result(exitCode: number): CommandResult {
    return collect(this.output, exitCode);
  }

  /** The error the plugin prints before exiting 1 (plugin.Run: fmt.Fprintln(dockerCli.Err(), err)). */
  fail(message: string, exitCode = 1): CommandResult {
    this.err(`${message}\n`);
    return this.result(exitCode);
  }

  projectEnvironment(): ProjectEnvironment {
    return {
      cwd: this.process.cwd ?? '/',
      env: this.process.env ?? new Map(),
      files: this.process.files,
      warn: (message) => this.warn(message),
    };
  }

  /** The mode progress.NewWriter picks: tty at a terminal for auto, plain elsewhere. */
  progressMode(): 'tty' | 'plain' | 'quiet' {
    const mode = this.root.progress;
    if (mode === 'quiet') return 'quiet';
    if (mode === 'tty') return 'tty';
    if (mode === 'plain' || mode === 'json') return 'plain';
    return this.process.stderrIsTerminal ? 'tty' : 'plain';
  }

  /** progress.Run / RunWithTitle: a writer for one operation; `end()` draws the last frame at a terminal. */
  progress(title = 'Running'): Progress {
    return new Progress(this, title);
  }

  /** The TTY writer's last frame for a finished operation (the plain writer printed each event as it came). */
  showProgress(events: readonly ProgressEvent[], title: string, startedMs: number): void {
    if (this.progressMode() !== 'tty' || events.length === 0) return;
    const now = this.engine.clock.now();
    const width = this.process.stdoutIsTerminal ? (this.process.terminalColumns ?? 80) : -1;
    this.err(
      ttyProgress(events, {
        title,
        width,
        height: this.process.stdoutIsTerminal ? TERMINAL_ROWS : -1,
        nowMs: now,
        redrawn: now - startedMs >= 100,
      }),
    );
  }
}

/** A progress writer: the events of one operation, on the simulated clock. */
export class Progress {
  readonly events: ProgressEvent[] = [];
  private readonly startedMs: number;

  constructor(
    private readonly session: Session,
    private readonly title: string,
  ) {
    this.startedMs = session.engine.clock.now();
  }

  event(id: string, status: EventStatus, statusText: string, text = '', parentId?: string): void {
    this.eventAt(this.session.engine.clock.now(), id, status, statusText, text, parentId);
  }

  /** An event at a time already past (a pull's layers, spread over the pull). */
  eventAt(atMs: number, id: string, status: EventStatus, statusText: string, text = '', parentId?: string): void {
    const event: ProgressEvent = {
      id,
      status,
      statusText,
      text,
      atMs,
      ...(parentId !== undefined ? { parentId } : {}),
    };
    this.events.push(event);
    if (this.session.progressMode() === 'plain') this.session.err(plainProgress([event]));
  }

  /** Stop(): the plain writer has printed every line already; the TTY writer draws once more. */
  end(): void {
    this.session.showProgress(this.events, this.title, this.startedMs);
  }
}
