import { fail, type CommandResult, type Program } from '../command';
import { short } from './input';
import { busyboxUsage, isBusybox, localeQuote, textOptions, type TextDialect } from './dialect';

const OPTIONS = [
  short('c', false, 'complement'),
  short('C'),
  short('d', false, 'delete'),
  short('s', false, 'squeeze-repeats'),
  short('t', false, 'truncate-set1'),
];

/** The characters of each `[:class:]` in the C locale, in code order (tr's ranges of bytes). */
const CLASSES: Readonly<Record<string, (code: number) => boolean>> = {
  alnum: (c) => CLASSES.alpha!(c) || CLASSES.digit!(c),
  alpha: (c) => CLASSES.upper!(c) || CLASSES.lower!(c),
  blank: (c) => c === 32 || c === 9,
  cntrl: (c) => c < 32 || c === 127,
  digit: (c) => c >= 48 && c <= 57,
  graph: (c) => c > 32 && c < 127,
  lower: (c) => c >= 97 && c <= 122,
  print: (c) => c >= 32 && c < 127,
  punct: (c) => c > 32 && c < 127 && !CLASSES.alnum!(c),
  space: (c) => (c >= 9 && c <= 13) || c === 32,
  upper: (c) => c >= 65 && c <= 90,
  xdigit: (c) => CLASSES.digit!(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
};

const ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/** One character of a set at `at`, with its backslash escape (`\n`, `\\`, `\NNN` octal) read. */
function charAt(text: string, at: number): { char: string; next: number } {
  if (text[at] !== '\\' || at === text.length - 1) return { char: text[at]!, next: at + 1 };
  const octal = /^[0-7]{1,3}/.exec(text.slice(at + 1));
  if (octal) return { char: String.fromCharCode(Number.parseInt(octal[0], 8) & 0xff), next: at + 1 + octal[0].length };
  const escaped = text[at + 1]!;
  return { char: ESCAPES[escaped] ?? escaped, next: at + 2 };
}

type Expanded = { chars: string[] } | { error: string };

/** A set as tr spells it out: classes, `a-z` ranges and `[c*n]` repeats (GNU; BusyBox reads classes and ranges). */
function expandSet(text: string, busybox: boolean): Expanded {
  const chars: string[] = [];
  for (let at = 0; at < text.length;) {
    const named = /^\[:([a-z]+):\]/.exec(text.slice(at));
    if (named) {
      const test = CLASSES[named[1]!];
      if (!test) return { error: `invalid character class ${named[1]}` };
      for (let code = 0; code < 256; code++) if (test(code)) chars.push(String.fromCharCode(code));
      at += named[0].length;
      continue;
    }
    const repeat = /^\[(\\?.)\*(\d*)\]/.exec(text.slice(at));
    if (repeat) {
      const { char } = charAt(repeat[1]!, 0);
      // `[c*]` fills set2 up to set1's length: marked here, filled by the caller.
      chars.push(...(repeat[2] ? Array<string>(Number(repeat[2])).fill(char) : [`\u0000fill${char}`]));
      at += repeat[0].length;
      continue;
    }
    const first = charAt(text, at);
    if (text[first.next] === '-' && first.next + 1 < text.length) {
      const last = charAt(text, first.next + 1);
      const [from, to] = [first.char.charCodeAt(0), last.char.charCodeAt(0)];
      // GNU refuses a backwards range; BusyBox's expand() makes it empty.
      if (to < from && !busybox)
        return { error: `range-endpoints of '${text.slice(at, last.next)}' are in reverse collating sequence order` };
      for (let code = from; code <= to; code++) chars.push(String.fromCharCode(code));
      at = last.next;
      continue;
    }
    chars.push(first.char);
    at = first.next;
  }
  return { chars };
}

/** Every byte not in `set`, in order: what -c makes of set1. */
function complementOf(set: readonly string[]): string[] {
  const taken = new Set(set);
  return Array.from({ length: 256 }, (_, code) => String.fromCharCode(code)).filter((char) => !taken.has(char));
}

/** set2 as long as set1: a `[c*]` repeat fills the gap; else GNU repeats its last character (BusyBox does too). */
function padded(set1: readonly string[], set2: string[]): string[] {
  const fill = set2.findIndex((char) => char.startsWith('\u0000fill'));
  if (fill >= 0) {
    const char = set2[fill]!.slice(5);
    const count = Math.max(0, set1.length - (set2.length - 1));
    set2.splice(fill, 1, ...Array<string>(count).fill(char));
  }
  while (set2.length > 0 && set2.length < set1.length) set2.push(set2.at(-1)!);
  return set2;
}

/** coreutils tr's checks of its operand count (src/tr.c main: min_operands, max_operands), each with its second line. */
function gnuOperandError(
  operands: readonly string[],
  deleting: boolean,
  squeezing: boolean,
  quote: (text: string) => string,
): string | undefined {
  const least = deleting === squeezing ? 2 : 1;
  const most = deleting && !squeezing ? 1 : 2;
  if (operands.length === 0) return 'missing operand\n';
  if (operands.length < least) {
    const why = squeezing
      ? 'Two strings must be given when both deleting and squeezing repetitions.'
      : 'Two strings must be given when translating.';
    return `missing operand after ${quote(operands.at(-1)!)}\n${why}\n`;
  }
  if (operands.length > most) {
    const why = operands.length === 2 ? 'Only one string may be given when deleting without squeezing repeats.\n' : '';
    return `extra operand ${quote(operands[most]!)}\n${why}`;
  }
  return undefined;
}

/**
 * tr: translate, delete (-d) and squeeze (-s) characters of stdin (coreutils
 * src/tr.c; BusyBox coreutils/tr.c, which needs no second set to translate:
 * without one it copies its input).
 */
export function trProgram(dialect: TextDialect): Program {
  return {
    name: 'tr',
    run(args, context) {
      const parsed = textOptions('tr', args, OPTIONS, dialect);
      if ('failure' in parsed) return parsed.failure;
      const has = (name: string) => parsed.options.some((option) => option.name === name);
      const [complement, deleting, squeezing] = [has('complement') || has('C'), has('delete'), has('squeeze-repeats')];
      const { operands } = parsed;
      if (isBusybox(dialect)) {
        if (operands.length === 0) return busyboxUsage('tr');
      } else {
        const error = gnuOperandError(operands, deleting, squeezing, (text) => localeQuote(text, context));
        if (error) return tryHelpTr(error);
      }
      const sets: string[][] = [];
      for (const operand of operands.slice(0, 2)) {
        const expanded = expandSet(operand, isBusybox(dialect));
        if ('error' in expanded) return fail(`tr: ${expanded.error}\n`);
        sets.push(expanded.chars);
      }
      let set1 = sets[0]!;
      if (complement) set1 = complementOf(set1);
      const set2 = sets[1] && padded(set1, sets[1]);
      if (!isBusybox(dialect) && !deleting && set2?.length === 0 && operands.length === 2)
        return fail('tr: when not truncating set1, string2 must be non-empty\n');
      return { stdout: translate(context.stdin, set1, set2, { deleting, squeezing }), stderr: '', exitCode: 0 };
    },
  };
}

const tryHelpTr = (message: string): CommandResult => ({
  stdout: '',
  stderr: `tr: ${message}Try 'tr --help' for more information.\n`,
  exitCode: 1,
});

/** The one pass tr makes: delete, or map through set1 -> set2, then squeeze runs of the squeeze set. */
function translate(
  input: string,
  set1: readonly string[],
  set2: readonly string[] | undefined,
  mode: { deleting: boolean; squeezing: boolean },
): string {
  const inSet1 = new Set(set1);
  const map = new Map<string, string>();
  if (!mode.deleting && set2) set1.forEach((char, index) => map.set(char, set2[Math.min(index, set2.length - 1)]!));
  // -s squeezes set2's characters when there is a second set (translating, or after -d), else set1's.
  const squeezeSet = new Set(mode.squeezing ? (set2 ?? set1) : []);
  let out = '';
  let last: string | undefined;
  for (const char of input) {
    if (mode.deleting && inSet1.has(char)) continue;
    const mapped = map.get(char) ?? char;
    if (squeezeSet.has(mapped) && mapped === last) continue;
    out += mapped;
    last = mapped;
  }
  return out;
}
