import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = resolve(import.meta.dirname, '../..');

/** Serves the built site with `astro preview`, as a reader gets it, for the browser tests. */
export default async function serveBuiltSite(project: TestProject) {
  if (!existsSync(join(root, 'dist/pagefind/pagefind.js'))) {
    throw new Error('The browser tests read the built site: run `npm run build` first (npm test does).');
  }
  const port = await freePort();
  const server = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'preview', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilServing(baseUrl, server);
  project.provide('baseUrl', baseUrl);
  return () => {
    server.kill();
  };
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilServing(baseUrl: string, server: ChildProcess) {
  let output = '';
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  for (let attempt = 0; attempt < 150; attempt++) {
    if (server.exitCode !== null) throw new Error(`astro preview exited with ${server.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/es/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  server.kill();
  throw new Error(`astro preview did not answer at ${baseUrl} within 30 s:\n${output}`);
}
