import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../src/i18n/locales';
import { useTranslations } from '../../src/i18n/translate';
import { CONTENT_LICENCE, REPOSITORY } from '../../src/site-config';
import { blockingViolations } from './axe';
import { browserSession } from './browser-session';

// The reader's course at a desk and on a phone, driven from the keyboard: the layout,
// the course menu, long pages, and the details that build trust, in every language.
const session = browserSession();

// Reduced motion: jumps to a section land at once rather than by a smooth scroll, so positions can be read right after.
const WIDTHS: [string, BrowserContextOptions][] = [
  ['1280', { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' }],
  ['390', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' }],
];
const LESSON = 'network-drivers';
const SECOND = 'default-bridge';

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, { back = false, max = 400 } = {}): Promise<void> {
  for (let press = 0; press < max; press += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
  }
  throw new Error(`${max} presses of ${back ? 'Shift+Tab' : 'Tab'} never reached ${selector}`);
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? '');
const top = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => Math.round(element.getBoundingClientRect().top));
const headerBottom = (page: Page) =>
  page.locator('.site-header').evaluate((header) => header.getBoundingClientRect().bottom);

/** Whether the focused element's whole focus ring lies inside every ancestor that clips. */
const ringFullyVisible = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    const grow = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
    const box = element.getBoundingClientRect();
    const ring = { left: box.left - grow, right: box.right + grow, top: box.top - grow, bottom: box.bottom + grow };
    if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) return false;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (getComputedStyle(parent).overflow === 'visible') continue;
      const clip = parent.getBoundingClientRect();
      if (ring.left < clip.left || ring.right > clip.right || ring.top < clip.top || ring.bottom > clip.bottom)
        return false;
    }
    return true;
  });

/** Opens the course menu from the header on a phone; beside the page it is open already. */
async function reachCourseMenu(page: Page, narrow: boolean): Promise<void> {
  if (!narrow) return;
  await tabTo(page, '.site-header__menu');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('#course-nav').evaluate((nav) => nav.matches(':popover-open'))).toBe(true);
}

