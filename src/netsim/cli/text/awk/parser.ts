import type { AwkFunction, AwkProgram, Expr, LValue, Output, Rule, Stmt } from './ast';
import { AwkSyntaxError, tokenize, type Token } from './lexer';

/** Built-ins' least and most arguments (mawk bi_funct.c's table; BusyBox's OC_B ops). */
const ARITY: Readonly<Record<string, readonly [number, number]>> = {
  length: [0, 1],
  substr: [2, 3],
  index: [2, 2],
  split: [2, 3],
  sub: [2, 3],
  gsub: [2, 3],
  match: [2, 2],
  sprintf: [1, 255],
  tolower: [1, 1],
  toupper: [1, 1],
  int: [1, 1],
  sqrt: [1, 1],
  exp: [1, 1],
  log: [1, 1],
  sin: [1, 1],
  cos: [1, 1],
  atan2: [2, 2],
  rand: [0, 0],
  srand: [0, 1],
  system: [1, 1],
  close: [1, 2],
  fflush: [0, 1],
};

const ASSIGNMENTS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '^=', '**=']);
const COMPARISONS = new Set(['<', '<=', '!=', '==', '>', '>=']);

interface ExprFlags {
  /** In print's list a bare `>` redirects. */
  readonly noGreater?: boolean;
  /** In for's `(x in a)` head, `in` is not an operator. */
  readonly noIn?: boolean;
}

/** Parses awk source, or throws AwkSyntaxError in mawk's and BusyBox's words. */
export function parseAwk(source: string, flavor: 'mawk' | 'busybox' = 'mawk'): AwkProgram {
  return new Parser(tokenize(source, flavor), source).program();
}

class Parser {
  private at = 0;
  private readonly calls: { name: string; line: number }[] = [];

