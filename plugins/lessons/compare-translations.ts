import type { ConsoleBlockSource, LessonSource } from './lesson-source';

/** A translation that would not run what its source runs, with both places. */
export interface TranslationMismatch {
  translation: { path: string; line: number };
  source: { path: string; line: number };
  message: string;
}

/**
 * The same lesson in every locale must type the same commands in the same
 * blocks with the same options: its outputs come from one simulated session,
 * and a translation that ran something else would show what it did not run.
 */
export function compareTranslations(lessons: readonly LessonSource[]): TranslationMismatch[] {
  const byId = new Map<string, LessonSource[]>();
  for (const lesson of lessons) byId.set(lesson.lessonId, [...(byId.get(lesson.lessonId) ?? []), lesson]);
  const mismatches: TranslationMismatch[] = [];
  for (const versions of byId.values()) {
    const source = versions.find((lesson) => lesson.locale !== undefined && lesson.locale === lesson.sourceLocale);
    if (!source) continue;
    for (const translation of versions) {
      if (translation !== source) mismatches.push(...compareLesson(source, translation));
    }
  }
  return mismatches;
}

function compareLesson(source: LessonSource, translation: LessonSource): TranslationMismatch[] {
  const count = Math.max(source.blocks.length, translation.blocks.length);
  for (let index = 0; index < count; index++) {
    const a = source.blocks[index];
    const b = translation.blocks[index];
    if (!a || !b) {
      const missing = a ? 'lacks' : 'has an extra';
      const where = (b ?? translation.blocks.at(-1))?.fence.number ?? 1;
      return [
        mismatch(
          translation,
          where,
          source,
          (a ?? source.blocks.at(-1))?.fence.number ?? 1,
          `the translation ${missing} console block ${index + 1}: it has ${translation.blocks.length} blocks, the source has ${source.blocks.length}`,
        ),
      ];
    }
    const difference = blockDifference(a, b);
    if (difference) return [mismatch(translation, difference.translationLine, source, difference.sourceLine, difference.message)];
  }
  return [];
}

function blockDifference(a: ConsoleBlockSource, b: ConsoleBlockSource): { sourceLine: number; translationLine: number; message: string } | undefined {
  const options = (block: ConsoleBlockSource) => JSON.stringify(block.options);
  if (options(a) !== options(b)) {
    return {
      sourceLine: a.fence.number,
      translationLine: b.fence.number,
      message: `block ${a.index + 1} has options "${b.meta}" where the source has "${a.meta}"`,
    };
  }
  const count = Math.max(a.steps.length, b.steps.length);
  for (let index = 0; index < count; index++) {
    const sa = a.steps[index];
    const sb = b.steps[index];
    const sourceLine = (sa ?? a.steps.at(-1))?.commandLines[0]!.line.number ?? a.fence.number;
    const translationLine = (sb ?? b.steps.at(-1))?.commandLines[0]!.line.number ?? b.fence.number;
    if (!sa || !sb) {
      return {
        sourceLine,
        translationLine,
        message: `block ${a.index + 1} types ${b.steps.length} commands where the source types ${a.steps.length}`,
      };
    }
    if (sa.prompt + sa.command !== sb.prompt + sb.command) {
      return {
        sourceLine,
        translationLine,
        message: `block ${a.index + 1} types \`${sb.prompt}${sb.command}\` where the source types \`${sa.prompt}${sa.command}\``,
      };
    }
  }
  return undefined;
}

function mismatch(translation: LessonSource, translationLine: number, source: LessonSource, sourceLine: number, message: string): TranslationMismatch {
  return {
    translation: { path: translation.path, line: translationLine },
    source: { path: source.path, line: sourceLine },
    message,
  };
}

export const formatTranslationMismatch = (mismatch: TranslationMismatch): string =>
  `${mismatch.translation.path}:${mismatch.translation.line}:1: ${mismatch.message}\n  source: ${mismatch.source.path}:${mismatch.source.line}\n`;
