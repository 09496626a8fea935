import { memoByText } from './text-memo';

/** How many quiz questions and exercises a lesson has: a lesson is done when all are right or done. */
export interface PracticeCounts {
  questions: number;
  exercises: number;
}

/**
 * Counts `<Question` and `<Exercise` elements that start a line of the MDX, outside
 * code fences (an example of the syntax in a fence is not a question).
 */
export const practiceCounts = memoByText(countPractice);

function countPractice(mdx: string): PracticeCounts {
  const outsideFences = mdx.replace(/^([ \t>]*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\1\2[ \t]*$/gm, ' ');
  const count = (element: string) => outsideFences.match(new RegExp(`^[ \\t]*<${element}[\\s>]`, 'gm'))?.length ?? 0;
  return { questions: count('Question'), exercises: count('Exercise') };
}
