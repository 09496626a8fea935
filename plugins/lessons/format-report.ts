import type { LessonSource } from './lesson-source';
import { escapeControls, formatHunks, lineShift, stepHunks } from './unified-diff';
import type { BlockVerdict, Finding } from './verify-lesson';
import type { QuestionFinding } from '../quiz/verify-question';

/** Where a block is, as a reader of the report finds it: its number in the lesson and its fence line. */
export const blockName = (verdict: { block: { index: number; fence: { number: number } } }): string =>
  `block ${verdict.block.index + 1} (line ${verdict.block.fence.number})`;

/**
 * The report for one lesson's failed and not-run blocks: each finding at
 * `file:line:column`, the lesson and block, and for outputs a unified diff
 * with the file's own line numbers.
 */
export function formatLessonReport(
  lesson: LessonSource,
  verdicts: readonly BlockVerdict[],
  questionFindings: readonly QuestionFinding[] = [],
): string {
  let text = '';
  let shift = 0;
  for (const verdict of verdicts) {
    if (verdict.status === 'failed') {
      for (const finding of verdict.findings) {
        const step = verdict.block.steps[finding.step]!;
        const column = step.commandLines[0]!.prefix.length + 1;
        text += `${lesson.path}:${finding.line}:${finding.kind === 'output' ? 1 : column}: ${describe(finding)}\n`;
        text += `  lesson ${lesson.lessonId}, ${blockName(verdict)}, command: ${step.command.split('\n')[0]}\n`;
        if (finding.kind === 'output') {
          const hunks = stepHunks(step, finding.alignment, finding.printed, shift);
          shift += lineShift(hunks);
          text += `--- ${lesson.path} (written)\n+++ ${lesson.path} (netsim)\n${formatHunks(hunks)}`;
        }
        if (finding.kind === 'crash') text += indent(escapeControls(finding.message));
      }
    } else if (verdict.status === 'not-run') {
      text += `${lesson.path}:${verdict.block.fence.number}:${verdict.block.column}: not run: ${blockName({ block: verdict.after })} of session "${verdict.block.options.session}" failed first\n`;
    }
  }
  for (const finding of questionFindings)
    text += `${lesson.path}:${finding.line}:${finding.column}: ${escapeControls(finding.message)}\n`;
  return text;
}

function describe(finding: Finding): string {
  switch (finding.kind) {
    case 'output':
      return 'the output written here is not what netsim prints';
    case 'prompt':
      return `the prompt here is "${finding.actual}", not "${finding.written}"`;
    case 'exit':
      return finding.expected === 0
        ? `the block's last command exits with status ${finding.actual}; if that failure is the point, add exit=${finding.actual} to the fence`
        : `the block's last command exits with status ${finding.actual}, but the fence says exit=${finding.expected}`;
    case 'crash':
      return 'netsim failed on this command (a simulator bug, not a mistake in the lesson):';
    case 'time':
      return finding.message;
  }
}

const indent = (text: string): string =>
  text
    .split('\n')
    .slice(0, 8)
    .map((line) => `    ${line}\n`)
    .join('');
