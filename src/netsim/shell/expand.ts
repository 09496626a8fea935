import type { Script, Word, WordPart } from './ast';
import { escapeGlob, hasGlob, matchesGlob, unescapeGlob } from './glob';

/** What expansion reads: variables and special parameters, and a way to run `$(...)`. */
export interface ExpansionContext {
  /** A variable or special parameter (`?`, `$`, `0`); undefined when unset. */
  parameter(name: string): string | undefined;
  home(): string;
  /** Runs a substitution's script in a subshell and gives its standard output. */
  substitute(script: Script): string;
  /** Pathname expansion of a pattern (quoted characters escaped): the matching paths, sorted, or none. */
  glob?(pattern: string): string[];
  /** `$(( expression ))`'s value; unset, the expression is not evaluated and expands to nothing. */
  arithmetic?(expression: string): string;
  /** `${name:=word}` sets the variable. */
  assign?(name: string, value: string): void;
  /** A variable or positional parameter expanded while unset: `set -u` ends the line there. */
  unset?(name: string): void;
  /** `$@` (name `@`) or an array's elements, in order. */
  list?(name: string): string[];
  /** `${a[i]}` and the other forms of an array's expansion. */
  array?(part: Extract<WordPart, { kind: 'array' }>): string;
}

/** `${a b}`: bash's `bad substitution`, raised while expanding, which ends the command. */
export class BadSubstitution {
  constructor(readonly text: string) {}
}

/** Field separators with the default IFS: space, tab, newline (POSIX 2.6.5). */
const IFS_WHITESPACE = /[ \t\n]+/;

/**
 * A word's fields after parameter expansion, command substitution, field
 * splitting of the unquoted results, pathname expansion and quote removal
 * (POSIX 2.6). Each field is kept as a pattern too, its quoted characters
 * escaped, so that only what was typed or expanded unquoted can match files.
 */
export function expandFields(word: Word, context: ExpansionContext): string[] {
  if (onlyEmptyLists(word, context)) return [];
  const fields: string[] = [];
  let pattern = '';
  let started = false;
  const breakField = () => {
    if (started) pushField(fields, pattern, context);
    pattern = '';
    started = false;
  };
  for (const part of word.parts) {
    const list = part.kind !== 'tilde' && part.quoted ? listOf(part) : undefined;
    if (list) {
      // "$@" and "${a[@]}": a field for each element, the first and last joined to the word's text around them.
      (context.list?.(list) ?? []).forEach((element, index) => {
        if (index > 0) breakField();
        pattern += escapeGlob(element);
        started = true;
      });
      continue;
    }
    const value = partValue(part, context);
    if (part.kind === 'literal' || part.kind === 'tilde' || part.quoted) {
      pattern += part.kind === 'literal' && !part.quoted ? value : escapeGlob(value);
      started ||= part.kind !== 'literal' || part.quoted || value !== '';
      continue;
    }
    value.split(IFS_WHITESPACE).forEach((piece, index) => {
      if (index > 0) breakField();
      if (piece !== '') {
        // A backslash from an expansion is an ordinary character, not an escape.
        pattern += piece.includes('\\') ? piece.replace(/\\/g, '\\\\') : piece;
        started = true;
      }
    });
  }
  if (started) pushField(fields, pattern, context);
  return fields;
}

/** A field's matches, or the field itself with its quotes removed when it is no pattern or nothing matches. */
function pushField(fields: string[], pattern: string, context: ExpansionContext): void {
  const matches = context.glob && hasGlob(pattern) ? context.glob(pattern) : [];
  if (matches.length > 0) fields.push(...matches);
  else fields.push(unescapeGlob(pattern));
}

/** A word expanded without field splitting: assignments and redirection targets. */
export function expandString(word: Word, context: ExpansionContext): string {
  return word.parts.map((part) => partValue(part, context)).join('');
}

/**
 * A `case` pattern: expanded without field splitting; what was quoted matches
 * itself, and what was typed or expanded unquoted is a pattern (POSIX 2.9.4.3).
 */
export function expandPattern(word: Word, context: ExpansionContext): string {
  return word.parts
    .map((part) => {
      const value = partValue(part, context);
      const active = part.kind !== 'tilde' && part.kind !== 'bad-substitution' && !part.quoted;
      return active ? value : escapeGlob(value);
    })
    .join('');
}

/** `"$@"` with no parameters (or `"${a[@]}"` of an empty array) is no field at all, not an empty one. */
function onlyEmptyLists(word: Word, context: ExpansionContext): boolean {
  const lists = word.parts.flatMap((part) => (part.kind !== 'tilde' && part.quoted ? (listOf(part) ?? []) : []));
  if (lists.length === 0) return false;
  const listsAndNothing = word.parts.every(
    (part) => (part.kind === 'literal' && part.text === '') || (part.kind !== 'tilde' && part.quoted && listOf(part)),
  );
  return listsAndNothing && lists.every((name) => (context.list?.(name) ?? []).length === 0);
}

