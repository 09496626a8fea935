/** A line `[...]` stands for any number of output lines, zero included. */
export const ELIDED_LINES = '[...]';
/** `[..]` inside a line stands for any text on that line. */
export const ELIDED_TEXT = '[..]';

export const isElidedLines = (line: string): boolean => line.trim() === ELIDED_LINES;

/**
 * How written output lines line up with printed ones: `keep` a written line that
 * still holds (an exact line, an elided-text line that matches, or `[...]` over
 * `printed` lines), `delete` a written line that no longer holds, `insert` a
 * printed line nothing written stands for.
 */
export type AlignmentOp =
  { kind: 'keep'; written: number; printed: readonly number[] } | { kind: 'delete'; written: number } | { kind: 'insert'; printed: number };

export interface Alignment {
  ops: AlignmentOp[];
  /** Every written line holds and every printed line is accounted for. */
  matches: boolean;
}

/**
 * The cheapest alignment, each deleted or inserted line costing 1: what the
 * writer wrote survives wherever it is still true, so an update keeps elisions
 * and changes only the lines that are wrong.
 */
export function alignOutput(written: readonly string[], printed: readonly string[]): Alignment {
  const n = written.length;
  const m = printed.length;
  const matchers = written.map(lineMatcher);
  // cost[i][j]: cheapest alignment of written[i..] with printed[j..].
  const cost = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let j = 0; j <= m; j++) cost[n]![j] = m - j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (isElidedLines(written[i]!)) {
        cost[i]![j] = Math.min(cost[i + 1]![j]!, j < m ? cost[i]![j + 1]! : Infinity);
        continue;
      }
      let best = 1 + cost[i + 1]![j]!;
      if (j < m) {
        best = Math.min(best, 1 + cost[i]![j + 1]!);
        if (matchers[i]!(printed[j]!)) best = Math.min(best, cost[i + 1]![j + 1]!);
      }
      cost[i]![j] = best;
    }
  }
  return {
    ops: walk(written, printed, matchers, cost),
    matches: cost[0]![0] === 0,
  };
}

function walk(written: readonly string[], printed: readonly string[], matchers: readonly ((line: string) => boolean)[], cost: number[][]): AlignmentOp[] {
  const ops: AlignmentOp[] = [];
  let i = 0;
  let j = 0;
  while (i < written.length || j < printed.length) {
    const here = cost[i]?.[j] ?? 0;
    if (i === written.length) {
      ops.push({ kind: 'insert', printed: j++ });
    } else if (isElidedLines(written[i]!)) {
      const covered: number[] = [];
      while (j < printed.length && cost[i]![j + 1] === here && !(cost[i + 1]![j] === here && prefersToStop(written, printed, i, j, matchers))) {
        covered.push(j++);
      }
      ops.push({ kind: 'keep', written: i++, printed: covered });
    } else if (j < printed.length && matchers[i]!(printed[j]!) && cost[i + 1]![j + 1] === here) {
      ops.push({ kind: 'keep', written: i++, printed: [j++] });
    } else if (cost[i + 1]![j]! + 1 === here) {
      // Deletions before insertions: a changed line reads as - then +.
      ops.push({ kind: 'delete', written: i++ });
    } else {
      ops.push({ kind: 'insert', printed: j++ });
    }
  }
  return ops;
}

/** `[...]` stops as soon as the next written line can take the printed one, so it covers as little as it must. */
function prefersToStop(
  written: readonly string[],
  printed: readonly string[],
  i: number,
  j: number,
  matchers: readonly ((line: string) => boolean)[],
): boolean {
  const next = i + 1;
  return next < written.length && !isElidedLines(written[next]!) && matchers[next]!(printed[j]!);
}

function lineMatcher(written: string): (printed: string) => boolean {
  if (!written.includes(ELIDED_TEXT)) return (printed) => printed === written;
  const pattern = new RegExp(`^${written.split(ELIDED_TEXT).map(escapeRegExp).join('.*')}$`, 's');
  return (printed) => pattern.test(printed);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
