/** Why `$(( ... ))` failed, as the shells word it (dialect.ts): the evaluator is a module of its own (arithmetic.ts). */
export type ArithmeticErrorKind = 'operand-expected' | 'syntax' | 'division-by-zero' | 'invalid-number';

/** An expression bash refuses: `kind` decides the message, `token` is the rest of the expression from where it failed. */
export class ArithmeticError {
  constructor(
    readonly kind: ArithmeticErrorKind,
    readonly token: string,
  ) {}
}
