/**
 * netsim: a deterministic simulation of a Linux host running Docker Engine 29.
 * The site, the lesson plugins and the browser terminal use it through this file only.
 */
export { Host, type HostOptions, type HostSnapshot, type RunResult } from './host';
export { DEBIAN_DOCKER_HOST, type HostProfile } from './profile';

/** The Docker Engine version the simulator reproduces. */
export const SIMULATED_DOCKER_VERSION = '29';
