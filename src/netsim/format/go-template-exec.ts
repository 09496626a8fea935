import { operandText, TemplateError, type Node, type Operand, type Pipeline } from './go-template-parse';
import { GoAddr, GoInt64, GoNil, isGoStruct, structField, unwrapInt64 } from '../wire/go-value';

/**
 * Executes a parsed template as Go's text/template does, in one of the two modes
 * docker/cli uses for `inspect --format`:
 * - `typed`: the API struct. Struct fields are looked up by their Go names and a
 *   missing one is an error; a missing map key is Go's invalid value, printed
 *   `<no value>`; nils and addresses print as fmt prints their types.
 * - `raw`: the JSON decoded into maps (`missingkey=error`): every missing key is
 *   an error, every null is a nil interface.
 */
export type Mode = 'typed' | 'raw';

/** An execution error; a TemplateError too, so callers that only know parse errors still catch it. */
export class TemplateExecError extends TemplateError {}

/** Go's invalid reflect.Value: what a missing map key gives with the default missingkey. */
const MISSING = Symbol('missing');

/** `{{break}}`/`{{continue}}` unwinding to the nearest range, carrying what was printed on the way. */
class LoopControl {
  constructor(
    readonly kind: 'break' | 'continue',
    public out: string,
  ) {}
}

interface State {
  mode: Mode;
  source: string;
  vars: { name: string; value: unknown }[];
}

export function execute(nodes: Node[], data: unknown, source: string, mode: Mode): string {
  const state: State = { mode, source, vars: [{ name: '$', value: data }] };
  return walk(state, nodes, data);
}

function walk(state: State, nodes: Node[], dot: unknown): string {
  let out = '';
  try {
    for (const node of nodes) out += walkNode(state, node, dot);
  } catch (error) {
    if (error instanceof LoopControl) error.out = out + error.out;
    throw error;
  }
  return out;
}

function walkNode(state: State, node: Node, dot: unknown): string {
  switch (node.kind) {
    case 'text':
      return node.text;
    case 'action': {
      const value = evalPipeline(state, node.pipeline, dot);
      // A declaration or assignment prints nothing.
      return node.pipeline.variables.length === 0 ? printValue(value, state.mode) : '';
    }
    case 'if':
    case 'with': {
      const mark = state.vars.length;
      const value = evalPipeline(state, node.pipeline, dot);
      const out = isTrue(value)
        ? walk(state, node.body, node.kind === 'with' ? value : dot)
        : walk(state, node.otherwise, dot);
      state.vars.length = mark;
      return out;
    }
    case 'range':
      return walkRange(state, node, dot);
    case 'break':
    case 'continue':
      throw new LoopControl(node.kind, '');
  }
}

function walkRange(state: State, node: Extract<Node, { kind: 'range' }>, dot: unknown): string {
  const mark = state.vars.length;
  const { variables, commands } = node.pipeline;
  const value = evalPipeline(state, { variables: [], assign: false, commands }, dot);
  const entries = rangeEntries(value);
  let out = '';
  if (entries.length === 0) out = walk(state, node.otherwise, dot);
  for (const [key, item] of entries) {
    if (variables.length === 1) state.vars.push({ name: variables[0]!, value: item });
    if (variables.length === 2)
      state.vars.push({ name: variables[0]!, value: key }, { name: variables[1]!, value: item });
    try {
      out += walk(state, node.body, item);
    } catch (error) {
      if (!(error instanceof LoopControl)) throw error;
      out += error.out;
      if (error.kind === 'break') break;
    } finally {
      state.vars.length = mark;
    }
  }
  return out;
}

/** Slices in order, maps by sorted key (Go sorts basic-kind keys); nil and invalid give nothing. */
function rangeEntries(value: unknown): [unknown, unknown][] {
  if (Array.isArray(value)) return value.map((item, index) => [index, item]);
  if (value === null || value === undefined || value === MISSING || value instanceof GoNil) return [];
  if (typeof value === 'object' && !isGoStruct(value) && !(value instanceof GoAddr)) {
    const record = value as Record<string, unknown>;
    return Object.keys(record)
      .sort()
      .map((key) => [key, record[key]]);
  }
  throw new TemplateExecError(`range can't iterate over ${printValue(value, 'typed')}`);
}

function evalPipeline(state: State, pipeline: Pipeline, dot: unknown): unknown {
  let value: unknown = undefined;
  pipeline.commands.forEach((command, index) => {
    value = evalCommand(state, command, dot, index === 0 ? [] : [value]);
  });
  for (const name of pipeline.variables) {
    if (!pipeline.assign) {
      state.vars.push({ name, value });
      continue;
    }
    const slot = [...state.vars].reverse().find((v) => v.name === name);
    if (!slot) throw new TemplateExecError(`undefined variable: ${name}`);
    slot.value = value;
  }
  return value;
}

