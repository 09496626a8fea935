/**
 * The shell's seldom-typed builtins and its `[[ ]]`, a tool module of their own:
 * a reader's terminal fetches them the first time a line runs one.
 */
export { conditional } from './conditional-command';
export { read } from './read-builtin';
export { type } from './type-builtin';
export { declare, letBuiltin as let } from './declare-builtins';
export { set, trap, history, xtraceLine } from './set-builtins';
