import type { Script, Word, WordPart } from './ast';

/** What expansion reads: variables and special parameters, and a way to run `$(...)`. */
export interface ExpansionContext {
  /** A variable or special parameter (`?`, `$`, `0`); undefined when unset. */
  parameter(name: string): string | undefined;
  home(): string;
  /** Runs a substitution's script in a subshell and gives its standard output. */
  substitute(script: Script): string;
}

/** `${a b}`: bash's `bad substitution`, raised while expanding, which ends the command. */
export class BadSubstitution {
  constructor(readonly text: string) {}
}

/** Field separators with the default IFS: space, tab, newline (POSIX 2.6.5). */
const IFS_WHITESPACE = /[ \t\n]+/;

/**
 * A word's fields after parameter expansion, command substitution, field
 * splitting of the unquoted results and quote removal. Pathname expansion is
 * not done: the simulated machine has no directories to match against.
 */
export function expandFields(word: Word, context: ExpansionContext): string[] {
  const fields: string[] = [];
  let current = '';
  let started = false;
  const breakField = () => {
    if (started) fields.push(current);
    current = '';
    started = false;
  };
  for (const part of word.parts) {
    const value = partValue(part, context);
    if (part.kind === 'literal' || part.kind === 'tilde' || part.quoted) {
      current += value;
      started ||= part.kind !== 'literal' || part.quoted || value !== '';
      continue;
    }
    value.split(IFS_WHITESPACE).forEach((piece, index) => {
      if (index > 0) breakField();
      if (piece !== '') {
        current += piece;
        started = true;
      }
    });
  }
  if (started) fields.push(current);
  return fields;
}

/** A word expanded without field splitting: assignments and redirection targets. */
export function expandString(word: Word, context: ExpansionContext): string {
  return word.parts.map((part) => partValue(part, context)).join('');
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
  }
}
