import { compilePattern } from '../../text/regex';
import type { AwkFunction, AwkProgram, Expr, LValue, Output, Stmt } from './ast';
import { AwkArray, type Subscript } from './arrays';
import { compare, fromInput, numberToString, sprintf, toBoolean, toNumber, toText, type AwkValue } from './values';

/** Which awk runs: mawk (Debian's awk) or BusyBox's; they differ in a few results and in their errors. */
export type AwkFlavor = 'mawk' | 'busybox';

/** What the interpreter needs from outside: files, other programs, the output it writes. */
export interface AwkHost {
  readFile(name: string): string | undefined;
  /** `system()`, `print | "cmd"`, `"cmd" | getline`: the command through sh -c. */
  run(command: string, stdin: string): { stdout: string; stderr: string; status: number };
  write(stream: 'stdout' | 'stderr', text: string): void;
  writeFile(name: string, text: string, append: boolean): void;
}

/** An error that stops the program: its text (after `awk: `) and status. */
export class AwkRuntimeError {
  constructor(
    readonly message: string,
    readonly status: number,
    /** BusyBox names no program line for this one (a file it cannot open). */
    readonly bare = false,
  ) {}
}

class NextRecord {}
class NextFile {}
class Exit {
  constructor(readonly status: number | undefined) {}
}
class Return {
  constructor(readonly value: AwkValue) {}
}
class Break {}
class Continue {}
/** Loops past this many turns stop as a reader's Ctrl-C would stop them. */
export class Runaway {}

const MOST_TURNS = 1_000_000;

/**
 * An uninitialized variable passed to a function: the callee may make it an
 * array, which the caller's variable then becomes (arrays go by reference).
 */
class Unbound {
  array: AwkArray | undefined;
  constructor(
    readonly scope: Scope,
    readonly name: string,
  ) {}
}

type Scope = Map<string, AwkValue | AwkArray | Unbound>;

/** Binds an uninitialized argument, and the caller's variable behind it, to the array the callee made of it. */
function bind(unbound: Unbound, array: AwkArray): void {
  unbound.array = array;
  const behind = unbound.scope.get(unbound.name);
  if (behind instanceof Unbound) bind(behind, array);
  if (behind === undefined || behind instanceof Unbound) unbound.scope.set(unbound.name, array);
}

/** Input operands: files by name (`-` is stdin) and `var=value` assignments, in order. */
export type Operand = { readonly file: string } | { readonly assign: string; readonly value: string };

export class AwkInterpreter {
  private readonly globals: Scope = new Map();
  private frames: Scope[] = [];
  private fields: string[] = [''];
  private turns = 0;
  private exitStatus = 0;
  private readonly ranges = new Map<number, boolean>();
  private readonly regexes = new Map<string, RegExp>();
  private readonly readers = new Map<string, { lines: string[]; at: number }>();
  private readonly pipes = new Map<string, string>();
  private readonly written = new Set<string>();
  private input: { operands: readonly Operand[]; index: number; records: string[]; at: number; opened: boolean };
  private random = 0;

  constructor(
    private readonly program: AwkProgram,
    private readonly flavor: AwkFlavor,
    private readonly host: AwkHost,
    private readonly stdin: string,
    operands: readonly Operand[],
    environment: ReadonlyMap<string, string>,
  ) {
    const set = (name: string, value: AwkValue) => this.globals.set(name, value);
    set('FS', ' ');
    set('OFS', ' ');
    set('ORS', '\n');
    set('RS', '\n');
    set('SUBSEP', '\x1c');
    set('CONVFMT', '%.6g');
    set('OFMT', '%.6g');
    set('NR', 0);
    set('FNR', 0);
    set('RSTART', 0);
    set('RLENGTH', -1);
    set('FILENAME', '');
    const environ = this.newArray();
    for (const [name, value] of environment) environ.set({ text: name }, fromInput(value));
    this.globals.set('ENVIRON', environ);
    const argv = this.newArray();
    argv.set({ text: '0', integer: 0 }, 'awk');
    operands.forEach((operand, index) =>
      argv.set(
        { text: String(index + 1), integer: index + 1 },
        'file' in operand ? operand.file : `${operand.assign}=${operand.value}`,
      ),
    );
    this.globals.set('ARGV', argv);
    set('ARGC', operands.length + 1);
    this.input = { operands, index: 0, records: [], at: 0, opened: false };
  }

