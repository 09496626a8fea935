import { onDemand } from '../on-demand';

// The reader's browser: `$(( ... ))`'s evaluator is a chunk of its own, fetched the first time a
// line's expansion reaches one. Same exports as arithmetic-loader.ts, which this replaces.
const evaluator = onDemand('arithmetic', () => import('./arithmetic'));

export const arithmetic = evaluator.get;
export const loadArithmetic = evaluator.load;
