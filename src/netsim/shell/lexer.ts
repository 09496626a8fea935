import type { HereDocument, ParameterOperator, Script, Word, WordPart } from './ast';

/** bash's operators, longest first so that `&&` is not read as two `&`. */
const OPERATORS = [
  '<<<',
  '<<-',
  '&>>',
  '&&',
  '||',
  ';;',
  '>>',
  '>&',
  '<&',
  '&>',
  '>|',
  '|&',
  '<<',
  ';',
  '&',
  '|',
  '(',
  ')',
  '<',
  '>',
] as const;
export type Operator = (typeof OPERATORS)[number];

export type Token =
  | { readonly kind: 'word'; readonly word: Word }
  | { readonly kind: 'operator'; readonly operator: Operator; readonly fd: number | undefined }
  | { readonly kind: 'newline' }
  | { readonly kind: 'eof' };

/** Input ended inside a quote or substitution: bash's `unexpected EOF while looking for matching ...`. */
export class UnterminatedError {
  constructor(readonly closing: string) {}
}

/** A syntax error inside `$(...)`, reported as bash reports the outer one. */
export class NestedSyntaxError {
  constructor(readonly message: string) {}
}

/** Parses the text of a command substitution; the parser supplies it, which keeps the lexer free of the grammar. */
export type ScriptParser = (source: string) => Script | NestedSyntaxError | UnterminatedError;

const METACHARACTERS = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const SPECIAL_PARAMETERS = new Set([
  '?',
  '$',
  '#',
  '!',
  '-',
  '@',
  '*',
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
]);
/** What a backslash keeps its meaning before, inside double quotes (bash manual, Double Quotes). */
const DOUBLE_QUOTE_ESCAPES = new Set(['$', '`', '"', '\\']);

/**
 * bash's tokenizer: words with their quoting, operators, newlines. Comments (a
 * `#` that starts a word) and backslash-newline continuations disappear here.
 */
export class Lexer {
  private position = 0;
  /** Here-documents whose text starts after the next newline. */
  private readonly heredocs: HereDocument[] = [];

  constructor(
    private readonly source: string,
    private readonly parseScript: ScriptParser,
    /** bash reads `${a[i]}`; dash and BusyBox ash find it a bad substitution. */
    private readonly bash = true,
  ) {}

  get offset(): number {
    return this.position;
  }

  next(): Token {
    this.skipBlanks();
    const char = this.source[this.position];
    if (char === undefined) return { kind: 'eof' };
    if (char === '\n') {
      this.position++;
      this.readHeredocs();
      return { kind: 'newline' };
    }
    const ioNumber = /^(\d+)(?=[<>])/.exec(this.source.slice(this.position, this.position + 12));
    const fd = ioNumber ? Number(ioNumber[1]) : undefined;
    const at = this.position + (ioNumber?.[1]!.length ?? 0);
    const operator = OPERATORS.find((op) => this.source.startsWith(op, at));
    if (operator) {
      this.position = at + operator.length;
      return { kind: 'operator', operator, fd };
    }
    return { kind: 'word', word: this.word() };
  }

  /** A `<<` the parser met: its text is read at the end of this line. */
  hereDocument(delimiter: Word, stripTabs: boolean): HereDocument {
    const quoted = delimiter.parts.some((part) => part.kind !== 'literal' || part.quoted);
    const text = delimiter.parts.map((part) => (part.kind === 'literal' ? part.text : '')).join('');
    const heredoc: HereDocument = {
      delimiter: quoted ? unquote(delimiter.source) : text,
      stripTabs,
      expand: !quoted,
      body: '',
      parts: [],
    };
    this.heredocs.push(heredoc);
    return heredoc;
  }

  /**
   * The lines of each pending here-document, up to a line that is its delimiter
   * alone (after leading tabs with `<<-`); the end of the input ends one too.
   */
  private readHeredocs(): void {
    for (const heredoc of this.heredocs.splice(0)) {
      let body = '';
      heredoc.terminated = false;
      while (this.position < this.source.length) {
        const end = this.source.indexOf('\n', this.position);
        const stop = end < 0 ? this.source.length : end;
        let line = this.source.slice(this.position, stop);
        this.position = end < 0 ? stop : stop + 1;
        if (heredoc.stripTabs) line = line.replace(/^\t+/, '');
        if (line === heredoc.delimiter) {
          heredoc.terminated = true;
          break;
        }
        body += `${line}\n`;
      }
      heredoc.body = body;
      if (heredoc.expand) heredoc.parts = new Lexer(body, this.parseScript, this.bash).hereDocumentParts();
    }
  }

