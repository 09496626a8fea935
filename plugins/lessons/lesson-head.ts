import { parse as parseYaml } from 'yaml';
import { MODULE_IDS } from '../../src/course/modules';
import { LessonError } from './lesson-error';
import { FINGERPRINT_PARTS, type SourceFingerprint } from './source-fingerprint';

/** What the translation status needs of a lesson (translation-status.ts): which lesson, in which language, marked up to date with which source. */
export interface LessonHead {
  path: string;
  locale: string;
  lessonId: string;
  sourceLocale: string;
  translatedFrom: SourceFingerprint | undefined;
  translatedFromLine: number;
  /** Where the course puts it: module index, then order. */
  position: [number, number];
}

/** A lesson's front matter as the translation status reads it; a located error when there is none or it is not YAML. */
export function lessonHead(path: string, text: string): LessonHead {
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!block) throw new LessonError(path, 1, 1, 'the lesson has no front matter: it starts with a --- block');
  let data: Record<string, unknown>;
  try {
    data = (parseYaml(block[1]!) ?? {}) as Record<string, unknown>;
  } catch (error) {
    const place = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    throw new LessonError(
      path,
      (place?.line ?? 0) + 1,
      place?.col ?? 1,
      `the front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const locale = /^content\/([a-z]{2})\//.exec(path)?.[1] ?? '';
  const lines = block[1]!.split(/\r?\n/);
  const at = lines.findIndex((line) => line.startsWith('translatedFrom:'));
  const recorded = data.translatedFrom as Record<string, unknown> | undefined;
  const translatedFrom =
    recorded && FINGERPRINT_PARTS.every((part) => typeof recorded[part] === 'string')
      ? (recorded as unknown as SourceFingerprint)
      : undefined;
  return {
    path,
    locale,
    lessonId: String(data.lessonId ?? /([^/]+)\.mdx$/.exec(path)?.[1] ?? path),
    sourceLocale: String(data.sourceLocale ?? ''),
    translatedFrom,
    translatedFromLine: at >= 0 ? at + 2 : 1,
    position: [(MODULE_IDS as readonly string[]).indexOf(String(data.module)), Number(data.order) || 0],
  };
}
