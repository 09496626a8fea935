import { readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES } from '../../src/i18n/locales';
import { lessonFiles, loadLesson } from './lesson-check';
import { LessonError } from './lesson-error';
import { lessonHead, type LessonHead } from './lesson-head';
import type { LessonSource } from './lesson-source';
import { decodeLesson, readLessonFile } from './read-lesson-file';
import { writeUnlessChanged } from './safe-write';
import { FINGERPRINT_PARTS, fingerprintLesson, type SourceFingerprint } from './source-fingerprint';

/** Where one lesson stands in one language. */
export type TranslationState =
  | { kind: 'source' }
  /** Marked up to date with the source as it is now. */
  | { kind: 'current' }
  /** The source changed since the translation was marked: in these parts. */
  | { kind: 'stale'; changed: (typeof FINGERPRINT_PARTS)[number][] }
  /** Never marked up to date with any version of the source. */
  | { kind: 'unmarked' }
  /** No file in this language: readers get the source with a "not translated yet" notice. */
  | { kind: 'missing' };

export interface TranslationRow {
  lessonId: string;
  locale: string;
  sourceLocale: string;
  /** The translation's file, absent when it is missing. */
  path: string | undefined;
  /** The source lesson's file. */
  sourcePath: string;
  state: TranslationState;
  /** The front matter line of `translatedFrom:`, or 1: where a warning points. */
  line: number;
}

/** Every lesson in every language, with its state: the source, current, stale, unmarked or missing. */
export function translationStatus(root: string, read?: ReadonlyMap<string, LessonSource>): TranslationRow[] {
  // A build has read every lesson already: their heads come with them.
  const heads = lessonFiles(root).map((path) => read?.get(path)?.head ?? headOf(root, path));
  const byId = new Map<string, LessonHead[]>();
  for (const head of heads) byId.set(head.lessonId, [...(byId.get(head.lessonId) ?? []), head]);
  const rows: TranslationRow[] = [];
  const sources = [...byId.values()]
    .map((versions) => versions.find((head) => head.locale === head.sourceLocale))
    .filter((source): source is LessonHead => source !== undefined) // the catalog reports a lesson without its source
    .sort(
      (a, b) => a.position[0] - b.position[0] || a.position[1] - b.position[1] || a.lessonId.localeCompare(b.lessonId),
    );
  for (const source of sources) {
    const { lessonId } = source;
    const versions = byId.get(lessonId)!;
    // A build has read every lesson already (check-lessons.ts): its fingerprint is known.
    const fingerprint =
      read?.get(source.path)?.fingerprint ?? fingerprintLesson(readLessonFile(source.path, join(root, source.path)));
    for (const locale of LOCALES) {
      const version = versions.find((head) => head.locale === locale);
      const row = {
        lessonId,
        locale,
        sourceLocale: source.locale,
        path: version?.path,
        sourcePath: source.path,
        line: version?.translatedFromLine ?? 1,
      };
      rows.push({ ...row, state: stateOf(version, source, fingerprint) });
    }
  }
  return rows;
}

function stateOf(
  version: LessonHead | undefined,
  source: LessonHead,
  fingerprint: SourceFingerprint,
): TranslationState {
  if (!version) return { kind: 'missing' };
  if (version === source) return { kind: 'source' };
  if (!version.translatedFrom) return { kind: 'unmarked' };
  const changed = FINGERPRINT_PARTS.filter((part) => version.translatedFrom![part] !== fingerprint[part]);
  return changed.length === 0 ? { kind: 'current' } : { kind: 'stale', changed };
}

/** Rows that want a translator: stale or never marked. */
export const needsTranslator = (row: TranslationRow): boolean =>
  row.state.kind === 'stale' || row.state.kind === 'unmarked';

