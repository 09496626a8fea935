import { isLocale, LOCALES, type Locale } from '../i18n/locales';
import type { LessonFrontmatter } from './lesson-schema';
import { MODULE_IDS, type ModuleId } from './modules';

/** What the catalog needs of a content entry; Astro's entries satisfy it. */
export interface LessonSource<Entry = unknown> {
  /** Path from the project root, e.g. `content/es/network-drivers.mdx`. */
  filePath: string;
  data: LessonFrontmatter;
  entry: Entry;
}

/** One lesson as a reader of `locale` gets it: its own translation or the source. */
export interface LessonPage<Entry = unknown> {
  lessonId: string;
  locale: Locale;
  module: ModuleId;
  /** The translation shown; for a fallback page it is the source locale's file. */
  shown: LessonSource<Entry>;
  /** Language the shown text is written in. */
  contentLocale: Locale;
  isFallback: boolean;
  /** Locales that have their own translation of this lesson. */
  translatedLocales: Locale[];
}

export interface ModuleOutline<Entry = unknown> {
  id: ModuleId;
  lessons: LessonPage<Entry>[];
}

export interface Catalog<Entry = unknown> {
  /** Every lesson in reading order (module order, then `order`) for a locale. */
  lessonsIn(locale: Locale): LessonPage<Entry>[];
  modulesIn(locale: Locale): ModuleOutline<Entry>[];
  page(locale: Locale, lessonId: string): LessonPage<Entry> | undefined;
}

export class CatalogError extends Error {
  constructor(readonly problems: string[]) {
    super(`The course content has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CatalogError';
  }
}

interface LessonGroup<Entry> {
  lessonId: string;
  translations: Map<Locale, LessonSource<Entry>>;
}

/**
 * Groups lesson files into lessons and checks what the schema cannot see alone:
 * the file's place, agreement between translations, and unique positions.
 * Every problem is collected so a contributor fixes them in one pass.
 */
export function buildCatalog<Entry>(sources: LessonSource<Entry>[]): Catalog<Entry> {
  const problems: string[] = [];
  const groups = groupByLesson(sources, problems);
  const ordered = [...groups.values()]
    .map((group) => checkGroup(group, problems))
    .filter((group): group is CheckedGroup<Entry> => group !== undefined);
  checkPositions(ordered, problems);
  if (problems.length > 0) throw new CatalogError(problems);
  ordered.sort(
    (a, b) =>
      MODULE_IDS.indexOf(a.source.data.module) - MODULE_IDS.indexOf(b.source.data.module) ||
      a.source.data.order - b.source.data.order,
  );
  return catalogOf(ordered);
}

function groupByLesson<Entry>(sources: LessonSource<Entry>[], problems: string[]) {
  const groups = new Map<string, LessonGroup<Entry>>();
  for (const source of sources) {
    const place = placeOf(source.filePath);
    if (!place) {
      problems.push(
        `${source.filePath}: lessons live at content/<locale>/<lesson-id>.mdx with <locale> one of ${LOCALES.join(', ')}`,
      );
      continue;
    }
    if (place.fileName !== source.data.lessonId) {
      problems.push(
        `${source.filePath}: lessonId "${source.data.lessonId}" must match the file name "${place.fileName}"`,
      );
      continue;
    }
    const group = groups.get(place.fileName) ?? { lessonId: place.fileName, translations: new Map() };
    group.translations.set(place.locale, source);
    groups.set(place.fileName, group);
  }
  return groups;
}

function placeOf(filePath: string): { locale: Locale; fileName: string } | undefined {
  const match = /(?:^|\/)content\/([^/]+)\/([^/]+)\.mdx$/.exec(filePath.replaceAll('\\', '/'));
  const [, locale, fileName] = match ?? [];
  if (!locale || !fileName || !isLocale(locale)) return undefined;
  return { locale, fileName };
}

interface CheckedGroup<Entry> extends LessonGroup<Entry> {
  source: LessonSource<Entry>;
}

function checkGroup<Entry>(group: LessonGroup<Entry>, problems: string[]): CheckedGroup<Entry> | undefined {
  const declared = new Set([...group.translations.values()].map((t) => t.data.sourceLocale));
  if (declared.size > 1) {
    problems.push(
      `lesson "${group.lessonId}": its translations disagree on sourceLocale (${[...declared].join(', ')})`,
    );
    return undefined;
  }
  const [sourceLocale] = [...declared];
  const source = sourceLocale && group.translations.get(sourceLocale);
  if (!source) {
    problems.push(
      `lesson "${group.lessonId}": sourceLocale is "${sourceLocale}" but content/${sourceLocale}/${group.lessonId}.mdx does not exist`,
    );
    return undefined;
  }
  for (const translation of group.translations.values()) {
    for (const field of ['module', 'order'] as const) {
      if (translation.data[field] !== source.data[field]) {
        problems.push(
          `${translation.filePath}: ${field} is ${JSON.stringify(translation.data[field])} but the source ${source.filePath} says ${JSON.stringify(source.data[field])}`,
        );
      }
    }
  }
  return { ...group, source };
}

function checkPositions<Entry>(groups: CheckedGroup<Entry>[], problems: string[]) {
  const taken = new Map<string, string>();
  for (const { source, lessonId } of groups) {
    const position = `${source.data.module}#${source.data.order}`;
    const other = taken.get(position);
    if (other)
      problems.push(
        `lessons "${other}" and "${lessonId}" both have order ${source.data.order} in module "${source.data.module}"`,
      );
    taken.set(position, lessonId);
  }
}

function catalogOf<Entry>(groups: CheckedGroup<Entry>[]): Catalog<Entry> {
  const pageOf = (group: CheckedGroup<Entry>, locale: Locale): LessonPage<Entry> => {
    const own = group.translations.get(locale);
    const shown = own ?? group.source;
    return {
      lessonId: group.lessonId,
      locale,
      module: group.source.data.module,
      shown,
      contentLocale: own ? locale : group.source.data.sourceLocale,
      isFallback: !own,
      translatedLocales: LOCALES.filter((l) => group.translations.has(l)),
    };
  };
  const lessonsIn = (locale: Locale) => groups.map((group) => pageOf(group, locale));
  return {
    lessonsIn,
    modulesIn: (locale) =>
      MODULE_IDS.map((id) => ({ id, lessons: lessonsIn(locale).filter((page) => page.module === id) })).filter(
        (module) => module.lessons.length > 0,
      ),
    page: (locale, lessonId) => lessonsIn(locale).find((page) => page.lessonId === lessonId),
  };
}
