#!/usr/bin/env node
// lessons check|update [--no-cache] [paths...]: verify lessons' console blocks against
// netsim, or write netsim's output into them. See plugins/lessons/cli.ts.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Bundled next to the other caches: Node runs TypeScript only with explicit extensions,
// and the sources import without them, as Vite and Astro expect.
const bundle = join(root, 'node_modules', '.cache', 'lessons-cli', 'cli.mjs');
mkdirSync(dirname(bundle), { recursive: true });
try {
  await build({
    entryPoints: [join(root, 'plugins', 'lessons', 'cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: bundle,
    logLevel: 'warning',
  });
} catch {
  // esbuild has already printed where the sources fail to compile.
  process.exit(1);
}
const { main, lessonProject } = await import(pathToFileURL(bundle).href);
const project = lessonProject(root);
// npm runs scripts from the project root; paths are read from where the user typed them.
const typedIn = process.env.INIT_CWD ?? process.cwd();
const [command, ...rest] = process.argv.slice(2);
const argv = [
  command,
  ...rest.map((arg) => (arg.startsWith('-') ? arg : relative(root, resolve(typedIn, arg)) || '.')),
];
process.exitCode = main(argv, project, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY),
});
