import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { extract } from 'tar-fs';

/** Where a Chromium came from, and what it needs in its environment to run. */
export interface ChromiumBinary {
  executablePath: string;
  source: 'CHROMIUM_PATH' | 'system' | 'packaged';
  env: Record<string, string>;
}

/** Browsers a distribution or Google's packages install, in the order they are tried. */
export const SYSTEM_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export class ChromiumMissingError extends Error {
  constructor(reason: string) {
    super(
      [
        reason,
        'Install Chromium or Chrome:  sudo apt-get install -y chromium   (Debian, Ubuntu; Chrome from google.com elsewhere)',
        'or point CHROMIUM_PATH at a Chromium or Chrome binary:  CHROMIUM_PATH=/path/to/chrome npm test',
      ].join('\n'),
    );
    this.name = 'ChromiumMissingError';
  }
}

interface Machine {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  arch: string;
  exists: (path: string) => boolean;
  /** The project's root: the packaged Chromium is unpacked under its node_modules/.cache. */
  root: string;
}

const thisMachine: Machine = {
  env: process.env,
  platform: process.platform,
  arch: process.arch,
  exists: existsSync,
  root: resolve(import.meta.dirname, '../..'),
};

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH when set, else a system Chromium
 * or Chrome, else the one @sparticuz/chromium ships inside its npm tarball (Linux x64
 * only), unpacked once into node_modules/.cache. Nothing is downloaded.
 */
export async function findChromium(machine: Machine = thisMachine): Promise<ChromiumBinary> {
  const chosen = machine.env.CHROMIUM_PATH;
  if (chosen) {
    if (!machine.exists(chosen))
      throw new ChromiumMissingError(`CHROMIUM_PATH is ${chosen}, and there is no file there.`);
    return { executablePath: chosen, source: 'CHROMIUM_PATH', env: {} };
  }
  const installed = SYSTEM_CHROMIUM_PATHS.find((path) => machine.exists(path));
  if (installed) return { executablePath: installed, source: 'system', env: {} };
  if (machine.platform === 'linux' && machine.arch === 'x64') return unpackPackagedChromium(machine.root);
  throw new ChromiumMissingError(
    `The browser tests need Chromium. None is installed, and the Chromium this project brings (@sparticuz/chromium) runs on Linux x64 only, not on ${machine.platform} ${machine.arch}.`,
  );
}

/**
 * Unpacks @sparticuz/chromium's Brotli-compressed headless shell, its fonts and its
 * libraries (NSS, expat) into a folder named after the package's version. The folder
 * is built beside its final name and renamed into place, so a run interrupted half-way
 * leaves nothing that looks unpacked, and two runs at once both end with a whole copy.
 */
export async function unpackPackagedChromium(root: string): Promise<ChromiumBinary> {
  const packageDir = join(root, 'node_modules/@sparticuz/chromium');
  const manifest = join(packageDir, 'package.json');
  if (!existsSync(manifest)) {
    throw new ChromiumMissingError(
      'No Chromium is installed and @sparticuz/chromium is missing from node_modules: run `npm install`.',
    );
  }
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const target = join(root, 'node_modules/.cache/chromium', version);
  if (!existsSync(join(target, 'chromium'))) {
    mkdirSync(dirname(target), { recursive: true });
    const building = mkdtempSync(`${target}.partial-`);
    const bin = join(packageDir, 'bin');
    try {
      await pipeline(
        createReadStream(join(bin, 'chromium.br')),
        createBrotliDecompress(),
        createWriteStream(join(building, 'chromium'), { mode: 0o755 }),
      );
      for (const archive of ['fonts.tar.br', 'al2023.tar.br']) {
        await pipeline(createReadStream(join(bin, archive)), createBrotliDecompress(), extract(building));
      }
    } catch (error) {
      // A half-unpacked browser (disk full, interrupted) leaves nothing behind to be mistaken for a whole one.
      rmSync(building, { recursive: true, force: true });
      throw error;
    }
    writeFileSync(join(building, 'fonts.conf'), fontsConf());
    try {
      renameSync(building, target);
    } catch (error) {
      // Another run renamed its copy first: that one is as good as ours.
      rmSync(building, { recursive: true, force: true });
      if (!existsSync(join(target, 'chromium'))) throw error;
    }
  }
  return { executablePath: join(target, 'chromium'), source: 'packaged', env: packagedEnvironment(target) };
}

/** Open Sans from the package first, then whatever fonts the machine has. */
function fontsConf(): string {
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    // Relative to this file: a cache copied to another checkout still finds its fonts.
    '  <dir prefix="relative">fonts</dir>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    '  <cachedir prefix="relative">fonts-cache</cachedir>',
    '</fontconfig>',
    '',
  ].join('\n');
}

/**
 * The packaged shell links against NSS and expat. A machine that has them keeps its own;
 * one that lacks them (a bare Node image) gets the copies the package brings.
 */
function packagedEnvironment(target: string): Record<string, string> {
  const env: Record<string, string> = { FONTCONFIG_FILE: join(target, 'fonts.conf') };
  const linked = spawnSync('ldd', [join(target, 'chromium')], { encoding: 'utf8' });
  if (linked.status !== 0 || /not found/.test(linked.stdout)) {
    const bundled = join(target, 'lib');
    env.LD_LIBRARY_PATH = [bundled, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  }
  return env;
}

/**
 * Headless Chromium as the tests need it: no sandbox (CI runs as root) and no
 * background networking, which a machine without internet access refuses noisily.
 */
export async function launchChromium(binary: ChromiumBinary): Promise<Browser> {
  if (!existsSync(binary.executablePath))
    throw new ChromiumMissingError(`There is no Chromium at ${binary.executablePath}.`);
  return chromium.launch({
    executablePath: binary.executablePath,
    headless: true,
    env: { ...process.env, ...binary.env },
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
