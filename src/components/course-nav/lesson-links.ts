import { escapeAttribute, escapeText } from '../../lib/html-escape';

/** One entry of the course menu: a lesson's link and what the menu shows of it. */
export interface LessonLink {
  lessonId: string;
  href: string;
  title: string;
  /** The title's language when it is not the page's (a lesson not yet translated). */
  titleLang: string | undefined;
  questions: number;
  exercises: number;
  /** The reading time as the menu shows it ("15 min"). */
  minutes: string;
}

/**
 * The `<li>`s of a module's lessons in the course menu, the one on screen marked
 * aria-current. Every page carries the whole menu, so a course of n lessons renders
 * n² of these per build: written as a string, they cost a fraction of what as many
 * elements cost through Astro's renderer, and the bytes are the same.
 */
export function lessonLinksHtml(lessons: readonly LessonLink[], current: string): string {
  let html = '';
  for (const lesson of lessons) {
    const currentMark = lesson.lessonId === current ? ' aria-current="page"' : '';
    const lang = lesson.titleLang === undefined ? '' : ` lang="${escapeAttribute(lesson.titleLang)}"`;
    html +=
      `<li><a class="course-nav__lesson" href="${escapeAttribute(lesson.href)}"${currentMark}` +
      ` data-lesson="${escapeAttribute(lesson.lessonId)}" data-questions="${lesson.questions}" data-exercises="${lesson.exercises}">` +
      `<span class="course-nav__mark" aria-hidden="true"></span>` +
      `<span class="course-nav__title"${lang}>${escapeText(lesson.title)}</span>` +
      `<span class="course-nav__time">${escapeText(lesson.minutes)}</span>` +
      `<span class="visually-hidden" data-progress-text></span></a></li>`;
  }
  return html;
}
