import fc from 'fast-check';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateLesson } from '../../../plugins/lessons/update-lessons';
import { FIXTURES, memoryCache, options, read, SOURCE_LESSON, write } from './lesson-fixtures';

/** Commands whose real output the fixture lesson holds and that change nothing, so any order of them is a valid session. */
function realSteps(): { command: string; output: string[] }[] {
  const lesson = read(FIXTURES, SOURCE_LESSON);
  const steps: { command: string; output: string[] }[] = [];
  for (const block of lesson.matchAll(/^( *)```console[^\n]*\n([\s\S]*?)^ *```/gm)) {
    const indent = block[1]!;
    const lines = block[2]!.split('\n').map((line) => line.slice(indent.length));
    lines.pop();
    if (!/^[$#] /.test(lines[0]!) || lines[0]!.includes('docker run')) continue;
    steps.push({ command: lines[0]!, output: lines.slice(1).filter((line) => line !== '[...]') });
  }
  // The fixture elides some lines; only whole real outputs go in the pool.
  return steps.filter((step) => step.command !== '# iptables -S');
}

const STEPS = realSteps();
const FAILING = '$ ip addr show nosuchdev';

const elided = (output: string[]) =>
  fc.oneof(
    fc.constant(output),
    // [...] over a run of lines.
    fc
      .tuple(fc.nat(output.length), fc.nat(output.length))
      .map(([a, b]) => [...output.slice(0, Math.min(a, b)), '[...]', ...output.slice(Math.max(a, b))]),
    // [..] over the end of one line.
    fc
      .nat(output.length - 1)
      .map((index) => output.map((line, at) => (at === index && line.length > 4 ? `${line.slice(0, 4)}[..]` : line))),
  );

const step = fc
  .constantFrom(...STEPS)
  .chain((chosen) => elided(chosen.output).map((output) => [chosen.command, ...output]));
const block = fc.record({
  steps: fc.array(step, { minLength: 1, maxLength: 3 }),
  inComponent: fc.boolean(),
  session: fc.constantFrom('', ' session=other'),
});
const prose = fc.constantFrom(
  'Texto de la lección.',
  'Un párrafo con `código` y **negrita**.',
  '<Note>Un aviso</Note>',
  '## Un título',
  '- una lista\n- de dos',
);

type Generated = {
  parts: (string | { steps: string[][]; inComponent: boolean; session: string })[];
  eol: string;
  finalNewline: boolean;
};

const lesson: fc.Arbitrary<Generated> = fc.record({
  parts: fc.array(fc.oneof(prose, block), { minLength: 1, maxLength: 6 }),
  eol: fc.constantFrom('\n', '\r\n'),
  finalNewline: fc.boolean(),
});

function render({ parts, eol, finalNewline }: Generated): string {
  const chunks = ['---', 'lessonId: generated', 'sourceLocale: es', '---', '{/* A note for translators. */}', ''];
  for (const part of parts) {
    if (typeof part === 'string') chunks.push(part, '');
    else {
      const lines = part.steps.flat();
      const failing = part.steps.at(-1)![0] === FAILING;
      const fence = [`\`\`\`console${part.session}${failing ? ' exit=1' : ''}`, ...lines, '```'];
      if (part.inComponent) chunks.push('<Note>', '', ...fence.map((line) => `  ${line}`), '</Note>', '');
      else chunks.push(...fence, '');
    }
  }
  const text = chunks.join('\n').replace(/\n+$/, '') + (finalNewline ? '\n' : '');
  return text.replace(/\n/g, eol);
}

describe('lessons:update over generated lessons', () => {
  const cache = memoryCache();
  const root = mkdtempSync(join(tmpdir(), 'lessons-generated-'));
  mkdirSync(join(root, 'content', 'es'), { recursive: true });
  const path = 'content/es/generated.mdx';

  it('leaves a correct lesson byte for byte as it was, and restores any single wrong output line', () => {
    fc.assert(
      fc.property(lesson, fc.nat(), (generated, pick) => {
        const original = render(generated);
        write(root, path, original);
        const outcome = updateLesson(path, options(root, cache));
        expect(outcome).toMatchObject({ written: false, changes: [], refusals: [] });
        expect(read(root, path)).toBe(original);

        const lines = original.split(/(?<=\n)/);
        const outputs = lines
          .map((line, index) => ({ line, index }))
          .filter(({ line }) => /^ *(-[PAN] |\d+: |    |Device)/.test(line) && !line.includes('[..'));
        if (outputs.length === 0) return;
        const target = outputs[pick % outputs.length]!;
        lines[target.index] = target.line.replace(/(\r?\n)?$/, ' WRONG$1');
        write(root, path, lines.join(''));
        expect(updateLesson(path, options(root, cache)).written).toBe(true);
        expect(read(root, path)).toBe(original);
      }),
      { numRuns: 60 },
    );
  });
});
