/**
 * Go's text/template lexer and parser for what `docker --format` users write:
 * fields, variables (`$x := ...`, `$x = ...`), pipelines, parentheses with field
 * chains, `range`/`if`/`with`/`else`/`end`, `break`/`continue`, comments and trim
 * markers. Nodes keep their byte offset in the template, because execution errors
 * name it (`template: :1:18: executing "" at <.NetworkSettings.IPAddress>: ...`).
 */
export class TemplateError extends Error {}

export type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipeline: Pipeline }
  | { kind: 'range'; pipeline: Pipeline; body: Node[]; otherwise: Node[] }
  | { kind: 'if' | 'with'; pipeline: Pipeline; body: Node[]; otherwise: Node[] }
  | { kind: 'break' | 'continue' };

export interface Pipeline {
  /** Variables declared (`:=`) or assigned (`=`) with the pipeline's value. */
  variables: string[];
  assign: boolean;
  commands: Operand[][];
}

export type Operand =
  | { kind: 'field'; pos: number; path: string[] }
  | { kind: 'variable'; pos: number; name: string; path: string[] }
  | { kind: 'chain'; pos: number; base: Operand; path: string[] }
  | { kind: 'literal'; value: unknown }
  | { kind: 'function'; pos: number; name: string }
  | { kind: 'group'; pipeline: Pipeline };

/** `.A.B`, `$v.A`: the text Go prints between `<` and `>` in execution errors. */
export function operandText(operand: Operand): string {
  switch (operand.kind) {
    case 'field':
      return operand.path.length === 0 ? '.' : `.${operand.path.join('.')}`;
    case 'variable':
      return [operand.name, ...operand.path].join('.');
    case 'chain':
      return `(${operandText(operand.base)}).${operand.path.join('.')}`;
    case 'function':
      return operand.name;
    case 'literal':
      return JSON.stringify(operand.value);
    case 'group':
      return '(...)';
  }
}

type TokenKind =
  | 'field'
  | 'variable'
  | 'identifier'
  | 'string'
  | 'number'
  | 'open'
  | 'close'
  | 'pipe'
  | 'declare'
  | 'assign'
  | 'comma'
  | 'space';
interface Token {
  kind: TokenKind;
  text: string;
  pos: number;
}

type Piece = { kind: 'text'; text: string } | { kind: 'action'; tokens: Token[]; line: number };

export function parseTemplate(template: string, functions: ReadonlySet<string>): Node[] {
  return new Parser(splitActions(template), functions).parseList([]).nodes;
}

/** Splits text from `{{ actions }}`, applying `{{- ` and ` -}}` trimming and dropping comments. */
function splitActions(template: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  let trimNext = false;
  while (at < template.length) {
    const open = template.indexOf('{{', at);
    let text = template.slice(at, open < 0 ? undefined : open);
    if (trimNext) text = text.trimStart();
    if (open < 0) {
      if (text) pieces.push({ kind: 'text', text });
      break;
    }
    let start = open + 2;
    if (template[start] === '-' && /\s/.test(template[start + 1] ?? '')) {
      text = text.trimEnd();
      start += 1;
    }
    if (text) pieces.push({ kind: 'text', text });
    const line = 1 + countNewlines(template.slice(0, open));
    const { tokens, end, trim } = lexAction(template, start, line);
    if (tokens.some((token) => token.kind !== 'space')) pieces.push({ kind: 'action', tokens, line });
    at = end + 2;
    trimNext = trim;
  }
  return pieces;
}

function countNewlines(text: string): number {
  return text.split('\n').length - 1;
}

