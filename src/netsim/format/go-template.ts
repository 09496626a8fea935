/**
 * The part of Go's text/template that `docker ... --format` users write: fields,
 * variables, pipelines, `range`/`if`/`with`/`else`/`end`, trim markers, and the
 * functions docker/cli adds (json, join, split, upper, lower, title, ...).
 * Data is the API's JSON, as docker/cli's raw fallback sees it.
 */
type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipeline: Pipeline }
  | { kind: 'range'; variables: string[]; pipeline: Pipeline; body: Node[]; otherwise: Node[] }
  | { kind: 'if' | 'with'; pipeline: Pipeline; body: Node[]; otherwise: Node[] };

type Pipeline = Command[];
type Command = Operand[];
type Operand =
  | { kind: 'field'; base: 'dot' | string; path: string[] }
  | { kind: 'literal'; value: unknown }
  | { kind: 'function'; name: string }
  | { kind: 'group'; pipeline: Pipeline };

export class TemplateError extends Error {}

export function renderTemplate(template: string, data: unknown): string {
  return execute(parseTemplate(template), data, new Map([['$', data]]));
}

// ---- parsing --------------------------------------------------------------

function parseTemplate(template: string): Node[] {
  const tokens = tokenizeTemplate(template);
  let position = 0;
  const parseList = (terminators: string[]): { nodes: Node[]; end: string } => {
    const nodes: Node[] = [];
    while (position < tokens.length) {
      const token = tokens[position++]!;
      if (token.kind === 'text') {
        nodes.push({ kind: 'text', text: token.text });
        continue;
      }
      const [keyword, rest] = splitKeyword(token.text);
      if (terminators.includes(keyword)) return { nodes, end: token.text };
      if (keyword === 'range' || keyword === 'if' || keyword === 'with') {
        nodes.push(parseBlock(keyword, rest));
      } else if (keyword === 'end' || keyword === 'else') {
        throw new TemplateError(`template: :1: unexpected {{${keyword}}}`);
      } else {
        nodes.push({ kind: 'action', pipeline: parsePipeline(token.text) });
      }
    }
    if (terminators.length > 0) throw new TemplateError('template: :1: unexpected EOF');
    return { nodes, end: '' };
  };
  const parseBlock = (keyword: 'range' | 'if' | 'with', header: string): Node => {
    let variables: string[] = [];
    let expression = header;
    const declaration = /^((?:\$\w*\s*,\s*)?\$\w*)\s*:=\s*(.*)$/s.exec(header);
    if (declaration) {
      variables = declaration[1]!.split(',').map((name) => name.trim());
      expression = declaration[2]!;
    }
    const pipeline = parsePipeline(expression);
    const body = parseList(['end', 'else']);
    let otherwise: Node[] = [];
    if (body.end !== 'end') {
      const elseIf = /^else\s+if\s+(.*)$/s.exec(body.end);
      otherwise = elseIf ? [parseBlock('if', elseIf[1]!)] : parseList(['end']).nodes;
    }
    return keyword === 'range' ? { kind: 'range', variables, pipeline, body: body.nodes, otherwise } : { kind: keyword, pipeline, body: body.nodes, otherwise };
  };
  return parseList([]).nodes;
}

function splitKeyword(action: string): [string, string] {
  const match = /^(\w+)\b\s*(.*)$/s.exec(action);
  if (match && ['range', 'if', 'with', 'end', 'else'].includes(match[1]!)) return [match[1]!, match[2]!];
  return ['', action];
}

type Token = { kind: 'text' | 'action'; text: string };

/** Splits text from `{{ actions }}`, applying `{{-` and `-}}` trimming. */
function tokenizeTemplate(template: string): Token[] {
  const tokens: Token[] = [];
  let rest = template;
  while (rest.length > 0) {
    const open = rest.indexOf('{{');
    if (open < 0) {
      tokens.push({ kind: 'text', text: rest });
      break;
    }
    let text = rest.slice(0, open);
    let inner = rest.slice(open + 2);
    if (inner.startsWith('- ')) {
      text = text.trimEnd();
      inner = inner.slice(2);
    }
    const close = findClose(inner);
    if (close < 0) throw new TemplateError('template: :1: unclosed action');
    let action = inner.slice(0, close);
    rest = inner.slice(close + 2);
    if (action.endsWith(' -')) {
      action = action.slice(0, -2);
      rest = rest.trimStart();
    }
    if (text) tokens.push({ kind: 'text', text });
    tokens.push({ kind: 'action', text: action.trim() });
  }
  return tokens;
}

