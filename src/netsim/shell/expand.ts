import type { Script, Word, WordPart } from './ast';
import { escapeGlob, hasGlob, unescapeGlob } from './glob';

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
  const fields: string[] = [];
  let pattern = '';
  let started = false;
  const breakField = () => {
    if (started) pushField(fields, pattern, context);
    pattern = '';
    started = false;
  };
  for (const part of word.parts) {
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

function partValue(part: WordPart, context: ExpansionContext): string {
  switch (part.kind) {
    case 'literal':
      return part.text;
    case 'tilde':
      return context.home();
    case 'parameter':
      return context.parameter(part.name) ?? '';
    case 'substitution':
      // Trailing newlines are removed from a substitution's output (POSIX 2.6.3).
      return context.substitute(part.script).replace(/\n+$/, '');
    case 'bad-substitution':
      throw new BadSubstitution(part.text);
    case 'arithmetic':
      return context.arithmetic?.(part.expression) ?? '';
  }
}
