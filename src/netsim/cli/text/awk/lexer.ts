/**
 * awk's tokens (POSIX awk's grammar; mawk scan.c, BusyBox editors/awk.c): a `/`
 * opens a regex where an operand may start, newlines end statements, `\` at a
 * line's end joins it to the next, `#` comments to the end of the line.
 */
export type TokenKind =
  'number' | 'string' | 'regex' | 'name' | 'funcname' | 'builtin' | 'keyword' | 'punct' | 'newline' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** A number's value; a string's or regex's contents with escapes read. */
  readonly value?: number | string;
  readonly line: number;
}

export class AwkSyntaxError {
  constructor(
    /** mawk's words: `syntax error at or near }`, `missing } near end of file`. */
    readonly mawk: string,
    /** BusyBox's: `Unexpected token`. */
    readonly busybox: string,
    readonly line: number,
    /** BusyBox counts lines as it reads them: at the end of the program, the last line. */
    readonly busyboxLine = line,
  ) {}
}

export const KEYWORDS = new Set([
  'BEGIN',
  'END',
  'function',
  'func',
  'if',
  'else',
  'while',
  'for',
  'do',
  'break',
  'continue',
  'next',
  'nextfile',
  'exit',
  'return',
  'delete',
  'in',
  'getline',
  'print',
  'printf',
]);

export const BUILTINS = new Set([
  'length',
  'substr',
  'index',
  'split',
  'sub',
  'gsub',
  'match',
  'sprintf',
  'tolower',
  'toupper',
  'int',
  'sqrt',
  'exp',
  'log',
  'sin',
  'cos',
  'atan2',
  'rand',
  'srand',
  'system',
  'close',
  'fflush',
]);

const PUNCTUATION = [
  '**=',
  '...',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '^=',
  '==',
  '<=',
  '>=',
  '!=',
  '++',
  '--',
  '&&',
  '||',
  '>>',
  '!~',
  '**',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ';',
  ',',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '!',
  '>',
  '<',
  '|',
  '?',
  ':',
  '~',
  '$',
  '=',
];

const STRING_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  '"': '"',
  '/': '/',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};

/** After these a `/` divides; anywhere else it opens a regex. */
const OPERAND_ENDS = new Set(['number', 'string', 'regex', 'name', 'builtin']);

export function tokenize(source: string, flavor: 'mawk' | 'busybox' = 'mawk'): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let at = 0;
  const push = (kind: TokenKind, text: string, value?: number | string) =>
    tokens.push({ kind, text, line, ...(value !== undefined ? { value } : {}) });
  while (at < source.length) {
    const char = source[at]!;
    if (char === ' ' || char === '\t' || char === '\r') {
      at++;
    } else if (char === '\\' && source[at + 1] === '\n') {
      at += 2;
      line++;
    } else if (char === '#') {
      while (at < source.length && source[at] !== '\n') at++;
    } else if (char === '\n') {
      push('newline', '\n');
      line++;
      at++;
    } else if (flavor === 'busybox' && /^0([xX][0-9a-fA-F]+|[0-7]+(?![.\d]))/.test(source.slice(at))) {
      // BusyBox's my_strtod reads 0x1f and 017 as C integers (ENABLE_DESKTOP).
      const text = /^0([xX][0-9a-fA-F]+|[0-7]+)/.exec(source.slice(at))![0];
      push('number', text, Number(/^0[0-7]/.test(text) ? Number.parseInt(text, 8) : text));
      at += text.length;
    } else if (/[0-9.]/.test(char) && /^(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)/.test(source.slice(at))) {
      const text = /^(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)/.exec(source.slice(at))![0];
      push('number', text, Number(text));
      at += text.length;
    } else if (char === '"') {
      const { value, end } = readString(source, at, line);
      push('string', source.slice(at, end), value);
      at = end;
    } else if (char === '/' && !OPERAND_ENDS.has(tokens.at(-1)?.kind ?? '') && !isClosing(tokens.at(-1))) {
      const { value, end } = readRegex(source, at, line);
      push('regex', source.slice(at, end), value);
      at = end;
    } else if (/[A-Za-z_]/.test(char)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(at))![0];
      at += word.length;
      if (KEYWORDS.has(word)) push('keyword', word === 'func' ? 'function' : word);
      else if (BUILTINS.has(word)) push('builtin', word);
      else push(source[at] === '(' ? 'funcname' : 'name', word);
    } else {
      const punct = PUNCTUATION.find((candidate) => source.startsWith(candidate, at));
      if (!punct) throw new AwkSyntaxError(`syntax error at or near ${char}`, 'Unexpected token', line);
      push('punct', punct);
      at += punct.length;
    }
  }
  push('eof', 'end of file');
  return tokens;
}

const isClosing = (token: Token | undefined) =>
  token?.kind === 'punct' &&
  (token.text === ')' || token.text === ']' || token.text === '$' || token.text === '++' || token.text === '--');

function readString(source: string, start: number, line: number): { value: string; end: number } {
  let value = '';
  for (let at = start + 1; at < source.length; at++) {
    const char = source[at]!;
    if (char === '"') return { value, end: at + 1 };
    if (char === '\n') break;
    if (char !== '\\') {
      value += char;
      continue;
    }
    const next = source[++at];
    if (next === undefined) break;
    const octal = /^[0-7]{1,3}/.exec(source.slice(at));
    if (octal) {
      value += String.fromCharCode(Number.parseInt(octal[0], 8));
      at += octal[0].length - 1;
    } else if (next === '\n') continue;
    else value += STRING_ESCAPES[next] ?? `\\${next}`;
  }
  throw new AwkSyntaxError(
    `runaway string constant "${source.slice(start + 1, start + 11)} ...`,
    'Unexpected end of string',
    line,
  );
}

/** A regex literal's text: `\/` is a slash; other escapes stay for the regex compiler. */
function readRegex(source: string, start: number, line: number): { value: string; end: number } {
  let value = '';
  let bracket = false;
  for (let at = start + 1; at < source.length; at++) {
    const char = source[at]!;
    if (char === '\n') break;
    if (char === '\\' && at + 1 < source.length) {
      value += source[at + 1] === '/' ? '/' : char + source[at + 1];
      at++;
    } else if (char === '[') {
      bracket = true;
      value += char;
    } else if (char === ']') {
      bracket = false;
      value += char;
    } else if (char === '/' && !bracket) return { value, end: at + 1 };
    else value += char;
  }
  throw new AwkSyntaxError(
    `runaway regular expression /${source.slice(start + 1, start + 11)} ...`,
    'Unexpected end of string',
    line,
  );
}