/** One line per translation that wants a translator, `file:line:1: warning: ...`, saying what changed and what to run. */
export function formatStaleWarning(row: TranslationRow): string {
  const what =
    row.state.kind === 'stale'
      ? `its source ${row.sourcePath} changed its ${row.state.changed.join(', ')} since it was marked up to date`
      : `it was never marked up to date with its source ${row.sourcePath}`;
  return `${row.path}:${row.line}:1: warning: translation not current: ${what}; bring it up to date, then run \`npm run lessons:translated -- ${row.path}\`\n`;
}

const STATE_TEXT: Record<TranslationState['kind'], string> = {
  source: 'source',
  current: 'current',
  stale: 'stale',
  unmarked: 'never marked',
  missing: 'missing (readers get the source)',
};

/** `lessons:status`: a table per language, every lesson in it and its state, then the counts. */
export function formatStatus(rows: readonly TranslationRow[]): string {
  let text = '';
  for (const locale of LOCALES) {
    const mine = rows.filter((row) => row.locale === locale);
    if (mine.length === 0) continue;
    const width = Math.max(6, ...mine.map((row) => row.lessonId.length));
    text += `\n${locale}\n${'lesson'.padEnd(width)}  state\n${'-'.repeat(width)}  -----\n`;
    for (const row of mine) {
      const detail = row.state.kind === 'stale' ? ` (source's ${row.state.changed.join(', ')} changed)` : '';
      text += `${row.lessonId.padEnd(width)}  ${STATE_TEXT[row.state.kind]}${detail}\n`;
    }
    const count = (kind: TranslationState['kind']) => mine.filter((row) => row.state.kind === kind).length;
    text += `${count('source')} source, ${count('current')} current, ${count('stale')} stale, ${count('unmarked')} never marked, ${count('missing')} missing\n`;
  }
  return text.slice(1);
}

/**
 * Records in a translation's front matter that it is up to date with its source
 * as the source is now (`translatedFrom:` with the source's fingerprint). The file
 * is rewritten only if it still holds what was read, atomically, through a symlink.
 */
export function markTranslated(root: string, path: string): { written: boolean; error?: string } {
  const head = headOf(root, path);
  if (head.locale === head.sourceLocale)
    throw new LessonError(
      path,
      1,
      1,
      `this is the source lesson (sourceLocale: ${head.sourceLocale}); mark its translations instead`,
    );
  const sourcePath = `content/${head.sourceLocale}/${head.lessonId}.mdx`;
  if (!statSync(join(root, sourcePath), { throwIfNoEntry: false }))
    throw new LessonError(path, 1, 1, `its source lesson ${sourcePath} does not exist`);
  // The source must itself be a valid lesson: a fingerprint of a broken file would mark nothing real.
  const source = loadLesson(root, sourcePath);
  loadLesson(root, path);
  const file = realpathSync(join(root, path));
  const bytes = readFileSync(file);
  const text = decodeLesson(path, bytes);
  const updated = withTranslatedFrom(text, fingerprintLesson(source.text));
  if (updated === text) return { written: false };
  const error = writeUnlessChanged(file, statSync(file).mode, bytes, updated, 'lessons:translated');
  return error ? { written: false, error } : { written: true };
}

/** The text with its front matter's `translatedFrom:` (and the lines indented under it) replaced or added before the closing `---`. */
export function withTranslatedFrom(text: string, fingerprint: SourceFingerprint): string {
  const block = /^(---(\r?\n))([\s\S]*?)(\r?\n---(?:\r?\n|$))/.exec(text);
  if (!block) return text;
  const eol = block[2]!;
  const lines = block[3]!.split(/\r?\n/);
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (!lines[index]!.startsWith('translatedFrom:')) {
      kept.push(lines[index]!);
      continue;
    }
    while (index + 1 < lines.length && /^\s/.test(lines[index + 1]!)) index++;
  }
  const entry = ['translatedFrom:', ...FINGERPRINT_PARTS.map((part) => `  ${part}: "${fingerprint[part]}"`)];
  return `${block[1]}${[...kept, ...entry].join(eol)}${block[4]}${text.slice(block[0].length)}`;
}

function headOf(root: string, path: string): LessonHead {
  return lessonHead(path, readLessonFile(path, join(root, path)));
}
