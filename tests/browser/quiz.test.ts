import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../src/i18n/locales';
import { useTranslations } from '../../src/i18n/translate';
import { blockingViolations } from './axe';
import { browserSession } from './browser-session';

const session = browserSession();
const LESSON = 'network-drivers';

const question = (page: Page, id: string) => page.locator(`[data-question="${id}"]`);
const feedback = (page: Page, id: string) => question(page, id).locator('[data-feedback]');

async function choose(page: Page, id: string, options: string[]) {
  for (const option of options) await question(page, id).locator(`[data-option="${option}"] label`).click();
  await question(page, id).locator('[data-check]').click();
}

async function typeCommand(page: Page, id: string, command: string) {
  const input = question(page, id).locator('[data-command-input]');
  await input.fill(command);
  await input.press('Enter');
  // The verdict replaces the "running" message once netsim has answered.
  await expect.poll(() => feedback(page, id).locator('.quiz__result').count(), { timeout: 15_000 }).toBe(1);
}

const scoreText = (page: Page) => page.locator('[data-quiz-score]').textContent();

describe.each(LOCALES)('the quiz in %s', (locale: Locale) => {
  const t = useTranslations(locale);

  it('answers wrong then right, explains the chosen option, retries and scores', async () => {
    const page = await session.open(`/${locale}/${LESSON}/`);
    const count = await page.locator('[data-question]').count();
    expect(count).toBeGreaterThanOrEqual(5);
    expect(await scoreText(page)).toBe(t('quiz.score', { count, correct: 0 }));
    // Explanations wait until the reader checks.
    expect(await question(page, 'default-network').locator('[data-explanation="host"]').isVisible()).toBe(false);

    await choose(page, 'default-network', ['host']);
    const wrong = feedback(page, 'default-network');
    expect(await wrong.locator('.quiz__result--wrong').textContent()).toBe(t('quiz.wrong'));
    const hostExplanation = await question(page, 'default-network')
      .locator('[data-explanation="host"] > div')
      .textContent();
    expect(await wrong.textContent()).toContain(hostExplanation!.trim());
    expect(await question(page, 'default-network').locator('[data-option="host"]').getAttribute('data-state')).toBe(
      'wrong',
    );

    await question(page, 'default-network').locator('[data-retry]').click();
    expect(await wrong.textContent()).toBe('');
    await choose(page, 'default-network', ['bridge']);
    expect(await feedback(page, 'default-network').locator('.quiz__result--right').textContent()).toBe(t('quiz.right'));
    expect(await scoreText(page)).toBe(t('quiz.score', { count, correct: 1 }));

    // A multiple-choice answer with a right option missing is wrong, and says how many are missing.
    await choose(page, 'macvlan-facts', ['ip-range']);
    expect(await feedback(page, 'macvlan-facts').textContent()).toContain(t('quiz.missed', { count: 1 }));

    // The right option of a predict question is what netsim printed at build time: a none container has lo only.
    const printed = await question(page, 'none-interfaces')
      .locator('[data-option="printed"] .quiz__output code')
      .textContent();
    expect(printed).toMatch(/^1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 /);
    expect(printed).not.toContain('eth0');
    await choose(page, 'none-interfaces', ['printed']);
    expect(await feedback(page, 'none-interfaces').locator('.quiz__result--right').count()).toBe(1);
    expect(await scoreText(page)).toBe(t('quiz.score', { count, correct: 2 }));
    await page.context().close();
  });

  it('runs a typed command on the simulated host and accepts another command with the same effect', async () => {
    const page = await session.open(`/${locale}/${LESSON}/`);
    // The address Docker 29 no longer keeps at the top of NetworkSettings: a template error, not the IP.
    await typeCommand(page, 'container-ip', "docker inspect -f '{{.NetworkSettings.IPAddress}}' web");
    expect(await feedback(page, 'container-ip').locator('.quiz__result--wrong').count()).toBe(1);
    expect(await feedback(page, 'container-ip').textContent()).toContain('map has no entry for key "IPAddress"');

    await typeCommand(page, 'container-ip', "docker inspetc -f '{{.NetworkSettings.Networks.bridge.IPAddress}}' web");
    const typo = await feedback(page, 'container-ip').textContent();
    expect(typo).toContain(t('quiz.wrong'));
    expect(typo).toContain('docker: unknown command: docker inspetc');

    await typeCommand(
      page,
      'container-ip',
      "docker inspect --format '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' web",
    );
    expect(await feedback(page, 'container-ip').locator('.quiz__result--right').textContent()).toBe(t('quiz.right'));
    await page.context().close();
  });

  it("says the simulator did not load when its worker's script does not come, and checks once it does", async () => {
    const page = await session.open(`/${locale}/${LESSON}/`);
    const worker = '**/_astro/netsim.worker-*.js';
    await page.context().route(worker, (route) => route.abort());
    const input = question(page, 'container-ip').locator('[data-command-input]');
    await input.fill("docker inspect -f '{{.NetworkSettings.Networks.bridge.IPAddress}}' web");
    await input.press('Enter');
    await expect
      .poll(() => feedback(page, 'container-ip').textContent(), { timeout: 15_000 })
      .toBe(t('quiz.loadFailed'));
    expect(await question(page, 'container-ip').locator('[data-check]').isDisabled()).toBe(false);
    await page.context().unroute(worker);
    await input.press('Enter');
    await expect
      .poll(() => feedback(page, 'container-ip').locator('.quiz__result--right').count(), { timeout: 15_000 })
      .toBe(1);
    await page.context().close();
  });

  it('is answered with the keyboard alone, and the verdict lands in a live region', async () => {
    const page = await session.open(`/${locale}/${LESSON}/`);
    await question(page, 'scope-column').locator('input').first().focus();
    // Arrow keys move between radio buttons and select; Tab leaves the group for the Check button.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-check'))).toBe(true);
    await page.keyboard.press('Enter');
    const live = feedback(page, 'scope-column');
    expect(await live.getAttribute('role')).toBe('status');
    expect(await live.locator('.quiz__result--right').textContent()).toBe(t('quiz.right'));
    const violations = await blockingViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await page.context().close();
  });
});

