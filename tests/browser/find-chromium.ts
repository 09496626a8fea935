import type { TestProject } from 'vitest/node';
import { findChromium, type ChromiumBinary } from '../support/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: ChromiumBinary;
  }
}

/** Finds (or unpacks, on first use) the Chromium once, before any browser test file runs. */
export default async function provideChromium(project: TestProject) {
  const started = performance.now();
  const binary = await findChromium();
  if (binary.source === 'packaged') {
    console.log(
      `browser tests: packaged Chromium at ${binary.executablePath} (ready in ${Math.round(performance.now() - started)} ms)`,
    );
  }
  project.provide('chromium', binary);
}
