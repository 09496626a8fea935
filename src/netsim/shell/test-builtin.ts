import type { FileAccess } from '../cli/command';
import { normalizePath, type Inode } from '../kernel/filesystem';
import type { Builtin, BuiltinContext } from './builtins';
import { matchesGlob } from './glob';

/**
 * `test` and `[`: bash 5.2's test.c, followed function by function
 * (test_command, posixtest, two_arguments, three_arguments, expr/or/and/term,
 * binary_operator, unary_test). A syntax error prints one message and returns
 * 2; otherwise 0 for true and 1 for false. dash and BusyBox ash run the same
 * checks; their words differ for a missing `]` and a bad number (captured in
 * tests/netsim/golden/shell/sh.json) and take bash's wording for the rest.
 */
export const testBuiltin =
  (name: 'test' | '['): Builtin =>
  (args, context) => {
    try {
      return { stdout: '', stderr: '', exitCode: testCommand(name, args, context) ? 0 : 1 };
    } catch (error) {
      if (!(error instanceof TestError)) throw error;
      return { stdout: '', stderr: message(name, error, context), exitCode: 2 };
    }
  };

type TestErrorKind = 'missing-bracket' | 'integer' | 'syntax';

/** test_syntax_error: the words of bash's message, and what kind of error it is for the other shells. */
class TestError {
  constructor(
    readonly kind: TestErrorKind,
    readonly text: string,
    readonly argument = '',
  ) {}
}

function message(name: string, error: TestError, { dialect, state }: BuiltinContext): string {
  switch (dialect.kind) {
    case 'bash':
      return dialect.builtinError(name, error.text, state.line);
    case 'dash':
      // dash src/bltin/test.c: error("missing ]"), getn's "Illegal number: %s".
      if (error.kind === 'missing-bracket') return dialect.builtinError(name, 'missing ]', state.line);
      if (error.kind === 'integer') return dialect.builtinError(name, `Illegal number: ${error.argument}`, state.line);
      return dialect.builtinError(name, error.text, state.line);
    case 'ash':
      // BusyBox coreutils/test.c: bb_simple_error_msg_and_die("missing ]"), "%s: bad number"; its applet is named sh.
      if (error.kind === 'missing-bracket') return 'sh: missing ]\n';
      if (error.kind === 'integer') return `sh: ${error.argument}: bad number\n`;
      return `sh: ${error.text}\n`;
  }
}

const syntax = (text: string) => new TestError('syntax', text);

/** test_command: `[` needs its `]`; no expression is false; anything left over is an error. */
function testCommand(name: string, args: readonly string[], context: BuiltinContext): boolean {
  const argv = [name, ...args];
  let argc = argv.length;
  if (name === '[') {
    argc--;
    if (argv[argc] !== ']') throw new TestError('missing-bracket', "missing `]'");
    if (argc < 2) return false;
  }
  if (argc <= 1) return false;
  const parser = new Parser(argv, argc, context);
  const value = parser.posixtest();
  if (parser.pos !== argc) {
    if (parser.pos < argc && argv[parser.pos]!.startsWith('-'))
      throw syntax(`syntax error: \`${argv[parser.pos]}' unexpected`);
    throw syntax('too many arguments');
  }
  return value;
}

const isAndOr = (word: string | undefined) => word === '-a' || word === '-o';

class Parser {
  pos = 1;

  constructor(
    private readonly argv: readonly string[],
    private readonly argc: number,
    private readonly context: BuiltinContext,
  ) {}

  private at(offset = 0): string {
    return this.argv[this.pos + offset] ?? '';
  }

  private advance(check: boolean): void {
    this.pos++;
    if (check && this.pos >= this.argc) throw syntax('argument expected');
  }

  /** posixtest: up to four arguments are read by count (POSIX's rules), more as an expression. */
  posixtest(): boolean {
    switch (this.argc - 1) {
      case 1:
        this.pos = this.argc;
        return this.argv[1] !== '';
      case 2: {
        const value = this.twoArguments();
        this.pos = this.argc;
        return value;
      }
      case 3:
        return this.threeArguments();
      case 4:
        if (this.at() === '!') {
          this.advance(true);
          return !this.threeArguments();
        }
        if (this.at() === '(' && this.argv[this.argc - 1] === ')') {
          this.advance(true);
          const value = this.twoArguments();
          this.pos = this.argc;
          return value;
        }
        return this.expr();
      default:
        return this.expr();
    }
  }

