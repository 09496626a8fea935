import { describe, expect, it } from 'vitest';
import { lessonFiles } from '../../../plugins/lessons/check-lessons';
import { main } from '../../../plugins/lessons/cli';
import { blockKey, sourceCache, type LessonProject } from '../../../plugins/lessons/result-cache';
import { corrupt, fixtureCopy, read, SOURCE_LESSON } from './lesson-fixtures';

const project = (root: string): LessonProject => ({ root, netsimVersion: 'test', cacheDirectory: `${root}/.cache` });

function run(argv: string[], root: string) {
  let out = '';
  let err = '';
  const status = main(argv, project(root), {
    out: (text) => (out += text),
    err: (text) => (err += text),
    interactive: false,
  });
  return { status, out, err };
}

describe('lessons CLI', () => {
  it('check: exits 0 and sums up when every block holds', () => {
    const { status, out } = run(['check'], fixtureCopy());
    expect(status).toBe(0);
    expect(out).toMatch(
      /^2 lessons: 8 blocks verified, 0 failed, 0 not run, 2 marked norun; 0 quiz questions, 0 failed \(\d+ blocks executed, the rest from the cache; [\d.]+ s\)\n$/,
    );
  });

  it('check: exits 1 with the diff and the command that fixes it; update fixes it and says what it changed', () => {
    const root = fixtureCopy();
    const original = read(root, SOURCE_LESSON);
    corrupt(root, SOURCE_LESSON, '-P OUTPUT ACCEPT\n-P POSTROUTING', '-P OUTPUT DROP\n-P POSTROUTING');
    const check = run(['check', SOURCE_LESSON], root);
    expect(check.status).toBe(1);
    expect(check.out).toContain('--P OUTPUT DROP\n+-P OUTPUT ACCEPT\n');
    expect(check.out).toContain(
      `To write netsim's output into the lessons, run:\n  npm run lessons:update -- ${SOURCE_LESSON}\n`,
    );
    const update = run(['update', SOURCE_LESSON], root);
    expect(update).toEqual({
      status: 0,
      err: '',
      out: `${SOURCE_LESSON}:42: block 3: 1 line(s) replaced by 1 after \`iptables -t nat -S\`\n1 lessons: 1 rewritten, 0 already right\n`,
    });
    expect(read(root, SOURCE_LESSON)).toBe(original);
    expect(run(['update', SOURCE_LESSON], root).out).toBe('1 lessons: 0 rewritten, 1 already right\n');
  });

  it('update leaves every lesson, rewritten or not, read for the build after it', () => {
    const root = fixtureCopy();
    corrupt(root, SOURCE_LESSON, '-P OUTPUT ACCEPT\n-P POSTROUTING', '-P OUTPUT DROP\n-P POSTROUTING');
    expect(run(['update'], root).status).toBe(0);
    const sources = sourceCache(project(root));
    for (const path of lessonFiles(root))
      expect(sources.read(blockKey(sources.version, [[path, read(root, path)]])), path).toBeDefined();
  });

  it('refuses unknown commands, options and paths', () => {
    const root = fixtureCopy();
    expect(run(['verify'], root)).toMatchObject({
      status: 2,
      err: expect.stringContaining('Usage: npm run lessons:check'),
    });
    expect(run(['check', '--fast'], root)).toMatchObject({
      status: 2,
      err: expect.stringMatching(/^unknown option --fast\n/),
    });
    expect(run(['check', 'content/xx/none.mdx'], root)).toMatchObject({
      status: 1,
      err: 'content/xx/none.mdx: no such file or folder\n',
    });
  });
});
