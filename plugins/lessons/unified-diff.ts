import type { WrittenStep } from './lesson-source';
import type { Alignment } from './match-output';

interface DiffLine {
  sign: ' ' | '-' | '+';
  text: string;
}

export interface Hunk {
  oldStart: number;
  newStart: number;
  lines: DiffLine[];
  oldCount: number;
  newCount: number;
}

const CONTEXT = 3;

/**
 * The unified diff of one step's written output against what netsim printed,
 * numbered with the file's own lines. `shift` is how many lines earlier hunks
 * of the file add, so `+` starts are where the lines will be after an update.
 */
export function stepHunks(step: WrittenStep, alignment: Alignment, printed: readonly string[], shift: number): Hunk[] {
  const entries: DiffLine[] = step.commandLines.map((line) => ({ sign: ' ', text: line.line.text }));
  for (const op of alignment.ops) {
    if (op.kind === 'insert') entries.push({ sign: '+', text: step.commandLines[0]!.prefix + printed[op.printed]! });
    else entries.push({ sign: op.kind === 'keep' ? ' ' : '-', text: step.output[op.written]!.line.text });
  }
  return groupHunks(entries, step.commandLines[0]!.line.number, shift);
}

function groupHunks(entries: readonly DiffLine[], firstLine: number, shift: number): Hunk[] {
  const changed = entries.map((entry, index) => (entry.sign === ' ' ? -1 : index)).filter((index) => index >= 0);
  const hunks: Hunk[] = [];
  let oldLine = firstLine;
  let newLine = firstLine + shift;
  let current: Hunk | undefined;
  for (const [index, entry] of entries.entries()) {
    const near = changed.some((at) => Math.abs(at - index) <= CONTEXT);
    if (near) {
      current ??= {
        oldStart: oldLine,
        newStart: newLine,
        lines: [],
        oldCount: 0,
        newCount: 0,
      };
      current.lines.push({ sign: entry.sign, text: entry.text });
      if (entry.sign !== '+') current.oldCount++;
      if (entry.sign !== '-') current.newCount++;
    } else if (current) {
      hunks.push(current);
      current = undefined;
    }
    if (entry.sign !== '+') oldLine++;
    if (entry.sign !== '-') newLine++;
  }
  if (current) hunks.push(current);
  return hunks;
}

/** How many lines applying the hunks adds to the file (negative when it removes). */
export const lineShift = (hunks: readonly Hunk[]): number =>
  hunks.reduce((sum, hunk) => sum + hunk.newCount - hunk.oldCount, 0);

/**
 * Prints hunks as `diff -u` does. Whitespace that would be invisible is shown
 * on changed lines (`·` a trailing space, `→` a tab, `␍` a carriage return),
 * and every space of a pair that differs only in spacing.
 */
export function formatHunks(hunks: readonly Hunk[]): string {
  let text = '';
  for (const hunk of hunks) {
    text += `@@ -${hunk.oldStart},${hunk.oldCount} +${hunk.newStart},${hunk.newCount} @@\n`;
    for (const [index, line] of hunk.lines.entries()) {
      const previous = hunk.lines[index - 1];
      const next = hunk.lines[index + 1];
      // A pair that differs only in spacing shows every space, or the reader sees two equal lines.
      const onlySpacing =
        (line.sign === '-' && next?.sign === '+' && differsOnlyInWhitespace(line.text, next.text)) ||
        (line.sign === '+' && previous?.sign === '-' && differsOnlyInWhitespace(previous.text, line.text));
      text += `${line.sign}${escapeControls(line.sign === ' ' ? line.text : visibleWhitespace(line.text, onlySpacing))}\n`;
    }
  }
  return text;
}

function visibleWhitespace(text: string, everySpace: boolean): string {
  const marked = text.replace(/\t/g, '→').replace(/\r/g, '␍');
  return everySpace ? marked.replace(/ /g, '·') : marked.replace(/ +$/, (spaces) => '·'.repeat(spaces.length));
}

function differsOnlyInWhitespace(a: string, b: string): boolean {
  return a !== b && a.replace(/\s/g, '') === b.replace(/\s/g, '');
}

/**
 * Control characters shown as escapes (`\x1b`): output a report prints must
 * never drive the reader's terminal (set its title, clear the screen).
 */
export function escapeControls(text: string): string {
  return text.replace(
    /[\x00-\x08\x0b-\x1f\x7f\x9b]/g,
    (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}
