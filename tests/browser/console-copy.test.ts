import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConsoleBlock } from '../../plugins/console/parse-console-block';
import { browserSession } from './browser-session';

const session = browserSession();
const lessonSource = readFileSync(resolve(import.meta.dirname, '../../content/pt/network-drivers.mdx'), 'utf8');
const firstBlock = parseConsoleBlock(/^```console[^\n]*\n([\s\S]*?)\n```$/m.exec(lessonSource)?.[1] ?? '');

describe('console blocks', () => {
  it('copy the commands only, never prompts or output', async () => {
    const page = await session.open('/pt/network-drivers/', { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.locator('.console__copy').first().click();
    await page.waitForFunction(() => document.querySelector('[data-console-copy-text]')?.textContent === 'Copiado');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(firstBlock.map((step) => step.command).join('\n'));
    const copiedLines = copied.split('\n');
    for (const step of firstBlock) {
      expect(copied).not.toContain(step.prompt + step.command);
      for (const line of step.output.filter((text) => text.trim() !== '')) expect(copiedLines).not.toContain(line);
    }
    await page.context().close();
  });

  it('show prompt, command and output in different styles, with unselectable prompts', async () => {
    const page = await session.open('/es/network-drivers/');
    const style = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => {
          const computed = getComputedStyle(element);
          return { color: computed.color, weight: computed.fontWeight, select: computed.userSelect };
        });
    const prompt = await style('.console__prompt');
    const command = await style('.console__command');
    const output = await style('.console__line--output');
    expect(prompt.select).toBe('none');
    expect(command.weight).not.toBe(output.weight);
    expect(prompt.color).not.toBe(output.color);
    await page.context().close();
  });

  it('keep every output line of the lesson, in order', async () => {
    const page = await session.open('/pt/network-drivers/');
    const shown = await page.locator('figure.console').first().locator('.console__line').allTextContents();
    expect(shown).toEqual(firstBlock.flatMap((step) => [step.prompt + step.command, ...step.output]));
    await page.context().close();
  });

  it("mark each verified block with the simulated Docker release, in the reader's language", async () => {
    const page = await session.open('/fr/network-drivers/');
    // A predict question shows its command without output: that block has nothing to verify.
    const blocks = await page.locator('figure.console:not([data-quiz] figure)').count();
    const marks = await page.locator('.console__mark--verified').allTextContents();
    expect(marks).toHaveLength(blocks);
    for (const mark of marks) expect(mark).toMatch(/^Vérifié · Docker 29\.\d+\.\d+$/);
    await page.context().close();
  });

  it.each([
    ['es', /^Mostrar 8 líneas omitidas$/, /^Volver a ocultar 8 líneas$/],
    ['pt', /^Mostrar 8 linhas omitidas$/, /^Ocultar de novo 8 linhas$/],
    ['fr', /^Afficher 8 lignes omises$/, /^Masquer à nouveau 8 lignes$/],
  ])(
    "expand the lines a lesson's [...] leaves out, counted in the reader's language, the button saying what it will do (%s)",
    async (locale, label, hideLabel) => {
      // The lesson shows nginx's bind() failures in `docker logs` and leaves out, with [...], the eight lines
      // the image's /docker-entrypoint.sh prints before "Configuration complete" (docker-library/nginx entrypoint).
      const page = await session.open(`/${locale}/host-and-none/`);
      const toggle = page.locator('[data-console-omitted]').first();
      await expect.poll(() => page.locator('[data-console-omitted]').count()).toBe(2);
      expect(await toggle.textContent()).toMatch(label);
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      const elided = page.locator('.console__elided').first();
      expect(await elided.isVisible()).toBe(false);

      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await toggle.textContent()).toMatch(hideLabel);
      expect(await elided.isVisible()).toBe(true);
      const lines = await elided.locator('.console__line').allTextContents();
      expect(lines).toHaveLength(8);
      expect(lines[0]).toBe(
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      );
      expect(lines[7]).toBe('/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh');

      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await toggle.textContent()).toMatch(label);
      expect(await elided.isVisible()).toBe(false);
      await page.context().close();
    },
  );
});
