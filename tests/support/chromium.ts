import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; CHROMIUM_PATH points elsewhere (another distribution, Chrome). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export class ChromiumMissingError extends Error {
  constructor(path: string) {
    super(
      [
        `The browser tests need Chromium, and there is none at ${path}.`,
        'Install it:  sudo apt-get update && sudo apt-get install -y chromium   (Debian, Ubuntu)',
        'or point CHROMIUM_PATH at a Chromium or Chrome binary:  CHROMIUM_PATH=/path/to/chrome npm test',
      ].join('\n'),
    );
    this.name = 'ChromiumMissingError';
  }
}

/**
 * Headless Chromium as the tests need it: no sandbox (CI runs as root) and no
 * background networking, which a machine without internet access refuses noisily.
 */
export async function launchChromium(executablePath = CHROMIUM_PATH): Promise<Browser> {
  if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
