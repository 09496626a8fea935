// Replays the learner corpus (tests/netsim/learner/lines.txt), session by session, and
// prints how many lines netsim refuses (command not found, unknown option, usage, not
// simulated), then each refused line with what it said, grouped by command:
// `node scripts/learner-corpus.mjs [--all]` (--all also lists the lines a real host refuses too).
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const entry = `export { replayCorpus } from './tests/netsim/learner/corpus';`;
// Bundled as for the browser, as netsim is (no Node-only import).
const bundle = await build({
  stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
  bundle: true,
  platform: 'browser',
  format: 'esm',
  write: false,
  logLevel: 'silent',
});
const dir = mkdtempSync(join(tmpdir(), 'netsim-corpus-'));
writeFileSync(join(dir, 'corpus.mjs'), bundle.outputFiles[0].text);
const { replayCorpus } = await import(pathToFileURL(join(dir, 'corpus.mjs')).href);
rmSync(dir, { recursive: true, force: true });

const lines = replayCorpus(readFileSync('tests/netsim/learner/lines.txt', 'utf8'));
const realRefusals = lines.filter((line) => line.refusedByRealHost);
const refused = lines.filter((line) => line.refusal && !line.refusedByRealHost);
const percent = (count) => `${((100 * count) / lines.length).toFixed(1)}%`;
console.log(`${lines.length} lines in ${new Set(lines.map((line) => line.session)).size} sessions`);
console.log(`refused by netsim: ${refused.length} (${percent(refused.length)})`);
console.log(`refused by a real host too (marked #= real:): ${realRefusals.length}`);

const byCommand = new Map();
for (const line of refused) {
  const words = line.line.replace(/^sudo /, '').split(/\s+/);
  const command = words[0] === 'docker' ? `docker ${words[1]}` : words[0];
  byCommand.set(command, [...(byCommand.get(command) ?? []), line]);
}
for (const [command, group] of [...byCommand].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`\n${group.length}  ${command}`);
  for (const line of group)
    console.log(`    [${line.session}] ${line.line.split('\n')[0]}\n        ${line.refusal}: ${line.said}`);
}
if (process.argv.includes('--all')) {
  console.log('\nrefused by a real host too:');
  for (const line of realRefusals)
    console.log(`    [${line.session}] ${line.line}  (${line.refusedByRealHost}; netsim: ${line.refusal ?? 'ran'})`);
}
