import { collect, fail, type OutputChunk, type Program, type ProcessContext } from '../command';
import { busyboxUsage, isBusybox, textOptions, type TextDialect } from './dialect';
import { short } from './input';

/** procps-ng 4.0.4's usage for watch (src/watch.c usage()), on stderr for a bad option or no command (golden/text/gnu-watch-no-command.txt). */
const GNU_WATCH_USAGE =
  '\nUsage:\n watch [options] command\n\nOptions:\n  -b, --beep             beep if command has a non-zero exit\n  -c, --color            interpret ANSI color and style sequences\n  -C, --no-color         do not interpret ANSI color and style sequences\n  -d, --differences[=<permanent>]\n                         highlight changes between updates\n  -e, --errexit          exit if command has a non-zero exit\n  -g, --chgexit          exit when output from command changes\n  -q, --equexit <cycles>\n                         exit when output from command does not change\n  -n, --interval <secs>  seconds to wait between updates\n  -p, --precise          attempt run command in precise intervals\n  -r, --no-rerun         do not rerun program on window resize\n  -t, --no-title         turn off header\n  -w, --no-wrap          turn off line wrapping\n  -x, --exec             pass command to exec instead of "sh -c"\n\n -h, --help     display this help and exit\n -v, --version  output version information and exit\n\nFor more details see watch(1).\n';

const GNU_OPTIONS = [
  short('b', false, 'beep'),
  short('c', false, 'color'),
  short('C', false, 'no-color'),
  { short: 'd', long: 'differences', takesValue: false, optionalValue: true },
  short('e', false, 'errexit'),
  short('g', false, 'chgexit'),
  short('q', true, 'equexit'),
  short('n', true, 'interval'),
  short('p', false, 'precise'),
  short('r', false, 'no-rerun'),
  short('t', false, 'no-title'),
  short('w', false, 'no-wrap'),
  short('x', false, 'exec'),
];
const BUSYBOX_OPTIONS = [short('n', true), short('t', false)];

/** How many times the command runs at most before Ctrl-C, whatever the interval. */
const MOST_RUNS = 1000;

/**
 * watch: runs the command every interval on the virtual clock until Ctrl-C.
 * procps' watch draws on the terminal's alternate screen and leaves it as it
 * found it when Ctrl-C ends it (status 0), so nothing of it stays on the
 * screen; netsim prints nothing for it. BusyBox's clears the screen and
 * writes a header line, a blank line and the output each time, and dies of
 * SIGINT (`^C`, status 130).
 */
export function watchProgram(dialect: TextDialect): Program {
  const busybox = isBusybox(dialect);
  return {
    name: 'watch',
    run(args, context) {
      const parsed = textOptions('watch', args, busybox ? BUSYBOX_OPTIONS : GNU_OPTIONS, dialect, 1, true);
      if ('failure' in parsed)
        return busybox ? parsed.failure : fail(parsed.failure.stderr.replace(/Try .*\n$/, '') + GNU_WATCH_USAGE);
      if (parsed.operands.length === 0) return busybox ? busyboxUsage('watch') : fail(GNU_WATCH_USAGE);
      const value = (name: string) => parsed.options.filter((option) => option.name === name).at(-1)?.value;
      const seconds = Math.max(0.1, Number(value(busybox ? 'n' : 'interval') ?? 2) || 2);
      const command = parsed.operands.join(' ');
      const exec = !busybox && parsed.options.some((option) => option.name === 'exec');
      const untilCtrlC = context.interruptAfterMs ?? 0;
      const started = context.clock.now();
      const screens: OutputChunk[] = [];
      for (let run = 0; run < MOST_RUNS && context.clock.now() - started < untilCtrlC; run++) {
        const result = context.exec?.(exec ? parsed.operands : ['sh', '-c', command], { stdin: '' });
        if (busybox) {
          const header = parsed.options.some((option) => option.name === 't')
            ? ''
            : `${busyboxHeader(seconds, command, context)}\n\n`;
          screens.push({ stream: 'stdout', text: `\x1b[H\x1b[J${header}${result?.stdout ?? ''}` });
        }
        context.clock.advance(Math.min(seconds * 1000, Math.max(0, untilCtrlC - (context.clock.now() - started))));
      }
      return busybox ? collect([...screens, { stream: 'tty', text: '^C' }], 130) : collect([], 0);
    },
  };
}

/** BusyBox's header: `Every 2.0s: CMD`, the date at the right of an 80-column line less one (no terminal size asked). */
function busyboxHeader(seconds: number, command: string, context: ProcessContext): string {
  const date = new Date(context.clock.now()).toISOString().slice(0, 19).replace('T', ' ');
  const left = `Every ${seconds.toFixed(1)}s: ${command}`;
  const width = (context.terminalColumns ?? 80) - 1;
  return `${left.slice(0, Math.max(0, width - date.length - 1)).padEnd(width - date.length)}${date}`;
}
