import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const netsim = join(root, 'src/netsim');
const sources = readdirSync(netsim, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.ts'))
  .map((path) => ({ path: relative(root, join(netsim, path)), text: readFileSync(join(netsim, path), 'utf8') }));

describe('netsim runs in a browser and is deterministic', () => {
  it('imports nothing from node:', () => {
    expect(
      sources.filter(({ text }) => /from ['"]node:|require\(['"]node:/.test(text)).map(({ path }) => path),
    ).toEqual([]);
  });

  it('never reads the wall clock or an unseeded random source', () => {
    const offenders = sources.filter(({ text }) =>
      /Date\.now\(|Math\.random\(|new Date\(\)|randomUUID|performance\.now\(/.test(text),
    );
    expect(offenders.map(({ path }) => path)).toEqual([]);
  });

  it('bundles for the browser platform', async () => {
    const result = await build({
      entryPoints: [join(netsim, 'index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0]!.text).toContain('SIMULATED_DOCKER_VERSION');
  });
});
