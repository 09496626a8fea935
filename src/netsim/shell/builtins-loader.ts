import * as builtins from './builtins-module';

// `test`, `[` and `printf` at hand: the build, the tests and `bin/netsim`. The reader's browser
// fetches them on first use instead (builtins-loader.browser.ts, swapped in by astro.config.mjs).
export const shellBuiltins = (): typeof builtins => builtins;

/** Nothing to load: the builtins are here. */
export async function loadShellBuiltins(): Promise<typeof builtins> {
  return builtins;
}
