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
  | { kind: 'keep'; written: number; printed: readonly number[] }
  | { kind: 'delete'; written: number }
  | { kind: 'insert'; printed: number };

export interface Alignment {
  ops: AlignmentOp[];
  /** Every written line holds and every printed line is accounted for. */
  matches: boolean;
}

/** An edit (a written line deleted, replaced, or a printed line inserted) outweighs any number of lines under `[...]`. */
const EDIT = 1_000_000;

/**
 * The cheapest alignment: fewest edits, a changed line counting as one, then
 * fewest lines under `[...]`. What the writer wrote survives wherever it is
 * still true, a wrong line is replaced where it stands rather than swallowed by
 * a neighbouring `[...]`, and an update changes only the lines that are wrong.
 */
export function alignOutput(written: readonly string[], printed: readonly string[]): Alignment {
  const n = written.length;
  const m = printed.length;
  const matchers = written.map(lineMatcher);
  // cost[i][j]: cheapest alignment of written[i..] with printed[j..].
  const cost = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let j = 0; j <= m; j++) cost[n]![j] = (m - j) * EDIT;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      cost[i]![j] = Math.min(...choices(written, printed, matchers, cost, i, j).map((choice) => choice.cost));
    }
  }
  const ops: AlignmentOp[] = [];
  let i = 0;
  let j = 0;
  let covered: number[] = [];
  while (i < n || j < m) {
    const best = choices(written, printed, matchers, cost, i, j).find((choice) => choice.cost === cost[i]![j])!;
    if (best.step === 'absorb') covered.push(j);
    else if (best.step === 'stop') {
      ops.push({ kind: 'keep', written: i, printed: covered });
      covered = [];
    } else if (best.step === 'keep') ops.push({ kind: 'keep', written: i, printed: [j] });
    else if (best.step === 'replace') ops.push({ kind: 'delete', written: i }, { kind: 'insert', printed: j });
    else if (best.step === 'delete') ops.push({ kind: 'delete', written: i });
    else ops.push({ kind: 'insert', printed: j });
    i += best.di;
    j += best.dj;
  }
  return { ops: deletionsFirst(ops), matches: cost[0]![0]! < EDIT };
}

type Step = 'keep' | 'absorb' | 'stop' | 'replace' | 'delete' | 'insert';

/** The moves possible at (i, j), in the order ties are broken: keeping what is written comes first. */
function choices(
  written: readonly string[],
  printed: readonly string[],
  matchers: readonly ((line: string) => boolean)[],
  cost: number[][],
  i: number,
  j: number,
): { step: Step; cost: number; di: number; dj: number }[] {
  const list: { step: Step; cost: number; di: number; dj: number }[] = [];
  const more = j < printed.length;
  if (i === written.length) return more ? [{ step: 'insert', cost: EDIT + cost[i]![j + 1]!, di: 0, dj: 1 }] : [];
  if (isElidedLines(written[i]!)) {
    list.push({ step: 'stop', cost: cost[i + 1]![j]!, di: 1, dj: 0 });
    if (more) list.push({ step: 'absorb', cost: 1 + cost[i]![j + 1]!, di: 0, dj: 1 });
    return list;
  }
  if (more && matchers[i]!(printed[j]!)) list.push({ step: 'keep', cost: cost[i + 1]![j + 1]!, di: 1, dj: 1 });
  if (more) list.push({ step: 'replace', cost: EDIT + cost[i + 1]![j + 1]!, di: 1, dj: 1 });
  list.push({ step: 'delete', cost: EDIT + cost[i + 1]![j]!, di: 1, dj: 0 });
  if (more) list.push({ step: 'insert', cost: EDIT + cost[i]![j + 1]!, di: 0, dj: 1 });
  return list;
}

/** Within a run of edits, deletions come before insertions, so a changed passage reads as - lines then + lines. */
function deletionsFirst(ops: AlignmentOp[]): AlignmentOp[] {
  const result: AlignmentOp[] = [];
  let run: AlignmentOp[] = [];
  const flush = () => {
    result.push(...run.filter((op) => op.kind === 'delete'), ...run.filter((op) => op.kind === 'insert'));
    run = [];
  };
  for (const op of ops) {
    if (op.kind === 'keep') {
      flush();
      result.push(op);
    } else run.push(op);
  }
  flush();
  return result;
}

function lineMatcher(written: string): (printed: string) => boolean {
  if (!written.includes(ELIDED_TEXT)) return (printed) => printed === written;
  const pattern = new RegExp(`^${written.split(ELIDED_TEXT).map(escapeRegExp).join('.*')}$`, 's');
  return (printed) => pattern.test(printed);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
