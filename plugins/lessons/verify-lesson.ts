import type { StepResult } from '../../src/practice/session-host';
import { needlessInterrupt, overBudget } from './time-budget';
import type { ConsoleBlockSource, LessonSource, WrittenStep } from './lesson-source';
import { alignOutput, type Alignment } from './match-output';
import type { BlockRun, LessonRun } from './run-lesson';

/** Something a block shows that is not what netsim does, at the file line to fix. */
export type Finding =
  | {
      kind: 'output';
      step: number;
      line: number;
      alignment: Alignment;
      printed: string[];
    }
  | {
      kind: 'prompt';
      step: number;
      line: number;
      written: string;
      actual: string;
    }
  | {
      kind: 'exit';
      step: number;
      line: number;
      expected: number;
      actual: number;
    }
  | { kind: 'crash'; step: number; line: number; message: string }
  /** A command that ran past the budget of simulated time, or an `interrupt=` that stops nothing: `message` says which. */
  | { kind: 'time'; step: number; line: number; message: string; rewritable: boolean };

export type BlockVerdict =
  | {
      status: 'verified';
      block: ConsoleBlockSource;
      results: StepResult[];
      alignments: (Alignment | undefined)[];
    }
  | {
      status: 'failed';
      block: ConsoleBlockSource;
      results: StepResult[];
      findings: Finding[];
    }
  | { status: 'not-run'; block: ConsoleBlockSource; after: ConsoleBlockSource }
  | { status: 'norun'; block: ConsoleBlockSource };

/**
 * Compares what each block shows with what netsim printed. After a block fails,
 * the later blocks of its session are "not run" until one resets the host: what
 * they print depends on a state the lesson has already got wrong, and a cascade
 * of diffs would hide the one that matters. An update compares every block:
 * it rewrites them all from one run.
 */
export function verifyLesson(
  lesson: LessonSource,
  run: LessonRun,
  { stopAtFailure = true }: { stopAtFailure?: boolean } = {},
): BlockVerdict[] {
  const failedIn = new Map<string, ConsoleBlockSource>();
  return lesson.blocks.map((block, index) => {
    const result = run.blocks[index]!;
    if (result.kind === 'norun') return { status: 'norun', block };
    const session = block.options.session;
    if (block.options.reset) failedIn.delete(session);
    const earlier = failedIn.get(session);
    if (earlier) return { status: 'not-run', block, after: earlier };
    const verdict = verifyBlock(block, result);
    if (verdict.status === 'failed' && stopAtFailure) failedIn.set(session, block);
    return verdict;
  });
}

function verifyBlock(block: ConsoleBlockSource, run: Exclude<BlockRun, { kind: 'norun' }>): BlockVerdict {
  const findings: Finding[] = [];
  const alignments: (Alignment | undefined)[] = [];
  for (const [index, result] of run.steps.entries()) {
    const step = block.steps[index]!;
    const line = step.commandLines[0]!.line.number;
    // With interrupt= on the fence, Ctrl-C stopping a command is what the block shows.
    const overran = overBudget(
      block.options.interrupt === undefined ? result : { ...result, interrupted: false },
      true,
    );
    if (overran) {
      // What a runaway command printed is no output to diff a lesson against.
      findings.push({ kind: 'time', step: index, line, message: overran, rewritable: false });
      alignments.push(undefined);
      continue;
    }
    if (result.prompt !== step.prompt)
      findings.push({
        kind: 'prompt',
        step: index,
        line,
        written: step.prompt,
        actual: result.prompt,
      });
    // Setup blocks are not shown, so what they print is not part of the lesson; only their success is.
    if (block.options.setup) {
      alignments.push(undefined);
      continue;
    }
    const alignment = alignOutput(
      step.output.map((output) => output.text),
      result.output,
    );
    alignments.push(alignment);
    if (!alignment.matches)
      findings.push({
        kind: 'output',
        step: index,
        line: firstDifference(step, alignment),
        alignment,
        printed: result.output,
      });
  }
  const interrupt = block.options.interrupt;
  if (run.kind === 'ran' && interrupt !== undefined && !run.steps.some((result) => result.interrupted))
    findings.push({
      kind: 'time',
      step: 0,
      line: block.fence.number,
      message: needlessInterrupt(interrupt),
      rewritable: true,
    });
  if (run.kind === 'crashed') {
    findings.push({
      kind: 'crash',
      step: run.step,
      line: block.steps[run.step]!.commandLines[0]!.line.number,
      message: run.message,
    });
  } else {
    const last = run.steps.length - 1;
    const actual = run.steps[last]?.exitCode ?? 0;
    // A command stopped at the budget has no exit status of its own to hold the fence to.
    const overran = findings.some((finding) => finding.kind === 'time' && !finding.rewritable && finding.step === last);
    if (actual !== block.options.exit && !overran) {
      findings.push({
        kind: 'exit',
        step: last,
        line: block.steps[last]?.commandLines[0]!.line.number ?? block.fence.number,
        expected: block.options.exit,
        actual,
      });
    }
  }
  return findings.length === 0
    ? { status: 'verified', block, results: run.steps, alignments }
    : { status: 'failed', block, results: run.steps, findings };
}

/** The file line of the first written line that is wrong, or where a missing line belongs. */
export function firstDifference(step: WrittenStep, alignment: Alignment): number {
  let next = step.commandLines.at(-1)!.line.number + 1;
  for (const op of alignment.ops) {
    if (op.kind === 'delete') return step.output[op.written]!.line.number;
    if (op.kind === 'insert') return next;
    next = step.output[op.written]!.line.number + 1;
  }
  return next;
}
