import type { ArithmeticError } from './arithmetic-error';

// The messages go with the evaluator that raises them: a line that never reaches $(( )) never needs them.

/** bash 5.2's arithmetic messages (expr.c). */
export const BASH_ARITHMETIC: Record<ArithmeticError['kind'], string> = {
  'operand-expected': 'syntax error: operand expected',
  syntax: 'syntax error in expression',
  'division-by-zero': 'division by 0',
  'invalid-number': 'value too great for base',
};

/** dash 0.5's (arith_yacc.c): a number it cannot read ends the expression where it stops. */
export const DASH_ARITHMETIC: Record<ArithmeticError['kind'], string> = {
  'operand-expected': 'expecting primary',
  syntax: 'expecting EOF',
  'division-by-zero': 'division by zero',
  'invalid-number': 'expecting EOF',
};
