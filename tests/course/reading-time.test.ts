import { describe, expect, it } from 'vitest';
import { readingMinutes, WORDS_PER_MINUTE } from '../../src/course/reading-time';

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
