/**
 * netsim: a deterministic simulation of a Linux host running Docker Engine 29.
 * The site, the lesson plugins and the browser terminal use it through this file only.
 */
import { DOCKER_VERSIONS } from './cli/docker/version';

export { Host, type HostOptions, type HostSnapshot, type RunOptions, type RunResult } from './host';
export { DEBIAN_DOCKER_HOST, type HostProfile } from './profile';
export { GOAL_REASON_CODES, type Goal, type GoalKind, type GoalReason, type GoalResult } from './goals';

/** The Docker Engine major version the simulator reproduces. */
export const SIMULATED_DOCKER_VERSION = '29';
/** The exact Docker Engine release whose output the simulator prints, for pages to name. */
export const SIMULATED_DOCKER_RELEASE: string = DOCKER_VERSIONS.engine.version;