  private newArray(): AwkArray {
    return new AwkArray(this.flavor);
  }

  /** -v assignments, before BEGIN. */
  assign(name: string, value: string): void {
    this.setVariable(name, fromInput(value));
  }

  /** BEGIN, the records, END; the exit status. */
  run(): number {
    const { begin, end, rules } = this.program;
    let exited = false;
    try {
      this.execAll(begin);
    } catch (signal) {
      if (!(signal instanceof Exit)) throw this.unexpected(signal);
      exited = true;
      if (signal.status !== undefined) this.exitStatus = signal.status;
    }
    if (!exited && (rules.length > 0 || end.length > 0)) {
      try {
        this.records();
      } catch (signal) {
        if (!(signal instanceof Exit)) throw this.unexpected(signal);
        if (signal.status !== undefined) this.exitStatus = signal.status;
      }
    }
    try {
      this.execAll(end);
    } catch (signal) {
      if (!(signal instanceof Exit)) throw this.unexpected(signal);
      if (signal.status !== undefined) this.exitStatus = signal.status;
    }
    this.closeAll();
    return this.exitStatus;
  }

  private unexpected(signal: unknown): unknown {
    if (signal instanceof NextRecord || signal instanceof NextFile)
      return new AwkRuntimeError(this.flavor === 'mawk' ? 'improper use of next' : 'next used in BEGIN or END', 2);
    return signal;
  }

  private records(): void {
    for (;;) {
      const record = this.nextMainRecord();
      if (record === undefined) return;
      this.setRecord(record);
      try {
        this.program.rules.forEach((rule, index) => {
          if (!this.ruleMatches(rule, index)) return;
          if (rule.body) this.execAll(rule.body);
          else this.print([], undefined);
        });
      } catch (signal) {
        if (signal instanceof NextRecord) continue;
        if (signal instanceof NextFile) {
          this.input.records = [];
          continue;
        }
        throw signal;
      }
    }
  }

  private ruleMatches(rule: AwkProgram['rules'][number], index: number): boolean {
    if (!rule.pattern) return true;
    if (!rule.rangeEnd) return toBoolean(this.evaluate(rule.pattern));
    if (this.ranges.get(index)) {
      if (toBoolean(this.evaluate(rule.rangeEnd))) this.ranges.set(index, false);
      return true;
    }
    if (!toBoolean(this.evaluate(rule.pattern))) return false;
    this.ranges.set(index, !toBoolean(this.evaluate(rule.rangeEnd)));
    return true;
  }

  /** The next record of the main input, moving through the operands (assignments take effect as they are reached). */
  private nextMainRecord(): string | undefined {
    const input = this.input;
    for (;;) {
      if (input.at < input.records.length) {
        this.bump('NR');
        this.bump('FNR');
        return input.records[input.at++];
      }
      if (input.opened && input.index >= input.operands.length) return undefined;
      const files = input.operands.filter((operand) => 'file' in operand);
      if (!input.opened && files.length === 0) {
        while (input.index < input.operands.length) this.applyOperand(input.operands[input.index++]!);
        input.opened = true;
        this.openRecords('-', this.stdin);
        continue;
      }
      input.opened = true;
      if (input.index >= input.operands.length) return undefined;
      const operand = input.operands[input.index++]!;
      if (!('file' in operand)) {
        this.applyOperand(operand);
        continue;
      }
      const content =
        operand.file === '-' || operand.file === '/dev/stdin' ? this.stdin : this.host.readFile(operand.file);
      if (content === undefined) {
        const text =
          this.flavor === 'mawk'
            ? `cannot open "${operand.file}" (No such file or directory)`
            : `${operand.file}: No such file or directory`;
        throw new AwkRuntimeError(text, this.flavor === 'mawk' ? 2 : 1, true);
      }
      this.openRecords(operand.file, content);
    }
  }

  private applyOperand(operand: Operand): void {
    if ('assign' in operand) this.setVariable(operand.assign, fromInput(unescape(operand.value)));
  }

  private openRecords(name: string, content: string): void {
    // Standard input has no FILENAME in either awk.
    this.globals.set('FILENAME', name === '-' ? '' : name);
    this.globals.set('FNR', 0);
    this.input.records = splitRecords(content, toText(this.globals.get('RS') as AwkValue));
    this.input.at = 0;
  }

  private bump(name: string): void {
    this.globals.set(name, toNumber(this.globals.get(name) as AwkValue) + 1);
  }

