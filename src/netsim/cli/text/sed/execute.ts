import type { Address, ReplacementPart, SedCommand, Substitution } from './script';

/** A line of input and whether a newline ended it (sed writes one back only then). */
export interface InputLine {
  readonly text: string;
  readonly newline: boolean;
}

/** What the script may do outside its stream: read a file (r), append to one (w). */
export interface SedIo {
  readFile(name: string): string | undefined;
  writeFile(name: string, text: string): void;
}

export interface SedRun {
  readonly output: string;
  /** q's or Q's status; undefined when the input ran out. */
  readonly exitCode: number | undefined;
}

/** The output stream, which owes a newline after a last line that had none once something else follows (execute.c output_missing_newline). */
class Output {
  text = '';
  private owed = false;
  write(text: string, newline: boolean): void {
    if (this.owed) this.text += '\n';
    this.text += text + (newline ? '\n' : '');
    this.owed = !newline;
  }
  /** A file's bytes as they are (r): no newline added, none owed. */
  raw(text: string): void {
    if (this.owed) this.text += '\n';
    this.text += text;
    this.owed = false;
  }
}

/**
 * Runs compiled commands over lines as GNU sed's execute.c does: a cycle per
 * line, addresses and ranges, the hold space, the append queue flushed at the
 * end of the cycle, and autoprint unless -n.
 */
export class SedMachine {
  private pattern = '';
  private hold = '';
  private line = 0;
  private index = 0;
  private chomped = true;
  private substituted = false;
  private lastRegex: RegExp | undefined;
  private readonly ranges = new Map<number, { end: number | undefined }>();
  private appended: { text: string; raw: boolean }[] = [];
  private readonly out = new Output();
  private readonly labels = new Map<string, number>();

  constructor(
    private readonly commands: readonly SedCommand[],
    private readonly quiet: boolean,
    private readonly io: SedIo,
  ) {
    commands.forEach((command, at) => command.name === ':' && this.labels.set(command.label!, at));
  }

  /** A label that b, t or T name but no `:` defines, as GNU reports it (compile.c check_final_program). */
  missingLabel(): string | undefined {
    return this.commands.find(
      (command) => 'btT'.includes(command.name) && command.label && !this.labels.has(command.label),
    )?.label;
  }

  run(lines: readonly InputLine[]): SedRun {
    this.lines = lines;
    this.index = 0;
    let carried: string | undefined;
    while (carried !== undefined || this.index < lines.length) {
      if (carried === undefined) this.readLine();
      else this.pattern = carried;
      const ended = this.cycle();
      if (ended.status !== undefined) return { output: this.out.text, exitCode: ended.status };
      carried = ended.carried;
    }
    return { output: this.out.text, exitCode: undefined };
  }

  /** Line numbers go on across runs (files read as one stream); -s and -i start a machine per file. */
  private lines: readonly InputLine[] = [];

  private readLine(): void {
    const next = this.lines[this.index++]!;
    this.pattern = next.text;
    this.chomped = next.newline;
    this.line++;
    this.substituted = false;
  }

  private isLast(): boolean {
    return this.index >= this.lines.length;
  }

  /** One cycle: a status when q or Q ends the script, what D leaves for the next cycle. */
  private cycle(): { status?: number; carried?: string } {
    let autoprint = !this.quiet;
    let restart = false;
    for (let at = 0; at < this.commands.length; at++) {
      const command = this.commands[at]!;
      if (!this.selects(command, at)) {
        if (command.name === '{') at = command.blockEnd!;
        continue;
      }
      const step = this.execute(command);
      if (step === 'next') continue;
      if (step === 'delete') {
        autoprint = false;
        break;
      }
      if (step === 'restart') {
        autoprint = false;
        restart = true;
        break;
      }
      if (step === 'end') break;
      if (typeof step === 'object') {
        if (step.quit === 'Q') return { status: step.status };
        if (autoprint) this.out.write(this.pattern, this.chomped);
        this.flushAppended();
        return { status: step.status };
      }
      at = step - 1;
    }
    if (autoprint) this.out.write(this.pattern, this.chomped);
    this.flushAppended();
    // D with a newline left: the next cycle starts on what remains, without reading a line.
    return restart ? { carried: this.pattern } : {};
  }