  /** A here-document's text as a word: `$`, backquotes and `\` before `$`, `` ` ``, `\` or a newline are special, quotes are not. */
  private hereDocumentParts(): WordPart[] {
    const parts: WordPart[] = [];
    while (this.position < this.source.length) {
      const char = this.source[this.position]!;
      if (char === '\\' && this.source[this.position + 1] === '\n') this.position += 2;
      else if (char === '\\' && '$`\\'.includes(this.source[this.position + 1] ?? '')) {
        parts.push({ kind: 'literal', text: this.source[this.position + 1]!, quoted: true });
        this.position += 2;
      } else if (char === '$' || char === '`') parts.push(...this.dollar(true));
      else {
        parts.push({ kind: 'literal', text: char, quoted: true });
        this.position++;
      }
    }
    return merge(parts);
  }

  /** Blanks, comments and continuations between words. */
  private skipBlanks(): void {
    for (;;) {
      const char = this.source[this.position];
      if (char === ' ' || char === '\t') this.position++;
      else if (char === '\\' && this.source[this.position + 1] === '\n') this.position += 2;
      else if (char === '#') {
        while (this.position < this.source.length && this.source[this.position] !== '\n') this.position++;
      } else return;
    }
  }

  /**
   * `(( expression ))` once the parser has read its first `(`: the text up to the
   * `))` that closes it, or undefined (`( (cd x); ls )` is two subshells).
   */
  arithmeticCommand(): string | undefined {
    return this.source[this.position] === '(' ? this.closingParentheses(this.position + 1, '))') : undefined;
  }

  /** Text read as inside double quotes, as `(( ))`'s expression is. */
  expressionWord(text: string): Word {
    return { parts: this.asDoubleQuoted(text), source: text };
  }

  /** `[[ x =~ regex ]]`'s right side: one word up to a blank, where parentheses and `|` are the regex's own (bash parse.y parse_cond_command). */
  regexWord(): Word {
    this.skipBlanks();
    return this.word(true);
  }

  private word(regex = false): Word {
    const start = this.position;
    let depth = 0;
    const parts: WordPart[] = [];
    const literal = (text: string, quoted: boolean) => parts.push({ kind: 'literal', text, quoted });
    if (
      this.source[this.position] === '~' &&
      /^~(\/|$|[ \t\n;&|<>()])/.test(this.source.slice(this.position, this.position + 2))
    ) {
      parts.push({ kind: 'tilde' });
      this.position++;
    }
    for (;;) {
      const char = this.source[this.position];
      if (char === undefined || (METACHARACTERS.has(char) && !(regex && (depth > 0 || !' \t\n'.includes(char))))) break;
      if (regex && char === '(') depth++;
      if (regex && char === ')') depth--;
      if (char === '\\') {
        const next = this.source[this.position + 1];
        this.position += 2;
        if (next !== undefined && next !== '\n') literal(next, true);
      } else if (char === "'") {
        literal(this.until("'", this.position + 1), true);
      } else if (char === '"') {
        this.position++;
        parts.push(...this.doubleQuoted());
      } else if (char === '$' || char === '`') {
        parts.push(...this.dollar(false));
      } else {
        literal(char, false);
        this.position++;
      }
    }
    return { parts: merge(parts), source: this.source.slice(start, this.position) };
  }

  /** Text up to `closing`, which is consumed; nothing inside is special. */
  private until(closing: string, from: number): string {
    const end = this.source.indexOf(closing, from);
    if (end < 0) throw new UnterminatedError(closing);
    this.position = end + closing.length;
    return this.source.slice(from, end);
  }

  private doubleQuoted(): WordPart[] {
    const parts: WordPart[] = [{ kind: 'literal', text: '', quoted: true }];
    for (;;) {
      const char = this.source[this.position];
      if (char === undefined) throw new UnterminatedError('"');
      if (char === '"') {
        this.position++;
        return parts;
      }
      if (char === '\\' && this.source[this.position + 1] === '\n') this.position += 2;
      else if (char === '\\' && DOUBLE_QUOTE_ESCAPES.has(this.source[this.position + 1] ?? '')) {
        parts.push({ kind: 'literal', text: this.source[this.position + 1]!, quoted: true });
        this.position += 2;
      } else if (char === '$' || char === '`') parts.push(...this.dollar(true));
      else {
        parts.push({ kind: 'literal', text: char, quoted: true });
        this.position++;
      }
    }
  }