  // ---- records and fields ----

  private setRecord(text: string): void {
    this.fields = [text, ...this.split(text, toText(this.globals.get('FS') as AwkValue))];
  }

  /** Field splitting by FS: " " splits at runs of blanks and newlines, trimmed; one other character splits there; longer is an ERE. */
  private split(text: string, separator: string): string[] {
    if (text === '') return [];
    if (separator === ' ') return text.split(/[ \t\n]+/).filter((field) => field !== '');
    if (separator === '') return [...text];
    if (separator.length === 1 && separator !== '\\') return text.split(separator);
    return text.split(this.regex(separator));
  }

  private rebuildRecord(): void {
    this.fields[0] = this.fields.slice(1).join(toText(this.get('OFS')));
  }

  private field(index: number): AwkValue {
    if (index < 0)
      throw new AwkRuntimeError(
        this.flavor === 'mawk' ? `negative field index $${index}` : 'Access to negative field',
        2,
      );
    const text = this.fields[index];
    return text === undefined ? undefined : fromInput(text);
  }

  private setField(index: number, value: AwkValue): void {
    if (index < 0)
      throw new AwkRuntimeError(
        this.flavor === 'mawk' ? `negative field index $${index}` : 'Access to negative field',
        2,
      );
    if (index === 0) {
      this.setRecord(toText(value, this.convfmt()));
      return;
    }
    while (this.fields.length <= index) this.fields.push('');
    this.fields[index] = toText(value, this.convfmt());
    this.rebuildRecord();
  }

  private setNF(count: number): void {
    const fields = this.fields.slice(1, count + 1);
    while (fields.length < count) fields.push('');
    this.fields = [this.fields[0]!, ...fields];
    this.rebuildRecord();
  }

  // ---- variables ----

  private scopeOf(name: string): Scope {
    const frame = this.frames.at(-1);
    return frame?.has(name) ? frame : this.globals;
  }

  private get(name: string): AwkValue {
    if (name === 'NF') return this.fields.length - 1;
    const value = this.scopeOf(name).get(name);
    if (value instanceof Unbound) return undefined;
    if (value instanceof AwkArray)
      throw new AwkRuntimeError(
        this.flavor === 'mawk'
          ? `can't use array ${name} in scalar context`
          : `Can't use array ${name} in scalar context`,
        2,
      );
    return value;
  }

  private setVariable(name: string, value: AwkValue): void {
    if (name === 'NF') {
      this.setNF(Math.trunc(toNumber(value)));
      return;
    }
    this.scopeOf(name).set(name, value);
  }

  private array(name: string): AwkArray {
    const scope = this.scopeOf(name);
    const value = scope.get(name);
    if (value instanceof AwkArray) return value;
    if (value instanceof Unbound) {
      const made = value.array ?? this.newArray();
      bind(value, made);
      scope.set(name, made);
      return made;
    }
    if (value !== undefined)
      throw new AwkRuntimeError(
        this.flavor === 'mawk' ? `can't use scalar ${name} as array` : `Can't use scalar ${name} as array`,
        2,
      );
    const created = this.newArray();
    scope.set(name, created);
    return created;
  }

  private convfmt(): string {
    return toText(this.globals.get('CONVFMT') as AwkValue);
  }

  /** A subscript's text (several joined by SUBSEP), and its integer value when it is one number with no fraction. */
  private key(subs: readonly Expr[]): Subscript {
    const values = subs.map((sub) => this.evaluate(sub));
    const text = values.map((value) => toText(value, this.convfmt())).join(toText(this.get('SUBSEP')));
    const only = values.length === 1 ? values[0] : undefined;
    return typeof only === 'number' && Number.isInteger(only) && Math.abs(only) <= 0x7fffffff
      ? { text, integer: only }
      : { text };
  }

  private read(target: LValue): AwkValue {
    switch (target.k) {
      case 'var':
        return this.get(target.name);
      case 'field':
        return this.field(Math.trunc(toNumber(this.evaluate(target.index))));
      case 'elem':
        return this.array(target.name).touch(this.key(target.subs));
    }
  }

  private write(target: LValue, value: AwkValue): AwkValue {
    switch (target.k) {
      case 'var':
        this.setVariable(target.name, value);
        break;
      case 'field':
        this.setField(Math.trunc(toNumber(this.evaluate(target.index))), value);
        break;
      case 'elem':
        this.array(target.name).set(this.key(target.subs), value);
        break;
    }
    return value;
  }