  private flushAppended(): void {
    for (const { text, raw } of this.appended) {
      if (raw) this.out.raw(text);
      else this.out.write(text, true);
    }
    this.appended = [];
  }

  /** Whether the command's addresses select this line, ranges kept per command. */
  private selects(command: SedCommand, at: number): boolean {
    const { first, second } = command;
    if (!first) return !command.negated;
    if (!second) return this.matches(first) !== command.negated;
    const range = this.ranges.get(at);
    if (range) {
      if (second.kind === 'line' || second.kind === 'plus') {
        const end = range.end!;
        // A range whose end is already behind it stops here (GNU: addr2 <= the line that started it).
        if (this.line >= end) this.ranges.delete(at);
        return this.line <= end ? !command.negated : command.negated;
      }
      if (this.matches(second)) this.ranges.delete(at);
      return !command.negated;
    }
    if (!this.matches(first)) return command.negated;
    if (second.kind === 'line') {
      if (second.line > this.line) this.ranges.set(at, { end: second.line });
    } else if (second.kind === 'plus') {
      if (second.count > 0) this.ranges.set(at, { end: this.line + second.count });
    } else if (second.kind !== 'last' || !this.isLast()) this.ranges.set(at, { end: undefined });
    return !command.negated;
  }

  private matches(address: Address): boolean {
    switch (address.kind) {
      case 'line':
        return this.line === address.line;
      case 'last':
        return this.isLast();
      case 'step':
        return address.step <= 0
          ? this.line === address.first
          : this.line >= address.first && (this.line - address.first) % address.step === 0;
      case 'plus':
        return false;
      case 'regex':
        return this.test(address.regex);
    }
  }

  private regexOf(regex: RegExp | undefined): RegExp {
    const chosen = regex ?? this.lastRegex;
    if (!chosen) throw new SedRuntimeError('no previous regular expression');
    this.lastRegex = chosen;
    return chosen;
  }

  private test(regex: RegExp | undefined): boolean {
    const chosen = this.regexOf(regex);
    chosen.lastIndex = 0;
    return chosen.test(this.pattern);
  }

  /** What a command does: go on, end the cycle (delete, restart, end), quit, or jump to a command. */
  private execute(
    command: SedCommand,
  ): 'next' | 'delete' | 'restart' | 'end' | { quit: 'q' | 'Q'; status: number } | number {
    switch (command.name) {
      case '{':
      case '}':
      case ':':
        return 'next';
      case '=':
        this.out.write(String(this.line), true);
        return 'next';
      case 'p':
        this.out.write(this.pattern, this.chomped);
        return 'next';
      case 'P':
        this.out.write(this.pattern.split('\n')[0]!, true);
        return 'next';
      case 'l':
        this.out.write(escapeForL(this.pattern), true);
        return 'next';
      case 'd':
        return 'delete';
      case 'D': {
        const newline = this.pattern.indexOf('\n');
        if (newline < 0) return 'delete';
        this.pattern = this.pattern.slice(newline + 1);
        return 'restart';
      }
      case 'n':
        if (this.isLast()) return { quit: 'q', status: 0 };
        if (!this.quiet) this.out.write(this.pattern, this.chomped);
        this.readLine();
        return 'next';
      case 'N': {
        // GNU prints the pattern space when N finds no next line (POSIX would not).
        if (this.isLast()) return { quit: 'q', status: 0 };
        const kept = this.pattern;
        this.readLine();
        this.pattern = `${kept}\n${this.pattern}`;
        return 'next';
      }
      case 'g':
        this.pattern = this.hold;
        return 'next';
      case 'G':
        this.pattern += `\n${this.hold}`;
        return 'next';
      case 'h':
        this.hold = this.pattern;
        return 'next';
      case 'H':
        this.hold += `\n${this.pattern}`;
        return 'next';
      case 'x':
        [this.pattern, this.hold] = [this.hold, this.pattern];
        return 'next';
      case 'z':
        this.pattern = '';
        return 'next';
      case 'a':
        this.appended.push({ text: command.text!, raw: false });
        return 'next';
      case 'i':
        this.out.write(command.text!, true);
        return 'next';
      case 'c':
        // In a range, the text replaces the whole range: it is written once, at its end.
        if (!command.second || !this.rangeOpen(command)) this.out.write(command.text!, true);
        return 'delete';
      case 'r': {
        const content = this.io.readFile(command.file!);
        if (content !== undefined && content !== '') this.appended.push({ text: content, raw: true });
        return 'next';
      }
      case 'w':
        this.io.writeFile(command.file!, `${this.pattern}\n`);
        return 'next';
      case 's':
        this.substitute(command.substitution!);
        return 'next';
      case 'y':
        this.pattern = [...this.pattern]
          .map((char) => {
            const at = command.from!.indexOf(char);
            return at < 0 ? char : [...command.to!][at]!;
          })
          .join('');
        return 'next';
      case 'q':
      case 'Q':
        return { quit: command.name, status: command.status ?? 0 };
      case 'b':
        return this.jump(command.label);
      case 't':
        if (!this.substituted) return 'next';
        this.substituted = false;
        return this.jump(command.label);
      case 'T':
        if (this.substituted) {
          this.substituted = false;
          return 'next';
        }
        return this.jump(command.label);
      default:
        return 'next';
    }
  }

