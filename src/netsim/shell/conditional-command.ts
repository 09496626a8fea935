import type { ConditionalToken, Word } from './ast';
import { setArray } from './arrays';
import type { BuiltinContext } from './builtins';
import { expandPattern, expandString, type ExpansionContext } from './expand';
import { matchesGlob } from './glob';
import { testBuiltin } from './test-builtin';

/** What `[[ ]]` asks of the shell it runs in: its words expanded (never split nor globbed), arithmetic, BASH_REMATCH. */
interface ConditionalContext extends BuiltinContext {
  string(word: Word): string;
  /** The right side of `==` and `!=`: what was quoted matches itself. */
  pattern(word: Word): string;
  /** The right side of `=~`: a POSIX extended regular expression, its quoted parts escaped. */
  regex(word: Word): string;
  integer(text: string): number;
  setMatch(groups: string[]): void;
}

const UNARY = new Set([
  '-a',
  '-b',
  '-c',
  '-d',
  '-e',
  '-f',
  '-g',
  '-h',
  '-k',
  '-p',
  '-r',
  '-s',
  '-t',
  '-u',
  '-w',
  '-x',
  '-G',
  '-L',
  '-N',
  '-O',
  '-S',
  '-n',
  '-z',
  '-o',
  '-v',
]);
const BINARY = new Set([
  '==',
  '=',
  '!=',
  '=~',
  '<',
  '>',
  '-eq',
  '-ne',
  '-lt',
  '-le',
  '-gt',
  '-ge',
  '-nt',
  '-ot',
  '-ef',
]);

/** A syntax error in the expression: the token bash names. */
class ConditionalError {
  constructor(readonly token: string) {}
}

/** The expression as a tree, read whole before any of it runs, so that `&&` and `||` can skip a side. */
type Node =
  | { readonly kind: 'not'; readonly operand: Node }
  | { readonly kind: 'and' | 'or'; readonly left: Node; readonly right: Node }
  | { readonly kind: 'unary'; readonly operator: string; readonly operand: Word }
  | { readonly kind: 'binary'; readonly operator: string; readonly left: Word; readonly right: Word }
  | { readonly kind: 'word'; readonly word: Word };

/**
 * `[[ expression ]]` (bash's execute_cmd.c execute_cond_node): `!`, `&&`, `||`
 * and parentheses; a word alone is true when not empty; `==` and `!=` match a
 * pattern, `=~` a regular expression (its groups into BASH_REMATCH), `<` and `>`
 * compare strings, `-eq` and the rest compare arithmetic values, unary tests as
 * `test`'s. Status 0 true, 1 false, 2 for a syntax error or a bad regex.
 */
export function conditional(
  tokens: readonly ConditionalToken[],
  builtin: BuiltinContext,
  expansion: ExpansionContext,
): { status: number; stderr: string } {
  const context: ConditionalContext = {
    ...builtin,
    string: (word) => expandString(word, expansion),
    pattern: (word) => expandPattern(word, expansion),
    regex: (word) => expandRegex(word, expansion),
    integer: (text) => Number(builtin.shell.arithmetic(text)),
    setMatch: (groups) => setArray(builtin.state, 'BASH_REMATCH', groups, builtin.shell.setVariable),
  };
  let tree: Node;
  try {
    const reader = new Reader(tokens);
    tree = reader.or();
    if (reader.position < tokens.length) throw new ConditionalError(text(tokens[reader.position]!));
  } catch (error) {
    if (!(error instanceof ConditionalError)) throw error;
    return {
      status: 2,
      stderr: `${context.dialect.name}: syntax error in conditional expression: unexpected token \`${error.token}'\n`,
    };
  }
  const value = evaluate(tree, context);
  return { status: value === 'error' ? 2 : value ? 0 : 1, stderr: '' };
}

const text = (token: ConditionalToken) => (token.kind === 'word' ? token.word.source : token.operator);

/** parse_cond_command's grammar: or of ands of nots of primaries. */
class Reader {
  position = 0;

  constructor(private readonly tokens: readonly ConditionalToken[]) {}

  or(): Node {
    let node = this.and();
    while (this.isOperator('||')) {
      this.position++;
      node = { kind: 'or', left: node, right: this.and() };
    }
    return node;
  }

  private and(): Node {
    let node = this.not();
    while (this.isOperator('&&')) {
      this.position++;
      node = { kind: 'and', left: node, right: this.not() };
    }
    return node;
  }

