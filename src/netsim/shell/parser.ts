import type {
  AndOrList,
  Assignment,
  CaseItem,
  Command,
  CompoundBody,
  CompoundCommand,
  ConditionalBranch,
  ConditionalToken,
  Pipeline,
  Redirection,
  RedirectionOperator,
  Script,
  SimpleCommand,
  UnsupportedCommand,
  Word,
} from './ast';
import type { ShellKind } from './dialect';
import { Lexer, NestedSyntaxError, UnterminatedError, type Token } from './lexer';

/** Why a command line could not be parsed; the dialect turns it into the shell's message. */
export type ShellSyntaxError =
  /** `syntax error near unexpected token `|'`; newline is named `newline`. */
  | { readonly kind: 'unexpected-token'; readonly token: string }
  /** Input ended where a command was still expected (`ls |`). */
  | { readonly kind: 'unexpected-eof' }
  /** Input ended inside quotes or a substitution. */
  | { readonly kind: 'unterminated'; readonly closing: string }
  /** An error inside `$(...)`. */
  | { readonly kind: 'in-substitution'; readonly error: ShellSyntaxError }
  /** dash and BusyBox ash: a redirection where none may be (`<<<`, bash's here-string, reads as `<<` then `<`). */
  | { readonly kind: 'unexpected-redirection' }
  /** dash and BusyBox ash: `for` not followed by a name (`for ((`). */
  | { readonly kind: 'bad-for-variable' };

export type ParseStep =
  { readonly script: Script; readonly end: number } | { readonly error: ShellSyntaxError; readonly end: number };

/** Words that open a compound command the simulated shell does not run. */
const UNSUPPORTED_OPENERS = new Set(['select', 'coproc']);
/** Reserved words that cannot start a command: bash names them as unexpected tokens. */
const MISPLACED_RESERVED = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}', 'in']);
const REDIRECTIONS = new Set<string>(['<', '>', '>>', '>|', '>&', '<&', '&>', '&>>', '<<', '<<-', '<<<']);

class Failure {
  constructor(readonly error: ShellSyntaxError) {}
}

/**
 * Reads one complete command from `offset`: everything up to an unescaped,
 * unquoted newline that ends it, as interactive bash reads a line and runs it
 * before reading the next. A trailing `|` or `&&` continues on the next line.
 */
export function parseNext(source: string, offset: number, kind: ShellKind = 'bash'): ParseStep {
  const parser = new Parser(source.slice(offset), kind);
  try {
    const script = parser.completeCommand();
    return { script, end: offset + parser.offset };
  } catch (error) {
    const failure = asFailure(error);
    // bash throws away the rest of the line the error is on.
    const at = offset + parser.offset;
    if (parser.lastLexed === 'newline') return { error: failure.error, end: at };
    // An open quote or substitution reads to the end of the input.
    if (failure.error.kind === 'unterminated') return { error: failure.error, end: source.length };
    const newline = source.indexOf('\n', at);
    return { error: failure.error, end: newline < 0 ? source.length : newline + 1 };
  }
}

/** A whole text (a `$(...)` body) as one script. */
export function parseScript(source: string, kind: ShellKind = 'bash'): Script | Failure {
  const parser = new Parser(source, kind);
  try {
    return parser.wholeScript();
  } catch (error) {
    return asFailure(error);
  }
}

/** One word as the lexer reads it from `source` (brace expansion's words, typed again); undefined if it is not one word. */
export function parseWord(source: string): Word | undefined {
  try {
    const lexer = new Lexer(source, nestedParser('bash'));
    const token = lexer.next();
    return token.kind === 'word' && lexer.next().kind === 'eof' ? token.word : undefined;
  } catch {
    return undefined;
  }
}

function asFailure(error: unknown): Failure {
  if (error instanceof Failure) return error;
  if (error instanceof UnterminatedError) return new Failure({ kind: 'unterminated', closing: error.closing });
  if (error instanceof NestedSyntaxError) return new Failure(JSON.parse(error.message) as ShellSyntaxError);
  throw error;
}

function nestedParser(kind: ShellKind) {
  return (source: string): Script | NestedSyntaxError | UnterminatedError => {
    const result = parseScript(source, kind);
    return result instanceof Failure
      ? new NestedSyntaxError(JSON.stringify({ kind: 'in-substitution', error: result.error }))
      : result;
  };
}

