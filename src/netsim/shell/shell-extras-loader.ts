import * as extras from './shell-extras';

// `read`, `type`, `declare`, `let`, `set`, `trap`, `history` and `[[ ]]` at hand: the build, the tests
// and `bin/netsim`. The reader's browser fetches them on first use instead (shell-extras-loader.browser.ts,
// swapped in by astro.config.mjs).
export const shellExtras = (): typeof extras => extras;

/** Nothing to load: the builtins are here. */
export async function loadShellExtras(): Promise<typeof extras> {
  return extras;
}
