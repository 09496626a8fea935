/**
 * The shell's `test` (and `[`) and `printf`, a tool module of their own: a
 * reader's terminal fetches them the first time a line runs one.
 */
export { testBuiltin } from './test-builtin';
export { formatPrintf } from './printf';
export { printf } from './printf-builtin';
