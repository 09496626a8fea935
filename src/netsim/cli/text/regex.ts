/**
 * POSIX regular expressions as GNU grep reads them, turned into JavaScript's.
 * Basic (BRE): `\( \) \{ \} \| \+ \?` are operators and their bare forms are
 * literal; extended (ERE): the reverse. Both: bracket expressions with
 * `[:alpha:]` classes and literal backslashes, `\< \>` word edges, and a `*`
 * with nothing before it is literal (GNU grep's reading).
 */
export type RegexError =
  'invalid' | 'unmatched-bracket' | 'unmatched-paren' | 'unmatched-brace' | 'invalid-brace' | 'trailing-backslash';

/** Why a pattern does not compile. */
export class RegexSyntaxError {
  constructor(readonly kind: RegexError) {}
}

/** The JavaScript source for a POSIX pattern, or why it does not compile. */
export function compilePattern(pattern: string, extended: boolean): { source: string } | { error: RegexError } {
  try {
    return { source: translateRegex(pattern, extended) };
  } catch (error) {
    if (error instanceof RegexSyntaxError) return { error: error.kind };
    throw error;
  }
}

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f',
};

function translateRegex(pattern: string, extended: boolean): string {
  let out = '';
  let depth = 0;
  /** Whether an operator here would have nothing to repeat: then `*` is literal. */
  let atStart = true;
  for (let at = 0; at < pattern.length; at++) {
    const char = pattern[at]!;
    const wasStart: boolean = atStart;
    atStart = false;
    if (char === '[') {
      const bracket = bracketExpression(pattern, at);
      out += bracket.source;
      at = bracket.end;
      continue;
    }
    if (char === '\\') {
      const next = pattern[++at];
      if (next === undefined) throw new RegexSyntaxError('trailing-backslash');
      const operator = extended
        ? undefined
        : ({ '(': '(', ')': ')', '{': '{', '}': '}', '|': '|', '+': '+', '?': '?' } as Record<string, string>)[next];
      if (operator !== undefined) {
        const result = operatorOf(operator, pattern, at, wasStart);
        if (operator === '(') depth++;
        if (operator === ')' && --depth < 0) throw new RegexSyntaxError('unmatched-paren');
        out += operator === '{' ? (result as { source: string }).source : operator;
        if (operator === '{') at = (result as { end: number }).end;
        atStart = operator === '(' || operator === '|';
        continue;
      }
      if (next === '<') out += '\\b(?=\\w)';
      else if (next === '>') out += '\\b(?<=\\w)';
      else if (/[wWsSbB]/.test(next)) out += `\\${next}`;
      else if (/[1-9]/.test(next)) out += `\\${next}`;
      else out += escapeLiteral(next);
      continue;
    }
    if (extended && '(){}|+?'.includes(char)) {
      if (char === '(') {
        depth++;
        atStart = true;
        out += '(';
      } else if (char === ')') {
        if (depth === 0) out += '\\)';
        else {
          depth--;
          out += ')';
        }
      } else if (char === '|') {
        atStart = true;
        out += '|';
      } else if (char === '{') {
        const interval = intervalOf(pattern, at);
        if (interval === 'invalid-brace' || wasStart) out += '\\{';
        else {
          out += interval.source;
          at = interval.end;
        }
      } else if (char === '}') out += '\\}';
      else out += wasStart ? escapeLiteral(char) : char;
      continue;
    }
    if (char === '*') out += wasStart ? '\\*' : '*';
    else if (char === '^') {
      out += extended || wasStart ? '^' : '\\^';
      atStart = wasStart;
    } else if (char === '$')
      out += extended || at === pattern.length - 1 || (!extended && pattern.startsWith('\\)', at + 1)) ? '$' : '\\$';
    else if (char === '.') out += '.';
    else out += escapeLiteral(char);
  }
  if (depth > 0) throw new RegexSyntaxError('unmatched-paren');
  return out;
}

function operatorOf(
  operator: string,
  pattern: string,
  at: number,
  wasStart: boolean,
): string | { source: string; end: number } {
  if (operator !== '{') return operator;
  if (wasStart) return { source: '\\{', end: at };
  const interval = intervalOf(pattern, at, '\\}');
  if (interval === 'invalid-brace') throw new RegexSyntaxError(interval);
  return interval;
}

/** `{n}`, `{n,}`, `{n,m}` from `at` (the `{`); `closing` is `}` in ERE, `\}` in BRE. */
function intervalOf(pattern: string, at: number, closing = '}'): { source: string; end: number } | 'invalid-brace' {
  const end = pattern.indexOf(closing, at + 1);
  // An ERE `{` that opens no interval is literal; a BRE `\{` must be closed.
  if (end < 0 && closing === '}') return 'invalid-brace';
  if (end < 0) throw new RegexSyntaxError('unmatched-brace');
  const body = pattern.slice(at + 1, end);
  if (!/^\d*(,\d*)?$/.test(body) || body === '' || body === ',') return 'invalid-brace';
  return { source: `{${body.startsWith(',') ? `0${body}` : body}}`, end: end + closing.length - 1 };
}

/** `[...]` from `at`: a leading `]` or `^]` is literal, backslash is literal, `[:class:]` names a class. */
function bracketExpression(pattern: string, at: number): { source: string; end: number } {
  // glibc's regcomp rejects a `[` that ends the pattern before dfa.c looks for its `]`.
  if (at === pattern.length - 1) throw new RegexSyntaxError('invalid');
  let index = at + 1;
  let source = '[';
  if (pattern[index] === '^') {
    source += '^';
    index++;
  }
  if (pattern[index] === ']') {
    source += '\\]';
    index++;
  }
  for (; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === ']') return { source: `${source}]`, end: index };
    const named = /^\[:([a-z]+):\]/.exec(pattern.slice(index));
    if (named) {
      source += CLASSES[named[1]!] ?? '';
      index += named[0].length - 1;
    } else source += char === '\\' || char === '[' || char === '^' ? `\\${char}` : char;
  }
  throw new RegexSyntaxError('unmatched-bracket');
}

function escapeLiteral(char: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(char) ? `\\${char}` : char;
}

/** GNU grep's messages for a pattern it cannot compile (dfa.c, regcomp). */
export function regexErrorText(error: RegexError): string {
  switch (error) {
    case 'invalid':
      return 'Invalid regular expression';
    case 'unmatched-bracket':
      return 'Unmatched [, [^, [:, [., or [=';
    case 'unmatched-paren':
      return 'Unmatched ( or \\(';
    case 'unmatched-brace':
      return 'Unmatched \\{';
    case 'invalid-brace':
      return 'Invalid content of \\{\\}';
    case 'trailing-backslash':
      return 'Trailing backslash';
  }
}
