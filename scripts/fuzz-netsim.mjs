// A bounded fuzz run of netsim with the hostile shapes of tests/netsim/hostile-input.ts:
// `node scripts/fuzz-netsim.mjs [commands] [seed]` prints how many lines threw, how many
// took over a second, and the slowest.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [count = '2000', seed = '1'] = process.argv.slice(2);
const entry = `import fc from 'fast-check'; import { Host } from './src/netsim/index'; import { hostileLine } from './tests/netsim/hostile-input';
export { fc, Host, hostileLine };`;
// Bundled as for the browser, as netsim is (no Node-only import): CommonJS dependencies such as yaml keep working.
const bundle = await build({
  stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
  bundle: true,
  platform: 'browser',
  format: 'esm',
  write: false,
  logLevel: 'silent',
});
const dir = mkdtempSync(join(tmpdir(), 'netsim-fuzz-'));
writeFileSync(join(dir, 'fuzz.mjs'), bundle.outputFiles[0].text);
const { fc, Host, hostileLine } = await import(pathToFileURL(join(dir, 'fuzz.mjs')).href);
rmSync(dir, { recursive: true, force: true });

const lines = fc.sample(hostileLine, { numRuns: Number(count), seed: Number(seed) });
let threw = 0;
let slow = 0;
let slowest = { ms: 0, line: '' };
const slowLines = [];
const failures = new Map();
let host = Host.create({ seed: 1 });
for (const [index, line] of lines.entries()) {
  if (index % 20 === 0) host = Host.create({ seed: index });
  const start = performance.now();
  if (process.env.FUZZ_TRACE) process.stderr.write(`${index}: ${line.slice(0, 120)}\n`);
  try {
    host.run(line, { asRoot: line.startsWith('sudo ') });
  } catch (error) {
    threw++;
    failures.set(`${error.constructor.name}: ${error.message}`.slice(0, 120), line.slice(0, 100));
    host = Host.create({ seed: index });
  }
  const ms = performance.now() - start;
  if (ms > 1000) {
    slow++;
    slowLines.push(`${ms.toFixed(0)} ms: ${line.slice(0, 90)}`);
  }
  if (ms > slowest.ms) slowest = { ms, line };
}
console.log(
  `${lines.length} command lines (seed ${seed}): ${threw} threw, ${slow} took over 1 s; slowest ${slowest.ms.toFixed(0)} ms: ${slowest.line.slice(0, 80)}`,
);
for (const [message, line] of failures) console.log(`  ${message}\n    ${line}`);
if (process.env.FUZZ_TRACE) for (const line of slowLines) console.log(`  slow: ${line}`);