describe('answers kept in the browser', () => {
  it('survive a reload and a language switch, and the course home shows the score', async () => {
    const page = await session.open(`/es/${LESSON}/`);
    const t = { es: useTranslations('es'), fr: useTranslations('fr') };
    const count = await page.locator('[data-question]').count();
    const answer = "docker inspect -f '{{.NetworkSettings.Networks.bridge.IPAddress}}' web";
    await choose(page, 'default-network', ['bridge']);
    await choose(page, 'scope-column', ['no-lan']);
    await typeCommand(page, 'container-ip', answer);

    await page.reload();
    expect(await question(page, 'default-network').locator('[data-option="bridge"] input').isChecked()).toBe(true);
    expect(await feedback(page, 'scope-column').locator('.quiz__result--wrong').count()).toBe(1);
    expect(await question(page, 'container-ip').locator('[data-command-input]').inputValue()).toBe(answer);
    expect(await scoreText(page)).toBe(t.es('quiz.score', { count, correct: 2 }));

    await page.click('.language-switcher a[data-locale-link="fr"]');
    // The switcher carries the section being read (#id) along.
    await page.waitForURL(new RegExp(`/fr/${LESSON}/(#.*)?$`));
    expect(await question(page, 'default-network').locator('[data-option="bridge"] input').isChecked()).toBe(true);
    expect(await feedback(page, 'default-network').locator('.quiz__result--right').textContent()).toBe(
      t.fr('quiz.right'),
    );
    expect(await scoreText(page)).toBe(t.fr('quiz.score', { count, correct: 2 }));

    await page.goto(session.url('/fr/'));
    expect(await page.locator(`[data-quiz-progress="${LESSON}"]`).textContent()).toBe(
      t.fr('quiz.homeScore', { count, correct: 2 }),
    );
    expect(await page.locator('[data-quiz-progress="default-bridge"]').isVisible()).toBe(false);
    await page.context().close();
  });

  it('without JavaScript, shows native inputs and each explanation on request', async () => {
    const page = await session.open(`/pt/${LESSON}/`, { javaScriptEnabled: false });
    const first = question(page, 'default-network');
    expect(await first.locator('input[type="radio"]').count()).toBe(3);
    expect(await first.locator('[data-check]').isVisible()).toBe(false);
    const details = first.locator('[data-explanation="bridge"]');
    expect(await details.locator('.quiz__verdict').isVisible()).toBe(false);
    await details.locator('summary').click();
    expect(await details.locator('.quiz__verdict').textContent()).toBe(useTranslations('pt')('quiz.optionRight'));
    await page.context().close();
  });
});
