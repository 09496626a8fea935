import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales';
import { useTranslations } from '../../src/i18n/translate';
import { blockingViolations } from './axe';
import { browserSession } from './browser-session';

const session = browserSession();
const clipboard = { permissions: ['clipboard-read', 'clipboard-write'] };

/** Waits until the terminal has a prompt that takes keys (no line running). */
async function idle(terminal: Locator) {
  await expect
    .poll(() => terminal.evaluate((element) => element.hasAttribute('data-busy')), { timeout: 20_000 })
    .toBe(false);
}

/** Opens the terminal of a block (its "Try it" button) and waits for the prompt. */
async function tryBlock(page: Page, block: Locator): Promise<Locator> {
  await block.locator('[data-try]').focus();
  await page.keyboard.press('Enter');
  const terminal = page.locator('[data-terminal]');
  await terminal.waitFor();
  await idle(terminal);
  return terminal;
}

async function typeLine(page: Page, terminal: Locator, line: string) {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await idle(terminal);
}

/** What the session showed, as "Copy session" puts it on the clipboard. */
async function transcript(page: Page, terminal: Locator): Promise<string> {
  await terminal.locator('[data-terminal-copy]').click();
  return page.evaluate(() => navigator.clipboard.readText());
}

const linesOf = (text: string) => text.split('\n');

