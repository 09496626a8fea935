/** An awk program as the parser leaves it: expressions, statements, rules. */
export type Expr =
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'str'; readonly v: string }
  | { readonly k: 'regex'; readonly source: string }
  | { readonly k: 'var'; readonly name: string }
  | { readonly k: 'field'; readonly index: Expr }
  | { readonly k: 'elem'; readonly name: string; readonly subs: readonly Expr[] }
  | { readonly k: 'assign'; readonly op: string; readonly target: LValue; readonly value: Expr }
  | { readonly k: 'cond'; readonly test: Expr; readonly yes: Expr; readonly no: Expr }
  | { readonly k: 'logic'; readonly op: '&&' | '||'; readonly l: Expr; readonly r: Expr }
  | { readonly k: 'in'; readonly subs: readonly Expr[]; readonly name: string }
  | { readonly k: 'match'; readonly negate: boolean; readonly l: Expr; readonly r: Expr }
  | { readonly k: 'cmp'; readonly op: string; readonly l: Expr; readonly r: Expr }
  | { readonly k: 'concat'; readonly l: Expr; readonly r: Expr }
  | { readonly k: 'bin'; readonly op: string; readonly l: Expr; readonly r: Expr }
  | { readonly k: 'unary'; readonly op: string; readonly e: Expr }
  | { readonly k: 'incdec'; readonly op: '++' | '--'; readonly prefix: boolean; readonly target: LValue }
  | { readonly k: 'call'; readonly name: string; readonly args: readonly Expr[] }
  | { readonly k: 'builtin'; readonly name: string; readonly args: readonly Expr[] }
  | {
      readonly k: 'getline';
      readonly from: 'input' | 'file' | 'command';
      readonly target: LValue | undefined;
      readonly source: Expr | undefined;
    }
  | { readonly k: 'group'; readonly list: readonly Expr[] };

export type LValue = Extract<Expr, { k: 'var' | 'field' | 'elem' }>;

export interface Output {
  readonly mode: '>' | '>>' | '|';
  readonly target: Expr;
}

export type Stmt =
  | { readonly k: 'print'; readonly args: readonly Expr[]; readonly out: Output | undefined }
  | { readonly k: 'printf'; readonly args: readonly Expr[]; readonly out: Output | undefined }
  | { readonly k: 'expr'; readonly e: Expr }
  | { readonly k: 'if'; readonly test: Expr; readonly then: Stmt; readonly otherwise: Stmt | undefined }
  | { readonly k: 'while'; readonly test: Expr; readonly body: Stmt }
  | { readonly k: 'do'; readonly body: Stmt; readonly test: Expr }
  | {
      readonly k: 'for';
      readonly init: Stmt | undefined;
      readonly test: Expr | undefined;
      readonly step: Stmt | undefined;
      readonly body: Stmt;
    }
  | { readonly k: 'forin'; readonly variable: LValue; readonly array: string; readonly body: Stmt }
  | { readonly k: 'block'; readonly body: readonly Stmt[] }
  | { readonly k: 'next' | 'nextfile' | 'break' | 'continue' }
  | { readonly k: 'exit' | 'return'; readonly e: Expr | undefined }
  | { readonly k: 'delete'; readonly name: string; readonly subs: readonly Expr[] | undefined };

export interface Rule {
  readonly pattern: Expr | undefined;
  /** `/start/, /end/`: the pattern's range end. */
  readonly rangeEnd: Expr | undefined;
  /** No action prints the record. */
  readonly body: readonly Stmt[] | undefined;
}

export interface AwkFunction {
  readonly params: readonly string[];
  readonly body: readonly Stmt[];
}

export interface AwkProgram {
  readonly begin: readonly Stmt[];
  readonly end: readonly Stmt[];
  readonly rules: readonly Rule[];
  readonly functions: ReadonlyMap<string, AwkFunction>;
}
