import { VirtualClock } from '../../clock';
import { collect, fail, type CommandResult, type OutputChunk, type Program } from '../command';
import { long, short } from './input';
import { busyboxUsage, isBusybox, localeQuote, textOptions, type TextDialect } from './dialect';

/**
 * The clock a program under timeout sees: the host's, except that it never
 * passes the deadline; a program that would sleep past it is killed there.
 */
class DeadlineClock extends VirtualClock {
  expired = false;

  constructor(
    private readonly base: VirtualClock,
    private readonly deadlineMs: number,
  ) {
    super(base.now());
  }

  override now(): number {
    return this.base.now();
  }

  override advance(ms: number): void {
    const allowed = Math.max(0, Math.min(ms, this.deadlineMs - this.base.now()));
    if (allowed < ms) this.expired = true;
    this.base.advance(allowed);
  }
}

const SUFFIX_SECONDS: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 };

/** A duration as both timeouts read it: a number with an optional s, m, h or d. */
function durationMs(text: string): number | undefined {
  const match = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(text);
  return match ? Number(match[1]) * SUFFIX_SECONDS[match[2]!]! * 1000 : undefined;
}

const GNU_OPTIONS = [
  short('s', true, 'signal'),
  short('k', true, 'kill-after'),
  short('v', false, 'verbose'),
  short('f', false, 'foreground'),
  short('p', false, 'preserve-status'),
  long('preserve-status'),
  long('foreground'),
];
const BUSYBOX_OPTIONS = [short('s', true), short('k', true)];

/**
 * timeout DURATION COMMAND: runs the command, which the deadline ends on the
 * virtual clock. GNU's (coreutils src/timeout.c) sends TERM from a parent
 * process and exits 124; BusyBox's (coreutils/timeout.c) runs the command in
 * its own process and has a child kill it, so the shell sees it die of
 * SIGTERM: status 143 and the shell's `Terminated`. A program that ends at
 * Ctrl-C is cut off there instead, without what its SIGINT handler prints.
 */
export function timeoutProgram(dialect: TextDialect): Program {
  const busybox = isBusybox(dialect);
  return {
    name: 'timeout',
    run(args, context) {
      const parsed = textOptions('timeout', args, busybox ? BUSYBOX_OPTIONS : GNU_OPTIONS, dialect, 125, true);
      if ('failure' in parsed) return parsed.failure;
      const [duration, ...command] = parsed.operands;
      if (duration === undefined || command.length === 0)
        return busybox ? busyboxUsage('timeout') : fail("Try 'timeout --help' for more information.\n", 125);
      const limit = durationMs(duration);
      if (limit === undefined)
        return busybox
          ? fail(`timeout: invalid number '${duration}'\n`)
          : fail(
              `timeout: invalid time interval ${localeQuote(duration, context)}\nTry 'timeout --help' for more information.\n`,
              125,
            );
      const ctrlC = context.interruptAfterMs ?? Infinity;
      const clock = new DeadlineClock(context.clock, limit === 0 ? Infinity : context.clock.now() + limit);
      const result = context.exec?.(command, {
        stdin: context.stdin,
        clock,
        interruptAfterMs: limit === 0 ? ctrlC : Math.min(limit, ctrlC),
      });
      if (!result)
        return busybox
          ? fail(`timeout: can't execute '${command[0]}': No such file or directory\n`, 127)
          : fail(
              `timeout: failed to run command ${localeQuote(command[0]!, context)}: No such file or directory\n`,
              127,
            );
      const interrupted = result.output?.some((chunk) => chunk.stream === 'tty') ?? false;
      if (interrupted && limit >= ctrlC) return result;
      if (!clock.expired && !interrupted) return result;
      return killed(
        result,
        busybox,
        parsed.options.some((option) => option.name === 'preserve-status' || option.name === 'p'),
      );
    },
  };
}

/** What was written before the deadline, and the status of a program killed by SIGTERM. */
function killed(result: CommandResult, busybox: boolean, preserveStatus: boolean): CommandResult {
  const chunks = result.output ?? [
    { stream: 'stdout', text: result.stdout },
    { stream: 'stderr', text: result.stderr },
  ];
  const cut = chunks.findIndex((chunk) => chunk.stream === 'tty');
  const before: OutputChunk[] = cut < 0 ? [...chunks] : chunks.slice(0, cut);
  if (busybox) return collect([...before, { stream: 'stderr', text: 'Terminated\n' }], 143);
  return collect(before, preserveStatus ? 143 : 124);
}
