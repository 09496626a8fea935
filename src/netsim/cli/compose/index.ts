/** Docker Compose, a tool module of its own (tool-modules.ts): fetched the first time a line names `compose`. */
export { composeProgram } from './compose';