  // ---- statements ----

  private execAll(body: readonly Stmt[]): void {
    for (const statement of body) this.exec(statement);
  }

  private turn(): void {
    if (++this.turns > MOST_TURNS) throw new Runaway();
  }

  private exec(statement: Stmt): void {
    switch (statement.k) {
      case 'print':
        this.print(statement.args, statement.out);
        return;
      case 'printf': {
        const [format, ...args] = statement.args.map((arg) => this.evaluate(arg));
        this.emit(this.format(toText(format, this.convfmt()), args), statement.out);
        return;
      }
      case 'expr':
        this.evaluate(statement.e);
        return;
      case 'if':
        if (toBoolean(this.evaluate(statement.test))) this.exec(statement.then);
        else if (statement.otherwise) this.exec(statement.otherwise);
        return;
      case 'while':
        while (toBoolean(this.evaluate(statement.test))) {
          this.turn();
          if (this.loopBody(statement.body)) break;
        }
        return;
      case 'do':
        do {
          this.turn();
          if (this.loopBody(statement.body)) break;
        } while (toBoolean(this.evaluate(statement.test)));
        return;
      case 'for':
        if (statement.init) this.exec(statement.init);
        while (!statement.test || toBoolean(this.evaluate(statement.test))) {
          this.turn();
          if (this.loopBody(statement.body)) break;
          if (statement.step) this.exec(statement.step);
        }
        return;
      case 'forin': {
        const array = this.array(statement.array);
        for (const key of array.keys()) {
          this.turn();
          // Both walk the keys as they were when the loop began, deleted or not; the variable gets each as a string.
          this.write(statement.variable, key);
          if (this.loopBody(statement.body)) break;
        }
        return;
      }
      case 'block':
        this.execAll(statement.body);
        return;
      case 'next':
        throw new NextRecord();
      case 'nextfile':
        throw new NextFile();
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'exit':
        throw new Exit(statement.e ? Math.trunc(toNumber(this.evaluate(statement.e))) & 0xff : undefined);
      case 'return':
        throw new Return(statement.e ? this.evaluate(statement.e) : undefined);
      case 'delete': {
        const array = this.array(statement.name);
        if (statement.subs) array.delete(this.key(statement.subs));
        else array.clear();
        return;
      }
    }
  }

  /** Runs a loop's body; true when it breaks. */
  private loopBody(body: Stmt): boolean {
    try {
      this.exec(body);
    } catch (signal) {
      if (signal instanceof Break) return true;
      if (signal instanceof Continue) return false;
      throw signal;
    }
    return false;
  }

  private print(args: readonly Expr[], out: Output | undefined): void {
    const ofmt = toText(this.globals.get('OFMT') as AwkValue);
    const values = args.length === 0 ? [this.fields[0]!] : args.map((arg) => this.printable(this.evaluate(arg), ofmt));
    this.emit(values.join(toText(this.get('OFS'))) + toText(this.get('ORS')), out);
  }

  /** print writes numbers through OFMT (integers as integers), strings as they are. */
  private printable(value: AwkValue, ofmt: string): string {
    return typeof value === 'number' ? numberToString(value, ofmt) : toText(value);
  }

  private emit(text: string, out: Output | undefined): void {
    if (!out) {
      this.host.write('stdout', text);
      return;
    }
    const target = toText(this.evaluate(out.target), this.convfmt());
    if (out.mode === '|') {
      this.pipes.set(target, (this.pipes.get(target) ?? '') + text);
      return;
    }
    if (target === '/dev/stdout' || target === '-') this.host.write('stdout', text);
    else if (target === '/dev/stderr') this.host.write('stderr', text);
    else {
      // `>` empties the file the first time it is named, then appends, until it is closed.
      const append = out.mode === '>>' || this.written.has(target);
      this.written.add(target);
      this.host.writeFile(target, text, append);
    }
  }

  private closeAll(): void {
    for (const command of [...this.pipes.keys()]) this.close(command);
  }

  private close(name: string): number {
    this.written.delete(name);
    this.readers.delete(name);
    const text = this.pipes.get(name);
    if (text === undefined) return -1;
    this.pipes.delete(name);
    const result = this.host.run(name, text);
    this.host.write('stdout', result.stdout);
    this.host.write('stderr', result.stderr);
    return result.status;
  }

