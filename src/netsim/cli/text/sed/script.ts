import { compilePattern } from '../regex';

/**
 * A sed script as GNU sed 4.9 compiles it (sed/compile.c) and BusyBox 1.37
 * reads it (editors/sed.c): addresses, the commands lessons use, and each
 * tool's complaint with its position.
 */
export type Address =
  | { readonly kind: 'line'; readonly line: number }
  | { readonly kind: 'last' }
  | { readonly kind: 'regex'; readonly regex: RegExp | undefined }
  | { readonly kind: 'step'; readonly first: number; readonly step: number }
  | { readonly kind: 'plus'; readonly count: number };

export interface Substitution {
  readonly regex: RegExp | undefined;
  readonly replacement: readonly ReplacementPart[];
  readonly global: boolean;
  readonly occurrence: number;
  readonly print: boolean;
  readonly writeTo: string | undefined;
}

/** A replacement's pieces: text, `&` or `\N`, and GNU's case conversions `\U \L \u \l \E`. */
export type ReplacementPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'group'; readonly index: number }
  | { readonly kind: 'case'; readonly mode: 'U' | 'L' | 'u' | 'l' | 'E' };

export interface SedCommand {
  readonly first: Address | undefined;
  readonly second: Address | undefined;
  readonly negated: boolean;
  readonly name: string;
  /** s: the substitution; y: the two sets; a, i, c: the text; b, t, T, :: the label; q, Q: the status; w, r: the file; {: where its } is. */
  readonly substitution?: Substitution;
  readonly from?: string;
  readonly to?: string;
  readonly text?: string;
  readonly label?: string;
  readonly status?: number;
  readonly file?: string;
  blockEnd?: number;
}

export class SedSyntaxError {
  constructor(
    readonly gnu: string,
    readonly busybox: string,
    /** GNU's `char N`: how many characters of the expression it had read. */
    readonly position: number,
  ) {}
}

/** What the dialect changes in reading a script: ERE (-E) or BRE. */
export interface ScriptOptions {
  readonly extended: boolean;
  /** BusyBox reads no `first~step` address and no I or M after an address regex. */
  readonly busybox: boolean;
}

class Reader {
  at = 0;
  constructor(readonly text: string) {}
  peek(): string | undefined {
    return this.text[this.at];
  }
  next(): string | undefined {
    return this.eof() ? undefined : this.text[this.at++];
  }
  eof(): boolean {
    return this.at >= this.text.length;
  }
  skipBlanks(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.at++;
  }
  fail(gnu: string, busybox = gnu, position = this.at): never {
    throw new SedSyntaxError(gnu, busybox, position);
  }
}

/**
 * Compiles the expressions of -e (or the script operand), each numbered as GNU
 * numbers them in its messages; braces may open in one and close in another.
 */
export function compileScript(
  expressions: readonly string[],
  options: ScriptOptions,
): SedCommand[] | { error: SedSyntaxError; expression: number } {
  const commands: SedCommand[] = [];
  const open: number[] = [];
  for (const [index, expression] of expressions.entries()) {
    try {
      readExpression(new Reader(expression), commands, open, options);
    } catch (error) {
      if (error instanceof SedSyntaxError) return { error, expression: index + 1 };
      throw error;
    }
  }
  if (open.length > 0)
    return { error: new SedSyntaxError("unmatched `{'", "unmatched '{'", 0), expression: expressions.length };
  return commands;
}

function readExpression(reader: Reader, commands: SedCommand[], open: number[], options: ScriptOptions): void {
  for (;;) {
    while (reader.peek() !== undefined && /[\s;]/.test(reader.peek()!)) reader.next();
    if (reader.eof()) return;
    if (reader.peek() === '#') {
      while (!reader.eof() && reader.next() !== '\n');
      continue;
    }
    const first = readAddress(reader, options);
    let second: Address | undefined;
    if (first && reader.peek() === ',') {
      reader.next();
      reader.skipBlanks();
      second = readAddress(reader, options, true) ?? reader.fail("unexpected `,'", "unexpected ','");
    }
    reader.skipBlanks();
    let negated = false;
    while (reader.peek() === '!') {
      reader.next();
      negated = true;
      reader.skipBlanks();
    }
    const name = reader.next();
    if (name === undefined) reader.fail('missing command', 'missing command');
    const command: SedCommand = {
      first,
      second,
      negated,
      name,
      ...readArguments(name, reader, options, first !== undefined),
    };
    if (name === '{') open.push(commands.length);
    if (name === '}') {
      if (first) reader.fail("} doesn't want any addresses", "unexpected '}'");
      const opener = open.pop();
      if (opener === undefined) reader.fail("unexpected `}'", "unexpected '}'");
      commands[opener]!.blockEnd = commands.length;
    }
    commands.push(command);
    endOfCommand(reader, name);
  }
}

