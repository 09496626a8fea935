import { DOCKER_VERSIONS } from './cli/docker/release';

// index.ts exports these too; a page that names the release imports this file, so its
// bundle holds the version table and not the simulator behind index.ts.

/** The Docker Engine major version the simulator reproduces. */
export const SIMULATED_DOCKER_VERSION = '29';
/** The exact Docker Engine release whose output the simulator prints, for pages to name. */
export const SIMULATED_DOCKER_RELEASE: string = DOCKER_VERSIONS.engine.version;