  // ---- expressions ----

  private regex(source: string): RegExp {
    let regex = this.regexes.get(source);
    if (!regex) {
      const compiled = compilePattern(regexSource(source), true);
      if ('error' in compiled)
        throw new AwkRuntimeError(
          this.flavor === 'mawk'
            ? `regular expression compile failed (${compiled.error})\n${source}`
            : `bad regex '${source}'`,
          2,
        );
      regex = new RegExp(compiled.source, 'gs');
      this.regexes.set(source, regex);
    }
    regex.lastIndex = 0;
    return regex;
  }

  /** The right side of `~`, a regex literal or a string read as an ERE. */
  private regexOf(expr: Expr): RegExp {
    return expr.k === 'regex' ? this.regex(expr.source) : this.regex(toText(this.evaluate(expr), this.convfmt()));
  }

  private evaluate(expr: Expr): AwkValue {
    switch (expr.k) {
      case 'num':
        return expr.v;
      case 'str':
        return expr.v;
      case 'regex':
        return this.regex(expr.source).test(this.fields[0]!) ? 1 : 0;
      case 'group':
        return this.evaluate(expr.list.at(-1)!);
      case 'var':
      case 'field':
      case 'elem':
        return this.read(expr);
      case 'assign':
        return this.assignment(expr.op, expr.target, expr.value);
      case 'cond':
        return toBoolean(this.evaluate(expr.test)) ? this.evaluate(expr.yes) : this.evaluate(expr.no);
      case 'logic':
        if (expr.op === '&&') return toBoolean(this.evaluate(expr.l)) && toBoolean(this.evaluate(expr.r)) ? 1 : 0;
        return toBoolean(this.evaluate(expr.l)) || toBoolean(this.evaluate(expr.r)) ? 1 : 0;
      case 'in':
        return this.array(expr.name).has(this.key(expr.subs)) ? 1 : 0;
      case 'match': {
        const text = toText(this.evaluate(expr.l), this.convfmt());
        return this.regexOf(expr.r).test(text) !== expr.negate ? 1 : 0;
      }
      case 'cmp': {
        const order = compare(this.evaluate(expr.l), this.evaluate(expr.r));
        const result = {
          '<': order < 0,
          '<=': order <= 0,
          '>': order > 0,
          '>=': order >= 0,
          '==': order === 0,
          '!=': order !== 0,
        }[expr.op];
        return result ? 1 : 0;
      }
      case 'concat':
        return toText(this.evaluate(expr.l), this.convfmt()) + toText(this.evaluate(expr.r), this.convfmt());
      case 'bin':
        return this.arithmetic(expr.op, toNumber(this.evaluate(expr.l)), toNumber(this.evaluate(expr.r)));
      case 'unary': {
        const value = this.evaluate(expr.e);
        if (expr.op === '!') return toBoolean(value) ? 0 : 1;
        return expr.op === '-' ? -toNumber(value) : toNumber(value);
      }
      case 'incdec': {
        const before = toNumber(this.read(expr.target));
        const after = expr.op === '++' ? before + 1 : before - 1;
        this.write(expr.target, after);
        return expr.prefix ? after : before;
      }
      case 'call':
        return this.call(expr.name, expr.args);
      case 'builtin':
        return this.builtin(expr.name, expr.args);
      case 'getline':
        return this.getline(expr);
    }
  }

  private assignment(op: string, target: LValue, valueExpr: Expr): AwkValue {
    if (op === '=') return this.write(target, this.evaluate(valueExpr));
    const right = toNumber(this.evaluate(valueExpr));
    const left = toNumber(this.read(target));
    return this.write(target, this.arithmetic(op.slice(0, -1), left, right));
  }

  private arithmetic(op: string, left: number, right: number): number {
    switch (op) {
      case '+':
        return left + right;
      case '-':
        return left - right;
      case '*':
        return left * right;
      case '/':
        if (right === 0 && this.flavor === 'busybox') throw new AwkRuntimeError('Division by zero', 1);
        return left / right;
      case '%':
        if (right === 0 && this.flavor === 'busybox') throw new AwkRuntimeError('Division by zero', 1);
        return left % right;
      default:
        return left ** right;
    }
  }

