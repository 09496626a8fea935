import { fail, type CommandResult, type ProcessContext } from '../command';
import { getoptLong, type OptionSpec } from '../getopt';
import { tryHelp } from './input';

/**
 * Whose text tool runs: GNU's (the Debian host and Debian images), or BusyBox's
 * applet built against glibc (the busybox image) or musl (Alpine), whose getopt
 * words its complaints differently.
 */
export type TextDialect = 'gnu' | 'busybox' | 'busybox-musl';

export const isBusybox = (dialect: TextDialect) => dialect !== 'gnu';

/**
 * BusyBox 1.37's usage texts (its usage.h, as `busybox APPLET` with bad
 * arguments prints them: golden/text/busybox-*.txt), without the banner line
 * above them that names each build (`BusyBox v1.37.0 (...) multi-call binary.`).
 */
export const BUSYBOX_USAGE = {
  tr: '\nUsage: tr [-cds] STRING1 [STRING2]\n\nTranslate, squeeze, or delete characters from stdin, writing to stdout\n\n\t-c\tTake complement of STRING1\n\t-d\tDelete input characters coded STRING1\n\t-s\tSqueeze multiple output characters of STRING2 into one character\n',
  uniq: '\nUsage: uniq [-cduiz] [-f,s,w N] [FILE [OUTFILE]]\n\nDiscard duplicate lines\n\n\t-c\tPrefix lines by the number of occurrences\n\t-d\tOnly print duplicate lines\n\t-u\tOnly print unique lines\n\t-i\tIgnore case\n\t-z\tNUL terminated output\n\t-f N\tSkip first N fields\n\t-s N\tSkip first N chars (after any skipped fields)\n\t-w N\tCompare N characters in line\n',
  xargs:
    "\nUsage: xargs [OPTIONS] [PROG ARGS]\n\nRun PROG on every item given by stdin\n\n\t-0\tNUL terminated input\n\t-a FILE\tRead from FILE instead of stdin\n\t-o\tReopen stdin as /dev/tty\n\t-r\tDon't run command if input is empty\n\t-t\tPrint the command on stderr before execution\n\t-p\tAsk user whether to run each command\n\t-E STR,-e[STR]\tSTR stops input processing\n\t-I STR\tReplace STR within PROG ARGS with input line\n\t-n N\tPass no more than N args to PROG\n\t-s N\tPass command line of no more than N bytes\n\t-P N\tRun up to N PROGs in parallel\n\t-x\tExit if size is exceeded\n",
  sed: '\nUsage: sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...\nor: sed [-i[SFX]] [-nrE] CMD [FILE]...\n\n\t-e CMD\tAdd CMD to sed commands to be executed\n\t-f FILE\tAdd FILE contents to sed commands to be executed\n\t-i[SFX]\tEdit files in-place (otherwise write to stdout)\n\t\tOptionally back files up, appending SFX\n\t-n\tSuppress automatic printing of pattern space\n\t-r,-E\tUse extended regex syntax\n\nIf no -e or -f, the first non-option argument is the sed command string.\nRemaining arguments are input files (stdin if none).\n',
  awk: '\nUsage: awk [OPTIONS] [AWK_PROGRAM] [FILE]...\n\n\t-v VAR=VAL\tSet variable\n\t-F SEP\t\tUse SEP as field separator\n\t-f/-E FILE\tRead program from FILE\n\t-e AWK_PROGRAM\n',
  basename:
    '\nUsage: basename FILE [SUFFIX] | -a FILE... | -s SUFFIX FILE...\n\nStrip directory path and SUFFIX from FILE\n\n\t-a\t\tAll arguments are FILEs\n\t-s SUFFIX\tRemove SUFFIX (implies -a)\n',
  dirname: '\nUsage: dirname FILENAME\n\nStrip non-directory suffix from FILENAME\n',
  nl: '\nUsage: nl [OPTIONS] [FILE]...\n\nWrite FILEs to standard output with line numbers added\n\n\t-b STYLE\tWhich lines to number - a: all, t: nonempty, n: none\n\t-i N\t\tLine number increment\n\t-s STRING\tUse STRING as line number separator\n\t-v N\t\tStart from N\n\t-w N\t\tWidth of line numbers\n',
  rev: '\nUsage: rev [FILE]...\n\nReverse lines of FILE\n',
  watch:
    "\nUsage: watch [-n SEC] [-t] PROG ARGS\n\nRun PROG periodically\n\n\t-n SEC\tPeriod (default 2)\n\t-t\tDon't print header\n",
  // The missing space after `TERM.` is BusyBox's (coreutils/timeout.c's usage).
  timeout:
    '\nUsage: timeout [-s SIG] [-k KILL_SECS] SECS PROG ARGS\n\nRun PROG. Send SIG to it if it is not gone in SECS seconds.\nDefault SIG: TERM.If it still exists in KILL_SECS seconds, send KILL.\n\n',
} as const;

