import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBin, replaceOnce, siteCopyWith, siteRoot } from './site-copy';

const lesson = readFileSync(join(import.meta.dirname, 'fixtures/build-probe.mdx'), 'utf8');
const wrongLine = lesson.slice(0, lesson.indexOf('80/tcp -> 0.0.0.0:8080\n')).split('\n').length;
const PORT = 4391;

/** Starts `astro dev` in `project` and resolves once it serves. */
function startDev(project: string): Promise<{ server: ChildProcess; url: string; log: () => string }> {
  const server = spawn(process.execPath, [astroBin, 'dev', '--port', String(PORT), '--host', '127.0.0.1'], {
    cwd: project,
    // Without Vitest's variables: under NODE_ENV=test and VITEST, Astro's dev server does not route pages.
    env: {
      ...Object.fromEntries(
        Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')),
      ),
      FORCE_COLOR: '0',
      NO_COLOR: '1',
    },
    detached: true,
  });
  let output = '';
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise((resolvePromise, reject) => {
    const timer = setInterval(() => {
      // Vite moves to the next free port when this one is taken: the URL it prints is the one to use.
      const url = /Local\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
      if (url) {
        clearInterval(timer);
        resolvePromise({ server, url, log: () => output });
      } else if (server.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`astro dev exited:\n${output}`));
      }
    }, 100);
  });
}

describe('astro dev with a lesson whose output is wrong', () => {
  let project: string;
  let dev: Awaited<ReturnType<typeof startDev>>;

  beforeAll(async () => {
    project = siteCopyWith({
      'content/es/build-probe.mdx': replaceOnce(lesson, '80/tcp -> 0.0.0.0:8080\n', '80/tcp -> 0.0.0.0:8081\n'),
      'content/es/default-bridge.mdx': readFileSync(join(siteRoot, 'content/es/default-bridge.mdx'), 'utf8'),
    });
    dev = await startDev(project);
  }, 120_000);

  afterAll(() => {
    if (dev?.server.pid) process.kill(-dev.server.pid, 'SIGTERM');
    if (project) rmSync(project, { recursive: true, force: true });
  });

  // The page itself is Astro's error shell (the overlay draws the message it gets over Vite's socket); the terminal shows the same report.
  it('answers the lesson page with an MDX error and reports its file, line and diff', async () => {
    const response = await fetch(`${dev.url}/es/build-probe/`);
    const page = await response.text();
    expect(response.status).toBe(500);
    expect(page).toContain('<title>MDXError</title>');
    const log = dev.log();
    expect(log).toContain(
      `content/es/build-probe.mdx:${wrongLine}:1: the output written here is not what netsim prints`,
    );
    expect(log).toContain('-80/tcp -> 0.0.0.0:8081\n+80/tcp -> 0.0.0.0:8080\n');
    expect(log).toContain('npm run lessons:update -- content/es/build-probe.mdx');
  }, 120_000);

  it('shows a front-matter value made invalid while it runs, at its line, instead of the old page', async () => {
    const page = join(project, 'content/es/default-bridge.mdx');
    const valid = readFileSync(page, 'utf8');
    expect((await fetch(`${dev.url}/es/default-bridge/`)).status).toBe(200);
    writeFileSync(page, valid.replace(/^order: 2$/m, 'order: segunda'));
    const line = valid.split('\n').findIndex((text) => text === 'order: 2') + 1;
    await expect
      .poll(async () => (await fetch(`${dev.url}/es/default-bridge/`)).status, { timeout: 30_000, interval: 500 })
      .toBe(500);
    await expect.poll(() => dev.log(), { timeout: 10_000 }).toContain(`content/es/default-bridge.mdx:${line}:1`);
    expect(dev.log()).toContain(
      'front matter: order: "order" must be the position of the lesson in its module, a whole number such as 1',
    );
  }, 120_000);
});