function findClose(inner: string): number {
  let quote: string | undefined;
  for (let i = 0; i < inner.length; i++) {
    const char = inner[i]!;
    if (quote) {
      if (char === '\\' && quote === '"') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === '`') quote = char;
    else if (char === '}' && inner[i + 1] === '}') return i;
  }
  return -1;
}

function parsePipeline(text: string): Pipeline {
  const words = tokenizeAction(text);
  const pipeline: Pipeline = [[]];
  for (const word of words) {
    if (word === '|') pipeline.push([]);
    else pipeline.at(-1)!.push(operandOf(word));
  }
  if (pipeline.some((command) => command.length === 0)) throw new TemplateError(`template: :1: missing value for command`);
  return pipeline;
}

function tokenizeAction(text: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (/\s/.test(char)) {
      i++;
    } else if (char === '"' || char === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== char) j += text[j] === '\\' && char === '"' ? 2 : 1;
      words.push(text.slice(i, j + 1));
      i = j + 1;
    } else if (char === '(') {
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (text[j] === '(') depth++;
        if (text[j] === ')' && --depth === 0) break;
      }
      words.push(text.slice(i, j + 1));
      i = j + 1;
    } else if (char === '|') {
      words.push('|');
      i++;
    } else {
      let j = i;
      while (j < text.length && !/[\s|()]/.test(text[j]!)) j++;
      words.push(text.slice(i, j));
      i = j;
    }
  }
  return words;
}

function operandOf(word: string): Operand {
  if (word.startsWith('(')) return { kind: 'group', pipeline: parsePipeline(word.slice(1, -1)) };
  if (word.startsWith('"')) return { kind: 'literal', value: JSON.parse(word) };
  if (word.startsWith('`')) return { kind: 'literal', value: word.slice(1, -1) };
  if (/^-?\d+(\.\d+)?$/.test(word)) return { kind: 'literal', value: Number(word) };
  if (word === 'true' || word === 'false') return { kind: 'literal', value: word === 'true' };
  if (word === 'nil') return { kind: 'literal', value: null };
  if (word === '.') return { kind: 'field', base: 'dot', path: [] };
  if (word.startsWith('.')) return { kind: 'field', base: 'dot', path: word.slice(1).split('.') };
  if (word.startsWith('$')) {
    const [base, ...path] = word.split('.');
    return { kind: 'field', base: base!, path };
  }
  if (/^\w+$/.test(word) && word in FUNCTIONS) return { kind: 'function', name: word };
  throw new TemplateError(`template: :1: function "${word}" not defined`);
}

// ---- execution ------------------------------------------------------------

type Scope = Map<string, unknown>;

function execute(nodes: Node[], dot: unknown, scope: Scope): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += node.text;
        break;
      case 'action':
        out += printValue(evaluatePipeline(node.pipeline, dot, scope));
        break;
      case 'if':
      case 'with': {
        const value = evaluatePipeline(node.pipeline, dot, scope);
        out += truthy(value) ? execute(node.body, node.kind === 'with' ? value : dot, scope) : execute(node.otherwise, dot, scope);
        break;
      }
      case 'range': {
        const value = evaluatePipeline(node.pipeline, dot, scope);
        const entries: [unknown, unknown][] = Array.isArray(value)
          ? value.map((item, index) => [index, item])
          : value && typeof value === 'object'
            ? Object.keys(value).sort().map((key) => [key, (value as Record<string, unknown>)[key]])
            : [];
        if (entries.length === 0) {
          out += execute(node.otherwise, dot, scope);
          break;
        }
        for (const [key, item] of entries) {
          const inner = new Map(scope);
          if (node.variables.length === 1) inner.set(node.variables[0]!, item);
          if (node.variables.length === 2) {
            inner.set(node.variables[0]!, key);
            inner.set(node.variables[1]!, item);
          }
          out += execute(node.body, item, inner);
        }
        break;
      }
    }
  }
  return out;
}

function evaluatePipeline(pipeline: Pipeline, dot: unknown, scope: Scope): unknown {
  let previous: unknown[] = [];
  for (const command of pipeline) previous = [evaluateCommand(command, dot, scope, previous)];
  return previous[0];
}

