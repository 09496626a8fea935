/**
 * The daemon's seldom-used work, a chunk of its own: signals with `docker kill
 * -s` and `docker stop -s/-t`. Fetched the first time a line needs it.
 */
export { killContainerWith, stopContainerWith, type StopOptions } from './container-signals';