class Parser {
  private readonly lexer: Lexer;
  private lookahead: Token | undefined;
  /** The kind of the last token read, which tells where the failing line ends. */
  lastLexed: Token['kind'] | undefined;

  constructor(
    source: string,
    private readonly kind: ShellKind,
  ) {
    this.lexer = new Lexer(source, nestedParser(kind), kind === 'bash');
  }

  get offset(): number {
    return this.lexer.offset;
  }

  completeCommand(): Script {
    while (this.peek().kind === 'newline') this.take();
    const statements = this.peek().kind === 'eof' ? [] : this.list();
    const end = this.take();
    // A word here is a reserved word that closes nothing open (`echo hi; done`).
    if (end.kind === 'operator' || end.kind === 'word') throw unexpected(end);
    return { statements };
  }

  wholeScript(): Script {
    const statements: AndOrList[] = [];
    for (;;) {
      while (this.peek().kind === 'newline') this.take();
      if (this.peek().kind === 'eof') return { statements };
      statements.push(...this.list());
      const end = this.peek();
      if (end.kind === 'operator') throw unexpected(end);
    }
  }

  /** and-or lists separated by `;` or `&`; one ended by `&` is marked to run as a job. */
  private list(): AndOrList[] {
    const statements = [this.andOr()];
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'operator' || (token.operator !== ';' && token.operator !== '&')) return statements;
      this.take();
      if (token.operator === '&') statements.push({ ...statements.pop()!, background: true });
      const after = this.peek();
      if (
        after.kind === 'eof' ||
        after.kind === 'newline' ||
        (after.kind === 'operator' && (after.operator === ')' || after.operator === ';;'))
      )
        return statements;
      // `done`, `fi`, `}`...: the end of the compound command this list is in.
      if (after.kind === 'word' && isPlain(after.word) && MISPLACED_RESERVED.has(after.word.source)) return statements;
      statements.push(this.andOr());
    }
  }

  private andOr(): AndOrList {
    const first = this.pipeline();
    const rest: { operator: '&&' | '||'; pipeline: Pipeline }[] = [];
    for (
      let token = this.peek();
      token.kind === 'operator' && (token.operator === '&&' || token.operator === '||');
      token = this.peek()
    ) {
      this.take();
      this.linebreak();
      rest.push({ operator: token.operator, pipeline: this.pipeline() });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    const negated = this.isWord('!');
    if (negated) this.take();
    const commands = [this.command()];
    for (
      let token = this.peek();
      token.kind === 'operator' && (token.operator === '|' || token.operator === '|&');
      token = this.peek()
    ) {
      this.take();
      this.linebreak();
      commands.push(this.command());
    }
    return { negated, commands };
  }

  /** Newlines after `|`, `&&` and `||`: the command goes on on the next line. */
  private linebreak(): void {
    while (this.peek().kind === 'newline') this.take();
  }

  private command(): Command {
    const token = this.peek();
    if (token.kind === 'word' && isPlain(token.word)) {
      const text = token.word.source;
      if (UNSUPPORTED_OPENERS.has(text)) return this.unsupported(text);
      if (MISPLACED_RESERVED.has(text)) throw new Failure({ kind: 'unexpected-token', token: text });
      // bash's and BusyBox ash's `function name`; dash reads `function` as a command's name.
      if (text === 'function' && this.kind !== 'dash') return this.functionKeyword();
      const body = this.compoundBody(text);
      if (body) return body.kind === 'unsupported' ? body : this.withRedirections(body);
    }
    if (token.kind === 'operator' && token.operator === '(') {
      this.take();
      // `(( expression ))`, bash's arithmetic command; dash and ash read two subshells.
      const expression = this.kind === 'bash' ? this.lexer.arithmeticCommand() : undefined;
      if (expression !== undefined)
        return this.withRedirections({ kind: 'arithmetic', expression: this.lexer.expressionWord(expression) });
      const body = this.compoundList([')']);
      this.take();
      return this.withRedirections({ kind: 'subshell', body });
    }
    return this.simpleCommand();
  }

  /** `function name [()] compound-command`. */
  private functionKeyword(): Command {
    this.take();
    const name = this.take();
    if (name.kind !== 'word') throw unexpected(name);
    if (this.isOperator('(')) this.parentheses();
    return this.functionBody(name.word.source);
  }

  /** `()` after a function's name. */
  private parentheses(): void {
    this.take();
    const close = this.take();
    if (close.kind !== 'operator' || close.operator !== ')') throw unexpected(close);
  }

  /** The compound command a function runs (POSIX 2.9.5), after newlines. */
  private functionBody(name: string): Command {
    this.linebreak();
    const token = this.peek();
    const body =
      token.kind === 'operator' && token.operator === '('
        ? this.command()
        : token.kind === 'word' && isPlain(token.word)
          ? this.compoundBody(token.word.source)
          : undefined;
    if (!body || body.kind === 'unsupported' || body.kind === 'function' || body.kind === 'simple')
      throw unexpected(this.peek());
    return { kind: 'function', name, body: body.kind === 'compound' ? body : this.withRedirections(body) };
  }

  /** The rest of the line goes with a compound command the shell does not run: it is named, not run in pieces. */
  private unsupported(keyword: string): UnsupportedCommand {
    for (let token = this.peek(); token.kind !== 'newline' && token.kind !== 'eof'; token = this.peek()) this.take();
    return { kind: 'unsupported', keyword };
  }

  /** The compound command `opener` starts (bash's parse.y, POSIX 2.9.4), or undefined when it starts none. */
  private compoundBody(opener: string): CompoundBody | UnsupportedCommand | undefined {
    switch (opener) {
      case '{': {
        this.take();
        const body = this.compoundList(['}']);
        this.take();
        return { kind: 'group', body };
      }
      case 'for':
        return this.forLoop();
      case 'while':
      case 'until': {
        this.take();
        const condition = this.compoundList(['do']);
        return { kind: opener, condition, body: this.doGroup() };
      }
      case 'if':
        return this.ifCommand();
      case 'case':
        return this.caseCommand();
      case '[[':
        return this.kind === 'dash' ? undefined : this.conditional();
      default:
        return undefined;
    }
  }

  /** `[[ ... ]]`'s words and operators up to `]]`; the word after `=~` is a regex, read as one. */
  private conditional(): CompoundBody {
    this.take();
    const tokens: ConditionalToken[] = [];
    for (;;) {
      const token = this.take();
      if (token.kind === 'word' && token.word.source === ']]') break;
      if (token.kind === 'eof' || token.kind === 'newline') throw unexpected(token);
      tokens.push(
        token.kind === 'word' ? { kind: 'word', word: token.word } : { kind: 'operator', operator: token.operator },
      );
      if (token.kind === 'word' && token.word.source === '=~')
        tokens.push({ kind: 'word', word: this.lexer.regexWord() });
    }
    return { kind: 'conditional', tokens };
  }

  /** `for name [in word...]` then `;` or newlines, then `do list; done`. */
  private forLoop(): CompoundBody | UnsupportedCommand {
    this.take();
    if (this.isOperator('(')) return this.arithmeticFor();
    const name = this.take();
    if (name.kind !== 'word') throw unexpected(name);
    this.linebreak();
    let words: Word[] | undefined;
    if (this.isWord('in')) {
      this.take();
      words = [];
      for (let token = this.peek(); token.kind === 'word'; token = this.peek()) {
        words.push(token.word);
        this.take();
      }
      const separator = this.peek();
      if (separator.kind === 'operator' && separator.operator === ';') this.take();
      else if (separator.kind !== 'newline') throw unexpected(separator);
    } else if (this.peek().kind === 'operator') {
      const separator = this.take();
      if (separator.kind !== 'operator' || separator.operator !== ';') throw unexpected(separator);
    }
    this.linebreak();
    return { kind: 'for', name: name.word.source, words, body: this.doGroup() };
  }

  /** bash's `for (( init; condition; step ))`; dash and ash want a name after `for`. */
  private arithmeticFor(): CompoundBody {
    const text = this.kind === 'bash' ? this.lexer.arithmeticCommand() : undefined;
    if (text === undefined)
      throw new Failure(this.kind === 'bash' ? { kind: 'unexpected-token', token: '(' } : { kind: 'bad-for-variable' });
    const [init = '', condition = '', step = ''] = text.split(';');
    this.lookahead = undefined;
    const separator = this.peek();
    if (separator.kind === 'operator' && separator.operator === ';') this.take();
    this.linebreak();
    const word = (part: string) => this.lexer.expressionWord(part);
    return {
      kind: 'arithmetic-for',
      init: word(init),
      condition: word(condition),
      step: word(step),
      body: this.doGroup(),
    };
  }

  private doGroup(): Script {
    this.expectWord('do');
    const body = this.compoundList(['done']);
    this.take();
    return body;
  }

  private ifCommand(): CompoundBody {
    this.take();
    const branches: ConditionalBranch[] = [];
    let otherwise: Script | undefined;
    for (;;) {
      const condition = this.compoundList(['then']);
      this.take();
      branches.push({ condition, body: this.compoundList(['elif', 'else', 'fi']) });
      const closing = this.take();
      if (closing.kind === 'word' && closing.word.source === 'elif') continue;
      if (closing.kind === 'word' && closing.word.source === 'else') {
        otherwise = this.compoundList(['fi']);
        this.take();
      }
      return { kind: 'if', branches, otherwise };
    }
  }

  /** `case word in [(]pattern[|pattern]...) list ;; ... esac`; the last item's `;;` may be left out. */
  private caseCommand(): CompoundBody {
    this.take();
    const subject = this.take();
    if (subject.kind !== 'word') throw unexpected(subject);
    this.linebreak();
    this.expectWord('in');
    const items: CaseItem[] = [];
    for (;;) {
      this.linebreak();
      if (this.isWord('esac')) {
        this.take();
        return { kind: 'case', subject: subject.word, items };
      }
      if (this.isOperator('(')) this.take();
      const patterns: Word[] = [];
      for (;;) {
        const pattern = this.take();
        if (pattern.kind !== 'word') throw unexpected(pattern);
        patterns.push(pattern.word);
        if (!this.isOperator('|')) break;
        this.take();
      }
      const close = this.take();
      if (close.kind !== 'operator' || close.operator !== ')') throw unexpected(close);
      const body =
        this.isWord('esac') || this.isOperator(';;') ? { statements: [] } : this.compoundList([';;', 'esac'], true);
      items.push({ patterns, body });
      if (this.isOperator(';;')) this.take();
    }
  }

  /**
   * Commands up to one of `terminators` (a reserved word, or `)` or `;;`), across
   * newlines: the body of a compound command. The terminator is left to read.
   * Input that ends first asks for more (PS2); an empty list is a syntax error.
   */
  private compoundList(terminators: readonly string[], mayBeEmpty = false): Script {
    const statements: AndOrList[] = [];
    for (;;) {
      this.linebreak();
      const token = this.peek();
      if (isTerminator(token, terminators)) break;
      if (token.kind === 'eof') throw unexpected(token);
      statements.push(...this.list());
      const after = this.peek();
      if (after.kind === 'newline') continue;
      if (isTerminator(after, terminators)) break;
      throw unexpected(after);
    }
    if (statements.length === 0 && !mayBeEmpty) throw unexpected(this.peek());
    return { statements };
  }

  private withRedirections(body: CompoundBody): CompoundCommand {
    const redirections: Redirection[] = [];
    for (let token = this.peek(); token.kind === 'operator' && REDIRECTIONS.has(token.operator); token = this.peek()) {
      this.take();
      redirections.push(this.redirection(token.operator as RedirectionOperator, token.fd));
    }
    return { kind: 'compound', body, redirections };
  }

  private expectWord(text: string): void {
    const token = this.take();
    if (token.kind !== 'word' || token.word.source !== text) throw unexpected(token);
  }

  private isOperator(operator: string): boolean {
    const token = this.peek();
    return token.kind === 'operator' && token.operator === operator;
  }

  private simpleCommand(): SimpleCommand | Command {
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirections: Redirection[] = [];
    for (;;) {
      const token = this.peek();
      if (token.kind === 'operator' && REDIRECTIONS.has(token.operator)) {
        this.take();
        redirections.push(this.redirection(token.operator as RedirectionOperator, token.fd));
      } else if (
        token.kind === 'operator' &&
        token.operator === '(' &&
        words.length + redirections.length === 0 &&
        this.kind === 'bash' &&
        isArrayStart(assignments.at(-1))
      ) {
        // bash's `name=(words)`.
        assignments.push({ ...assignments.pop()!, elements: this.arrayElements() });
      } else if (
        token.kind === 'operator' &&
        token.operator === '(' &&
        words.length === 1 &&
        assignments.length + redirections.length === 0 &&
        isPlain(words[0]!)
      ) {
        // `name()`: a function definition. The `(` is looked at here, not ahead: each `$(` nested in a word costs no more stack than it did.
        this.parentheses();
        return this.functionBody(words[0]!.source);
      } else if (token.kind === 'word') {
        this.take();
        const assignment = words.length === 0 ? asAssignment(token.word, this.kind === 'bash') : undefined;
        if (assignment) assignments.push(assignment);
        else words.push(token.word);
      } else break;
    }
    if (assignments.length + words.length + redirections.length === 0) throw unexpected(this.peek());
    return { kind: 'simple', assignments, words, redirections };
  }

  /** `(word...)` after `name=`: an array's elements, across newlines. */
  private arrayElements(): Word[] {
    this.take();
    const elements: Word[] = [];
    for (;;) {
      this.linebreak();
      const token = this.take();
      if (token.kind === 'operator' && token.operator === ')') return elements;
      if (token.kind !== 'word') throw unexpected(token);
      elements.push(token.word);
    }
  }

  private redirection(operator: RedirectionOperator, fd: number | undefined): Redirection {
    // dash and BusyBox ash read `<<<` as `<<` then `<`.
    if (operator === '<<<' && this.kind !== 'bash') throw new Failure({ kind: 'unexpected-redirection' });
    const target = this.take();
    if (target.kind !== 'word') throw unexpected(target);
    const input =
      operator === '<' || operator === '<&' || operator === '<<' || operator === '<<-' || operator === '<<<';
    const heredoc =
      operator === '<<' || operator === '<<-' ? this.lexer.hereDocument(target.word, operator === '<<-') : undefined;
    return { fd: fd ?? (input ? 0 : 1), operator, target: target.word, ...(heredoc ? { heredoc } : {}) };
  }

  private isWord(text: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.word.source === text;
  }

  private peek(): Token {
    if (!this.lookahead) {
      this.lookahead = this.lexer.next();
      this.lastLexed = this.lookahead.kind;
    }
    return this.lookahead;
  }

  private take(): Token {
    const token = this.peek();
    this.lookahead = undefined;
    return token;
  }
}

