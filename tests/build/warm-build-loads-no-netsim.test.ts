import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLessons } from '../../plugins/lessons/check-lessons';
import { directoryCache, lessonProject, sourceCache } from '../../plugins/lessons/result-cache';

const root = resolve(import.meta.dirname, '../..');

/**
 * The few netsim modules the lesson readers need: the shell's test for a command
 * that goes on to the next line, and the Docker release that pages name. The
 * simulator itself (some 500 modules) is for lessons the result cache lacks.
 */
const READERS_NETSIM = [
  'src/netsim/cli/docker/release.ts',
  'src/netsim/clock.ts',
  'src/netsim/engine/host-processes.ts',
  'src/netsim/release.ts',
  'src/netsim/shell/continuation.ts',
  'src/netsim/shell/lexer.ts',
  'src/netsim/shell/parser.ts',
];

/**
 * In a Node process of its own: astro.config.mjs is imported, then the lessons-check
 * integration's setup runs as `astro build` runs it. Prints the project's modules
 * that were evaluated, relative to the root.
 */
function modulesOfAWarmBuild(): string[] {
  const script = `
    const { default: config } = await import(${JSON.stringify(pathToFileURL(join(root, 'astro.config.mjs')).href)});
    const check = config.integrations.find((integration) => integration.name === 'lessons-check');
    const quiet = { info() {}, warn() {} };
    await check.hooks['astro:config:setup']({ command: 'build', logger: quiet, updateConfig() {} });`;
  const output = execFileSync(
    process.execPath,
    // Type stripping does not rewrite constructors' parameter properties, which the sources use: transform them.
    ['--experimental-transform-types', '--no-warnings', '--import', './tests/build/record-native-imports.mjs'],
    { cwd: root, input: script, encoding: 'utf8' },
  );
  const urls: string[] = JSON.parse(output.trim().split('\n').at(-1)!);
  return urls.map((url) => url.slice(pathToFileURL(root).href.length + 1)).sort();
}

describe('astro build with a warm result cache', () => {
  it('loads its integrations and checks every lesson without evaluating the simulator', () => {
    const project = lessonProject(root);
    // Warm, as the build before it left the cache (lessons:check fills it the same way).
    checkLessons([], {
      root,
      netsimVersion: project.netsimVersion,
      cache: directoryCache(project.cacheDirectory),
      sources: sourceCache(project),
    });
    const evaluated = modulesOfAWarmBuild();
    expect(evaluated).toContain('plugins/lessons/check-from-cache.ts');
    expect(evaluated.filter((path) => path.startsWith('src/netsim/'))).toEqual(READERS_NETSIM);
  }, 120_000);
});