  private call(name: string, args: readonly Expr[]): AwkValue {
    const fn: AwkFunction = this.program.functions.get(name)!;
    const frame: Scope = new Map();
    fn.params.forEach((param, index) => {
      const arg = args[index];
      if (!arg) return frame.set(param, undefined);
      // An array goes by reference; a scalar by value.
      if (arg.k === 'var' && arg.name !== 'NF') {
        const scope = this.scopeOf(arg.name);
        const value = scope.get(arg.name);
        if (value instanceof AwkArray) return frame.set(param, value);
        if (value === undefined || value instanceof Unbound) return frame.set(param, new Unbound(scope, arg.name));
      }
      return frame.set(param, this.evaluate(arg));
    });
    if (this.frames.length > 1000) throw new AwkRuntimeError('function call nesting too deep', 2);
    this.frames.push(frame);
    try {
      this.execAll(fn.body);
      return undefined;
    } catch (signal) {
      if (signal instanceof Return) return signal.value;
      throw signal;
    } finally {
      this.frames.pop();
    }
  }

  private format(format: string, args: readonly AwkValue[]): string {
    const needed = (format.replace(/%%/g, '').match(/%[-+ #0]*(\*|\d+)?(\.(\*|\d*))?[cdieEfFgGosuxX]/g) ?? []).reduce(
      (count, spec) => count + 1 + (spec.match(/\*/g) ?? []).length,
      0,
    );
    if (args.length < needed && this.flavor === 'mawk') {
      // mawk has written what came before the conversion that found no argument.
      if (this.printfName === 'printf')
        this.host.write('stdout', sprintf(format.slice(0, conversionAt(format, args.length)), args));
      throw new AwkRuntimeError(
        `run time error: not enough arguments passed to ${this.printfName}("${format}")\n\tFILENAME="${toText(this.globals.get('FILENAME') as AwkValue)}" FNR=${toText(this.globals.get('FNR') as AwkValue)} NR=${toText(this.globals.get('NR') as AwkValue)}`,
        2,
      );
    }
    return sprintf(format, args);
  }

  private printfName = 'printf';

  private builtin(name: string, args: readonly Expr[]): AwkValue {
    const text = (index: number) => toText(this.evaluate(args[index]!), this.convfmt());
    const number = (index: number) => toNumber(this.evaluate(args[index]!));
    switch (name) {
      case 'length': {
        if (args.length === 0) return this.fields[0]!.length;
        const arg = args[0]!;
        if (arg.k === 'var') {
          const value = this.scopeOf(arg.name).get(arg.name);
          if (value instanceof AwkArray) return value.size;
        }
        return text(0).length;
      }
      case 'substr':
        return substring(text(0), number(1), args.length > 2 ? number(2) : undefined);
      case 'index':
        return text(0).indexOf(text(1)) + 1;
      case 'split': {
        const source = text(0);
        const array = this.array((args[1] as { name: string }).name);
        const separator = args[2];
        const pieces =
          separator === undefined
            ? this.split(source, toText(this.get('FS')))
            : separator.k === 'regex'
              ? source === ''
                ? []
                : source.split(this.regex(separator.source))
              : this.split(source, toText(this.evaluate(separator), this.convfmt()));
        array.load(pieces.map((piece) => fromInput(piece)));
        return pieces.length;
      }
      case 'sub':
      case 'gsub':
        return this.substitute(name === 'gsub', args);
      case 'match': {
        const found = this.regexOf(args[1]!).exec(text(0));
        this.globals.set('RSTART', found ? found.index + 1 : 0);
        this.globals.set('RLENGTH', found ? found[0].length : -1);
        return found ? found.index + 1 : 0;
      }
      case 'sprintf': {
        const [format, ...rest] = args.map((arg) => this.evaluate(arg));
        this.printfName = 'sprintf';
        try {
          return this.format(toText(format, this.convfmt()), rest);
        } finally {
          this.printfName = 'printf';
        }
      }
      case 'tolower':
        return text(0).toLowerCase();
      case 'toupper':
        return text(0).toUpperCase();
      case 'int':
        return Math.trunc(number(0));
      case 'sqrt':
        return Math.sqrt(number(0));
      case 'exp':
        return Math.exp(number(0));
      case 'log':
        return Math.log(number(0));
      case 'sin':
        return Math.sin(number(0));
      case 'cos':
        return Math.cos(number(0));
      case 'atan2':
        return Math.atan2(number(0), number(1));
      case 'rand':
        // A fixed sequence: both awks seed the same way on every run unless srand() is called.
        this.random = (this.random * 1103515245 + 12345) % 2147483648;
        return this.random / 2147483648;
      case 'srand': {
        const previous = this.random;
        this.random = args.length > 0 ? Math.trunc(number(0)) : 0;
        return previous;
      }
      case 'system': {
        const result = this.host.run(text(0), '');
        this.host.write('stdout', result.stdout);
        this.host.write('stderr', result.stderr);
        return result.status;
      }
      case 'close':
        return this.close(text(0));
      default:
        return 0;
    }
  }

  /** sub and gsub: `&` is the match, `\&` a literal ampersand. */
  private substitute(global: boolean, args: readonly Expr[]): number {
    const regex = this.regexOf(args[0]!);
    const replacement = toText(this.evaluate(args[1]!), this.convfmt());
    const target: LValue = (args[2] as LValue | undefined) ?? { k: 'field', index: { k: 'num', v: 0 } };
    const text = toText(this.read(target), this.convfmt());
    let count = 0;
    const result = text.replace(regex, (match: string) => {
      if (!global && count > 0) return match;
      count++;
      return replacement.replace(/\\\\|\\&|&/g, (piece) => (piece === '&' ? match : piece === '\\&' ? '&' : '\\'));
    });
    if (count > 0) this.write(target, result);
    return count;
  }

  private getline(expr: Extract<Expr, { k: 'getline' }>): AwkValue {
    let record: string | undefined;
    if (expr.from === 'input') {
      record = this.nextMainRecord();
      if (record === undefined) return 0;
      if (!expr.target) {
        this.setRecord(record);
        return 1;
      }
    } else {
      const name = toText(this.evaluate(expr.source!), this.convfmt());
      let reader = this.readers.get(name);
      if (!reader) {
        const content = expr.from === 'file' ? this.host.readFile(name) : this.host.run(name, '').stdout;
        if (content === undefined) return -1;
        reader = { lines: splitRecords(content, toText(this.get('RS'))), at: 0 };
        this.readers.set(name, reader);
      }
      record = reader.lines[reader.at++];
      if (record === undefined) return 0;
      if (!expr.target) {
        this.setRecord(record);
        this.bump('NR');
        return 1;
      }
    }
    this.write(expr.target, fromInput(record));
    if (expr.from === 'command') this.bump('NR');
    return 1;
  }
}

/** Where the conversion that takes argument `index` (0-based) starts in a printf format. */
function conversionAt(format: string, index: number): number {
  let taken = 0;
  for (const match of format.matchAll(/%%|%[-+ #0]*(\*|\d+)?(\.(\*|\d*))?[cdieEfFgGosuxX]/g)) {
    if (match[0] === '%%') continue;
    taken += 1 + (match[0].match(/\*/g) ?? []).length;
    if (taken > index) return match.index;
  }
  return format.length;
}

/** RS: a newline (the default), "" for paragraphs, one character, or an ERE. */
function splitRecords(content: string, separator: string): string[] {
  if (content === '') return [];
  if (separator === '')
    return content
      .replace(/^\n+/, '')
      .split(/\n\n+/)
      .map((record) => record.replace(/\n+$/, ''))
      .filter((record) => record !== '');
  const records = separator.length === 1 ? content.split(separator) : content.split(new RegExp(separator));
  if (records.at(-1) === '') records.pop();
  return records;
}

/** substr(s, m, n) as both awks compute it: positions truncated, a start before 1 moved to 1 (the length is kept). */
function substring(text: string, start: number, length: number | undefined): string {
  let from = Number.isFinite(start) ? Math.trunc(start) : 1;
  if (from < 1) from = 1;
  const count = length === undefined ? text.length : Math.trunc(length);
  if (count <= 0) return '';
  return text.slice(from - 1, from - 1 + count);
}

/** An awk regex's text for the ERE compiler: `\t`, `\n` and the like become their characters. */
function regexSource(source: string): string {
  return source.replace(
    /\\(.)/gs,
    (whole, char: string) =>
      ({ n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b', '/': '/', '"': '"' })[char] ?? whole,
  );
}

/** A command-line assignment's value gets the escapes of a string literal. */
export function unescape(text: string): string {
  return text.replace(/\\([0-7]{1,3}|.)/gs, (whole, char: string) => {
    if (/^[0-7]+$/.test(char)) return String.fromCharCode(Number.parseInt(char, 8));
    return (
      (
        { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' } as Record<
          string,
          string
        >
      )[char] ?? whole
    );
  });
}