  private rangeOpen(command: SedCommand): boolean {
    return this.ranges.has(this.commands.indexOf(command));
  }

  private jump(label: string | undefined): number | 'end' {
    if (!label) return 'end';
    return this.labels.get(label)! + 1;
  }

  private substitute(substitution: Substitution): void {
    const regex = this.regexOf(substitution.regex);
    let count = 0;
    let replaced = false;
    regex.lastIndex = 0;
    const result = this.pattern.replace(regex, (...match: unknown[]) => {
      const groups = match.slice(0, -2) as (string | undefined)[];
      const whole = groups[0]!;
      count++;
      if (count < substitution.occurrence || (!substitution.global && count > substitution.occurrence)) return whole;
      replaced = true;
      return expand(substitution.replacement, groups);
    });
    if (!replaced) return;
    this.pattern = result;
    this.substituted = true;
    if (substitution.print) this.out.write(this.pattern, this.chomped);
    if (substitution.writeTo !== undefined) {
      if (substitution.writeTo === '/dev/stdout') this.out.write(this.pattern, true);
      else this.io.writeFile(substitution.writeTo, `${this.pattern}\n`);
    }
  }
}

export class SedRuntimeError {
  constructor(readonly message: string) {}
}

/** A replacement with its groups in, and GNU's case conversions applied as they come. */
function expand(parts: readonly ReplacementPart[], groups: readonly (string | undefined)[]): string {
  let out = '';
  let mode: 'U' | 'L' | 'E' = 'E';
  let once: 'u' | 'l' | undefined;
  const add = (text: string) => {
    let converted = mode === 'U' ? text.toUpperCase() : mode === 'L' ? text.toLowerCase() : text;
    if (once && converted !== '') {
      converted = (once === 'u' ? converted[0]!.toUpperCase() : converted[0]!.toLowerCase()) + converted.slice(1);
      once = undefined;
    }
    out += converted;
  };
  for (const part of parts) {
    if (part.kind === 'text') add(part.text);
    else if (part.kind === 'group') add(groups[part.index] ?? '');
    else if (part.mode === 'u' || part.mode === 'l') once = part.mode;
    else {
      mode = part.mode;
      once = undefined;
    }
  }
  return out;
}

/** `l`: the pattern space unambiguously, C escapes and octal, lines cut at 69 characters with a `\`, a `$` at the end. */
function escapeForL(text: string): string {
  const escaped = [...text].map((char) => {
    const named: Record<string, string> = {
      '\\': '\\\\',
      '\x07': '\\a',
      '\b': '\\b',
      '\f': '\\f',
      '\n': '\\n',
      '\r': '\\r',
      '\t': '\\t',
      '\v': '\\v',
    };
    if (named[char]) return named[char];
    const code = char.charCodeAt(0);
    return code < 32 || code === 127 ? `\\${code.toString(8).padStart(3, '0')}` : char;
  });
  let out = '';
  let width = 0;
  for (const piece of escaped) {
    if (width + piece.length > 69) {
      out += '\\\n';
      width = 0;
    }
    out += piece;
    width += piece.length;
  }
  return `${out}$`;
}