  private twoArguments(): boolean {
    if (this.at() === '!') return this.at(1) === '';
    if (isUnary(this.at())) return this.unaryOperator();
    throw syntax(`${this.at()}: unary operator expected`);
  }

  private threeArguments(): boolean {
    let value: boolean;
    if (isBinary(this.at(1))) value = this.binaryOperator();
    else if (isAndOr(this.at(1)))
      value = this.at(1) === '-a' ? this.at() !== '' && this.at(2) !== '' : this.at() !== '' || this.at(2) !== '';
    else if (this.at() === '!') {
      this.advance(true);
      value = !this.twoArguments();
    } else if (this.at() === '(' && this.at(2).startsWith(')')) value = this.at(1) !== '';
    else throw syntax(`${this.at(1)}: binary operator expected`);
    this.pos = this.argc;
    return value;
  }

  private expr(): boolean {
    if (this.pos >= this.argc) throw syntax('argument expected');
    return this.or();
  }

  private or(): boolean {
    const value = this.and();
    if (this.pos < this.argc && this.at() === '-o') {
      this.advance(false);
      const right = this.or();
      return value || right;
    }
    return value;
  }

  private and(): boolean {
    const value = this.term();
    if (this.pos < this.argc && this.at() === '-a') {
      this.advance(false);
      const right = this.and();
      return value && right;
    }
    return value;
  }

  private term(): boolean {
    if (this.pos >= this.argc) throw syntax('argument expected');
    if (this.at() === '!') {
      let negate = false;
      while (this.pos < this.argc && this.at() === '!') {
        this.advance(true);
        negate = !negate;
      }
      return negate ? !this.term() : this.term();
    }
    if (this.at() === '(') {
      this.advance(true);
      const value = this.expr();
      // The word past the end of `test`'s arguments is `[`'s `]`, which bash reports as found.
      const found = this.argv[this.pos];
      if (found === undefined) throw syntax("`)' expected");
      if (found !== ')') throw syntax(`\`)' expected, found ${found}`);
      this.advance(false);
      return value;
    }
    if (this.pos + 3 <= this.argc && isBinary(this.at(1))) return this.binaryOperator();
    if (this.pos + 2 <= this.argc && isUnary(this.at())) return this.unaryOperator();
    const value = this.at() !== '';
    this.advance(false);
    return value;
  }

  private binaryOperator(): boolean {
    const [left, operator, right] = [this.at(), this.at(1), this.at(2)];
    this.pos += 3;
    return binaryTest(operator, left, right, this.context);
  }

  private unaryOperator(): boolean {
    const operator = this.at();
    if (operator === '-t') {
      // `-t` alone asks about fd 1; `-t N` about N. netsim's shells keep no descriptor table, so neither is a terminal here.
      this.advance(false);
      if (this.pos < this.argc && legalNumber(this.at()) !== undefined) this.advance(false);
      return false;
    }
    this.advance(true);
    this.pos++;
    return unaryTest(operator, this.argv[this.pos - 1]!, this.context);
  }
}

/** test_unop. */
function isUnary(word: string): boolean {
  return /^-[abcdefghknoprstuvwxzGLOSNR]$/.test(word);
}

/** test_binop: the string comparisons, `=~`, and the three-letter integer and file operators. */
function isBinary(word: string): boolean {
  return [
    '=',
    '==',
    '!=',
    '<',
    '>',
    '=~',
    '!~',
    '-nt',
    '-ot',
    '-ef',
    '-eq',
    '-ne',
    '-lt',
    '-le',
    '-gt',
    '-ge',
  ].includes(word);
}

/** legal_number: an optional sign and decimal digits, blanks allowed around them. */
function legalNumber(text: string): bigint | undefined {
  const match = /^[ \t\n]*([+-]?\d+)[ \t\n]*$/.exec(text);
  return match ? BigInt(match[1]!) : undefined;
}