function unexpected(token: Token): Failure {
  if (token.kind === 'eof') return new Failure({ kind: 'unexpected-eof' });
  if (token.kind === 'newline') return new Failure({ kind: 'unexpected-token', token: 'newline' });
  if (token.kind === 'word') return new Failure({ kind: 'unexpected-token', token: token.word.source });
  return new Failure({ kind: 'unexpected-token', token: token.operator });
}

/** Whether `token` ends a compound command's list: one of its closing reserved words, or `)`/`;;`. */
function isTerminator(token: Token, terminators: readonly string[]): boolean {
  if (token.kind === 'operator') return terminators.includes(token.operator);
  return token.kind === 'word' && isPlain(token.word) && terminators.includes(token.word.source);
}

/** `name=` with nothing after the `=`: a `(` right after it opens an array's elements. */
function isArrayStart(assignment: Assignment | undefined): boolean {
  return assignment !== undefined && assignment.value.source === '' && !assignment.index && !assignment.elements;
}

/** A word written without quotes or expansions, as reserved words must be. */
function isPlain(word: Word): boolean {
  return word.parts.every((part) => part.kind === 'literal' && !part.quoted);
}

/** `NAME=value` before the command name (POSIX 2.10.2 rule 7); bash's `NAME+=value` and `NAME[index]=value` too. */
function asAssignment(word: Word, bash: boolean): Assignment | undefined {
  const first = word.parts[0];
  if (first?.kind !== 'literal' || first.quoted) return undefined;
  const match = (bash ? /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]*)\])?(\+?)=/ : /^([A-Za-z_][A-Za-z0-9_]*)=/).exec(
    first.text,
  );
  if (!match) return undefined;
  const rest = first.text.slice(match[0].length);
  const parts = rest === '' ? word.parts.slice(1) : [{ ...first, text: rest }, ...word.parts.slice(1)];
  const index =
    match[2] === undefined
      ? {}
      : { index: { parts: [{ kind: 'literal' as const, text: match[2], quoted: false }], source: match[2] } };
  return {
    name: match[1]!,
    value: { parts, source: word.source.slice(match[0].length) },
    ...(match[3] ? { append: true } : {}),
    ...index,
  };
}
