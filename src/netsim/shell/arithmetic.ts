/**
 * Shell arithmetic, `$(( ... ))` (bash expr.c, POSIX 2.6.4): integers, the C
 * operators by C's precedence, variables by name (`x`, `$x`, `${x}`; unset or
 * empty is 0), assignment (`=`, `+=`...) and `++`/`--`. Errors are raised as
 * ArithmeticError with the kind and the token bash names in its message.
 */

/** What the evaluator reads and writes: the shell's variables. */
import { ArithmeticError } from './arithmetic-error';

export interface ArithmeticScope {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Token =
  | { readonly kind: 'number'; readonly value: number; readonly at: number }
  | { readonly kind: 'name'; readonly name: string; readonly at: number }
  | { readonly kind: 'operator'; readonly text: string; readonly at: number };

/** Longest first, so that `<<=` is not read as `<<` and `=`. */
const OPERATORS = [
  '<<=',
  '>>=',
  '**',
  '++',
  '--',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '^=',
  '|=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '!',
  '~',
  '&',
  '^',
  '|',
  '?',
  ':',
  '=',
  '(',
  ')',
  ',',
];

const ASSIGNMENTS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=']);

/** Binary operators by precedence, loosest first (bash expr.c, as C). */
const BINARY_LEVELS: readonly (readonly string[])[] = [
  ['||'],
  ['&&'],
  ['|'],
  ['^'],
  ['&'],
  ['==', '!='],
  ['<', '<=', '>', '>='],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '%'],
];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    if (/\s/.test(char)) {
      at++;
      continue;
    }
    const number = /^(0[xX][0-9a-fA-F]+|\d+(#[0-9a-zA-Z@_]+)?)/.exec(text.slice(at));
    if (number) {
      tokens.push({ kind: 'number', value: parseNumber(number[0], text.slice(at)), at });
      at += number[0].length;
      continue;
    }
    const name = /^\$?\{?([A-Za-z_][A-Za-z0-9_]*)\}?/.exec(text.slice(at));
    if (name && (name[0].startsWith('${') ? name[0].endsWith('}') : !name[0].endsWith('}'))) {
      tokens.push({ kind: 'name', name: name[1]!, at });
      at += name[0].length;
      continue;
    }
    const operator = OPERATORS.find((candidate) => text.startsWith(candidate, at));
    if (!operator) throw new ArithmeticError('syntax', text.slice(at));
    tokens.push({ kind: 'operator', text: operator, at });
    at += operator.length;
  }
  return tokens;
}

/** A constant as bash reads it: decimal, 0x hex, leading-0 octal, base#digits. */
function parseNumber(literal: string, rest: string): number {
  if (/^0[xX]/.test(literal)) return Number.parseInt(literal.slice(2), 16);
  if (literal.includes('#')) {
    const [base, digits] = literal.split('#') as [string, string];
    const value = Number.parseInt(digits, Number(base));
    if (Number(base) < 2 || Number(base) > 36 || Number.isNaN(value)) throw new ArithmeticError('invalid-number', rest);
    return value;
  }
  if (literal.length > 1 && literal.startsWith('0')) {
    if (/[89]/.test(literal)) throw new ArithmeticError('invalid-number', rest);
    return Number.parseInt(literal, 8);
  }
  return Number(literal);
}

/** C's integer arithmetic on 64-bit values, as far as a double holds them. */
const int = (value: number): number => Math.trunc(value) || 0;

