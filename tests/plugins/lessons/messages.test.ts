import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonFiles } from '../../../plugins/lessons/check-lessons';
import { main } from '../../../plugins/lessons/cli';
import { FenceOptionError, parseFenceOptions } from '../../../plugins/lessons/fence-options';
import { LessonError } from '../../../plugins/lessons/lesson-error';
import { readLessonSource } from '../../../plugins/lessons/lesson-source';
import { directoryCache } from '../../../plugins/lessons/result-cache';
import { escapeControls } from '../../../plugins/lessons/unified-diff';
import { fixtureCopy } from './lesson-fixtures';

const PATH = 'content/es/x.mdx';
const FRONT = '---\nlessonId: x\nsourceLocale: es\n---\n\n';

function errorOf(text: string): LessonError {
  try {
    readLessonSource(PATH, text);
  } catch (error) {
    if (error instanceof LessonError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('messages that say what is wrong, where', () => {
  it.each(['abc', '0x1', '1e0', '+1', '-1', '256'])('exit=%s is refused as what it is', (value) => {
    expect(() => parseFenceOptions(`exit=${value}`)).toThrow(FenceOptionError);
    expect(() => parseFenceOptions(`exit=${value}`)).toThrow(
      value === '256' ? /exit statuses go from 0 to 255/ : /exit takes a whole number from 0 to 255, e\.g\. exit=1/,
    );
  });

  it('takes exit=0 to exit=255 written as digits', () => {
    expect(parseFenceOptions('exit=1').exit).toBe(1);
    expect(parseFenceOptions('exit=255').exit).toBe(255);
    expect(parseFenceOptions('').exit).toBe(0);
  });

  it('blames a lone CR and a NUL for what they are, at their column', () => {
    const cr = errorOf(`${FRONT}\`\`\`console\n$ ip r\rx\n\`\`\`\n`);
    expect([cr.line, cr.column, cr.reason]).toEqual([
      7,
      7,
      'this line holds a carriage return (CR) that is not part of a CRLF line ending; remove it',
    ]);
    const nul = errorOf(`${FRONT}\`\`\`console\n$ ip\0 r\n\`\`\`\n`);
    expect([nul.line, nul.reason]).toEqual([7, 'this line holds a NUL character; remove it']);
  });

  it('places a YAML error at its line in the front matter', () => {
    const error = errorOf('---\nlessonId: x\ntitle: [unclosed\nsourceLocale: es\n---\n\nText.\n');
    expect(error.line).toBeGreaterThanOrEqual(3);
    expect(error.reason).toMatch(/^the front matter is not valid YAML: /);
  });

  it.each(['Console', 'shell-session', 'terminal'])('refuses a ```%s block, which would never be verified', (lang) => {
    const error = errorOf(`${FRONT}Text.\n\n\`\`\`${lang}\n$ ip r\n\`\`\`\n`);
    expect([error.line, error.reason]).toEqual([
      8,
      `a \`\`\`${lang} block is not verified against netsim: write \`\`\`console for a terminal session, or \`\`\`text for output that is not run`,
    ]);
  });

  it('says a file is not a lesson instead of printing a stack trace', () => {
    const root = fixtureCopy();
    writeFileSync(join(root, 'README.md'), '# x\n');
    expect(() => lessonFiles(root, ['README.md'])).toThrow(
      'README.md: not a lesson; lessons are .mdx files under content/<locale>/',
    );
    let err = '';
    const status = main(
      ['check', 'README.md'],
      { root, netsimVersion: 'test', cacheDirectory: join(root, 'cache') },
      { out: () => {}, err: (text) => (err += text), interactive: false },
    );
    expect(status).toBe(1);
    expect(err).toBe('README.md: not a lesson; lessons are .mdx files under content/<locale>/\n');
  });

  it('shows terminal control sequences escaped, never raw', () => {
    expect(escapeControls('\x1b]0;pwned\x07\x1b[2Jok\ttab')).toBe('\\x1b]0;pwned\\x07\\x1b[2Jok\ttab');
  });

  it('goes on, with one warning, when the results cache cannot be written', () => {
    const root = mkdtempSync(join(tmpdir(), 'cache-'));
    // A file where the cache folder should be: nothing can be written under it, whoever runs the test.
    writeFileSync(join(root, 'blocked'), '');
    const warnings: string[] = [];
    const cache = directoryCache(join(root, 'blocked', 'results'), (message) => warnings.push(message));
    cache.write('a', { steps: [], snapshot: {} as never });
    cache.write('b', { steps: [], snapshot: {} as never });
    expect(cache.read('a')).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/cannot be written \((ENOTDIR|EEXIST)\); lessons are checked without it$/);
    mkdirSync(join(root, 'ok'));
    chmodSync(join(root, 'ok'), 0o755);
  });
});
