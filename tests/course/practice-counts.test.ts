import { describe, expect, it } from 'vitest';
import { practiceCounts } from '../../src/course/practice-counts';

describe('practiceCounts', () => {
  it('counts the questions and exercises of a lesson, not the ones shown in a fence', () => {
    const mdx = [
      '## Práctica',
      '<Exercise id="dns" fresh>',
      '  Tarea.',
      '</Exercise>',
      '',
      '```mdx',
      '<Question id="example" kind="single">',
      '```',
      '',
      '<Quiz>',
      '',
      '<Question id="one" kind="single">',
      '</Question>',
      '',
      '<Question id="two" kind="command" answer="docker network ls"',
      '  compare="output">',
      '</Question>',
      '',
      '</Quiz>',
    ].join('\n');
    expect(practiceCounts(mdx)).toEqual({ questions: 2, exercises: 1 });
  });

  it('finds nothing in a lesson without practice', () => {
    expect(practiceCounts('## Solo texto\n\nUna <Questionable> palabra.\n')).toEqual({ questions: 0, exercises: 0 });
  });
});
