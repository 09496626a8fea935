import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes, WORDS_PER_MINUTE } from '../../src/course/reading-time';

const words = (count: number) => Array.from({ length: count }, (_, index) => `palabra${index}`).join(' ');

describe('readingMinutes', () => {
  it('counts prose at the reading speed, rounded up, one minute at least', () => {
    expect(readingMinutes(words(WORDS_PER_MINUTE))).toBe(1);
    expect(readingMinutes(words(WORDS_PER_MINUTE + 1))).toBe(2);
    expect(readingMinutes('')).toBe(1);
  });

  it('leaves out the front matter, code blocks and their output, comments and tags, but keeps the text inside components', () => {
    const fence = '```console\n$ docker network ls\n' + `${words(2000)}\n` + '```';
    const text = [
      '---',
      `title: ${words(500)}`,
      '---',
      words(170),
      '',
      fence,
      '',
      `{/* ${words(900)} */}`,
      `<Hint>${'pista '.repeat(20)}</Hint>`,
      '<Goal id="a" kind="network" network="x">y</Goal>',
    ].join('\n');
    expect(readingMinutes(text)).toBe(2);
    expect(readingMinutes(text.replace('pista '.repeat(20), 'una'))).toBe(1);
  });

  it('ignores punctuation and markup that are not words', () => {
    expect(readingMinutes(`## ${words(WORDS_PER_MINUTE - 1)} — | --- | * [x](../y/)`)).toBe(1);
  });
});

describe('countWords', () => {
  const bySplitting = (text: string) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

  it.each([
    ['', 0],
    ['  uno dos\ttres\ncuatro  ', 4],
    ['— – … | --- * 42', 1],
    ['canção élan naïve', 3],
    ['a\u00a0b\u2003c\u3000d\ufeffe', 5],
    ['𝒜lgo \ud835 x', 2],
    ['\u0085a', 1],
    ['(docker) `ip` -- 2>&1', 3],
  ])('counts the words of %j as splitting at whitespace does', (text, count) => {
    expect(countWords(text)).toBe(count);
    expect(countWords(text)).toBe(bySplitting(text));
  });
});