describe.each(WIDTHS)('at %s px', (width, device) => {
  const narrow = width === '390';
  const open = (path: string, options: BrowserContextOptions = {}) => session.open(path, { ...device, ...options });

  describe.each(LOCALES)('in %s', (locale: Locale) => {
    const t = useTranslations(locale);

    it('shows the first paragraph on the first screen, under a one-row header that stays while the page scrolls', async () => {
      const page = await open(`/${locale}/${LESSON}/`);
      const height = device.viewport!.height;
      expect(await top(page, '.prose > p')).toBeLessThan(height - 60);
      // On a phone the contents are one closed line above the text; beside it on a wide screen, open.
      expect(await page.locator('details.toc').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(
        !narrow,
      );
      expect(await page.locator('.toc__summary').isVisible()).toBe(narrow);
      expect(await page.locator('.toc__nav a').first().isVisible()).toBe(!narrow);
      const header = await page.locator('.site-header').evaluate((element) => element.getBoundingClientRect().height);
      expect(header).toBeLessThanOrEqual(64);
      await page.keyboard.press('End');
      await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(2000);
      expect(await top(page, '.site-header')).toBe(0);
      // Nothing wider than the screen: on a phone, a wider page would widen the layout viewport (innerWidth) with it.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        device.viewport!.width,
      );
      await page.context().close();
    });

    it('opens the contents on a phone from the keyboard, and goes to a section under the header', async () => {
      const page = await open(`/${locale}/${LESSON}/`);
      if (narrow) {
        await tabTo(page, '.toc__summary');
        await page.keyboard.press('Enter');
        expect(await page.locator('.toc__nav a').first().isVisible()).toBe(true);
      }
      await tabTo(page, '.toc__nav a[href="#bridge-la-red-por-defecto"]');
      await page.keyboard.press('Enter');
      await page.waitForURL('**#bridge-la-red-por-defecto');
      await expect.poll(() => top(page, '#bridge-la-red-por-defecto')).toBeLessThan(200);
      expect(await top(page, '#bridge-la-red-por-defecto')).toBeGreaterThanOrEqual(await headerBottom(page));
      // The contents mark the section being read.
      await expect
        .poll(() => page.locator('.toc a[aria-current="true"]').getAttribute('href'))
        .toBe('#bridge-la-red-por-defecto');
      await page.context().close();
    });

    it('marks the section being read in the contents as the page scrolls', async () => {
      const page = await open(`/${locale}/${LESSON}/`);
      const ids = await page
        .locator('.prose .heading > :is(h2, h3)')
        .evaluateAll((headings) => headings.map((heading) => heading.id));
      for (const id of [ids[3]!, ids[8]!, ids[1]!]) {
        await page.evaluate((target) => document.getElementById(target)!.scrollIntoView({ behavior: 'instant' }), id);
        await expect.poll(() => page.locator('.toc a[aria-current="true"]').getAttribute('href')).toBe(`#${id}`);
        expect(await page.locator('.toc a[aria-current="true"]').count()).toBe(1);
      }
      await page.context().close();
    });

    it('links each heading to itself, named for its section', async () => {
      const page = await open(`/${locale}/${LESSON}/`);
      await tabTo(page, '.heading__anchor');
      const anchor = page.locator('.heading__anchor').first();
      const id = (await anchor.getAttribute('href'))!.slice(1);
      const name = await page.evaluate(() => {
        const link = document.activeElement!;
        return link
          .getAttribute('aria-labelledby')!
          .split(' ')
          .map((part) => document.getElementById(part)!.textContent)
          .join(' ');
      });
      expect(name).toBe(`${t('lesson.sectionLink')} ${await page.locator(`#${id}`).textContent()}`);
      await page.keyboard.press('Enter');
      await page.waitForURL(`**#${id}`);
      await expect.poll(() => top(page, `#${id}`)).toBeLessThan(200);
      expect(await top(page, `#${id}`)).toBeGreaterThanOrEqual(await headerBottom(page));
      await page.context().close();
    });

    it('switches language at the section being read', async () => {
      const other = LOCALES.find((code) => code !== locale)!;
      const page = await open(`/${locale}/${SECOND}/`);
      const ids = await page
        .locator('.prose .heading > h2')
        .evaluateAll((headings) => headings.map((heading) => heading.id));
      const target = ids[4]!;
      const heading = await page.locator(`#${target}`).textContent();
      await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ behavior: 'instant' }), target);
      await expect
        .poll(() => page.locator(`[data-locale-link="${other}"]`).getAttribute('href'))
        .toBe(`/${other}/${SECOND}/#${target}`);
      expect(await page.locator(`[data-locale-link="${locale}"]`).getAttribute('href')).toBe(
        `/${locale}/${SECOND}/#${target}`,
      );
      // Tab starts where the reader scrolled to and scrolls on through the later sections, round to the
      // header: the place stays the one the reader scrolled to.
      await tabTo(page, `[data-locale-link="${other}"]`, { max: 500 });
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/${other}/${SECOND}/#${target}`);
      // The same place in the other language: the heading there is translated, its id is not.
      await expect.poll(() => top(page, `#${target}`), { timeout: 5000 }).toBeLessThan(250);
      expect(await page.locator(`#${target}`).textContent()).not.toBe(heading);
      await page.context().close();
    }, 90_000);

    it('lists the course by module in a menu, this lesson current, each lesson with its reading time', async () => {
      const page = await open(`/${locale}/${SECOND}/`);
      const nav = page.locator('#course-nav');
      expect(await nav.isVisible()).toBe(!narrow);
      expect(await page.locator('.site-header__menu').isVisible()).toBe(narrow);
      await reachCourseMenu(page, narrow);
      expect(await nav.getAttribute('aria-label')).toBe(t('nav.course'));
      expect(await nav.locator('.course-nav__module-title').count()).toBe(3);
      const current = nav.locator('[aria-current="page"]');
      expect(await current.getAttribute('data-lesson')).toBe(SECOND);
      expect(await nav.locator('.course-nav__time').first().textContent()).toMatch(/^\d+ min$/);
      // Tab goes from the header into the menu, and reaches the current lesson.
      await tabTo(page, '#course-nav [aria-current="page"]', { max: 60 });
      if (narrow) {
        await page.keyboard.press('Escape');
        expect(await nav.isVisible()).toBe(false);
        expect(await focused(page)).toContain('site-header__menu');
      }
      await page.context().close();
    });

    it('goes to another lesson from the menu with the keyboard', async () => {
      const page = await open(`/${locale}/${LESSON}/`);
      await reachCourseMenu(page, narrow);
      await tabTo(page, `#course-nav [data-lesson="${SECOND}"]`, { max: 60 });
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/${locale}/${SECOND}/`);
      expect(await page.locator('#course-nav [aria-current="page"]').getAttribute('data-lesson')).toBe(SECOND);
      await page.context().close();
    });

    it("marks each lesson with this browser's quiz and exercise progress", async () => {
      const page = await open(`/${locale}/`);
      // What the quiz and exercise scripts keep: one lesson finished, one begun.
      await page.evaluate(async () => {
        const finished = await fetch('/es/network-drivers/').then((response) => response.text());
        const ids = [...finished.matchAll(/data-question="([^"]+)"/g)].map((match) => match[1]!);
        localStorage.setItem(
          'quiz-progress',
          JSON.stringify({
            'network-drivers': {
              count: ids.length,
              answers: Object.fromEntries(ids.map((id) => [id, { answer: ['x'], correct: true }])),
            },
            'default-bridge': { count: 7, answers: { one: { answer: ['x'], correct: true } } },
          }),
        );
        localStorage.setItem('exercise-progress', JSON.stringify({ 'network-drivers': { count: 1, done: ['any'] } }));
      });
      await page.goto(session.url(`/${locale}/host-and-none/`));
      await reachCourseMenu(page, narrow);
      const lesson = (id: string) => page.locator(`#course-nav [data-lesson="${id}"]`);
      expect(await lesson(LESSON).getAttribute('data-state')).toBe('done');
      expect(await lesson(LESSON).locator('[data-progress-text]').textContent()).toContain(t('nav.lessonDone'));
      expect(await lesson(SECOND).getAttribute('data-state')).toBe('started');
      expect(await lesson(SECOND).locator('[data-progress-text]').textContent()).toContain(
        t('quiz.homeScore', { count: 7, correct: 1 }),
      );
      expect(await lesson('host-and-none').getAttribute('data-state')).toBeNull();
      await page.context().close();
    });

    it('offers to continue on the course home where the reader left off', async () => {
      const page = await open(`/${locale}/`);
      expect(await page.locator('.home__continue').isVisible()).toBe(false);
      await page.goto(session.url(`/${locale}/${SECOND}/`));
      const target = (await page.locator('.prose .heading > h2').nth(3).getAttribute('id'))!;
      await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ behavior: 'instant' }), target);
      await expect.poll(() => page.evaluate(() => localStorage.getItem('reading-position'))).toContain(target);
      await page.goto(session.url(`/${locale}/`));
      expect(await page.locator('.home__continue').isVisible()).toBe(true);
      expect(await page.locator('.home__continue-label').textContent()).toBe(t('home.continue'));
      await tabTo(page, '.home__continue a');
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/${locale}/${SECOND}/#${target}`);
      await expect.poll(() => top(page, `#${target}`), { timeout: 5000 }).toBeLessThan(250);
      await page.context().close();
    });

    it('scrolls a table wider than the screen from the keyboard', async () => {
      const page = await open(`/${locale}/${LESSON}/`);
      await tabTo(page, '.table-scroll');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
        t('lesson.tableScroll'),
      );
      expect(await ringFullyVisible(page)).toBe(true);
      const table = page.locator('.table-scroll').first();
      const wide = await table.evaluate((box) => box.scrollWidth > box.clientWidth);
      // The course's summary table is wider than a phone.
      expect(wide).toBe(narrow);
      if (wide) {
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => table.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
      }
      await page.context().close();
    });

    it('announces a copy, and shows the whole focus ring of a console block and its buttons', async () => {
      const page = await open(`/${locale}/${LESSON}/`, { permissions: ['clipboard-read', 'clipboard-write'] });
      await tabTo(page, '.console__copy');
      expect(await ringFullyVisible(page)).toBe(true);
      await page.keyboard.press('Enter');
      const status = page.locator('[data-console-copy-status]').first();
      await expect.poll(() => status.textContent()).toBe(t('console.copied'));
      expect(await status.getAttribute('role')).toBe('status');
      await tabTo(page, '.console__screen');
      expect(await ringFullyVisible(page)).toBe(true);
      await page.context().close();
    });

    it('says what the omitted-lines button will do, in each state', async () => {
      const page = await open(`/${locale}/host-and-none/`);
      await tabTo(page, '[data-console-omitted]');
      const toggle = page.locator('[data-console-omitted]').first();
      expect(await toggle.textContent()).toBe(t('console.showOmitted', { count: 8 }));
      await page.keyboard.press('Enter');
      expect(await toggle.textContent()).toBe(t('console.hideOmitted', { count: 8 }));
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('Space');
      expect(await toggle.textContent()).toBe(t('console.showOmitted', { count: 8 }));
      await page.context().close();
    });

    it('explains the verified mark on Enter, on tap and on hover: the output comes from the simulator', async () => {
      const page = await open(`/${locale}/${LESSON}/`);
      await tabTo(page, '.console__mark--verified');
      const mark = page.locator('.console__mark--verified').first();
      const note = page.locator(`#${await mark.getAttribute('popovertarget')}`);
      const version = /\d+\.\d+\.\d+/.exec((await mark.textContent())!)![0];
      const explanation = t('console.verifiedTitle', { version });
      expect(await mark.getAttribute('title')).toBe(explanation);
      await page.keyboard.press('Enter');
      expect(await note.isVisible()).toBe(true);
      expect(await note.textContent()).toBe(explanation);
      await page.keyboard.press('Escape');
      expect(await note.isVisible()).toBe(false);
      if (narrow) {
        await mark.tap();
        expect(await note.isVisible()).toBe(true);
        await page.locator('.lesson__lead').tap();
        expect(await note.isVisible()).toBe(false);
      }
      await page.context().close();
    });

    it('ends a lesson with where to edit it, when it last changed and the licence', async () => {
      const page = await open(`/${locale}/${LESSON}/`);
      await page.keyboard.press('End');
      await tabTo(page, '[data-edit-link]', { back: true, max: 20 });
      expect(await page.locator('[data-edit-link]').getAttribute('href')).toBe(
        `${REPOSITORY.url}/edit/${REPOSITORY.branch}/content/${locale}/${LESSON}.mdx`,
      );
      expect(await page.locator('[data-edit-link]').textContent()).toBe(t('footer.edit'));
      expect(await page.locator('.site-footer time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(await page.locator('a[rel="license"]').getAttribute('href')).toBe(CONTENT_LICENCE.url);
      await page.context().close();
    });

    it('prints link addresses and no controls', async () => {
      const page = await open(`/${locale}/${SECOND}/`);
      // Printing (here to PDF) runs the page's beforeprint: relative links get their full address.
      await page.pdf();
      await page.emulateMedia({ media: 'print' });
      const after = await page
        .locator('.prose a[href^="../"]')
        .first()
        .evaluate((link) => getComputedStyle(link, '::after').content);
      expect(after).toBe(`" (${session.url(`/${locale}/network-drivers/`)})"`);
      const controls = await page.evaluate(() =>
        [...document.querySelectorAll('button:not(.console__mark), .heading__anchor, .course-nav, .toc, .site-header')]
          .filter((element) => element.checkVisibility())
          .map((element) => element.outerHTML.slice(0, 80)),
      );
      expect(controls).toEqual([]);
      await page.context().close();
    });

    it.each([`/${LESSON}/`, `/${SECOND}/`, '/'])(
      'has no serious accessibility violation on %s, with its menus and notes open',
      async (path) => {
        const page = await open(`/${locale}${path}`);
        await page.waitForLoadState('networkidle');
        expect(await blockingViolations(page)).toEqual([]);
        if (path !== '/') {
          if (narrow) {
            await page.locator('.site-header__menu').press('Enter');
            expect(await blockingViolations(page)).toEqual([]);
            await page.keyboard.press('Escape');
            await page.locator('.toc__summary').press('Enter');
          }
          await page.locator('.console__mark--verified').first().press('Enter');
          expect(await blockingViolations(page)).toEqual([]);
        }
        await page.context().close();
      },
    );
  });
});
