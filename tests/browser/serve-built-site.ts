import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { staticHost } from '../../scripts/static-host.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = resolve(import.meta.dirname, '../..');

/** Serves the built site as `npm run preview` does, as a reader gets it, for the browser tests. */
export default async function serveBuiltSite(project: TestProject) {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'pagefind/pagefind.js'))) {
    throw new Error('The browser tests read the built site: run `npm run build` first (npm test does).');
  }
  const server = staticHost(dist);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  project.provide('baseUrl', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return () => new Promise<void>((closed) => server.close(() => closed()));
}