function evaluateCommand(command: Command, dot: unknown, scope: Scope, piped: unknown[]): unknown {
  const [head, ...rest] = command;
  if (head?.kind === 'function') {
    const args = [...rest.map((operand) => evaluateOperand(operand, dot, scope)), ...piped];
    return FUNCTIONS[head.name]!(...args);
  }
  if (command.length > 1 || piped.length > 0) throw new TemplateError(`template: :1: can't give argument to non-function`);
  return evaluateOperand(head!, dot, scope);
}

function evaluateOperand(operand: Operand, dot: unknown, scope: Scope): unknown {
  switch (operand.kind) {
    case 'literal':
      return operand.value;
    case 'group':
      return evaluatePipeline(operand.pipeline, dot, scope);
    case 'function':
      return FUNCTIONS[operand.name]!();
    case 'field': {
      let value = operand.base === 'dot' ? dot : scope.get(operand.base);
      for (const name of operand.path) value = field(value, name);
      return value;
    }
  }
}

/** A map key or struct field; Go names that differ from the JSON ones (ID, Id) both work. */
function field(value: unknown, name: string): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  if (name in record) return record[name];
  const alias = Object.keys(record).find((key) => key.toLowerCase() === name.toLowerCase());
  return alias === undefined ? undefined : record[alias];
}

function truthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** fmt's %v for the values JSON holds: maps as map[k:v], slices as [a b]. */
function printValue(value: unknown): string {
  if (value === undefined) return '<no value>';
  if (value === null) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(printValue).join(' ')}]`;
  const record = value as Record<string, unknown>;
  return `map[${Object.keys(record).sort().map((key) => `${key}:${printValue(record[key])}`).join(' ')}]`;
}

function sprintf(format: unknown, ...args: unknown[]): string {
  let index = 0;
  return String(format).replace(/%([-+ 0#]*)(\d*)(?:\.(\d+))?([vsdqxXft%])/g, (_, flags: string, width: string, precision: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    const arg = args[index++];
    let text: string;
    switch (verb) {
      case 'q':
        text = JSON.stringify(printValue(arg));
        break;
      case 'd':
        text = String(Math.trunc(Number(arg)));
        break;
      case 'f':
        text = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
        break;
      case 'x':
      case 'X':
        text = typeof arg === 'number' ? arg.toString(16) : [...printValue(arg)].map((c) => c.charCodeAt(0).toString(16)).join('');
        if (verb === 'X') text = text.toUpperCase();
        break;
      default:
        text = printValue(arg);
    }
    const size = Number(width || 0);
    return flags.includes('-') ? text.padEnd(size) : text.padStart(size);
  });
}

const compare = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);

const FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = {
  // docker/cli templates.basicFunctions
  json: (value) => JSON.stringify(value === undefined ? null : value),
  join: (list, separator) => (Array.isArray(list) ? list.map(printValue).join(String(separator)) : printValue(list)),
  split: (text, separator) => String(text).split(String(separator)),
  upper: (text) => printValue(text).toUpperCase(),
  lower: (text) => printValue(text).toLowerCase(),
  title: (text) => printValue(text).replace(/\b\w/g, (c) => c.toUpperCase()),
  truncate: (text, length) => printValue(text).slice(0, Number(length)),
  pad: (text, before, after) => `${' '.repeat(Number(before))}${printValue(text)}${' '.repeat(Number(after))}`,
  // Go's builtins
  len: (value) => (typeof value === 'string' || Array.isArray(value) ? value.length : value && typeof value === 'object' ? Object.keys(value).length : 0),
  index: (value, ...keys) => keys.reduce((current, key) => field(current, String(key)) ?? (Array.isArray(current) ? current[Number(key)] : undefined), value),
  print: (...args) => args.map(printValue).join(args.every((a) => typeof a === 'string') ? '' : ' '),
  println: (...args) => `${args.map(printValue).join(' ')}\n`,
  printf: (format, ...args) => sprintf(format, ...args),
  eq: (a, ...others) => others.some((b) => a === b),
  ne: (a, b) => a !== b,
  lt: (a, b) => compare(a, b) < 0,
  le: (a, b) => compare(a, b) <= 0,
  gt: (a, b) => compare(a, b) > 0,
  ge: (a, b) => compare(a, b) >= 0,
  and: (...args) => args.find((a) => !truthy(a)) ?? args.at(-1),
  or: (...args) => args.find((a) => truthy(a)) ?? args.at(-1),
  not: (value) => !truthy(value),
};
