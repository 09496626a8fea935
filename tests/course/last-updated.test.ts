import { describe, expect, it } from 'vitest';
import { lastCommitDates, parseGitLog, type GitRunner } from '../../src/course/last-updated';

const log = [
  '\u00002026-03-02T10:00:00+01:00',
  '',
  'content/fr/default-bridge.mdx',
  '\u00002026-02-01T09:00:00+00:00',
  '\u00002026-01-15T08:00:00+00:00',
  '',
  'content/es/default-bridge.mdx',
  'content/fr/default-bridge.mdx',
  '',
].join('\n');

describe('lesson dates from git', () => {
  it('takes the newest commit that touched each file', () => {
    expect(parseGitLog(log)).toEqual(
      new Map([
        ['content/fr/default-bridge.mdx', '2026-03-02T10:00:00+01:00'],
        ['content/es/default-bridge.mdx', '2026-01-15T08:00:00+00:00'],
      ]),
    );
  });

  it('asks git once, for the whole folder', () => {
    const calls: string[][] = [];
    const run: GitRunner = (args) => {
      calls.push(args);
      return args[0] === 'rev-parse' ? 'false\n' : log;
    };
    expect(lastCommitDates('content', run).get('content/es/default-bridge.mdx')).toBe('2026-01-15T08:00:00+00:00');
    expect(calls.map((args) => args[0])).toEqual(['rev-parse', 'log']);
  });

  it('gives no date in a shallow clone, where the oldest commit there would claim every file', () => {
    const run: GitRunner = (args) => (args[0] === 'rev-parse' ? 'true\n' : log);
    expect(lastCommitDates('content', run).size).toBe(0);
  });

  it('gives no date without git or outside a repository', () => {
    const run: GitRunner = () => {
      throw new Error('spawn git ENOENT');
    };
    expect(lastCommitDates('content', run).size).toBe(0);
  });
});