class Evaluator {
  private index = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly scope: ArithmeticScope,
  ) {}

  run(): number {
    if (this.tokens.length === 0) return 0;
    const value = this.comma();
    const rest = this.tokens[this.index];
    if (rest) throw new ArithmeticError('syntax', this.text.slice(rest.at));
    return value;
  }

  private comma(): number {
    let value = this.assignment();
    while (this.accept(',')) value = this.assignment();
    return value;
  }

  private assignment(): number {
    const token = this.tokens[this.index];
    const next = this.tokens[this.index + 1];
    if (token?.kind === 'name' && next?.kind === 'operator' && ASSIGNMENTS.has(next.text)) {
      this.index += 2;
      const right = this.assignment();
      const value =
        next.text === '=' ? right : this.binary(next.text.slice(0, -1), this.variable(token.name), right, next);
      this.scope.set(token.name, String(value));
      return value;
    }
    return this.conditional();
  }

  private conditional(): number {
    const condition = this.level(0);
    if (!this.accept('?')) return condition;
    const yes = this.comma();
    this.expect(':');
    const no = this.conditional();
    return condition !== 0 ? yes : no;
  }

  private level(depth: number): number {
    if (depth === BINARY_LEVELS.length) return this.power();
    let left = this.level(depth + 1);
    for (;;) {
      const token = this.tokens[this.index];
      if (token?.kind !== 'operator' || !BINARY_LEVELS[depth]!.includes(token.text)) return left;
      this.index++;
      // && and || do not evaluate their right side when the left decides (assignments in it do not happen).
      if ((token.text === '&&' && left === 0) || (token.text === '||' && left !== 0)) {
        this.skipOperand(depth + 1);
        left = token.text === '||' ? 1 : 0;
        continue;
      }
      left = this.binary(token.text, left, this.level(depth + 1), token);
    }
  }

  /** Reads an operand without its side effects. */
  private skipOperand(depth: number): void {
    const scope = this.scope;
    const quiet: ArithmeticScope = { get: (name) => scope.get(name), set: () => {} };
    const evaluator = new Evaluator(this.text, this.tokens, quiet);
    evaluator.index = this.index;
    evaluator.level(depth);
    this.index = evaluator.index;
  }

  private power(): number {
    const base = this.unary();
    if (!this.accept('**')) return base;
    const exponent = this.power();
    return int(base ** exponent);
  }

  private unary(): number {
    const token = this.tokens[this.index];
    if (token?.kind === 'operator') {
      switch (token.text) {
        case '-':
          this.index++;
          return int(-this.unary());
        case '+':
          this.index++;
          return this.unary();
        case '!':
          this.index++;
          return Number(this.unary() === 0);
        case '~':
          this.index++;
          return ~this.unary();
        case '++':
        case '--': {
          this.index++;
          const name = this.tokens[this.index];
          if (name?.kind !== 'name')
            throw new ArithmeticError(name ? 'syntax' : 'operand-expected', this.text.slice(name?.at ?? token.at));
          this.index++;
          const value = this.variable(name.name) + (token.text === '++' ? 1 : -1);
          this.scope.set(name.name, String(value));
          return value;
        }
      }
    }
    return this.postfix();
  }

  private postfix(): number {
    const token = this.tokens[this.index];
    // At the end, bash names the operator still waiting for its operand.
    if (token === undefined)
      throw new ArithmeticError('operand-expected', this.text.slice(this.tokens.at(-1)?.at ?? 0));
    this.index++;
    if (token.kind === 'number') return token.value;
    if (token.kind === 'name') {
      const value = this.variable(token.name);
      const next = this.tokens[this.index];
      if (next?.kind === 'operator' && (next.text === '++' || next.text === '--')) {
        this.index++;
        this.scope.set(token.name, String(value + (next.text === '++' ? 1 : -1)));
      }
      return value;
    }
    if (token.text === '(') {
      const value = this.comma();
      this.expect(')');
      return value;
    }
    throw new ArithmeticError('operand-expected', this.text.slice(token.at));
  }

  /** A variable's value, itself an expression when it is not a number (bash evaluates it recursively). */
  private variable(name: string): number {
    const text = this.scope.get(name)?.trim() ?? '';
    if (text === '') return 0;
    if (/^-?\d+$/.test(text)) return Number(text);
    return evaluateArithmetic(text, this.scope);
  }

  private binary(operator: string, left: number, right: number, token: Token): number {
    switch (operator) {
      case '+':
        return int(left + right);
      case '-':
        return int(left - right);
      case '*':
        return int(left * right);
      case '/':
      case '%':
        if (right === 0) throw new ArithmeticError('division-by-zero', this.text.slice(this.divisorAt(token)));
        return operator === '/' ? int(left / right) : int(left % right);
      case '<<':
        return int(left * 2 ** right);
      case '>>':
        return Math.floor(left / 2 ** right);
      case '<':
        return Number(left < right);
      case '<=':
        return Number(left <= right);
      case '>':
        return Number(left > right);
      case '>=':
        return Number(left >= right);
      case '==':
        return Number(left === right);
      case '!=':
        return Number(left !== right);
      case '&':
        return left & right;
      case '^':
        return left ^ right;
      case '|':
        return left | right;
      case '&&':
        return Number(left !== 0 && right !== 0);
      case '||':
        return Number(left !== 0 || right !== 0);
      default:
        throw new ArithmeticError('syntax', this.text.slice(token.at));
    }
  }

  /** Where the divisor starts: bash's error token for a division by 0. */
  private divisorAt(operator: Token): number {
    const index = this.tokens.indexOf(operator);
    return this.tokens[index + 1]?.at ?? this.text.length;
  }

  private accept(text: string): boolean {
    const token = this.tokens[this.index];
    if (token?.kind !== 'operator' || token.text !== text) return false;
    this.index++;
    return true;
  }

  private expect(text: string): void {
    if (this.accept(text)) return;
    const token = this.tokens[this.index];
    throw new ArithmeticError(
      token ? 'syntax' : 'operand-expected',
      this.text.slice(token?.at ?? this.tokens.at(-1)?.at ?? 0),
    );
  }
}

/** The value of `text` as `$(( text ))` gives it, assignments done in `scope`. */
export function evaluateArithmetic(text: string, scope: ArithmeticScope): number {
  return new Evaluator(text, tokenize(text), scope).run();
}

export { BASH_ARITHMETIC, DASH_ARITHMETIC } from './arithmetic-messages';
