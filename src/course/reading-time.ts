import { memoByText } from './text-memo';

/** Words a reader gets through in a minute of technical prose in their own language. */
export const WORDS_PER_MINUTE = 180;

/**
 * Minutes a reader takes over a lesson: its prose (quiz and exercise text
 * included) at WORDS_PER_MINUTE, rounded up. Code blocks and command output are
 * left out: they are skimmed, or typed in the terminal, not read word by word.
 */
export const readingMinutes = memoByText(countReadingMinutes);

function countReadingMinutes(mdx: string): number {
  const prose = mdx
    .replace(/^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/, '')
    .replace(/^([ \t>]*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\1\2[ \t]*$/gm, ' ')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ');
  const words = prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}