/** The list a quoted `$@` or `${a[@]}` expands to a field each of. */
function listOf(part: WordPart): string | undefined {
  if (part.kind === 'parameter' && part.name === '@') return '@';
  if (part.kind === 'array' && part.form === 'value' && part.index === '@') return part.name;
  return undefined;
}

function partValue(part: WordPart, context: ExpansionContext): string {
  switch (part.kind) {
    case 'literal':
      return part.text;
    case 'tilde':
      return context.home();
    case 'parameter': {
      const value = context.parameter(part.name);
      if (value === undefined && /^[A-Za-z_0-9]/.test(part.name)) context.unset?.(part.name);
      return value ?? '';
    }
    case 'array':
      return context.array?.(part) ?? '';
    case 'substitution':
      // Trailing newlines are removed from a substitution's output (POSIX 2.6.3).
      return context.substitute(part.script).replace(/\n+$/, '');
    case 'bad-substitution':
      throw new BadSubstitution(part.text);
    case 'arithmetic':
      return context.arithmetic?.(joined(part.expression, context)) ?? '';
    case 'parameter-length':
      return String([...(context.parameter(part.name) ?? '')].length);
    case 'parameter-operation':
      return parameterOperation(part, context);
  }
}

const joined = (parts: readonly WordPart[], context: ExpansionContext): string =>
  parts.map((part) => partValue(part, context)).join('');

/** `${name<operator>word}` (bash subst.c parameter_brace_expand): the value it stands for. */
function parameterOperation(
  part: Extract<WordPart, { kind: 'parameter-operation' }>,
  context: ExpansionContext,
): string {
  const value = context.parameter(part.name);
  const word = () => joined(part.word, context);
  const colon = part.operator.startsWith(':');
  // With a colon, an empty value counts as unset.
  const missing = value === undefined || (colon && value === '');
  switch (part.operator) {
    case ':-':
    case '-':
      return missing ? word() : value!;
    case ':=':
    case '=': {
      if (!missing) return value!;
      const assigned = word();
      context.assign?.(part.name, assigned);
      return assigned;
    }
    case ':+':
    case '+':
      return missing ? '' : word();
    case '#':
    case '##':
      return removeAffix(value ?? '', word(), 'prefix', part.operator === '##');
    case '%':
    case '%%':
      return removeAffix(value ?? '', word(), 'suffix', part.operator === '%%');
    case '/':
    case '//':
      return replace(value ?? '', word(), joined(part.replacement ?? [], context), part.operator === '//');
    case ':':
      return substring(value ?? '', word(), context);
  }
}

/** The value without the shortest (or longest) prefix or suffix the pattern matches. */
function removeAffix(value: string, pattern: string, side: 'prefix' | 'suffix', longest: boolean): string {
  const lengths = [...Array(value.length + 1).keys()];
  for (const length of longest ? lengths.reverse() : lengths) {
    const affix = side === 'prefix' ? value.slice(0, length) : value.slice(value.length - length);
    if (matchesGlob(pattern, affix))
      return side === 'prefix' ? value.slice(length) : value.slice(0, value.length - length);
  }
  return value;
}

/** `${x/pattern/replacement}`: the first (or every) longest match replaced; `#` and `%` anchor the pattern. */
function replace(value: string, pattern: string, replacement: string, every: boolean): string {
  const anchor = pattern.startsWith('#') ? 'start' : pattern.startsWith('%') ? 'end' : undefined;
  const glob = anchor ? pattern.slice(1) : pattern;
  if (glob === '') return value;
  if (anchor === 'start') {
    for (let end = value.length; end >= 0; end--)
      if (matchesGlob(glob, value.slice(0, end))) return replacement + value.slice(end);
    return value;
  }
  if (anchor === 'end') {
    for (let start = 0; start <= value.length; start++)
      if (matchesGlob(glob, value.slice(start))) return value.slice(0, start) + replacement;
    return value;
  }
  let result = '';
  let at = 0;
  while (at < value.length) {
    let matched = -1;
    for (let end = value.length; end > at && matched < 0; end--)
      if (matchesGlob(glob, value.slice(at, end))) matched = end;
    if (matched < 0) {
      result += value[at];
      at++;
      continue;
    }
    result += replacement;
    at = matched;
    if (!every) return result + value.slice(at);
  }
  return result;
}

/** `${x:offset}` and `${x:offset:length}`, both arithmetic; a negative offset counts from the end. */
function substring(value: string, word: string, context: ExpansionContext): string {
  const [offsetText, lengthText] = word.split(':');
  const evaluate = (text: string) => Number(context.arithmetic?.(text) ?? text) || 0;
  let offset = evaluate(offsetText ?? '0');
  if (offset < 0) offset = Math.max(0, value.length + offset);
  if (lengthText === undefined) return value.slice(offset);
  const length = evaluate(lengthText);
  return length < 0 ? value.slice(offset, value.length + length) : value.slice(offset, offset + length);
}
