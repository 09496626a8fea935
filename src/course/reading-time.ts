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
  return Math.max(1, Math.ceil(countWords(prose) / WORDS_PER_MINUTE));
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** JavaScript's `\s`: what `split(/\s+/)` splits words at. */
const isSpace = (code: number) =>
  code === 32 ||
  (code >= 9 && code <= 13) ||
  (code >= 0xa0 &&
    (code === 0xa0 ||
      code === 0x1680 ||
      (code >= 0x2000 && code <= 0x200a) ||
      code === 0x2028 ||
      code === 0x2029 ||
      code === 0x202f ||
      code === 0x205f ||
      code === 0x3000 ||
      code === 0xfeff));

/**
 * How many whitespace-separated words hold a letter or a digit: what
 * `text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length` says, in one
 * pass over the text without a string per word (a build counts every lesson of every language).
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  let counted = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (isSpace(code)) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      counted = false;
    }
    if (counted) continue;
    const asciiLetter = (code | 32) >= 97 && (code | 32) <= 122;
    const letterOrNumber =
      (code >= 48 && code <= 57) ||
      asciiLetter ||
      (code >= 128 && LETTER_OR_NUMBER.test(String.fromCodePoint(text.codePointAt(index)!)));
    if (letterOrNumber) {
      words += 1;
      counted = true;
    }
  }
  return words;
}
