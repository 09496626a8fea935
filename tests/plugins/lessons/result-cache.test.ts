import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLessons } from '../../../plugins/lessons/check-lessons';
import { blockKey, directoryCache, netsimVersion } from '../../../plugins/lessons/result-cache';
import { corrupt, fixtureCopy, options, read, SOURCE_LESSON } from './lesson-fixtures';

describe('the result cache on disk', () => {
  it('gives later blocks a host restored from an earlier block’s snapshot', () => {
    const root = fixtureCopy();
    const directory = mkdtempSync(join(tmpdir(), 'lesson-cache-'));
    const cold = checkLessons([SOURCE_LESSON], options(root, directoryCache(directory)));
    expect(cold.checks[0]!.run.executed).toBe(4);
    expect(readdirSync(directory)).toHaveLength(4);
    // Editing the third block re-runs it and the fourth, on the host the second left behind.
    const block3 = read(root, SOURCE_LESSON).match(/# iptables -t nat -S\n[^`]*/)![0];
    corrupt(root, SOURCE_LESSON, block3, '# iptables -t nat -S OUTPUT\n[...]\n');
    const warm = checkLessons([SOURCE_LESSON], options(root, directoryCache(directory)));
    expect(warm.checks[0]!.run.executed).toBe(2);
    // The translation now differs from its source, which is reported apart; the blocks themselves hold.
    expect(warm.checks[0]!.verdicts.map((verdict) => verdict.status)).toEqual([
      'verified',
      'verified',
      'verified',
      'verified',
      'norun',
    ]);
  });

  it('treats an unreadable entry as a miss', () => {
    const cache = directoryCache(mkdtempSync(join(tmpdir(), 'lesson-cache-')));
    expect(cache.read('missing')).toBeUndefined();
  });

  it('chains keys: the same commands after different blocks are different keys', () => {
    const commands = [['$ ', 'docker network ls']] as const;
    expect(blockKey('a', commands)).not.toBe(blockKey('b', commands));
    expect(blockKey('a', commands)).toBe(blockKey('a', [['$ ', 'docker network ls']]));
    expect(blockKey('a', commands)).not.toBe(blockKey('a', [['# ', 'docker network ls']]));
  });

  it('versions netsim by its sources', () => {
    expect(netsimVersion(process.cwd())).toMatch(/^[0-9a-f]{16}$/);
  });
});