function evalCommand(state: State, command: Operand[], dot: unknown, piped: unknown[]): unknown {
  const [head, ...args] = command;
  if (head!.kind === 'function') return callFunction(state, head!, args, dot, piped);
  if (args.length > 0 || piped.length > 0) {
    if (head!.kind === 'field' || head!.kind === 'chain' || head!.kind === 'variable') {
      throw execError(
        state,
        head!,
        `${head!.kind === 'variable' ? (head!.path.at(-1) ?? head!.name) : operandText(head!).split('.').at(-1)} has arguments but cannot be invoked as function`,
      );
    }
    throw new TemplateExecError(`can't give argument to non-function ${operandText(head!)}`);
  }
  return evalOperand(state, head!, dot);
}

function evalOperand(state: State, operand: Operand, dot: unknown): unknown {
  switch (operand.kind) {
    case 'literal':
      return operand.value;
    case 'group':
      return evalPipeline(state, operand.pipeline, dot);
    case 'function':
      return callFunction(state, operand, [], dot, []);
    case 'field':
      return fieldChain(state, operand, dot, operand.path);
    case 'variable': {
      const slot = [...state.vars].reverse().find((v) => v.name === operand.name);
      if (!slot) throw new TemplateExecError(`undefined variable: ${operand.name}`);
      return fieldChain(state, operand, slot.value, operand.path);
    }
    case 'chain':
      return fieldChain(state, operand, evalOperand(state, operand.base, dot), operand.path);
  }
}

function fieldChain(state: State, operand: Operand, start: unknown, path: string[]): unknown {
  let value = start;
  for (const name of path) value = field(state, operand, value, name);
  return value;
}

/** One `.Name` step, failing with the message Go's exec.go gives for the receiver's type. */
function field(state: State, operand: Operand, receiver: unknown, name: string): unknown {
  const fail = (message: string) => execError(state, operand, message);
  if (state.mode === 'typed') {
    if (receiver === MISSING) return MISSING;
    if (isGoStruct(receiver)) {
      const found = structField(receiver, name);
      if (!found.found) throw fail(`can't evaluate field ${name}`);
      return found.value;
    }
    if (receiver instanceof GoNil || receiver === null || receiver === undefined)
      throw fail(`nil pointer evaluating ${name}`);
    if (typeof receiver === 'object' && !Array.isArray(receiver) && !(receiver instanceof GoAddr)) {
      const record = receiver as Record<string, unknown>;
      return Object.hasOwn(record, name) ? record[name] : MISSING;
    }
    throw fail(`can't evaluate field ${name}`);
  }
  if (receiver === null || receiver === undefined) throw fail(`nil pointer evaluating interface {}.${name}`);
  if (typeof receiver === 'object' && !Array.isArray(receiver)) {
    const record = receiver as Record<string, unknown>;
    if (!Object.hasOwn(record, name)) throw fail(`map has no entry for key "${name}"`);
    return record[name];
  }
  throw fail(`can't evaluate field ${name} in type ${rawTypeName(receiver)}`);
}

function rawTypeName(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'json.Number';
  if (typeof value === 'boolean') return 'bool';
  return '[]interface {}';
}

/** `template: :1:18: executing "" at <.NetworkSettings.IPAddress>: ...`, line and column of the node. */
function execError(state: State, operand: Operand, message: string): TemplateExecError {
  const pos = 'pos' in operand ? operand.pos : 0;
  const before = state.source.slice(0, pos);
  const lastNewline = before.lastIndexOf('\n');
  const line = 1 + before.split('\n').length - 1;
  const column = lastNewline < 0 ? pos : pos - (lastNewline + 1);
  return new TemplateExecError(`template: :${line}:${column}: executing "" at <${operandText(operand)}>: ${message}`);
}

function callFunction(
  state: State,
  head: Extract<Operand, { kind: 'function' }>,
  args: Operand[],
  dot: unknown,
  piped: unknown[],
): unknown {
  // and/or evaluate their arguments lazily (Go 1.18).
  if (head.name === 'and' || head.name === 'or') {
    const thunks = [
      ...args.map((operand) => () => evalOperand(state, operand, dot)),
      ...piped.map((value) => () => value),
    ];
    let value: unknown;
    for (const thunk of thunks) {
      value = thunk();
      if (isTrue(value) === (head.name === 'or')) return value;
    }
    return value;
  }
  const values = [...args.map((operand) => evalOperand(state, operand, dot)), ...piped];
  try {
    return FUNCTIONS[head.name]!(state.mode, ...values);
  } catch (error) {
    if (error instanceof CallError) throw execError(state, head, `error calling ${head.name}: ${error.message}`);
    throw error;
  }
}

