/**
 * The shell's seldom-typed builtins, its `[[ ]]`, brace expansion, arrays and
 * $RANDOM, a tool module of their own: a reader's terminal fetches them the
 * first time a line uses one.
 */
export { conditional } from './conditional-command';
export { read } from './read-builtin';
export { programOutput } from './program-output';
export { type } from './type-builtin';
export { declare, letBuiltin as let, exportList } from './declare-builtins';
export { set, trap, history, xtraceLine } from './set-builtins';
export { seedRandom, random } from './random-variable';
export { expandBraceSource } from './braces';
export {
  local,
  shift,
  unset,
  unbound,
  sourceFailure,
  returnBuiltin as return,
  breakBuiltin as break_,
  continueBuiltin as continue_,
} from './function-builtins';
export { assignArray, arrayValue, arrayValues } from './arrays';
export { alias, unalias, command, expandAlias } from './alias-builtins';
export { expandGlob } from './pathname-expansion';
export { bashSyntax, dashSyntax, ashSyntax } from './syntax-messages';