/** The tokens of one action from `start` up to its `}}` (at `end`), as Go's lexer makes them. */
function lexAction(template: string, start: number, line: number): { tokens: Token[]; end: number; trim: boolean } {
  const tokens: Token[] = [];
  let i = start;
  const fail = (message: string) => {
    throw new TemplateError(`template: :${line}: ${message}`);
  };
  for (;;) {
    if (i >= template.length) fail('unclosed action');
    const char = template[i]!;
    if (template.startsWith('}}', i)) return { tokens, end: i, trim: false };
    const begin = i;
    const push = (kind: TokenKind, end: number) => {
      tokens.push({ kind, text: template.slice(begin, end), pos: begin });
      i = end;
    };
    if (/\s/.test(char)) {
      let j = i;
      while (j < template.length && /\s/.test(template[j]!)) j++;
      // ` -}}` trims the text that follows; Go requires the space before the dash.
      if (template.startsWith('-}}', j)) return { tokens, end: j + 1, trim: true };
      push('space', j);
    } else if (template.startsWith('/*', i)) {
      const close = template.indexOf('*/', i + 2);
      if (close < 0) fail('unclosed comment');
      i = close + 2;
    } else if (char === '"') {
      let j = i + 1;
      while (j < template.length && template[j] !== '"') j += template[j] === '\\' ? 2 : 1;
      if (j >= template.length) fail('unterminated quoted string');
      push('string', j + 1);
    } else if (char === '`') {
      const close = template.indexOf('`', i + 1);
      if (close < 0) fail('unterminated raw quoted string');
      push('string', close + 1);
    } else if (char === '(' || char === ')') {
      push(char === '(' ? 'open' : 'close', i + 1);
    } else if (char === '|') {
      push('pipe', i + 1);
    } else if (char === ',') {
      push('comma', i + 1);
    } else if (template.startsWith(':=', i)) {
      push('declare', i + 2);
    } else if (char === '=') {
      push('assign', i + 1);
    } else if (char === '.' && !/[0-9]/.test(template[i + 1] ?? '')) {
      push('field', scanName(template, i + 1));
    } else if (char === '$') {
      push('variable', scanName(template, i + 1));
    } else if (/[-+0-9.]/.test(char)) {
      let j = i + 1;
      while (j < template.length && /[0-9a-fA-FxX._]/.test(template[j]!)) j++;
      push('number', j);
    } else if (/[\p{L}_]/u.test(char)) {
      push('identifier', scanName(template, i));
    } else {
      fail(`unexpected ${JSON.stringify(char)} in command`);
    }
  }
}

function scanName(template: string, from: number): number {
  let j = from;
  while (j < template.length && /[\p{L}\p{N}_]/u.test(template[j]!)) j++;
  return j;
}

class Parser {
  private index = 0;

  constructor(
    private readonly pieces: Piece[],
    private readonly functions: ReadonlySet<string>,
  ) {}

  parseList(terminators: string[]): { nodes: Node[]; end: Token[] } {
    const nodes: Node[] = [];
    while (this.index < this.pieces.length) {
      const piece = this.pieces[this.index++]!;
      if (piece.kind === 'text') {
        nodes.push(piece);
        continue;
      }
      const tokens = piece.tokens.filter((t) => t.kind !== 'space');
      const keyword = tokens[0]?.kind === 'identifier' ? tokens[0].text : '';
      if (terminators.includes(keyword)) return { nodes, end: tokens };
      const fail = (message: string) => new TemplateError(`template: :${piece.line}: ${message}`);
      switch (keyword) {
        case 'range':
        case 'if':
        case 'with':
          nodes.push(this.parseBlock(keyword, piece.tokens.slice(piece.tokens.indexOf(tokens[0]!) + 1), piece.line));
          break;
        case 'end':
        case 'else':
          throw fail(`unexpected {{${keyword}}}`);
        case 'break':
        case 'continue':
          nodes.push({ kind: keyword });
          break;
        default:
          nodes.push({ kind: 'action', pipeline: parsePipeline(piece.tokens, piece.line, this.functions) });
      }
    }
    if (terminators.length > 0) throw new TemplateError('template: :1: unexpected EOF');
    return { nodes, end: [] };
  }

  private parseBlock(keyword: 'range' | 'if' | 'with', header: Token[], line: number): Node {
    const pipeline = parsePipeline(header, line, this.functions);
    const body = this.parseList(['end', 'else']);
    let otherwise: Node[] = [];
    if (body.end[0]?.text === 'else') {
      const chained = body.end[1];
      if (chained?.kind === 'identifier' && (chained.text === 'if' || chained.text === 'with')) {
        // `{{else if ...}}` is an `if` nested in the else branch, ended by the same `{{end}}`.
        const piece = this.pieces[this.index - 1] as Extract<Piece, { kind: 'action' }>;
        otherwise = [this.parseBlock(chained.text, piece.tokens.slice(piece.tokens.indexOf(chained) + 1), line)];
      } else {
        otherwise = this.parseList(['end']).nodes;
      }
    }
    return keyword === 'range'
      ? { kind: 'range', pipeline, body: body.nodes, otherwise }
      : { kind: keyword, pipeline, body: body.nodes, otherwise };
  }
}