class CallError extends Error {}

export function isTrue(value: unknown): boolean {
  if (value === undefined || value === null || value === MISSING || value instanceof GoNil) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (isGoStruct(value) || value instanceof GoAddr) return true;
  return Object.keys(value as object).length > 0;
}

/** fmt's %v: in typed mode for the API's Go types, in raw mode for decoded JSON. */
export function printValue(value: unknown, mode: Mode): string {
  if (value === MISSING || value === undefined) return '<no value>';
  if (value === null) return '<nil>';
  if (value instanceof GoNil) return value.kind === 'slice' ? '[]' : value.kind === 'map' ? 'map[]' : '<nil>';
  if (value instanceof GoAddr || value instanceof GoInt64) return value.toString();
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => printValue(item, mode)).join(' ')}]`;
  const record = value as Record<string, unknown>;
  if (mode === 'typed' && isGoStruct(record))
    return `{${Object.values(record)
      .map((item) => printValue(item, mode))
      .join(' ')}}`;
  return `map[${Object.keys(record)
    .sort()
    .map((key) => `${key}:${printValue(record[key], mode)}`)
    .join(' ')}]`;
}

function text(value: unknown, mode: Mode): string {
  if (typeof value !== 'string')
    throw new CallError(
      `wrong type for value; expected string; got ${typeof value === 'number' ? 'int' : typeof value}`,
    );
  return printValue(value, mode);
}

const compare = (a: unknown, b: unknown) => {
  if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string' && typeof a !== 'boolean'))
    throw new CallError('incompatible types for comparison');
  return a === b ? 0 : (a as number) < (b as number) ? -1 : 1;
};

const FUNCTIONS: Record<string, (mode: Mode, ...args: unknown[]) => unknown> = {
  // docker/cli templates.basicFunctions
  json: (_, value) => unwrapInt64(JSON.stringify(value === MISSING || value === undefined ? null : value)),
  join: (mode, list, separator) => joinElements(mode, list, String(separator)),
  split: (mode, value, separator) => text(value, mode).split(String(separator)),
  upper: (mode, value) => text(value, mode).toUpperCase(),
  lower: (mode, value) => text(value, mode).toLowerCase(),
  title: (mode, value) =>
    text(value, mode).replace(
      /(^|[^\p{L}\p{N}_'])(\p{L})/gu,
      (_, before: string, letter: string) => before + letter.toUpperCase(),
    ),
  truncate: (mode, value, length) =>
    text(value, mode).length < Number(length) ? (value as string) : (value as string).slice(0, Number(length)),
  pad: (mode, value, before, after) =>
    text(value, mode) === '' ? '' : `${repeat(' ', before)}${value as string}${repeat(' ', after)}`,
  // Go's builtins
  len: (_, value) => lengthOf(value),
  index: (mode, value, ...keys) => keys.reduce((current, key) => indexOne(mode, current, key), value),
  not: (_, value) => !isTrue(value),
  eq: (_, a, ...others) => {
    if (others.length === 0) throw new CallError('missing argument for comparison');
    return others.some((b) => compare(a, b) === 0);
  },
  ne: (_, a, b) => compare(a, b) !== 0,
  lt: (_, a, b) => compare(a, b) < 0,
  le: (_, a, b) => compare(a, b) <= 0,
  gt: (_, a, b) => compare(a, b) > 0,
  ge: (_, a, b) => compare(a, b) >= 0,
  print: (mode, ...args) => sprint(mode, args),
  println: (mode, ...args) => `${args.map((arg) => printValue(arg, mode)).join(' ')}\n`,
  printf: (mode, format, ...args) => sprintf(mode, String(format), args),
  and: () => undefined,
  or: () => undefined,
};

export const FUNCTION_NAMES: ReadonlySet<string> = new Set(Object.keys(FUNCTIONS));

/** What one template may print: Go would build any string memory allows; a page cannot hold that. */
export const TEMPLATE_OUTPUT_LIMIT = 1 << 20;

/** strings.Repeat, whose panic on a negative count text/template turns into the call's error. */
function repeat(unit: string, count: unknown): string {
  const times = Number(count);
  if (times < 0) throw new CallError('strings: negative Repeat count');
  if (times * unit.length > TEMPLATE_OUTPUT_LIMIT)
    throw new CallError(
      `netsim prints at most ${TEMPLATE_OUTPUT_LIMIT} bytes from a template, and this would print ${times * unit.length}`,
    );
  return unit.repeat(times);
}

/** strconv.FormatFloat(f, 'f', precision): JavaScript stops at 100 digits, Go does not (the digits after are zeros for the values templates print). */
function fixed(value: number, precision: number): string {
  if (precision * 1 > TEMPLATE_OUTPUT_LIMIT)
    throw new CallError(
      `netsim prints at most ${TEMPLATE_OUTPUT_LIMIT} bytes from a template, and this would print ${precision}`,
    );
  if (precision <= 100) return value.toFixed(precision);
  return `${value.toFixed(100)}${'0'.repeat(precision - 100)}`;
}

/** fmt.Sprint: a space between operands when neither is a string. */
function sprint(mode: Mode, args: unknown[]): string {
  return args
    .map(
      (arg, i) =>
        (i > 0 && typeof arg !== 'string' && typeof args[i - 1] !== 'string' ? ' ' : '') + printValue(arg, mode),
    )
    .join('');
}

function lengthOf(value: unknown): number {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (value instanceof GoNil) return 0;
  if (value !== null && typeof value === 'object' && !isGoStruct(value)) return Object.keys(value).length;
  throw new CallError(`len of type ${typeof value}`);
}

function indexOne(mode: Mode, value: unknown, key: unknown): unknown {
  if (Array.isArray(value)) {
    const at = Number(key);
    if (!Number.isInteger(at) || at < 0 || at >= value.length)
      throw new CallError(`index out of range: ${String(key)}`);
    return value[at];
  }
  if (value instanceof GoNil || value === null || value === MISSING) {
    if (value instanceof GoNil && value.kind === 'map') return mode === 'typed' ? '' : null;
    throw new CallError('index of untyped nil');
  }
  if (typeof value === 'object' && !isGoStruct(value)) {
    const record = value as Record<string, unknown>;
    // A missing key gives the element type's zero value: "" for the string maps people index.
    if (Object.hasOwn(record, String(key))) return record[String(key)];
    return mode === 'typed' ? '' : null;
  }
  throw new CallError(`can't index item of type ${typeof value}`);
}