describe.each(LOCALES)('"Try it" in %s', (locale) => {
  it.each(['network-drivers', 'default-bridge'])(
    'retyping each block of %s by keyboard prints what the page shows',
    async (lesson) => {
      const page = await session.open(`/${locale}/${lesson}/`, clipboard);
      const blocks = page.locator('.prose > figure.console:has([data-try])');
      const count = await blocks.count();
      expect(count).toBeGreaterThan(5);
      for (let index = 0; index < count; index++) {
        const block = blocks.nth(index);
        // Everything the page shows of the block, the lines an elision hides included.
        const shown = await block.locator('.console__line').allTextContents();
        const commands: string[] = JSON.parse((await block.locator('[data-try]').getAttribute('data-commands'))!);
        const terminal = await tryBlock(page, block);
        for (const command of commands) await typeLine(page, terminal, command);
        const lines = linesOf(await transcript(page, terminal));
        expect(lines.at(-1)).toMatch(/^(\$|#|\/ #|root@[0-9a-f]+:\/#) $/);
        expect(lines.slice(0, -1), `block ${index + 1}`).toEqual(shown);
        await terminal.locator('[data-terminal-close]').focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => page.locator('[data-terminal]').count()).toBe(0);
        // Closing gives focus back to the button that opened it.
        expect(await block.locator('[data-try]').evaluate((button) => button === document.activeElement)).toBe(true);
      }
      await page.context().close();
    },
    240_000,
  );
});

describe('the terminal', () => {
  it('streams ping until Ctrl-C, then prints its statistics', async () => {
    const page = await session.open('/es/sandbox/', clipboard);
    const terminal = page.locator('[data-terminal]');
    await idle(terminal);
    await page.keyboard.type('ping 192.168.1.1');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(2_300);
    await page.keyboard.press('Control+C');
    await idle(terminal);
    const lines = linesOf(await transcript(page, terminal));
    const replies = lines.filter((line) => /icmp_seq=\d+/.test(line));
    expect(replies.length).toBeGreaterThanOrEqual(2);
    expect(replies.length).toBeLessThanOrEqual(4);
    expect(lines[replies.length + 2]).toBe('^C');
    expect(lines).toContain(
      `${replies.length} packets transmitted, ${replies.length} received, 0% packet loss, time ${lines.find((line) => /time \d+ms$/.test(line))!.split('time ')[1]}`,
    );
    expect(lines.at(-1)).toBe('$ ');
    await page.context().close();
  });

  it('completes with Tab, walks the history, edits the line, and follows container prompts', async () => {
    const page = await session.open('/fr/sandbox/', clipboard);
    const terminal = page.locator('[data-terminal]');
    await idle(terminal);
    await page.keyboard.type('docker netw');
    await page.keyboard.press('Tab');
    await page.keyboard.type('create red1');
    await page.keyboard.press('Enter');
    await idle(terminal);
    await page.keyboard.type('docker run -dit --name web --network re');
    await page.keyboard.press('Tab');
    await page.keyboard.type('alpine');
    await page.keyboard.press('Enter');
    await idle(terminal);
    // Up twice recalls the first line; Ctrl-W cuts its last word, and the rest is edited in place.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Control+W');
    await page.keyboard.type('-q');
    await page.keyboard.press('Home');
    await page.keyboard.press('Control+K');
    await page.keyboard.type('docker network ls -q --filter name=red1');
    await page.keyboard.press('Enter');
    await idle(terminal);
    await typeLine(page, terminal, 'docker exec -it web sh');
    await typeLine(page, terminal, 'hostname');
    await page.keyboard.press('Control+D');
    await idle(terminal);
    const lines = linesOf(await transcript(page, terminal));
    expect(lines[0]).toBe('$ docker network create red1');
    expect(lines[1]).toMatch(/^[0-9a-f]{64}$/);
    expect(lines[2]).toBe('$ docker run -dit --name web --network red1 alpine');
    expect(lines[4]).toBe('$ docker network ls -q --filter name=red1');
    expect(lines[5]).toBe(lines[1]!.slice(0, 12));
    expect(lines[6]).toBe('$ docker exec -it web sh');
    expect(lines[7]).toBe('/ # hostname');
    expect(lines[8]).toBe(lines[3]!.slice(0, 12));
    expect(lines[9]).toBe('/ # exit');
    expect(lines.at(-1)).toBe('$ ');
    await page.context().close();
  });

  // The worker runs the line being typed ahead of Enter (data-foreseen once it has); Enter shows that run at once.
  it('shows at Enter the line as run while it was typed, never a run of another line or of the host as it was', async () => {
    const page = await session.open('/es/sandbox/', clipboard);
    const terminal = page.locator('[data-terminal]');
    await idle(terminal);
    const foreseen = () =>
      expect
        .poll(() => terminal.evaluate((element) => element.hasAttribute('data-foreseen')), { timeout: 20_000 })
        .toBe(true);
    await page.keyboard.type('echo abc');
    await foreseen();
    // Edited after it was run ahead: Enter runs the line as it now is.
    await page.keyboard.press('Backspace');
    await page.keyboard.type('d');
    await page.keyboard.press('Enter');
    await idle(terminal);
    await page.keyboard.type('docker network ls -q | wc -l');
    await foreseen();
    await page.keyboard.press('Enter');
    await idle(terminal);
    // Run ahead, then the host changes under it: recalled and entered at once, it counts the new network.
    await page.keyboard.type('docker network ls -q | wc -l');
    await foreseen();
    await page.keyboard.press('Control+U');
    await typeLine(page, terminal, 'docker network create red2');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await idle(terminal);
    const lines = linesOf(await transcript(page, terminal));
    expect(lines.slice(0, 8)).toEqual([
      '$ echo abd',
      'abd',
      '$ docker network ls -q | wc -l',
      '3',
      '$ docker network create red2',
      lines[5],
      '$ docker network ls -q | wc -l',
      '4',
    ]);
    expect(lines[5]).toMatch(/^[0-9a-f]{64}$/);
    await page.context().close();
  });

  // The line runs again for the typed line, from the host as it was before it: what came before read is done once.
  it('types a line to read, and what came before it on the line is done and shown once', async () => {
    const page = await session.open('/es/sandbox/', clipboard);
    const terminal = page.locator('[data-terminal]');
    await idle(terminal);
    await typeLine(page, terminal, 'docker run -d nginx; read -p "Name: " x; echo "[$x]"');
    await typeLine(page, terminal, 'web');
    await typeLine(page, terminal, 'docker ps -aq | wc -l');
    const lines = linesOf(await transcript(page, terminal));
    expect(lines.slice(0, 6)).toEqual([
      '$ docker run -d nginx; read -p "Name: " x; echo "[$x]"',
      lines[1],
      'Name: web',
      '[web]',
      '$ docker ps -aq | wc -l',
      '1',
    ]);
    expect(lines[1]).toMatch(/^[0-9a-f]{64}$/);
    await page.context().close();
  });

  it('starts its worker on the press of "Try it", and the click that follows opens the terminal on that worker', async () => {
    const page = await session.open('/es/network-drivers/');
    await page.addInitScript(() => {
      const counted = window as unknown as { workersStarted: number };
      counted.workersStarted = 0;
      const Original = window.Worker;
      window.Worker = class extends Original {
        constructor(...args: ConstructorParameters<typeof Worker>) {
          super(...args);
          counted.workersStarted++;
        }
      };
    });
    await page.reload();
    const started = () => page.evaluate(() => (window as unknown as { workersStarted: number }).workersStarted);
    const button = page.locator('figure.console [data-try]').first();
    await button.scrollIntoViewIfNeeded();
    const box = (await button.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await expect.poll(started).toBe(1);
    await page.mouse.up();
    const terminal = page.locator('[data-terminal]');
    await terminal.waitFor();
    await idle(terminal);
    await typeLine(page, terminal, 'hostname');
    expect(await started()).toBe(1);
    await page.context().close();
  });

  it('runs a pasted block line by line', async () => {
    const page = await session.open('/es/sandbox/', clipboard);
    const terminal = page.locator('[data-terminal]');
    await idle(terminal);
    // A paste as the browser delivers it to xterm's input: one event with the whole text.
    await terminal.locator('.xterm-helper-textarea').evaluate((textarea) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'docker network create red1\ndocker network ls -q --filter name=red1\nhostname\n');
      textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect
      .poll(async () => linesOf(await transcript(page, terminal)).filter((line) => line.startsWith('$ ')).length, {
        timeout: 20_000,
      })
      .toBe(4);
    const lines = linesOf(await transcript(page, terminal));
    expect(lines.filter((line) => line.startsWith('$ '))).toEqual([
      '$ docker network create red1',
      '$ docker network ls -q --filter name=red1',
      '$ hostname',
      '$ ',
    ]);
    expect(lines[3]).toBe(lines[1]!.slice(0, 12));
    await page.context().close();
  });

  it('fetches a seldom-typed tool the first time a line names it, once, and runs it', async () => {
    const page = await session.open('/es/sandbox/', clipboard);
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    const chunk = (name: string) => fetched.filter((path) => new RegExp(`/${name}-[\\w-]{8}\\.js$`).test(path));
    const terminal = page.locator('[data-terminal]');
    await idle(terminal);
    expect(chunk('ss')).toEqual([]);
    expect(chunk('extras-module')).toEqual([]);
    await typeLine(page, terminal, 'ss -tln');
    // docker's seldom-typed commands: `docker` is in the first download, `docker version` in a chunk of its own.
    await typeLine(page, terminal, "docker version --format '{{.Server.Version}}'");
    await typeLine(page, terminal, 'ss -tln');
    await expect
      .poll(async () => linesOf(await transcript(page, terminal)).filter((line) => line.startsWith('$ ')).length, {
        timeout: 20_000,
      })
      .toBe(4);
    const lines = linesOf(await transcript(page, terminal));
    expect(lines[1]).toMatch(/^State +Recv-Q +Send-Q +Local Address:Port +Peer Address:Port/);
    expect(lines[lines.indexOf("$ docker version --format '{{.Server.Version}}'") + 1]).toBe('29.7.2');
    expect(chunk('ss')).toHaveLength(1);
    expect(chunk('extras-module')).toHaveLength(1);
    await page.context().close();
  });

  it('echoes keys typed at the end of a line, wrapping as the screen does, and a screen reader hears only the keys', async () => {
    const page = await session.open('/es/sandbox/', clipboard);
    const terminal = page.locator('[data-terminal]');
    await idle(terminal);
    const screenRows = () => terminal.locator('.xterm-rows > div').allTextContents();
    const columns = await terminal.evaluate((element) => {
      const row = element.querySelector('.xterm-rows > div')!.getBoundingClientRect().width;
      const cell = element.querySelector('.xterm-char-measure-element')!.getBoundingClientRect().width;
      return Math.round(row / cell);
    });
    // Longer than a row: typing at the end of the line goes on to the next row, as it would in a real terminal.
    const words = `echo ${'ab '.repeat(Math.ceil(columns / 3) + 4).trim()}`;
    // xterm announces what it draws at most once a second: the first prompt is heard before any key.
    await page.waitForTimeout(1100);
    await page.keyboard.type(words);
    await expect
      .poll(async () =>
        (await screenRows())
          .map((row) => row.replace(/\u00a0/g, ' ').trimEnd())
          .join('')
          .trimEnd(),
      )
      .toBe(`$ ${words}`);
    // xterm's live region announces what is drawn but was not typed: the prompt must not come back with each key.
    await page.waitForTimeout(1100);
    expect(await terminal.locator('.live-region').textContent()).toBe('');
    await page.keyboard.press('Enter');
    await idle(terminal);
    expect(linesOf(await transcript(page, terminal))).toEqual([`$ ${words}`, words.slice('echo '.length), '$ ']);
    // The keys typed for the line leave xterm's hidden textarea once it has run, as xterm's own Enter does.
    expect(await terminal.locator('.xterm-helper-textarea').inputValue()).toBe('');
    await page.context().close();
  });

  it('resets to its start and lets Escape leave it', async () => {
    const page = await session.open('/pt/sandbox/', clipboard);
    const terminal = page.locator('[data-terminal]');
    await idle(terminal);
    await typeLine(page, terminal, 'docker network create red1');
    await terminal.locator('[data-terminal-reset]').click();
    await idle(terminal);
    await page.keyboard.type("docker network ls --format '{{.Name}}'");
    await page.keyboard.press('Enter');
    await idle(terminal);
    expect(linesOf(await transcript(page, terminal))).toEqual([
      "$ docker network ls --format '{{.Name}}'",
      'bridge',
      'host',
      'none',
      '$ ',
    ]);
    await terminal.locator('.xterm-helper-textarea').focus();
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.closest('.terminal__toolbar') !== null)).toBe(true);
    await page.context().close();
  });

  it("opens a second terminal on the LAN machine in a tab, and comes back to the host's as it was left", async () => {
    const page = await session.open('/es/sandbox/', clipboard);
    const terminal = page.locator('[data-terminal]');
    await idle(terminal);
    const tabs = terminal.locator('[role=tablist] [data-terminal-tab]');
    expect(await tabs.allTextContents()).toEqual(['docker-host', 'lan-pc']);
    expect(await terminal.locator('[role=tablist]').getAttribute('aria-label')).toBe(
      useTranslations('es')('terminal.machines'),
    );
    await typeLine(page, terminal, 'docker run -d --name web -p 8080:80 nginx');
    // A line half typed stays on the host's tab while the reader looks from outside.
    await page.keyboard.type('echo de vuelta');
    await terminal.locator('[data-terminal-tab=lan]').focus();
    await page.keyboard.press('Enter');
    await idle(terminal);
    expect(await terminal.locator('[data-terminal-tab=lan]').getAttribute('aria-selected')).toBe('true');
    await terminal.locator('.xterm-helper-textarea').focus();
    await typeLine(page, terminal, "curl -s -o /dev/null -w '%{http_code}\\n' 192.168.1.10:8080");
    expect(linesOf(await transcript(page, terminal))).toEqual([
      "usuario@lan-pc:~$ curl -s -o /dev/null -w '%{http_code}\\n' 192.168.1.10:8080",
      '200',
      'usuario@lan-pc:~$ ',
    ]);
    // Arrow keys move along the tab list.
    await terminal.locator('[data-terminal-tab=lan]').focus();
    await page.keyboard.press('ArrowLeft');
    await idle(terminal);
    expect(await terminal.locator('[data-terminal-tab=host]').getAttribute('aria-selected')).toBe('true');
    await terminal.locator('.xterm-helper-textarea').focus();
    await page.keyboard.press('Enter');
    await idle(terminal);
    const host = linesOf(await transcript(page, terminal));
    expect(host.slice(-3)).toEqual(['$ echo de vuelta', 'de vuelta', '$ ']);
    expect(host[0]).toBe('$ docker run -d --name web -p 8080:80 nginx');
    const screen = await terminal.locator('.xterm-rows').innerText();
    expect(screen).toContain('$ echo de vuelta');
    expect(screen).not.toContain('lan-pc');
    await page.context().close();
  });

  it("has no serious accessibility problem once open, labelled in the reader's language", async () => {
    const page = await session.open('/fr/network-drivers/', clipboard);
    const terminal = await tryBlock(page, page.locator('.prose > figure.console:has([data-try])').first());
    expect(await terminal.getAttribute('aria-label')).toBe(useTranslations('fr')('terminal.region'));
    expect(await terminal.locator('[data-terminal-reset]').textContent()).toBe(useTranslations('fr')('terminal.reset'));
    const violations = await blockingViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await page.context().close();
  });

  it('fits a 390 px phone, with a row of the keys phones lack', async () => {
    const page = await session.open('/es/sandbox/', {
      ...clipboard,
      viewport: { width: 390, height: 800 },
      isMobile: true,
      hasTouch: true,
    });
    const terminal = page.locator('[data-terminal]');
    await idle(terminal);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    // xterm's own element has the class `terminal` too: none of the page's terminal box may move it out of its screen.
    const [screen, xterm] = await Promise.all([
      terminal.locator('.terminal__screen').boundingBox(),
      terminal.locator('.xterm').boundingBox(),
    ]);
    expect(xterm!.y).toBeGreaterThanOrEqual(screen!.y);
    expect(xterm!.y + xterm!.height).toBeLessThanOrEqual(screen!.y + screen!.height);
    const keys = terminal.locator('[data-terminal-key]');
    expect(await keys.first().isVisible()).toBe(true);
    await page.keyboard.type('docker netw');
    await terminal.locator('[data-terminal-key]', { hasText: 'Tab' }).click();
    await page.keyboard.type('ls -q');
    await page.keyboard.press('Enter');
    await idle(terminal);
    expect(linesOf(await transcript(page, terminal))[0]).toBe('$ docker network ls -q');
    await page.context().close();
  });
});