/** After a command only blanks, `;`, a newline, `}` or `#` may follow. */
function endOfCommand(reader: Reader, name: string): void {
  if ('aicrwbtT:{'.includes(name)) return;
  reader.skipBlanks();
  const next = reader.peek();
  if (next === undefined || next === ';' || next === '\n' || next === '}' || next === '#') return;
  reader.next();
  reader.fail('extra characters after command', 'extra characters after command');
}

function readNumber(reader: Reader): number {
  let digits = '';
  while (/\d/.test(reader.peek() ?? '')) digits += reader.next();
  return Number(digits);
}

function readAddress(reader: Reader, options: ScriptOptions, second = false): Address | undefined {
  const char = reader.peek();
  if (char === undefined) return undefined;
  if (/\d/.test(char)) {
    const line = readNumber(reader);
    if (reader.peek() === '~' && !second && !options.busybox) {
      reader.next();
      return { kind: 'step', first: line, step: readNumber(reader) };
    }
    if (line === 0 && !second) reader.fail('invalid usage of line address 0', 'invalid usage of line address 0');
    return { kind: 'line', line };
  }
  if (char === '+' && second) {
    reader.next();
    return { kind: 'plus', count: readNumber(reader) };
  }
  if (char === '$') {
    reader.next();
    return { kind: 'last' };
  }
  if (char === '/' || char === '\\') {
    reader.next();
    const delimiter = char === '\\' ? reader.next() : '/';
    if (delimiter === undefined) reader.fail('unexpected end of file', "unmatched '\\'");
    const source = readDelimited(reader, delimiter, () =>
      reader.fail('unterminated address regex', `unmatched '${delimiter}'`),
    );
    let flags = '';
    while (!options.busybox && (reader.peek() === 'I' || reader.peek() === 'M'))
      flags += reader.next() === 'I' ? 'i' : 'm';
    return { kind: 'regex', regex: compileRegex(source, options, flags, reader) };
  }
  return undefined;
}

/** Text up to an unescaped delimiter, `\DELIM` turned into the delimiter and `\n` into a newline (compile.c match_slash). */
function readDelimited(reader: Reader, delimiter: string, unterminated: () => never, replacement = false): string {
  let text = '';
  for (;;) {
    const char = reader.next();
    if (char === undefined) unterminated();
    if (char === delimiter) return text;
    if (char === '\n' && !replacement) unterminated();
    if (char === '\\') {
      const next = reader.next();
      if (next === undefined) unterminated();
      if (next === delimiter) text += delimiter;
      else if (next === 'n' && !replacement) text += '\n';
      else text += `\\${next}`;
    } else text += char;
  }
}

/** A POSIX regex as a JavaScript one: `.` and `[^...]` match the newlines N puts in the pattern space. */
function compileRegex(source: string, options: ScriptOptions, flags: string, reader: Reader): RegExp | undefined {
  if (source === '') return undefined;
  const compiled = compilePattern(source.replace(/\\t/g, '\t'), options.extended);
  if ('error' in compiled) reader.fail(REGEX_ERRORS[compiled.error]!, REGEX_ERRORS[compiled.error]);
  return new RegExp(compiled.source, `gs${flags}`);
}

const REGEX_ERRORS: Readonly<Record<string, string>> = {
  invalid: 'Invalid regular expression',
  'unmatched-bracket': 'unterminated address regex',
  'unmatched-paren': 'Unmatched ( or \\(',
  'unmatched-brace': 'Unmatched \\{',
  'invalid-brace': 'Invalid content of \\{\\}',
  'trailing-backslash': 'Trailing backslash',
};

function readArguments(name: string, reader: Reader, options: ScriptOptions, addressed: boolean): Partial<SedCommand> {
  switch (name) {
    case 's':
      return { substitution: readSubstitution(reader, options) };
    case 'y':
      return readTransliteration(reader);
    case 'a':
    case 'i':
    case 'c':
      return { text: readText(reader) };
    case ':': {
      if (addressed) reader.fail(": doesn't want any addresses", 'unsupported command :');
      const label = readLabel(reader);
      if (label === '') reader.fail('":" lacks a label', 'unsupported command :');
      return { label };
    }
    case 'b':
    case 't':
    case 'T':
      return { label: readLabel(reader) };
    case 'q':
    case 'Q':
    case 'l':
    case 'L': {
      reader.skipBlanks();
      return /\d/.test(reader.peek() ?? '') ? { status: readNumber(reader) } : {};
    }
    case 'r':
    case 'R':
    case 'w':
    case 'W':
      return { file: readFileName(reader) };
    case '=':
    case 'd':
    case 'D':
    case 'g':
    case 'G':
    case 'h':
    case 'H':
    case 'n':
    case 'N':
    case 'p':
    case 'P':
    case 'x':
    case 'z':
    case '{':
    case '}':
      return {};
    default:
      return reader.fail(`unknown command: \`${name}'`, `unsupported command ${name}`);
  }
}

