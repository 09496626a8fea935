import { describe, expect, it } from 'vitest';
import { LessonError } from '../../../plugins/lessons/lesson-error';
import { readLessonSource } from '../../../plugins/lessons/lesson-source';

const FRONT = '---\nlessonId: x\nsourceLocale: es\n---\n\n';
const read = (body: string, front = FRONT) => readLessonSource('content/es/x.mdx', front + body);

function refusal(body: string): string {
  try {
    read(body);
  } catch (error) {
    if (error instanceof LessonError) return `${error.line}:${error.column}: ${error.reason}`;
    throw error;
  }
  return 'accepted';
}

describe('lessons hold no code', () => {
  it.each([
    [
      'a script element',
      'Text.\n\n<script>alert(1)</script>\n',
      /^8:1: a <script> element runs or embeds code in the reader's browser: .*"allowCode: \[script\]"/,
    ],
    ['an iframe', '<iframe src="https://example.org" />\n', /^6:1: a <iframe> element runs or embeds code/],
    [
      'an inline event handler',
      'Text <span onClick="alert(1)">here</span>.\n',
      /^6:6: an inline event handler \(onClick\) runs code in the reader's browser/,
    ],
    ['a javascript: link', 'A [link](javascript:alert(1)).\n', /^6:3: a javascript: URL runs code when clicked/],
    [
      'a javascript: href',
      '<a href=" JavaScript:alert(1)">x</a>\n',
      /^6:1: a javascript: URL in href= runs code when used/,
    ],
    [
      'an expression between two comments',
      'Text {/* a */ JSON.stringify(process.env) /* b */}.\n',
      /^6:6: a \{JavaScript expression\} runs code at build time/,
    ],
    [
      'a javascript: URL with a tab in its scheme',
      '<a href="java&#9;script:alert(1)">x</a>\n',
      /^6:1: a javascript: URL in href= runs code when used/,
    ],
    ['an import', "import X from '../../src/x';\n\nText.\n", /^6:1: an MDX import or export runs code at build time/],
    ['an export', 'export const x = 1;\n\nText.\n', /^6:1: an MDX import or export runs code at build time/],
    ['an expression', 'Two is {1 + 1}.\n', /^6:8: a \{JavaScript expression\} runs code at build time/],
    [
      'an expression prop',
      'Text <abbr title={1}>x</abbr>.\n',
      /^6:6: a \{JavaScript expression\} in title= runs code at build time/,
    ],
    ['a spread of props', 'Text <abbr {...x}>x</abbr>.\n', /^6:6: a \{\.\.\.spread\} of props runs code at build time/],
  ])('refuses %s, at its place', (_name, body, message) => {
    expect(refusal(body)).toMatch(message);
  });

  it('accepts prose, Markdown, links and comments', () => {
    expect(
      refusal('Some **bold** text, [a link](https://docs.docker.com/) and `code`.\n\n{/* a note for translators */}\n'),
    ).toBe('accepted');
  });

  it('accepts code a maintainer allowed in the front matter', () => {
    const front = '---\nlessonId: x\nsourceLocale: es\nallowCode:\n  - expression\n---\n\n';
    expect(() => read('Two is {1 + 1}.\n', front)).not.toThrow();
    expect(() => read('<script>1</script>\n', front)).toThrow(LessonError);
  });
});
