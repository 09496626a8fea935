import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ChromiumMissingError,
  findChromium,
  launchChromium,
  SYSTEM_CHROMIUM_PATHS,
  unpackPackagedChromium,
} from './chromium';

const root = resolve(import.meta.dirname, '../..');

function machine(overrides: {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  arch?: string;
  files?: string[];
  root?: string;
}) {
  const files = new Set(overrides.files ?? []);
  return {
    env: overrides.env ?? {},
    platform: overrides.platform ?? 'linux',
    arch: overrides.arch ?? 'x64',
    exists: (path: string) => files.has(path),
    root: overrides.root ?? '/nonexistent-project',
  };
}

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, even over a system Chromium', async () => {
    const found = await findChromium(
      machine({ env: { CHROMIUM_PATH: '/opt/chrome/chrome' }, files: ['/opt/chrome/chrome', '/usr/bin/chromium'] }),
    );
    expect(found).toEqual({ executablePath: '/opt/chrome/chrome', source: 'CHROMIUM_PATH', env: {} });
  });

  it('says so when CHROMIUM_PATH names a missing file, rather than falling back silently', async () => {
    const finding = findChromium(machine({ env: { CHROMIUM_PATH: '/opt/none' }, files: ['/usr/bin/chromium'] }));
    await expect(finding).rejects.toBeInstanceOf(ChromiumMissingError);
    await expect(finding).rejects.toThrow(
      /^CHROMIUM_PATH is \/opt\/none, and there is no file there\.\nInstall Chromium or Chrome: {2}sudo apt-get install -y chromium/,
    );
  });

  it('takes a system Chromium before the packaged one, in the listed order', async () => {
    const found = await findChromium(machine({ files: ['/usr/bin/google-chrome', '/usr/bin/chromium-browser'] }));
    expect(found.executablePath).toBe('/usr/bin/chromium-browser');
    expect(found.source).toBe('system');
    expect(SYSTEM_CHROMIUM_PATHS.indexOf('/usr/bin/chromium-browser')).toBeLessThan(
      SYSTEM_CHROMIUM_PATHS.indexOf('/usr/bin/google-chrome'),
    );
  });

  it.each([
    ['darwin', 'arm64'],
    ['win32', 'x64'],
    ['linux', 'arm64'],
  ] as const)('fails with one message on %s %s, where no package brings a Chromium', async (platform, arch) => {
    const finding = findChromium(machine({ platform, arch }));
    await expect(finding).rejects.toBeInstanceOf(ChromiumMissingError);
    await expect(finding).rejects.toThrow(
      new RegExp(`runs on Linux x64 only, not on ${platform} ${arch}\\.\\nInstall Chromium or Chrome`),
    );
  });

  it('on Linux x64 without a browser, asks for npm install when the package is missing', async () => {
    const finding = findChromium(machine({ root: mkdtempSync(join(tmpdir(), 'no-package-')) }));
    await expect(finding).rejects.toThrow(/@sparticuz\/chromium is missing from node_modules: run `npm install`/);
  });
});

describe.runIf(process.platform === 'linux' && process.arch === 'x64')('the packaged Chromium', () => {
  it('unpacks into the cache once, atomically, and renders a page', async () => {
    // A project of our own whose node_modules holds the real package, so the cache is fresh.
    const project = mkdtempSync(join(tmpdir(), 'packaged-chromium-'));
    try {
      mkdirSync(join(project, 'node_modules/@sparticuz'), { recursive: true });
      symlinkSync(join(root, 'node_modules/@sparticuz/chromium'), join(project, 'node_modules/@sparticuz/chromium'));
      const [first, second] = await Promise.all([unpackPackagedChromium(project), unpackPackagedChromium(project)]);
      expect(second.executablePath).toBe(first.executablePath);
      expect(first.executablePath).toMatch(/node_modules\/\.cache\/chromium\/\d+\.\d+\.\d+\/chromium$/);
      expect(existsSync(join(first.executablePath, '../fonts/Open_Sans/OpenSans-Regular.ttf'))).toBe(true);

      const browser = await launchChromium(first);
      try {
        const page = await browser.newPage();
        const html = join(project, 'page.html');
        writeFileSync(html, '<!doctype html><title>t</title><p id=p style="font-family:Open Sans">Redes</p>');
        await page.goto(`file://${html}`);
        expect(await page.textContent('#p')).toBe('Redes');
        expect(browser.version()).toMatch(/^\d+\./);
      } finally {
        await browser.close();
      }
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 60_000);
});