function readLabel(reader: Reader): string {
  reader.skipBlanks();
  let label = '';
  while (!reader.eof() && !/[;\n]/.test(reader.peek()!)) label += reader.next();
  return label.trimEnd();
}

function readFileName(reader: Reader): string {
  reader.skipBlanks();
  let name = '';
  while (!reader.eof() && reader.peek() !== '\n') name += reader.next();
  return name;
}

/** GNU's one-line `a text` (and `a\` with the text on the next line); leading blanks go, a backslash keeps the next character. */
function readText(reader: Reader): string {
  reader.skipBlanks();
  if (reader.eof()) reader.fail("expected \\ after `a', `c' or `i'", 'missing command');
  if (reader.peek() === '\\') {
    reader.next();
    if (reader.peek() === '\n') reader.next();
    reader.skipBlanks();
  }
  let text = '';
  while (!reader.eof()) {
    const char = reader.next()!;
    if (char === '\\' && !reader.eof()) text += reader.next();
    else if (char === '\n') break;
    else text += char;
  }
  return text;
}

function readSubstitution(reader: Reader, options: ScriptOptions): Substitution {
  const delimiter = reader.next();
  const unterminated = (): never => reader.fail("unterminated `s' command", `unmatched '${delimiter ?? ''}'`);
  if (delimiter === undefined || delimiter === '\n' || delimiter === '\\') unterminated();
  const pattern = readDelimited(reader, delimiter!, unterminated);
  const replacementText = readDelimited(reader, delimiter!, unterminated, true);
  const regex = compileRegex(pattern, options, '', reader);
  let global = false;
  let print = false;
  let occurrence = 1;
  let writeTo: string | undefined;
  let flags = '';
  for (;;) {
    const flag = reader.peek();
    if (flag === 'g') global = true;
    else if (flag === 'p') print = true;
    else if (flag === 'i' || flag === 'I') flags += 'i';
    else if (flag === 'm' || flag === 'M') flags += 'm';
    else if (flag !== undefined && /\d/.test(flag)) {
      occurrence = readNumber(reader);
      if (occurrence === 0)
        reader.fail("number option to `s' command may not be zero", 'bad option in substitution expression');
      continue;
    } else if (flag === 'w') {
      reader.next();
      writeTo = readFileName(reader);
      break;
    } else if (flag === undefined || /[;\n}# \t]/.test(flag)) break;
    else {
      reader.next();
      reader.fail("unknown option to `s'", 'bad option in substitution expression');
    }
    reader.next();
  }
  const withFlags = regex && flags ? new RegExp(regex.source, regex.flags + flags) : regex;
  const replacement = parseReplacement(replacementText);
  const groups = regex ? new RegExp(`${regex.source}|`).exec('')!.length - 1 : 9;
  const highest = Math.max(0, ...replacement.map((part) => (part.kind === 'group' ? part.index : 0)));
  if (highest > groups)
    reader.fail(
      `invalid reference \\${highest} on \`s' command's RHS`,
      `invalid reference \\${highest} on \`s' command's RHS`,
    );
  return { regex: withFlags, replacement, global, occurrence, print, writeTo };
}

function parseReplacement(text: string): ReplacementPart[] {
  const parts: ReplacementPart[] = [];
  const literal = (chars: string) => {
    const last = parts.at(-1);
    if (last?.kind === 'text') parts[parts.length - 1] = { kind: 'text', text: last.text + chars };
    else parts.push({ kind: 'text', text: chars });
  };
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (char === '&') parts.push({ kind: 'group', index: 0 });
    else if (char !== '\\' || at === text.length - 1) literal(char);
    else {
      const next = text[++at]!;
      if (/\d/.test(next)) parts.push({ kind: 'group', index: Number(next) });
      else if ('ULulE'.includes(next)) parts.push({ kind: 'case', mode: next as 'U' });
      else literal({ n: '\n', t: '\t', '\n': '\n' }[next] ?? next);
    }
  }
  return parts;
}

function readTransliteration(reader: Reader): { from: string; to: string } {
  const delimiter = reader.next();
  const unterminated = (): never => reader.fail("unterminated `y' command", `unmatched '${delimiter ?? ''}'`);
  if (delimiter === undefined) unterminated();
  const unescape = (text: string) => text.replace(/\\(.)/gs, (_, char: string) => ({ n: '\n', t: '\t' })[char] ?? char);
  const from = [...unescape(readDelimited(reader, delimiter!, unterminated, true))];
  const to = [...unescape(readDelimited(reader, delimiter!, unterminated, true))];
  if (from.length !== to.length)
    reader.fail("strings for `y' command are different lengths", 'strings for y command are different lengths');
  return { from: from.join(''), to: to.join('') };
}
