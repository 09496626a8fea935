import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { strictSite, writeStrictSite } from '../../../plugins/csp/strict-site';
import { siteSearchIndex } from '../../../plugins/search/site-search-index';
import { builtSiteFixture } from './built-site-fixture';

const pagefindCli = join(import.meta.dirname, '../../../node_modules/pagefind/lib/runner/bin.cjs');
const sites: string[] = [];
afterAll(() => sites.forEach((site) => rmSync(site, { recursive: true, force: true })));

function fixture(): string {
  const site = builtSiteFixture();
  sites.push(site);
  return site;
}

/** Every file Pagefind wrote, by path, with its bytes. */
function pagefindFolder(site: string): Map<string, Buffer> {
  const folder = join(site, 'pagefind');
  const paths = (readdirSync(folder, { recursive: true, encoding: 'utf8' }) as string[]).sort();
  return new Map(
    paths
      .filter((path) => statSync(join(folder, path)).isFile())
      .map((path) => [path, readFileSync(join(folder, path))]),
  );
}

async function indexed(site: string): Promise<number> {
  const search = await siteSearchIndex(site);
  try {
    const read = await search.readPages();
    await search.write();
    return read;
  } finally {
    await search.close();
  }
}

describe("the site's search index", () => {
  it('is, byte for byte, the one `pagefind --site` writes', async () => {
    const bySite = fixture();
    const byApi = fixture();
    execFileSync(process.execPath, [pagefindCli, '--site', bySite], { stdio: 'ignore' });
    expect(await indexed(byApi)).toBe(4);
    const written = pagefindFolder(byApi);
    expect([...written.keys()].filter((path) => path.startsWith('fragment/'))).toHaveLength(3);
    expect(written).toEqual(pagefindFolder(bySite));
  });

  it('is the same whether Pagefind reads the pages as rendered or under the strict CSP', async () => {
    const rendered = fixture();
    const strict = fixture();
    writeStrictSite(strict, strictSite(strict));
    expect(readFileSync(join(strict, 'es/puente/index.html'), 'utf8')).not.toBe(
      readFileSync(join(rendered, 'es/puente/index.html'), 'utf8'),
    );
    await indexed(rendered);
    await indexed(strict);
    expect(pagefindFolder(strict)).toEqual(pagefindFolder(rendered));
  });

  it('fails, saying so, when Pagefind cannot run', async () => {
    const { PAGEFIND_BINARY_PATH, PAGEFIND_EXTENDED_BINARY_PATH } = process.env;
    delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
    process.env.PAGEFIND_BINARY_PATH = process.execPath.replace(/node$/, 'no-such-pagefind');
    try {
      await expect(siteSearchIndex(fixture())).rejects.toThrow(/^Pagefind failed to start: /);
      // A process that reads the request and ends without answering: Pagefind's API alone would wait forever.
      const silent = join(fixture(), 'silent-pagefind');
      writeFileSync(silent, '#!/bin/sh\nhead -c 1 > /dev/null\nexit 3\n', { mode: 0o755 });
      process.env.PAGEFIND_BINARY_PATH = silent;
      await expect(siteSearchIndex(fixture())).rejects.toThrow(
        'Pagefind failed to start: its process ended (exit code 3)',
      );
    } finally {
      if (PAGEFIND_BINARY_PATH === undefined) delete process.env.PAGEFIND_BINARY_PATH;
      else process.env.PAGEFIND_BINARY_PATH = PAGEFIND_BINARY_PATH;
      if (PAGEFIND_EXTENDED_BINARY_PATH !== undefined)
        process.env.PAGEFIND_EXTENDED_BINARY_PATH = PAGEFIND_EXTENDED_BINARY_PATH;
    }
  });
});
