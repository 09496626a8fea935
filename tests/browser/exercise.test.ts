import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales';
import { useTranslations } from '../../src/i18n/translate';
import { browserSession } from './browser-session';

const session = browserSession();
const EXERCISE = '[data-exercise="lab-net-and-batch"]';

async function idle(terminal: Locator) {
  await expect
    .poll(() => terminal.evaluate((element) => element.hasAttribute('data-busy')), { timeout: 20_000 })
    .toBe(false);
}

async function typeLine(page: Page, terminal: Locator, line: string) {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await idle(terminal);
}

/** Presses Check with the keyboard and waits until every goal has a status. */
async function check(page: Page, exercise: Locator) {
  await exercise.locator('[data-exercise-check]').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => exercise.locator('[data-goal][data-status="unknown"]').count(), { timeout: 20_000 }).toBe(0);
}

const statuses = (exercise: Locator) =>
  exercise
    .locator('[data-goal]')
    .evaluateAll((goals) =>
      Object.fromEntries(
        goals.map((goal) => [(goal as HTMLElement).dataset.goal, (goal as HTMLElement).dataset.status]),
      ),
    );

describe.each(LOCALES)('an exercise in %s', (locale) => {
  const t = useTranslations(locale);

  it('fails named goals on a wrong attempt, passes them all with the reference solution, and keeps it done', async () => {
    const page = await session.open(`/${locale}/network-drivers/`);
    const exercise = page.locator(EXERCISE);
    // The solution is in the page, shown only on request; the starting point is shown.
    expect(await exercise.locator('[data-exercise-solution]').isVisible()).toBe(false);
    expect(await exercise.locator('.exercise__setup pre').textContent()).toBe(
      '$ docker run -d --name edge --network host nginx',
    );
    // Hints come one at a time.
    const hints = exercise.locator('.exercise__hint');
    expect(await hints.nth(1).isVisible()).toBe(false);
    await hints.nth(0).locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => hints.nth(1).isVisible()).toBe(true);
    expect(await hints.nth(2).isVisible()).toBe(false);
    await exercise.locator('[data-try]').focus();
    await page.keyboard.press('Enter');
    const terminal = exercise.locator('[data-terminal]');
    await terminal.waitFor();
    await idle(terminal);
    // The network is right, but batch is left on the default bridge, where the host (and edge) still answers.
    await typeLine(page, terminal, 'docker network create --subnet 10.10.0.0/24 --gateway 10.10.0.1 lab-net');
    await typeLine(page, terminal, 'docker run -dit --name batch alpine');
    await check(page, exercise);
    expect(await statuses(exercise)).toEqual({
      'lab-net': 'pass',
      'probe-attached': 'fail',
      'probe-gateway': 'fail',
      'batch-none': 'fail',
      'batch-no-gateway': 'fail',
    });
    const reason = await exercise.locator('[data-goal="batch-none"] [data-goal-reason]').textContent();
    expect(reason).toBe(
      t('exercise.reason.not-attached', {
        container: 'batch',
        network: 'none',
        networks: 'bridge',
        interpolation: { escapeValue: false },
      }),
    );
    const still = await exercise.locator('[data-goal="batch-no-gateway"] [data-goal-reason]').textContent();
    expect(still).toBe(
      t('exercise.reason.still-reaches', {
        from: 'batch',
        url: 'http://10.10.0.1/',
        interpolation: { escapeValue: false },
      }),
    );
    expect(await exercise.locator('[data-exercise-status]').textContent()).toBe(t('exercise.remaining', { count: 4 }));

    // The reference solution from a fresh start: Reset puts the host back where the exercise began.
    await exercise.locator('[data-terminal-reset]').click();
    await idle(terminal);
    await terminal.locator('.xterm-helper-textarea').focus();
    const solution = (await exercise.locator('[data-exercise-solution]').textContent())!.split('\n');
    for (const command of solution) await typeLine(page, terminal, command);
    await check(page, exercise);
    expect(Object.values(await statuses(exercise)).every((status) => status === 'pass')).toBe(true);
    expect(await exercise.locator('[data-exercise-status]').textContent()).toBe(t('exercise.done'));

    await page.reload();
    expect(await page.locator(`${EXERCISE} [data-exercise-status]`).textContent()).toBe(t('exercise.doneBefore'));
    await page.goto(session.url(`/${locale}/`));
    expect(await page.locator('[data-exercise-progress="network-drivers"]').textContent()).toBe(
      t('exercise.homeDone', { count: 1, done: 1 }),
    );
    await page.context().close();
  }, 90_000);
});

describe('exercise progress', () => {
  it('is shared across languages', async () => {
    const page = await session.open('/es/default-bridge/');
    const exercise = page.locator('[data-exercise="name-on-default-bridge"]');
    await exercise.locator('[data-try]').click();
    const terminal = exercise.locator('[data-terminal]');
    await idle(terminal);
    await typeLine(
      page,
      terminal,
      "docker run -dit --name cli --add-host srv:$(docker inspect -f '{{.NetworkSettings.Networks.bridge.IPAddress}}' srv) alpine",
    );
    await check(page, exercise);
    expect(await exercise.locator('[data-exercise-status]').textContent()).toBe(useTranslations('es')('exercise.done'));
    await page.click('.language-switcher a[data-locale-link="pt"]');
    // The switcher keeps the section read (follow-sections.ts): once the page has noted it, the link ends in its anchor.
    await page.waitForURL(/\/pt\/default-bridge\/(#[\w-]+)?$/);
    expect(await page.locator('[data-exercise="name-on-default-bridge"] [data-exercise-status]').textContent()).toBe(
      useTranslations('pt')('exercise.doneBefore'),
    );
    await page.context().close();
  }, 60_000);
});
