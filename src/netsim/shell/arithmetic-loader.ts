import * as arithmeticModule from './arithmetic';

// `$(( ... ))`'s evaluator at hand: the build, the tests and `bin/netsim`. The reader's browser
// fetches it the first time a line uses it instead (arithmetic-loader.browser.ts, swapped in by astro.config.mjs).
export const arithmetic = (): typeof arithmeticModule => arithmeticModule;

/** Nothing to load: the evaluator is here. */
export async function loadArithmetic(): Promise<typeof arithmeticModule> {
  return arithmeticModule;
}
