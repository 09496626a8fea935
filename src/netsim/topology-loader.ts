import * as topologyModule from './topology';

// The reader of a host's network for its figure, at hand: the build draws every figure, the tests and
// `bin/netsim`. The reader's browser gets figures drawn already, so its twin (topology-loader.browser.ts,
// swapped in by astro.config.mjs) keeps this reader out of the terminal's download.
export const topology = (): typeof topologyModule => topologyModule;
