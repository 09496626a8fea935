// Measures checking every lesson's console blocks against netsim, as the build does:
// cold (an empty result cache: every block runs) and warm (nothing changed: nothing runs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const cache = mkdtempSync(join(tmpdir(), 'lessons-bench-'));

function check(label) {
  const start = performance.now();
  // The CLI with its cache pointed at a fresh folder; the wall time includes bundling the CLI (~0.2 s).
  const run = spawnSync(process.execPath, ['scripts/lessons.mjs', 'check'], {
    encoding: 'utf8',
    env: { ...process.env, LESSONS_CACHE_DIR: cache },
  });
  const seconds = (performance.now() - start) / 1000;
  const summary = run.stdout.trim().split('\n').at(-1);
  console.log(`${label.padEnd(38)} ${seconds.toFixed(2)} s   ${summary}`);
}

check('lessons:check, cold cache');
check('lessons:check, warm cache');
rmSync(cache, { recursive: true, force: true });
