import { promptOf } from '../console/prompts';
import type { LessonSource, WrittenStep } from './lesson-source';
import { alignOutput } from './match-output';
import { dominantEol } from './source-lines';
import { firstDifference, type BlockVerdict } from './verify-lesson';

/** Bytes `[start, end)` of the file become `text`. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

export interface PlannedChange {
  line: number;
  block: number;
  description: string;
}

/** Something the update will not write, and why: the author decides. */
export interface Refusal {
  line: number;
  message: string;
}

export interface UpdatePlan {
  splices: Splice[];
  changes: PlannedChange[];
  refusals: Refusal[];
}

/**
 * What `lessons:update` would change: for each step whose output no longer
 * holds, the written lines that are wrong become what netsim printed. Lines
 * that still hold (elisions included) keep their bytes, new lines take the
 * block's indentation and the file's line ending, and `pin`, `setup` and
 * `norun` blocks are never touched.
 */
export function planUpdate(lesson: LessonSource, verdicts: readonly BlockVerdict[]): UpdatePlan {
  const plan: UpdatePlan = { splices: [], changes: [], refusals: [] };
  const eol = dominantEol(lesson.lines);
  for (const verdict of verdicts) {
    if (verdict.status !== 'failed' && verdict.status !== 'verified') continue;
    const { block, results } = verdict;
    if (verdict.status === 'failed') {
      for (const finding of verdict.findings) {
        if (finding.kind === 'exit')
          plan.refusals.push({
            line: finding.line,
            message: `exit status ${finding.actual}, fence expects ${finding.expected}: fix the fence or the commands`,
          });
        if (finding.kind === 'crash')
          plan.refusals.push({
            line: finding.line,
            message: 'netsim failed on this command; nothing after it in the block is rewritten',
          });
      }
      const overran = verdict.findings.filter((finding) => finding.kind === 'time' && !finding.rewritable);
      for (const finding of overran)
        plan.refusals.push({
          line: finding.line,
          message:
            'this command runs past the time a lesson command may take; nothing in this block is rewritten until it ends in time',
        });
      if (overran.length > 0) continue;
    }
    if (block.options.pin || block.options.setup) continue;
    for (const [index, result] of results.entries()) {
      const step = block.steps[index]!;
      const promptSplice = planPrompt(step, result.prompt);
      if (promptSplice) {
        plan.splices.push(promptSplice);
        plan.changes.push({
          line: step.commandLines[0]!.line.number,
          block: block.index,
          description: `prompt "${step.prompt}" → "${result.prompt}"`,
        });
      }
      planOutput(plan, block.index, step, result.output, eol);
    }
  }
  return plan;
}

function planPrompt(step: WrittenStep, actual: string): Splice | undefined {
  if (actual === step.prompt) return undefined;
  const first = step.commandLines[0]!;
  const start = first.line.start + first.prefix.length;
  return { start, end: start + step.prompt.length, text: actual };
}

function planOutput(
  plan: UpdatePlan,
  block: number,
  step: WrittenStep,
  printed: readonly string[],
  fileEol: '\n' | '\r\n',
): void {
  const alignment = alignOutput(
    step.output.map((line) => line.text),
    printed,
  );
  if (alignment.matches) return;
  const commandLine = step.commandLines.at(-1)!;
  const lookLikePrompts = printed.filter((line) => promptOf(line) !== undefined);
  if (lookLikePrompts.length > 0) {
    plan.refusals.push({
      line: commandLine.line.number,
      message: `not written: netsim prints ${JSON.stringify(lookLikePrompts[0])}, which the block would read as a command; pipe the output through a filter (grep -v, sed) or show it in a text block`,
    });
    return;
  }
  const prefix = step.commandLines[0]!.prefix;
  const eol = step.output[0]?.line.eol || commandLine.line.eol || fileEol;
  let text = '';
  let deleted = 0;
  let inserted = 0;
  for (const op of alignment.ops) {
    if (op.kind === 'keep') {
      const line = step.output[op.written]!.line;
      text += line.text + (line.eol || eol);
    } else if (op.kind === 'insert') {
      text += prefix + printed[op.printed] + eol;
      inserted++;
    } else deleted++;
  }
  const region = outputRegion(step);
  // The region's last line may be the file's last, without an ending: the rewrite ends as it did.
  if (region.lastEol === '' && text.endsWith(eol)) text = text.slice(0, -eol.length);
  if (region.needsLeadingEol) text = eol + text;
  plan.splices.push({ start: region.start, end: region.end, text });
  plan.changes.push({
    line: firstDifference(step, alignment),
    block,
    description: `${deleted} line(s) replaced by ${inserted} after \`${step.command.split('\n')[0]}\``,
  });
}

/** The bytes of a step's output lines, or the empty place after its command where output goes. */
function outputRegion(step: WrittenStep): {
  start: number;
  end: number;
  lastEol: string;
  needsLeadingEol: boolean;
} {
  const first = step.output[0];
  const last = step.output.at(-1);
  if (first && last) {
    return {
      start: first.line.start,
      end: last.line.start + last.line.text.length + last.line.eol.length,
      lastEol: last.line.eol,
      needsLeadingEol: false,
    };
  }
  const command = step.commandLines.at(-1)!.line;
  const end = command.start + command.text.length + command.eol.length;
  return {
    start: end,
    end,
    lastEol: command.eol === '' ? '' : '\n',
    needsLeadingEol: command.eol === '',
  };
}

/**
 * Applies splices from the end of the file backwards, so earlier offsets stay
 * valid; at one offset a replacement goes before an insertion there.
 */
export function applySplices(text: string, splices: readonly Splice[]): string {
  let result = text;
  for (const splice of [...splices].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, splice.start) + splice.text + result.slice(splice.end);
  }
  return result;
}