/** templates.joinElements: slices in order, map values sorted, nil as "". */
function joinElements(mode: Mode, list: unknown, separator: string): string {
  if (list === null || list instanceof GoNil) return '';
  if (Array.isArray(list)) return list.map((item) => printValue(item, mode)).join(separator);
  if (typeof list === 'object' && !isGoStruct(list))
    return Object.values(list as object)
      .map((item) => printValue(item, mode))
      .sort()
      .join(separator);
  throw new CallError(`expected slice, got ${typeof list}`);
}

/** The Go type fmt names in a %!verb(type=value) for a value as templates see it. */
function goTypeName(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float64';
  if (value === null || value === undefined || value === MISSING || value instanceof GoNil) return '<nil>';
  if (Array.isArray(value)) return '[]interface {}';
  return 'map[string]interface {}';
}

function sprintf(mode: Mode, format: string, args: unknown[]): string {
  let index = 0;
  return format.replace(
    /%([-+ 0#]*)(\d*)(?:\.(\d+))?([vsdqxXftT%])/g,
    (_, flags: string, width: string, precision: string | undefined, verb: string) => {
      if (verb === '%') return '%';
      if (index >= args.length) return `%!${verb}(MISSING)`;
      const arg = args[index++];
      let out: string;
      switch (verb) {
        case 'q':
          out = JSON.stringify(printValue(arg, mode));
          break;
        case 'd':
          out = typeof arg === 'number' ? String(Math.trunc(arg)) : `%!d(${goTypeName(arg)}=${printValue(arg, mode)})`;
          break;
        case 'f':
          // fmt prints a wrong operand as %!f(type=value) rather than converting it.
          out =
            typeof arg === 'number'
              ? fixed(arg, precision === undefined ? 6 : Number(precision))
              : `%!f(${goTypeName(arg)}=${printValue(arg, mode)})`;
          break;
        case 't':
          out = typeof arg === 'boolean' ? String(arg) : `%!t(${goTypeName(arg)}=${printValue(arg, mode)})`;
          break;
        case 'x':
        case 'X':
          out =
            typeof arg === 'number'
              ? arg.toString(16)
              : [...printValue(arg, mode)].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
          if (verb === 'X') out = out.toUpperCase();
          break;
        default:
          out = printValue(arg, mode);
          if (precision !== undefined && verb === 's') out = out.slice(0, Number(precision));
      }
      const size = Number(width || 0);
      if (size > TEMPLATE_OUTPUT_LIMIT)
        throw new CallError(
          `netsim prints at most ${TEMPLATE_OUTPUT_LIMIT} bytes from a template, and this would print ${size}`,
        );
      if (flags.includes('-')) return out.padEnd(size);
      return flags.includes('0') && verb !== 's' ? out.padStart(size, '0') : out.padStart(size);
    },
  );
}