/** One pipeline: optional `$a, $b :=` or `$a =`, then commands separated by `|`. */
function parsePipeline(tokens: Token[], line: number, functions: ReadonlySet<string>): Pipeline {
  const fail = (message: string) => new TemplateError(`template: :${line}: ${message}`);
  const meaningful = tokens.filter((t) => t.kind !== 'space');
  const pipeline: Pipeline = { variables: [], assign: false, commands: [] };
  let rest = tokens;
  const declareAt = meaningful.findIndex((t) => t.kind === 'declare' || t.kind === 'assign');
  if (declareAt > 0 && meaningful.slice(0, declareAt).every((t) => t.kind === 'variable' || t.kind === 'comma')) {
    pipeline.variables = meaningful
      .slice(0, declareAt)
      .filter((t) => t.kind === 'variable')
      .map((t) => t.text);
    pipeline.assign = meaningful[declareAt]!.kind === 'assign';
    rest = tokens.slice(tokens.indexOf(meaningful[declareAt]!) + 1);
  }
  let command: Operand[] = [];
  let i = 0;
  const next = (): Operand => {
    const token = rest[i++]!;
    let operand: Operand;
    switch (token.kind) {
      case 'field':
        operand = { kind: 'field', pos: token.pos, path: token.text === '.' ? [] : [token.text.slice(1)] };
        break;
      case 'variable':
        operand = { kind: 'variable', pos: token.pos, name: token.text, path: [] };
        break;
      case 'string':
        operand = {
          kind: 'literal',
          value: token.text.startsWith('`') ? token.text.slice(1, -1) : JSON.parse(token.text),
        };
        break;
      case 'number':
        if (Number.isNaN(Number(token.text))) throw fail(`bad number syntax: "${token.text}"`);
        operand = { kind: 'literal', value: Number(token.text) };
        break;
      case 'identifier':
        if (token.text === 'true' || token.text === 'false')
          operand = { kind: 'literal', value: token.text === 'true' };
        else if (token.text === 'nil') operand = { kind: 'literal', value: null };
        else if (functions.has(token.text)) operand = { kind: 'function', pos: token.pos, name: token.text };
        else throw fail(`function "${token.text}" not defined`);
        break;
      case 'open': {
        let depth = 1;
        const start = i;
        while (i < rest.length && depth > 0) {
          if (rest[i]!.kind === 'open') depth++;
          if (rest[i]!.kind === 'close') depth--;
          i++;
        }
        if (depth > 0) throw fail('unclosed left paren');
        operand = { kind: 'group', pipeline: parsePipeline(rest.slice(start, i - 1), line, functions) };
        break;
      }
      default:
        throw fail(`unexpected "${token.text}" in operand`);
    }
    return withFieldChain(operand);
  };
  // Fields written right after a term, with no space (`$v.IP`, `(index . 0).HostPort`), extend it.
  const withFieldChain = (operand: Operand): Operand => {
    const chain: Token[] = [];
    while (rest[i]?.kind === 'field' && rest[i]!.text !== '.') chain.push(rest[i++]!);
    if (chain.length === 0) return operand;
    const path = chain.map((t) => t.text.slice(1));
    const pos = chain[0]!.pos;
    if (operand.kind === 'field') return { kind: 'field', pos, path: [...operand.path, ...path] };
    if (operand.kind === 'variable') return { kind: 'variable', pos, name: operand.name, path };
    return { kind: 'chain', pos, base: operand, path };
  };
  while (i < rest.length) {
    const token = rest[i]!;
    if (token.kind === 'space') {
      i++;
    } else if (token.kind === 'pipe') {
      if (command.length === 0) throw fail('missing command');
      pipeline.commands.push(command);
      command = [];
      i++;
    } else {
      command.push(next());
    }
  }
  if (command.length === 0)
    throw fail(pipeline.commands.length === 0 ? 'missing value for command' : 'missing command');
  pipeline.commands.push(command);
  return pipeline;
}
