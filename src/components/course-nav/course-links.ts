import type { ModuleOutline } from '../../course/catalog';
import { practiceCounts } from '../../course/practice-counts';
import { readingMinutes } from '../../course/reading-time';
import { urls } from '../../course/urls';
import { LOCALE_INFO, type Locale } from '../../i18n/locales';
import { useTranslations } from '../../i18n/translate';
import type { LessonLink } from './lesson-links';

/** What the menu needs of a lesson's content entry: its text, for reading time and practice counts. */
export type WithBody = { body?: string };

type Outline = readonly ModuleOutline<WithBody>[];

// Every page of a language gets the same outline (the lesson route's getStaticPaths), so its
// links are worked out once per build rather than once per page: n lessons, not n². Keyed by
// the outline itself, so `astro dev`, which loads the catalog afresh per request, never sees stale ones.
const known = new WeakMap<Outline, Map<Locale, LessonLink[][]>>();

/** Each module's lesson links, in order, as the course menu of `locale` shows them. */
export function courseLinks(locale: Locale, modules: Outline): LessonLink[][] {
  const byLocale = known.get(modules) ?? new Map<Locale, LessonLink[][]>();
  known.set(modules, byLocale);
  let links = byLocale.get(locale);
  if (!links) {
    const linkOf = lessonLink(locale);
    links = modules.map((module) => module.lessons.map(linkOf));
    byLocale.set(locale, links);
  }
  return links;
}

function lessonLink(locale: Locale) {
  const t = useTranslations(locale);
  return (lesson: ModuleOutline<WithBody>['lessons'][number]): LessonLink => {
    const body = lesson.shown.entry.body ?? '';
    return {
      lessonId: lesson.lessonId,
      href: urls.lesson(locale, lesson.lessonId),
      title: lesson.shown.data.title,
      titleLang: lesson.isFallback ? LOCALE_INFO[lesson.contentLocale].tag : undefined,
      ...practiceCounts(body),
      minutes: t('nav.minutes', { count: readingMinutes(body) }),
    };
  };
}
