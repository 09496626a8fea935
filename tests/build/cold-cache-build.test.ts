import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBin, siteCopyWith } from './site-copy';

const lesson = readFileSync(join(import.meta.dirname, 'fixtures/build-probe.mdx'), 'utf8');

describe('astro build with an empty result cache', () => {
  const project = siteCopyWith({ 'content/es/build-probe.mdx': lesson });
  const cache = mkdtempSync(join(tmpdir(), 'lesson-results-'));

  afterAll(() => {
    rmSync(project, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  // Astro loads the config through Vite's module runner and closes it before the check runs: netsim, imported
  // on the first miss, must still load (plugins/lessons/load-simulator.ts).
  it('loads netsim for the lessons the cache lacks, and verifies them', () => {
    const result = spawnSync(process.execPath, [astroBin, 'build'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', LESSONS_CACHE_DIR: cache },
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(output).toMatch(/\[lessons-check\] \d+ console blocks in 1 lessons verified against netsim/);
    expect(result.status).toBe(0);
  }, 120_000);
});
