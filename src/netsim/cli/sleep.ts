import { collect, fail, ok, type Program } from './command';
import { tryHelp } from './text/input';

/** Seconds in each suffix both sleeps take (GNU src/sleep.c apply_suffix, BusyBox libbb/duration.c duration_suffixes). */
const SUFFIX_SECONDS: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 };

/** BusyBox's usage for sleep (coreutils/sleep.c, FEATURE_FANCY_SLEEP), without the banner that names each build. */
const BUSYBOX_SLEEP_USAGE = `
Usage: sleep [N]...

Pause for a time equal to the total of the args given, where each arg can
have an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays
`;

/** One operand in seconds, or undefined when the tool rejects it; `inf` never ends. */
function seconds(word: string): number | undefined {
  if (/^inf(inity)?$/i.test(word)) return Infinity;
  const match = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(word);
  return match ? Number(match[1]) * SUFFIX_SECONDS[match[2]!]! : undefined;
}

/**
 * sleep: the clock moves by the sum of its operands. GNU's (Debian's coreutils)
 * and BusyBox's differ only in their errors: GNU says `invalid time interval`
 * and points to --help, BusyBox says `invalid number` (libbb xatoul_sfx) and
 * shows its usage when given nothing. `sleep infinity` runs until Ctrl-C.
 */
export function sleepProgram(dialect: 'gnu' | 'busybox'): Program {
  return {
    name: 'sleep',
    run(args, context) {
      const operands = args[0] === '--' ? args.slice(1) : args;
      if (operands.length === 0)
        return dialect === 'gnu' ? tryHelp('sleep', 'sleep: missing operand\n') : fail(BUSYBOX_SLEEP_USAGE);
      let total = 0;
      for (const word of operands) {
        const value = seconds(word);
        if (value === undefined)
          return dialect === 'gnu'
            ? tryHelp('sleep', `sleep: invalid time interval '${word}'\n`)
            : fail(`sleep: invalid number '${word}'\n`);
        total += value;
      }
      if (total !== Infinity) {
        context.clock.advance(Math.round(total * 1000));
        return ok();
      }
      // Killed by the terminal's SIGINT: the shell reports 128 + 2.
      if (context.interruptAfterMs !== undefined) context.clock.advance(context.interruptAfterMs);
      return collect([{ stream: 'tty', text: '^C' }], 130);
    },
  };
}
