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
    expect(await question(page, 'dns-default-bridge').locator('[data-explanation="stopped"]').isVisible()).toBe(false);

    await choose(page, 'dns-default-bridge', ['stopped']);
    const wrong = feedback(page, 'dns-default-bridge');
    expect(await wrong.locator('.quiz__result--wrong').textContent()).toBe(t('quiz.wrong'));
    const stoppedExplanation = await question(page, 'dns-default-bridge').locator('[data-explanation="stopped"] > div').textContent();
    expect(await wrong.textContent()).toContain(stoppedExplanation!.trim());
    expect(await question(page, 'dns-default-bridge').locator('[data-option="stopped"]').getAttribute('data-state')).toBe('wrong');

    await question(page, 'dns-default-bridge').locator('[data-retry]').click();
    expect(await wrong.textContent()).toBe('');
    await choose(page, 'dns-default-bridge', ['no-dns']);
    expect(await feedback(page, 'dns-default-bridge').locator('.quiz__result--right').textContent()).toBe(t('quiz.right'));
    expect(await scoreText(page)).toBe(t('quiz.score', { count, correct: 1 }));

    // A multiple-choice answer with a right option missing is wrong, and says how many are missing.
    await choose(page, 'single-host-drivers', ['bridge', 'host']);
    expect(await feedback(page, 'single-host-drivers').textContent()).toContain(t('quiz.missed', { count: 1 }));

    // The right option of a predict question is what netsim printed at build time.
    expect(await question(page, 'ping-name-default-bridge').locator('[data-option="printed"] .quiz__output code').textContent()).toBe("ping: bad address 'a2'");
    await choose(page, 'ping-name-default-bridge', ['printed']);
    expect(await feedback(page, 'ping-name-default-bridge').locator('.quiz__result--right').count()).toBe(1);
    expect(await scoreText(page)).toBe(t('quiz.score', { count, correct: 2 }));
    await page.context().close();
  });

  it('runs a typed command on the simulated host and accepts another command with the same effect', async () => {
    const page = await session.open(`/${locale}/${LESSON}/`);
    await typeCommand(page, 'create-subnet', 'docker network create red-app');
    expect(await feedback(page, 'create-subnet').locator('.quiz__result--wrong').count()).toBe(1);
    expect(await feedback(page, 'create-subnet').locator('pre').textContent()).toMatch(/^[0-9a-f]{64}$/);

    await typeCommand(page, 'create-subnet', 'docker netwrk create red-app');
    const typo = await feedback(page, 'create-subnet').textContent();
    expect(typo).toContain(t('quiz.wrong'));
    expect(typo).toContain('docker: unknown command: docker netwrk');

    await typeCommand(page, 'create-subnet', 'docker network create -d bridge --subnet=10.10.0.0/24 red-app');
    expect(await feedback(page, 'create-subnet').locator('.quiz__result--right').textContent()).toBe(t('quiz.right'));
    await page.context().close();
  });

  it('is answered with the keyboard alone, and the verdict lands in a live region', async () => {
    const page = await session.open(`/${locale}/${LESSON}/`);
    await question(page, 'host-network-port').locator('input').first().focus();
    // Arrow keys move between radio buttons and select; Tab leaves the group for the Check button.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-check'))).toBe(true);
    await page.keyboard.press('Enter');
    const live = feedback(page, 'host-network-port');
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
    await choose(page, 'dns-default-bridge', ['no-dns']);
    await choose(page, 'host-network-port', ['random']);
    await typeCommand(page, 'create-subnet', 'docker network create --subnet 10.10.0.0/24 red-app');

    await page.reload();
    expect(await question(page, 'dns-default-bridge').locator('[data-option="no-dns"] input').isChecked()).toBe(true);
    expect(await feedback(page, 'host-network-port').locator('.quiz__result--wrong').count()).toBe(1);
    expect(await question(page, 'create-subnet').locator('[data-command-input]').inputValue()).toBe('docker network create --subnet 10.10.0.0/24 red-app');
    expect(await scoreText(page)).toBe(t.es('quiz.score', { count, correct: 2 }));

    await page.click('.language-switcher a[data-locale-link="fr"]');
    await page.waitForURL(`**/fr/${LESSON}/`);
    expect(await question(page, 'dns-default-bridge').locator('[data-option="no-dns"] input').isChecked()).toBe(true);
    expect(await feedback(page, 'dns-default-bridge').locator('.quiz__result--right').textContent()).toBe(t.fr('quiz.right'));
    expect(await scoreText(page)).toBe(t.fr('quiz.score', { count, correct: 2 }));

    await page.goto(session.url('/fr/'));
    expect(await page.locator(`[data-quiz-progress="${LESSON}"]`).textContent()).toBe(t.fr('quiz.homeScore', { count, correct: 2 }));
    expect(await page.locator('[data-quiz-progress="default-bridge"]').isVisible()).toBe(false);
    await page.context().close();
  });

  it('without JavaScript, shows native inputs and each explanation on request', async () => {
    const page = await session.open(`/pt/${LESSON}/`, { javaScriptEnabled: false });
    const first = question(page, 'dns-default-bridge');
    expect(await first.locator('input[type="radio"]').count()).toBe(3);
    expect(await first.locator('[data-check]').isVisible()).toBe(false);
    const details = first.locator('[data-explanation="no-dns"]');
    expect(await details.locator('.quiz__verdict').isVisible()).toBe(false);
    await details.locator('summary').click();
    expect(await details.locator('.quiz__verdict').textContent()).toBe(useTranslations('pt')('quiz.optionRight'));
    await page.context().close();
  });
});
