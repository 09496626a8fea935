import type { ConsoleBlockSource } from './lesson-source';
import { isElidedLines } from './match-output';
import type { BlockVerdict } from './verify-lesson';

/** An output line as written, or a `[...]` with the lines netsim printed in its place. */
export type RenderedOutput = string | { omitted: string[] };

export interface RenderedStep {
  prompt: string;
  command: string;
  /** The command as the block shows it, here-document lines after their `> ` prompt, when it differs from `command`. */
  shown?: string;
  output: RenderedOutput[];
}

/** What a page shows of a block, read from the check's results: rendering never runs anything. */
export interface RenderedBlock {
  steps: RenderedStep[];
  /** verified: netsim printed this; norun: the lesson says it is not run; unchecked: verification was off. */
  status: 'verified' | 'norun' | 'unchecked';
}

export function renderedBlock(block: ConsoleBlockSource, verdict: BlockVerdict | undefined): RenderedBlock {
  const alignments = verdict?.status === 'verified' ? verdict.alignments : [];
  const printed = verdict?.status === 'verified' ? verdict.results : [];
  const steps = block.steps.map((step, index) => {
    const written = step.output.map((line) => line.text);
    const alignment = alignments[index];
    const shown = step.shown === undefined ? {} : { shown: step.shown };
    if (!alignment) return { prompt: step.prompt, command: step.command, ...shown, output: written.map(unelided) };
    const output: RenderedOutput[] = [];
    for (const op of alignment.ops) {
      if (op.kind !== 'keep') continue;
      const text = written[op.written]!;
      output.push(isElidedLines(text) ? { omitted: op.printed.map((line) => printed[index]!.output[line]!) } : text);
    }
    return { prompt: step.prompt, command: step.command, ...shown, output };
  });
  const status = block.options.norun ? 'norun' : verdict?.status === 'verified' ? 'verified' : 'unchecked';
  return { steps, status };
}

/** Without results, a `[...]` still reads as an omission, of lines the page cannot show. */
const unelided = (line: string): RenderedOutput => (isElidedLines(line) ? { omitted: [] } : line);