  /** `$NAME`, `${...}`, `$(...)`, backquotes, `$'...'`; a lone `$` is itself. */
  private dollar(quoted: boolean): WordPart[] {
    const source = this.source;
    if (source[this.position] === '`') return [{ kind: 'substitution', script: this.backquoted(), quoted }];
    const next = source[this.position + 1] ?? '';
    if (next === '(') {
      const expression = source[this.position + 2] === '(' ? this.arithmetic() : undefined;
      if (expression !== undefined)
        return [{ kind: 'arithmetic', expression: this.asDoubleQuoted(expression), quoted }];
      return [{ kind: 'substitution', script: this.parenthesized(), quoted }];
    }
    if (next === '{') {
      const text = this.braced();
      if (/^[A-Za-z_][A-Za-z0-9_]*$|^[?$#!@*0-9-]$/.test(text)) return [{ kind: 'parameter', name: text, quoted }];
      return [
        this.parameterOperation(text, quoted) ??
          (this.bash ? this.arrayElement(text, quoted) : undefined) ?? {
            kind: 'bad-substitution',
            text: `\${${text}}`,
            quoted,
          },
      ];
    }
    if (next === "'" && !quoted) {
      return [{ kind: 'literal', text: ansiC(this.until("'", this.position + 2)), quoted: true }];
    }
    if (next === '"' && !quoted) {
      this.position += 2;
      return this.doubleQuoted();
    }
    const name =
      /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(this.position + 1))?.[0] ??
      (SPECIAL_PARAMETERS.has(next) ? next : '');
    if (name === '') {
      this.position++;
      return [{ kind: 'literal', text: '$', quoted }];
    }
    this.position += 1 + name.length;
    return [{ kind: 'parameter', name, quoted }];
  }

  /**
   * `$((...))` when its parentheses close together as `))`: the expression inside.
   * Otherwise (`$( (cd x); ls )`) undefined, and it is a command substitution.
   */
  private arithmetic(): string | undefined {
    return this.closingParentheses(this.position + 3, ')');
  }

  /** The text from `start` to the `))` that closes it, the position moved past; undefined if a lone `)` closes it first. */
  private closingParentheses(start: number, missing: string): string | undefined {
    let depth = 0;
    for (let at = start; at < this.source.length; at++) {
      const char = this.source[at];
      if (char === '(') depth++;
      else if (char === ')' && depth > 0) depth--;
      else if (char === ')') {
        if (this.source[at + 1] !== ')') return undefined;
        this.position = at + 2;
        return this.source.slice(start, at);
      }
    }
    throw new UnterminatedError(missing);
  }

  /** The inside of `${...}`, up to its matching `}` (a `${...}` or `$(...)` in it nests). */
  private braced(): string {
    const start = this.position + 2;
    let depth = 1;
    for (let at = start; at < this.source.length; at++) {
      const char = this.source[at];
      if (char === '\\') at++;
      else if (char === '{') depth++;
      else if (char === '}' && --depth === 0) {
        this.position = at + 1;
        return this.source.slice(start, at);
      }
    }
    throw new UnterminatedError('}');
  }

  /** `${name:-word}` and the other operators bash's parameter expansion has (POSIX 2.6.2, bash subst.c); undefined for any other text. */
  private parameterOperation(text: string, quoted: boolean): WordPart | undefined {
    const length = /^#([A-Za-z_][A-Za-z0-9_]*|[?$#!@*0-9-])$/.exec(text);
    if (length) return { kind: 'parameter-length', name: length[1]!, quoted };
    const match = /^([A-Za-z_][A-Za-z0-9_]*|[?$#!@*0-9-])(:-|:=|:\+|##|%%|\/\/|[-=+#%/:])([\s\S]*)$/.exec(text);
    if (!match) return undefined;
    const [, name, operator, rest] = match as unknown as [string, string, ParameterOperator, string];
    if (operator === '/' || operator === '//') {
      const slash = rest.indexOf('/');
      const pattern = slash < 0 ? rest : rest.slice(0, slash);
      const replacement = slash < 0 ? '' : rest.slice(slash + 1);
      return {
        kind: 'parameter-operation',
        name,
        operator,
        word: this.asDoubleQuoted(pattern),
        replacement: this.asDoubleQuoted(replacement),
        quoted,
      };
    }
    return { kind: 'parameter-operation', name, operator, word: this.asDoubleQuoted(rest), quoted };
  }

  /** `${a[i]}`, `${a[@]}`, `${#a[@]}`, `${!a[@]}`: bash's arrays; undefined for any other text. */
  private arrayElement(text: string, quoted: boolean): WordPart | undefined {
    const match = /^([#!]?)([A-Za-z_][A-Za-z0-9_]*)\[([\s\S]+)\]$/.exec(text);
    if (!match) return undefined;
    const [, prefix, name, index] = match as unknown as [string, string, string, string];
    const form = prefix === '#' ? 'length' : prefix === '!' ? 'indices' : 'value';
    return {
      kind: 'array',
      name,
      index: index === '@' || index === '*' ? index : this.asDoubleQuoted(index),
      form,
      quoted,
    };
  }

  /** Text read as inside double quotes: its `$` expansions found, everything else literal. */
  private asDoubleQuoted(text: string): WordPart[] {
    const inner = new Lexer(`${text.replace(/"/g, '\\"')}"`, this.parseScript, this.bash);
    return inner.doubleQuoted();
  }

  /** `$(...)`: the matching parenthesis found with quotes and nesting in mind, the inside parsed as a script. */
  private parenthesized(): Script {
    const start = this.position + 2;
    let depth = 1;
    let at = start;
    while (depth > 0) {
      const char = this.source[at];
      if (char === undefined) throw new UnterminatedError(')');
      if (char === '\\') at++;
      else if (char === "'") at = this.closingQuote("'", at, ')');
      else if (char === '"') at = this.closingQuote('"', at, ')');
      else if (char === '(') depth++;
      else if (char === ')') depth--;
      at++;
    }
    this.position = at;
    return this.nested(this.source.slice(start, at - 1));
  }

  private closingQuote(quote: string, from: number, outer: string): number {
    for (let at = from + 1; at < this.source.length; at++) {
      if (quote === '"' && this.source[at] === '\\') at++;
      else if (this.source[at] === quote) return at;
    }
    throw new UnterminatedError(outer);
  }

  private backquoted(): Script {
    let text = '';
    for (let at = this.position + 1; ; at++) {
      const char = this.source[at];
      if (char === undefined) throw new UnterminatedError('`');
      if (char === '`') {
        this.position = at + 1;
        return this.nested(text);
      }
      // Inside backquotes a backslash quotes only $, ` and \ (bash manual, Command Substitution).
      if (char === '\\' && '$`\\'.includes(this.source[at + 1] ?? '')) text += this.source[++at];
      else text += char;
    }
  }

  private nested(text: string): Script {
    const script = this.parseScript(text);
    if (script instanceof NestedSyntaxError || script instanceof UnterminatedError) throw script;
    return script;
  }
}

/** A delimiter with its quotes and backslashes taken away: `'EOF'`, `"EOF"` and `\EOF` all end at `EOF`. */
function unquote(source: string): string {
  return source.replace(
    /\\(.)|'([^']*)'|"((?:[^"\\]|\\.)*)"/g,
    (_whole, escaped: string | undefined, single: string | undefined, double: string | undefined) =>
      escaped ?? single ?? (double ?? '').replace(/\\(.)/g, '$1'),
  );
}

/** Adjacent literals of the same quoting joined into one part. */
function merge(parts: WordPart[]): WordPart[] {
  const merged: WordPart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (part.kind === 'literal' && last?.kind === 'literal' && last.quoted === part.quoted)
      merged[merged.length - 1] = { ...last, text: last.text + part.text };
    else merged.push(part);
  }
  return merged;
}

const ANSI_C_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** `$'...'`: backslash escapes as C writes them. */
function ansiC(text: string): string {
  return text.replace(/\\([0-7]{1,3}|x[0-9A-Fa-f]{1,2}|.)/g, (whole, escape: string) => {
    if (/^[0-7]/.test(escape)) return String.fromCharCode(parseInt(escape, 8));
    if (escape.startsWith('x') && escape.length > 1) return String.fromCharCode(parseInt(escape.slice(1), 16));
    return ANSI_C_ESCAPES[escape] ?? whole;
  });
}
