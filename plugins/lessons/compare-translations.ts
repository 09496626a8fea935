import type { QuestionSource } from '../quiz/read-quizzes';
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
  const questions = compareQuestions(source, translation);
  return questions.length > 0 ? questions : compareExercises(source, translation);
}

/** A translated exercise starts, checks and is solved exactly as its source: only the task, labels and hints are translated. */
function compareExercises(source: LessonSource, translation: LessonSource): TranslationMismatch[] {
  const count = Math.max(source.exercises.length, translation.exercises.length);
  for (let index = 0; index < count; index++) {
    const a = source.exercises[index];
    const b = translation.exercises[index];
    if (!a || !b) {
      const where = (b ?? translation.exercises.at(-1))?.place.line ?? 1;
      const missing = a ? `lacks exercise "${a.id}"` : `has an extra exercise "${b!.id}"`;
      return [mismatch(translation, where, source, (a ?? source.exercises.at(-1))?.place.line ?? 1, `the translation ${missing}`)];
    }
    const shape = (exercise: typeof a) =>
      JSON.stringify({
        id: exercise.id,
        start: { ...exercise.start, setup: exercise.start.setup.map((step) => step.prompt + step.command) },
        goals: exercise.goals.map((goal) => [goal.id, goal.goal]),
        solution: exercise.solution.map((step) => step.prompt + step.command),
      });
    if (shape(a) !== shape(b)) {
      return [mismatch(translation, b.place.line, source, a.place.line, `exercise "${a.id}" differs from the source in its id, start, setup, goals or solution: only its task, goal labels and hints are translated`)];
    }
  }
  return [];
}

/**
 * A translated quiz asks the same questions: same ids, kinds, options and right
 * answers, and the same commands, because readers' answers are kept by id across
 * languages and predict and command questions run the same simulated host.
 */
function compareQuestions(source: LessonSource, translation: LessonSource): TranslationMismatch[] {
  const count = Math.max(source.questions.length, translation.questions.length);
  for (let index = 0; index < count; index++) {
    const a = source.questions[index];
    const b = translation.questions[index];
    if (!a || !b) {
      const where = (b ?? translation.questions.at(-1))?.place.line ?? translation.blocks.at(-1)?.fence.number ?? 1;
      const sourceLine = (a ?? source.questions.at(-1))?.place.line ?? 1;
      const missing = a ? `lacks question "${a.id}"` : `has an extra question "${b!.id}"`;
      return [mismatch(translation, where, source, sourceLine, `the translation ${missing}: it has ${translation.questions.length} quiz questions, the source has ${source.questions.length}`)];
    }
    const difference = questionDifference(a, b);
    if (difference) return [mismatch(translation, difference.translationLine, source, difference.sourceLine, difference.message)];
  }
  return [];
}

function questionDifference(a: QuestionSource, b: QuestionSource): { sourceLine: number; translationLine: number; message: string } | undefined {
  const at = (message: string, sourceLine = a.place.line, translationLine = b.place.line) => ({ sourceLine, translationLine, message });
  if (a.id !== b.id) return at(`question "${b.id}" is where the source asks "${a.id}": keep the source's ids and order`);
  if (a.kind !== b.kind) return at(`question "${a.id}" is kind="${b.kind}" where the source has kind="${a.kind}"`);
  const setting = (question: QuestionSource) =>
    JSON.stringify([question.start, question.exit, question.answer?.command, question.compare, question.probe].map((value) => value ?? null), (key, value) => (key === 'place' ? undefined : value));
  if (setting(a) !== setting(b)) return at(`question "${a.id}" runs differently from the source (its session, fresh, exit, answer, compare, probe or setup commands): keep them as the source has them`);
  if ((a.shown?.prompt ?? '') + (a.shown?.command ?? '') !== (b.shown?.prompt ?? '') + (b.shown?.command ?? '')) {
    return at(`question "${a.id}" shows \`${b.shown?.command ?? ''}\` where the source shows \`${a.shown?.command ?? ''}\``, a.shown?.place.line, b.shown?.place.line);
  }
  const options = Math.max(a.options.length, b.options.length);
  for (let index = 0; index < options; index++) {
    const x = a.options[index];
    const y = b.options[index];
    if (!x || !y) return at(`question "${a.id}" has ${b.options.length} options where the source has ${a.options.length}`);
    if (x.id !== y.id) return at(`question "${a.id}": option "${y.id}" is where the source has "${x.id}"`, x.place.line, y.place.line);
    if (x.correct !== y.correct) return at(`question "${a.id}": option "${x.id}" is ${y.correct ? 'marked correct' : 'not marked correct'} unlike in the source`, x.place.line, y.place.line);
    if ((x.claimed ?? '').trimEnd() !== (y.claimed ?? '').trimEnd()) return at(`question "${a.id}": option "${x.id}" claims another output than in the source (outputs are never translated)`, x.place.line, y.place.line);
  }
  return undefined;
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