  constructor(
    private readonly tokens: readonly Token[],
    private readonly source: string,
  ) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.at + offset, this.tokens.length - 1)]!;
  }

  private is(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return (token.kind === 'punct' || token.kind === 'keyword') && token.text === text;
  }

  private take(): Token {
    return this.tokens[this.at++]!;
  }

  /** The line mawk names for a token; at the end of the program, the line after the last. */
  private lineOf(token: Token): number {
    return token.kind === 'eof'
      ? (this.source.match(/\n/g) ?? []).length + (this.source.endsWith('\n') ? 1 : 2)
      : token.line;
  }

  private fail(token = this.peek()): never {
    const near = token.kind === 'newline' ? 'end of line' : token.text;
    throw new AwkSyntaxError(`syntax error at or near ${near}`, 'Unexpected token', this.lineOf(token), token.line);
  }

  private expect(text: string): Token {
    if (this.is(text)) return this.take();
    const token = this.peek();
    if (text === '}' || text === ')' || text === ']') {
      const near = token.kind === 'eof' ? 'end of file' : token.kind === 'newline' ? 'end of line' : token.text;
      throw new AwkSyntaxError(`missing ${text} near ${near}`, 'Unexpected token', this.lineOf(token), token.line);
    }
    return this.fail(token);
  }

  /** A list in parentheses that ends before its `)`: mawk says `missing ) near` what came instead. */
  private listUntilParen(): Expr[] {
    if (this.is(')')) return [];
    if (this.is('}') || this.is(';') || this.peek().kind === 'newline' || this.peek().kind === 'eof') this.expect(')');
    return this.expressionList();
  }

  private newlines(): void {
    while (this.peek().kind === 'newline') this.take();
  }

  program(): AwkProgram {
    const begin: Stmt[] = [];
    const end: Stmt[] = [];
    const rules: Rule[] = [];
    const functions = new Map<string, AwkFunction>();
    for (;;) {
      while (this.peek().kind === 'newline' || this.is(';')) this.take();
      if (this.peek().kind === 'eof') break;
      if (this.is('BEGIN')) {
        this.take();
        begin.push(...this.block());
      } else if (this.is('END')) {
        this.take();
        end.push(...this.block());
      } else if (this.is('function')) {
        this.take();
        const name = this.take();
        if (name.kind !== 'name' && name.kind !== 'funcname') this.fail(name);
        this.expect('(');
        const params: string[] = [];
        while (!this.is(')')) {
          const param = this.take();
          if (param.kind !== 'name') this.fail(param);
          params.push(param.text);
          if (this.is(',')) {
            this.take();
            this.newlines();
          } else if (!this.is(')')) this.fail();
        }
        this.take();
        this.newlines();
        functions.set(name.text, { params, body: this.block() });
      } else rules.push(this.rule());
    }
    const undefinedCall = this.calls.find((call) => !functions.has(call.name));
    if (undefinedCall)
      throw new AwkSyntaxError(
        `function ${undefinedCall.name} never defined`,
        'Call to undefined function',
        this.lineOf(this.peek()),
        undefinedCall.line,
      );
    return { begin, end, rules, functions };
  }

  private rule(): Rule {
    if (this.is('{')) return { pattern: undefined, rangeEnd: undefined, body: this.block() };
    const pattern = this.expression();
    let rangeEnd: Expr | undefined;
    if (this.is(',')) {
      this.take();
      this.newlines();
      rangeEnd = this.expression();
    }
    return { pattern, rangeEnd, body: this.is('{') ? this.block() : undefined };
  }

  private block(): Stmt[] {
    this.expect('{');
    const body: Stmt[] = [];
    for (;;) {
      while (this.peek().kind === 'newline' || this.is(';')) this.take();
      if (this.is('}')) {
        this.take();
        return body;
      }
      if (this.peek().kind === 'eof') this.expect('}');
      body.push(this.statement());
    }
  }

  private statement(): Stmt {
    const token = this.peek();
    if (this.is('{')) return { k: 'block', body: this.block() };
    if (this.is('if')) {
      this.take();
      this.expect('(');
      const test = this.expression();
      this.expect(')');
      this.newlines();
      const then = this.statementOrEmpty();
      const save = this.at;
      while (this.peek().kind === 'newline' || this.is(';')) this.take();
      if (this.is('else')) {
        this.take();
        this.newlines();
        return { k: 'if', test, then, otherwise: this.statementOrEmpty() };
      }
      this.at = save;
      return { k: 'if', test, then, otherwise: undefined };
    }
    if (this.is('while')) {
      this.take();
      this.expect('(');
      const test = this.expression();
      this.expect(')');
      if (this.is(';')) {
        this.take();
        return { k: 'while', test, body: { k: 'block', body: [] } };
      }
      this.newlines();
      return { k: 'while', test, body: this.statementOrEmpty() };
    }
    if (this.is('do')) {
      this.take();
      this.newlines();
      const body = this.statementOrEmpty();
      while (this.peek().kind === 'newline' || this.is(';')) this.take();
      this.expect('while');
      this.expect('(');
      const test = this.expression();
      this.expect(')');
      this.terminator();
      return { k: 'do', body, test };
    }
    if (this.is('for')) return this.forStatement();
    if (this.is(';')) {
      this.take();
      return { k: 'block', body: [] };
    }
    const simple = this.simpleStatement(token);
    this.terminator();
    return simple;
  }

  private statementOrEmpty(): Stmt {
    if (this.is(';')) {
      this.take();
      return { k: 'block', body: [] };
    }
    return this.statement();
  }

  private terminator(): void {
    if (this.is(';') || this.peek().kind === 'newline') this.take();
    else if (!this.is('}') && this.peek().kind !== 'eof') this.fail();
  }

  private forStatement(): Stmt {
    this.take();
    this.expect('(');
    if (this.peek().kind === 'name' && this.is('in', 1) && this.peek(2).kind === 'name' && this.is(')', 3)) {
      const variable: LValue = { k: 'var', name: this.take().text };
      this.take();
      const array = this.take().text;
      this.take();
      this.newlines();
      return { k: 'forin', variable, array, body: this.statementOrEmpty() };
    }
    const init = this.is(';') ? undefined : this.simpleStatement(this.peek());
    this.expect(';');
    this.newlines();
    const test = this.is(';') ? undefined : this.expression();
    this.expect(';');
    this.newlines();
    const step = this.is(')') ? undefined : this.simpleStatement(this.peek());
    this.expect(')');
    if (this.is(';')) {
      this.take();
      return { k: 'for', init, test, step, body: { k: 'block', body: [] } };
    }
    this.newlines();
    return { k: 'for', init, test, step, body: this.statementOrEmpty() };
  }

  private simpleStatement(token: Token): Stmt {
    if (token.kind === 'keyword') {
      switch (token.text) {
        case 'print':
        case 'printf':
          return this.printStatement();
        case 'next':
        case 'nextfile':
        case 'break':
        case 'continue':
          this.take();
          return { k: token.text };
        case 'exit':
        case 'return': {
          this.take();
          const ends = this.is(';') || this.is('}') || this.peek().kind === 'newline' || this.peek().kind === 'eof';
          return { k: token.text, e: ends ? undefined : this.expression() };
        }
        case 'delete': {
          this.take();
          const name = this.take();
          if (name.kind !== 'name') this.fail(name);
          if (!this.is('[')) return { k: 'delete', name: name.text, subs: undefined };
          this.take();
          const subs = this.expressionList();
          this.expect(']');
          return { k: 'delete', name: name.text, subs };
        }
      }
    }
    return { k: 'expr', e: this.expression() };
  }

  private printStatement(): Stmt {
    const kind = this.take().text as 'print' | 'printf';
    let args: Expr[] = [];
    const ends = () =>
      this.is(';') ||
      this.is('}') ||
      this.is('>') ||
      this.is('>>') ||
      this.is('|') ||
      this.peek().kind === 'newline' ||
      this.peek().kind === 'eof';
    if (!ends()) {
      args = this.expressionList({ noGreater: true });
      // `print (a, b)`: the parenthesized list is print's own.
      if (args.length === 1 && args[0]!.k === 'group') args = [...args[0]!.list];
    }
    if (kind === 'printf' && args.length === 0) this.fail();
    let out: Output | undefined;
    if (this.is('>') || this.is('>>') || this.is('|')) {
      const mode = this.take().text as Output['mode'];
      out = { mode, target: this.concatenation({ noGreater: true }) };
    }
    return { k: kind, args, out };
  }

  private expressionList(flags: ExprFlags = {}): Expr[] {
    const list = [this.expression(flags)];
    while (this.is(',')) {
      this.take();
      this.newlines();
      list.push(this.expression(flags));
    }
    return list;
  }

  expression(flags: ExprFlags = {}): Expr {
    const left = this.ternary(flags);
    const op = this.peek();
    if (op.kind === 'punct' && ASSIGNMENTS.has(op.text) && isLValue(left)) {
      this.take();
      this.newlines();
      return { k: 'assign', op: op.text === '**=' ? '^=' : op.text, target: left, value: this.expression(flags) };
    }
    return left;
  }

  private ternary(flags: ExprFlags): Expr {
    const test = this.or(flags);
    if (!this.is('?')) return test;
    this.take();
    this.newlines();
    const yes = this.expression(flags);
    this.newlines();
    this.expect(':');
    this.newlines();
    return { k: 'cond', test, yes, no: this.expression(flags) };
  }

  private or(flags: ExprFlags): Expr {
    let left = this.and(flags);
    while (this.is('||')) {
      this.take();
      this.newlines();
      left = { k: 'logic', op: '||', l: left, r: this.and(flags) };
    }
    return left;
  }

  private and(flags: ExprFlags): Expr {
    let left = this.inExpression(flags);
    while (this.is('&&')) {
      this.take();
      this.newlines();
      left = { k: 'logic', op: '&&', l: left, r: this.inExpression(flags) };
    }
    return left;
  }

  private inExpression(flags: ExprFlags): Expr {
    let left = this.matchExpression(flags);
    while (!flags.noIn && this.is('in')) {
      this.take();
      const name = this.take();
      if (name.kind !== 'name') this.fail(name);
      left = { k: 'in', subs: left.k === 'group' ? left.list : [left], name: name.text };
    }
    return left;
  }

  private matchExpression(flags: ExprFlags): Expr {
    let left = this.comparison(flags);
    while (this.is('~') || this.is('!~')) {
      const negate = this.take().text === '!~';
      left = { k: 'match', negate, l: left, r: this.comparison(flags) };
    }
    return left;
  }

  private comparison(flags: ExprFlags): Expr {
    let left = this.concatenation(flags);
    for (;;) {
      if (this.is('|') && this.is('getline', 1)) {
        this.take();
        this.take();
        left = { k: 'getline', from: 'command', source: left, target: this.optionalLValue() };
        continue;
      }
      const op = this.peek();
      if (op.kind !== 'punct' || !COMPARISONS.has(op.text) || (flags.noGreater && op.text === '>')) return left;
      this.take();
      left = { k: 'cmp', op: op.text, l: left, r: this.concatenation(flags) };
    }
  }

  private concatenation(flags: ExprFlags): Expr {
    let left = this.additive(flags);
    while (this.startsOperand()) left = { k: 'concat', l: left, r: this.additive(flags) };
    return left;
  }

  private startsOperand(): boolean {
    const token = this.peek();
    if (['number', 'string', 'regex', 'name', 'funcname', 'builtin'].includes(token.kind)) return true;
    if (token.kind === 'keyword') return token.text === 'getline';
    // Not `-`, `+` nor `!`: `a -1` subtracts.
    return token.kind === 'punct' && ['$', '(', '++', '--'].includes(token.text);
  }

  private additive(flags: ExprFlags): Expr {
    let left = this.multiplicative(flags);
    while (this.is('+') || this.is('-')) {
      const op = this.take().text;
      left = { k: 'bin', op, l: left, r: this.multiplicative(flags) };
    }
    return left;
  }

  private multiplicative(flags: ExprFlags): Expr {
    let left = this.unary(flags);
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = this.take().text;
      left = { k: 'bin', op, l: left, r: this.unary(flags) };
    }
    return left;
  }

  private unary(flags: ExprFlags): Expr {
    if (this.is('!') || this.is('-') || this.is('+')) {
      const op = this.take().text;
      return { k: 'unary', op, e: this.unary(flags) };
    }
    return this.power(flags);
  }

  private power(flags: ExprFlags): Expr {
    const base = this.postfix();
    if (!this.is('^') && !this.is('**')) return base;
    this.take();
    // Right-associative, and the exponent may carry its own sign: 2^-1.
    const exponent = this.is('-') || this.is('+') || this.is('!') ? this.unary(flags) : this.power(flags);
    return { k: 'bin', op: '^', l: base, r: exponent };
  }

  private postfix(): Expr {
    const operand = this.primary();
    if (isLValue(operand) && (this.is('++') || this.is('--')))
      return { k: 'incdec', op: this.take().text as '++', prefix: false, target: operand };
    return operand;
  }

  private optionalLValue(): LValue | undefined {
    const token = this.peek();
    if (token.kind !== 'name' && !this.is('$')) return undefined;
    const target = this.primary();
    if (!isLValue(target)) this.fail();
    return target;
  }

  private primary(): Expr {
    const token = this.take();
    switch (token.kind) {
      case 'number':
        return { k: 'num', v: token.value as number };
      case 'string':
        return { k: 'str', v: token.value as string };
      case 'regex':
        return { k: 'regex', source: token.value as string };
      case 'name': {
        if (!this.is('[')) return { k: 'var', name: token.text };
        this.take();
        const subs = this.expressionList();
        this.expect(']');
        return { k: 'elem', name: token.text, subs };
      }
      case 'funcname': {
        this.expect('(');
        const args = this.listUntilParen();
        this.expect(')');
        this.calls.push({ name: token.text, line: token.line });
        return { k: 'call', name: token.text, args };
      }
      case 'builtin': {
        let args: Expr[] = [];
        if (this.is('(')) {
          this.take();
          args = this.listUntilParen();
          this.expect(')');
        } else if (token.text !== 'length') this.fail();
        const [least, most] = ARITY[token.text]!;
        if (args.length < least)
          throw new AwkSyntaxError(
            `not enough arguments in call to ${token.text}: ${args.length} (need ${least})`,
            'Too few arguments',
            token.line,
          );
        if (args.length > most)
          throw new AwkSyntaxError(
            `too many arguments in call to ${token.text}: ${args.length} (max ${most})`,
            'Too many arguments',
            token.line,
          );
        return { k: 'builtin', name: token.text, args };
      }
      case 'keyword':
        if (token.text === 'getline') {
          const target = this.optionalLValue();
          if (!this.is('<')) return { k: 'getline', from: 'input', target, source: undefined };
          this.take();
          return { k: 'getline', from: 'file', target, source: this.primary() };
        }
        return this.fail(token);
      case 'punct':
        if (token.text === '$') {
          const index =
            this.is('++') || this.is('--')
              ? this.prefixed()
              : this.is('-')
                ? { k: 'unary' as const, op: this.take().text, e: this.primary() }
                : this.primary();
          return { k: 'field', index };
        }
        if (token.text === '++' || token.text === '--') {
          this.at--;
          return this.prefixed();
        }
        if (token.text === '(') {
          const list = this.expressionList();
          this.expect(')');
          return { k: 'group', list };
        }
        return this.fail(token);
      default:
        return this.fail(token);
    }
  }

  private prefixed(): Expr {
    const op = this.take().text as '++' | '--';
    const target = this.primary();
    if (!isLValue(target)) this.fail();
    return { k: 'incdec', op, prefix: true, target };
  }
}

function isLValue(expr: Expr): expr is LValue {
  return expr.k === 'var' || expr.k === 'field' || expr.k === 'elem';
}