function integer(text: string): bigint {
  const value = legalNumber(text);
  if (value === undefined) throw new TestError('integer', `${text}: integer expression expected`, text);
  return value;
}

function binaryTest(operator: string, left: string, right: string, context: BuiltinContext): boolean {
  switch (operator) {
    case '=':
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '>':
      return left > right;
    case '=~':
      return matchesGlob(right, left);
    case '!~':
      return !matchesGlob(right, left);
    case '-nt':
    case '-ot':
    case '-ef':
      return fileCompare(operator, left, right, context);
  }
  const [a, b] = [integer(left), integer(right)];
  switch (operator) {
    case '-eq':
      return a === b;
    case '-ne':
      return a !== b;
    case '-lt':
      return a < b;
    case '-le':
      return a <= b;
    case '-gt':
      return a > b;
    default:
      return a >= b;
  }
}

/** filecomp: a missing file is older than any; `-ef` needs both to be one file. */
function fileCompare(operator: '-nt' | '-ot' | '-ef', left: string, right: string, context: BuiltinContext): boolean {
  const [a, b] = [stat(left, context), stat(right, context)];
  if (operator === '-ef') return a !== undefined && b !== undefined && a.path === b.path;
  if (operator === '-nt')
    return (
      (a !== undefined && b === undefined) || (a !== undefined && b !== undefined && a.inode.mtimeMs > b.inode.mtimeMs)
    );
  return (
    (a === undefined && b !== undefined) || (a !== undefined && b !== undefined && a.inode.mtimeMs < b.inode.mtimeMs)
  );
}

function stat(path: string, context: BuiltinContext, follow = true): { path: string; inode: Inode } | undefined {
  const access = context.files();
  if (!access || path === '') return undefined;
  const found = access.fs.stat(absolute(path, context), follow);
  return 'inode' in found ? found : undefined;
}

const absolute = (path: string, { state }: BuiltinContext) =>
  normalizePath(path.startsWith('/') ? path : `${state.cwd}/${path}`);

/** unary_test: the file tests read the shell's machine as its user, the string tests their argument. */
function unaryTest(operator: string, argument: string, context: BuiltinContext): boolean {
  const found = () => stat(argument, context);
  switch (operator) {
    case '-a':
    case '-e':
      return found() !== undefined;
    case '-f':
      return found()?.inode.kind === 'file';
    case '-d':
      return found()?.inode.kind === 'dir';
    case '-c':
      return found()?.inode.kind === 'device';
    case '-h':
    case '-L':
      return stat(argument, context, false)?.inode.kind === 'symlink';
    case '-s': {
      const inode = found()?.inode;
      return inode !== undefined && (inode.kind !== 'file' || inode.content !== '');
    }
    case '-r':
      return permitted(found()?.inode, context.files(), 4);
    case '-w':
      return permitted(found()?.inode, context.files(), 2);
    case '-x':
      return permitted(found()?.inode, context.files(), 1);
    case '-u':
      return ((found()?.inode.mode ?? 0) & 0o4000) !== 0;
    case '-g':
      return ((found()?.inode.mode ?? 0) & 0o2000) !== 0;
    case '-k':
      return ((found()?.inode.mode ?? 0) & 0o1000) !== 0;
    case '-O':
      return found()?.inode.uid === context.files()?.who.uid;
    case '-G':
      return found()?.inode.gid === context.files()?.who.gid;
    case '-n':
      return argument !== '';
    case '-z':
      return argument === '';
    case '-v':
      return context.state.variables.has(argument);
    default:
      // -b, -p, -S, -N, -o, -R: no block devices, pipes, sockets, shell options or namerefs on netsim's disks.
      return false;
  }
}

/** access(2) as sh_eaccess asks it: root reads and writes anything, and executes what has an x bit. */
function permitted(inode: Inode | undefined, access: FileAccess | undefined, wanted: 1 | 2 | 4): boolean {
  if (!inode || !access) return false;
  if (access.who.uid === 0) return wanted !== 1 || inode.kind === 'dir' || (inode.mode & 0o111) !== 0;
  const shift = inode.uid === access.who.uid ? 6 : inode.gid === access.who.gid ? 3 : 0;
  return ((inode.mode >> shift) & wanted) === wanted;
}
