/**
 * Pathname expansion (bash manual, Pathname Expansion; POSIX 2.13). A pattern
 * is a word whose quoted characters are escaped with a backslash, so that
 * `'*'` and `\*` stay literal while a bare `*` matches. Each `/`-separated
 * component with a special character is matched against its directory's
 * names; a leading `.` must be matched by a `.` in the pattern (dotglob is
 * off); matches sort in byte order, as the C.UTF-8 locale collates them and as
 * netsim's `ls` sorts. No match leaves the word as typed (nullglob and
 * failglob are off).
 */

/** What globbing reads of the machine: a directory's names, or undefined when it cannot be read. */
export interface GlobFiles {
  list(directory: string): readonly string[] | undefined;
  exists(path: string): boolean;
}

/** Escapes a quoted text so that none of it is special in a pattern. */
export function escapeGlob(text: string): string {
  return /[*?[\]\\]/.test(text) ? text.replace(/[*?[\]\\]/g, '\\$&') : text;
}

/** Whether the pattern has an unescaped `*`, `?` or `[` that opens a bracket expression. */
export function hasGlob(pattern: string): boolean {
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') index++;
    else if (char === '*' || char === '?') return true;
    else if (char === '[' && bracketEnd(pattern, index) !== -1) return true;
  }
  return false;
}

/** The pattern with its escapes removed: the word bash leaves when nothing matches. */
export function unescapeGlob(pattern: string): string {
  return pattern.includes('\\') ? pattern.replace(/\\(.)/gs, '$1') : pattern;
}

/** Whether `text` matches the whole `pattern` (test's `=~` aside, case patterns and `[ x == p ]` do this). */
export function matchesGlob(pattern: string, text: string): boolean {
  return compile(pattern).test(text);
}

/** The pattern as an anchored regular expression. */
export function compile(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '\\') source += regexLiteral(pattern[++index] ?? '\\');
    else if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else if (char === '[') {
      const end = bracketEnd(pattern, index);
      if (end === -1) source += '\\[';
      else {
        source += bracket(pattern.slice(index + 1, end));
        index = end;
      }
    } else source += regexLiteral(char);
  }
  return new RegExp(`^${source}$`, 's');
}

/** Where the bracket expression opened at `open` closes: a `]` right after `[`, `[!` or `[^` is a member. */
function bracketEnd(pattern: string, open: number): number {
  let index = open + 1;
  if (pattern[index] === '!' || pattern[index] === '^') index++;
  if (pattern[index] === ']') index++;
  for (; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') index++;
    else if (char === '[' && pattern[index + 1] === ':') {
      const close = pattern.indexOf(':]', index + 2);
      if (close !== -1) index = close + 1;
    } else if (char === ']') return index;
  }
  return -1;
}

const CLASSES: Readonly<Record<string, string>> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~',
  graph: '!-~',
  word: 'a-zA-Z0-9_',
};

/** `[!a-z[:digit:]]` as a regular expression class. */
function bracket(body: string): string {
  let negated = false;
  let index = 0;
  if (body[0] === '!' || body[0] === '^') {
    negated = true;
    index = 1;
  }
  let members = '';
  for (; index < body.length; index++) {
    const char = body[index]!;
    if (char === '[' && body[index + 1] === ':') {
      const close = body.indexOf(':]', index + 2);
      const name = close === -1 ? undefined : body.slice(index + 2, close);
      if (name !== undefined && CLASSES[name] !== undefined) {
        members += CLASSES[name];
        index = close + 1;
        continue;
      }
    }
    if (char === '\\' && index + 1 < body.length) members += regexClassLiteral(body[++index]!);
    else if (char === '-' && members !== '' && index + 1 < body.length) members += '-';
    else members += regexClassLiteral(char);
  }
  return `[${negated ? '^' : ''}${members}]`;
}

const regexLiteral = (char: string) => char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const regexClassLiteral = (char: string) => char.replace(/[\]\\^-]/g, '\\$&');
