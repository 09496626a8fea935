import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLessons } from '../../plugins/lessons/check-lessons';
import { cacheDirectory, directoryCache, netsimVersion } from '../../plugins/lessons/result-cache';
import { stripSgr } from '../../src/practice/sgr';
import { TerminalSimulation } from '../../src/terminal/terminal-session';

const root = resolve(import.meta.dirname, '../..');
const report = checkLessons([], {
  root,
  netsimVersion: netsimVersion(root),
  cache: directoryCache(cacheDirectory(root)),
});
const blocks = report.checks.flatMap((check) =>
  check.verdicts.flatMap((verdict, index) =>
    verdict.status === 'verified' && !verdict.block.options.setup
      ? [
          {
            name: `${check.lesson.path} block ${index + 1} (line ${verdict.block.fence.number})`,
            verdict,
            start: check.run.starts[index]!,
          },
        ]
      : [],
  ),
);

describe('"Try it" on every verified block of every lesson', () => {
  it('covers the whole course', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(60);
  });

  it.each(blocks.map((block) => [block.name, block] as const))(
    '%s: retyped in the terminal, each command prints what the page shows',
    (_name, { verdict, start }) => {
      const terminal = new TerminalSimulation(start);
      for (const [index, step] of verdict.block.steps.entries()) {
        expect(terminal.prompt()).toBe(verdict.results[index]!.prompt === '# ' ? '$ ' : verdict.results[index]!.prompt);
        // A `# ` prompt types as root; the terminal's reader types sudo, so the test does too.
        const typed = verdict.results[index]!.prompt === '# ' ? `sudo ${step.command}` : step.command;
        // The page's terminal is as wide as the block's (cols=N, 80 by default).
        let outcome = terminal.run(typed, verdict.block.options.cols);
        // The build presses Ctrl-C after four seconds in a command that never ends by itself.
        if (outcome.kind === 'endless') outcome = terminal.interrupt(4);
        expect(outcome.kind).toBe('done');
        // The terminal shows bold where the page shows the same text plain.
        const output = outcome.kind === 'done' ? stripSgr(outcome.output) : '';
        expect(output === '' ? [] : output.replace(/\n$/, '').split('\n')).toEqual(verdict.results[index]!.output);
      }
    },
  );
});
