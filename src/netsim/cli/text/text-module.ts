/**
 * coreutils' sort, cut and wc, a tool module of their own: a reader's terminal
 * fetches them the first time a line runs one (cat, grep, head and tail stay in
 * the core: lessons pipe into them).
 */
export { sortProgram } from './sort';
export { cutProgram } from './cut';
export { wcProgram } from './wc';