  private not(): Node {
    if (this.isWord('!')) {
      this.position++;
      return { kind: 'not', operand: this.not() };
    }
    return this.primary();
  }

  private primary(): Node {
    const token = this.tokens[this.position];
    if (!token) throw new ConditionalError(']]');
    if (token.kind === 'operator' && token.operator === '(') {
      this.position++;
      const node = this.or();
      if (!this.isOperator(')'))
        throw new ConditionalError(this.tokens[this.position] ? text(this.tokens[this.position]!) : ']]');
      this.position++;
      return node;
    }
    const operator = this.tokens[this.position + 1];
    const right = this.tokens[this.position + 2];
    if (operator && BINARY.has(text(operator)) && right) {
      const node: Node = { kind: 'binary', operator: text(operator), left: this.word(token), right: this.word(right) };
      this.position += 3;
      return node;
    }
    if (token.kind === 'word' && UNARY.has(token.word.source) && operator?.kind === 'word') {
      this.position += 2;
      return { kind: 'unary', operator: token.word.source, operand: operator.word };
    }
    this.position++;
    return { kind: 'word', word: this.word(token) };
  }

  private word(token: ConditionalToken): Word {
    if (token.kind !== 'word') throw new ConditionalError(token.operator);
    return token.word;
  }

  private isOperator(operator: string): boolean {
    const token = this.tokens[this.position];
    return token?.kind === 'operator' && token.operator === operator;
  }

  private isWord(source: string): boolean {
    const token = this.tokens[this.position];
    return token?.kind === 'word' && token.word.source === source;
  }
}

function evaluate(node: Node, context: ConditionalContext): boolean | 'error' {
  switch (node.kind) {
    case 'not': {
      const value = evaluate(node.operand, context);
      return value === 'error' ? value : !value;
    }
    case 'and': {
      const left = evaluate(node.left, context);
      return left === true ? evaluate(node.right, context) : left;
    }
    case 'or': {
      const left = evaluate(node.left, context);
      return left === false ? evaluate(node.right, context) : left;
    }
    case 'word':
      return context.string(node.word) !== '';
    case 'unary':
      return unary(node.operator, context.string(node.operand), context);
    case 'binary':
      return binary(node.operator, context.string(node.left), node.right, context);
  }
}

function binary(operator: string, left: string, rightWord: Word, context: ConditionalContext): boolean | 'error' {
  switch (operator) {
    case '==':
    case '=':
      return matchesGlob(context.pattern(rightWord), left);
    case '!=':
      return !matchesGlob(context.pattern(rightWord), left);
    case '=~':
      return matchRegex(left, context.regex(rightWord), context);
    case '<':
      return left < context.string(rightWord);
    case '>':
      return left > context.string(rightWord);
    default:
      return compare(operator, context.integer(left), context.integer(context.string(rightWord)));
  }
}

function compare(operator: string, left: number, right: number): boolean {
  switch (operator) {
    case '-eq':
      return left === right;
    case '-ne':
      return left !== right;
    case '-lt':
      return left < right;
    case '-le':
      return left <= right;
    case '-gt':
      return left > right;
    case '-ge':
      return left >= right;
    default:
      return false;
  }
}

/** bash's sh_regmatch: an extended regular expression found anywhere in the string; the match and its groups into BASH_REMATCH. */
function matchRegex(value: string, source: string, context: ConditionalContext): boolean | 'error' {
  let pattern: RegExp;
  try {
    pattern = new RegExp(posixClasses(source));
  } catch {
    return 'error';
  }
  const match = pattern.exec(value);
  context.setMatch(match ? [...match].map((group) => group ?? '') : []);
  return match !== null;
}

function unary(operator: string, operand: string, context: ConditionalContext): boolean {
  if (operator === '-n') return operand !== '';
  if (operator === '-z') return operand === '';
  if (operator === '-v') return context.state.variables.has(operand);
  return testBuiltin('test')([operator, operand], context).exitCode === 0;
}

/** `=~`'s right side (bash's cond_expand_word for a regex): what was quoted matches itself. */
function expandRegex(word: Word, context: ExpansionContext): string {
  return word.parts
    .map((part) => {
      const value = expandString({ parts: [part], source: '' }, context);
      return part.kind !== 'tilde' && part.quoted ? value.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&') : value;
    })
    .join('');
}

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
};

/** POSIX bracket classes (`[[:digit:]]`) as JavaScript writes them. */
function posixClasses(source: string): string {
  return source.replace(/\[:(\w+):\]/g, (whole, name: string) => CLASSES[name] ?? whole);
}
