/**
 * The shell's seldom-typed builtins, its `[[ ]]`, brace expansion, arrays and
 * $RANDOM, a tool module of their own: a reader's terminal fetches them the
 * first time a line uses one.
 */
export { conditional } from './conditional-command';
export { read } from './read-builtin';
export { type } from './type-builtin';
export { declare, letBuiltin as let } from './declare-builtins';
export { set, trap, history, xtraceLine } from './set-builtins';
export { seedRandom, nextRandom } from './random-variable';
export { expandBraceSource } from './braces';
export { local, shift, unset, unbound, sourceFailure, breakBuiltin as break_, continueBuiltin as continue_ } from './function-builtins';
export { assignArray, arrayValue, arrayValues } from './arrays';
export { alias, unalias, command } from './alias-builtins';
export { expandGlob } from './pathname-expansion';