export type UsageApplet = keyof typeof BUSYBOX_USAGE;

/** bb_show_usage(): the message, if any, then the applet's usage; status 1. */
export const busyboxUsage = (applet: UsageApplet, message = ''): CommandResult =>
  fail(message + BUSYBOX_USAGE[applet], 1);

export interface ParsedOptions {
  readonly options: readonly { readonly name: string; readonly value: string | undefined }[];
  readonly operands: readonly string[];
}

/**
 * Options as each dialect's getopt reads them; a bad one fails as the tool does:
 * GNU points to --help (status `gnuStatus`), BusyBox shows its usage. BusyBox's
 * getopt32 stops at the first operand (`+` in its option string) for the tools
 * that run another program.
 */
export function textOptions(
  program: UsageApplet | string,
  args: readonly string[],
  specs: readonly OptionSpec[],
  dialect: TextDialect,
  gnuStatus = 1,
  stopAtOperand = false,
): ParsedOptions | { failure: CommandResult } {
  const split = stopAtOperand ? firstOperand(args, specs) : args.length;
  const parsed = getoptLong(program, args.slice(0, split), specs, dialect === 'busybox-musl' ? 'musl' : 'glibc');
  const { events } = parsed;
  const operands = [...parsed.operands, ...args.slice(split)];
  const error = events.find((event) => event.kind === 'error');
  if (error && 'message' in error) {
    if (dialect === 'gnu') return { failure: tryHelp(program, error.message, gnuStatus) };
    return {
      failure: program in BUSYBOX_USAGE ? busyboxUsage(program as UsageApplet, error.message) : fail(error.message),
    };
  }
  const options = events.flatMap((event) =>
    event.kind === 'option' ? [{ name: event.spec.long ?? event.spec.short!, value: event.value }] : [],
  );
  return { options, operands };
}

/** Where the options end for a `+` option string: at the first word that is no option nor an option's value. */
function firstOperand(args: readonly string[], specs: readonly OptionSpec[]): number {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--') return index + 1;
    if (!arg.startsWith('-') || arg === '-') return index;
    if (arg.startsWith('--')) {
      const spec = specs.find((candidate) => candidate.long === arg.slice(2));
      if (spec?.takesValue && !spec.optionalValue) index++;
      continue;
    }
    for (let at = 1; at < arg.length; at++) {
      const spec = specs.find((candidate) => candidate.short === arg[at]);
      if (!spec?.takesValue && !spec?.optionalValue) continue;
      if (at === arg.length - 1 && spec.takesValue && !spec.optionalValue) index++;
      break;
    }
  }
  return args.length;
}

/**
 * coreutils' quote(): ‘name’ in a UTF-8 locale, 'name' in the C locale (gnulib
 * quotearg's locale_quoting_style); the host's LANG is C.UTF-8, an image sets none.
 */
export function localeQuote(text: string, context: ProcessContext): string {
  const locale = context.env?.get('LC_ALL') || context.env?.get('LC_MESSAGES') || context.env?.get('LANG') || '';
  return /utf-?8/i.test(locale) ? `\u2018${text}\u2019` : `'${text}'`;
}
