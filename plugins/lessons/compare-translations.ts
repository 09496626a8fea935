import type { ExerciseSource } from '../exercise/read-exercises';
import type { QuestionSource } from '../quiz/read-quizzes';
import type { TopologySource } from '../topology/read-topologies';
import type { TraceSource } from '../trace/read-traces';
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

/** Where a translation and its source part ways, at a line of each. */
interface Difference {
  sourceLine: number;
  translationLine: number;
  message: string;
}

function compareLesson(source: LessonSource, translation: LessonSource): TranslationMismatch[] {
  const difference =
    firstDifference(
      source.blocks,
      translation.blocks,
      (a, b, index) => ({
        sourceLine: (a ?? source.blocks.at(-1))?.fence.number ?? 1,
        translationLine: (b ?? translation.blocks.at(-1))?.fence.number ?? 1,
        message: `the translation ${a ? 'lacks' : 'has an extra'} console block ${index + 1}: it has ${translation.blocks.length} blocks, the source has ${source.blocks.length}`,
      }),
      blockDifference,
    ) ??
    firstDifference(
      source.questions,
      translation.questions,
      (a, b) => ({
        sourceLine: (a ?? source.questions.at(-1))?.place.line ?? 1,
        translationLine:
          (b ?? translation.questions.at(-1))?.place.line ?? translation.blocks.at(-1)?.fence.number ?? 1,
        message: `the translation ${a ? `lacks question "${a.id}"` : `has an extra question "${b!.id}"`}: it has ${translation.questions.length} quiz questions, the source has ${source.questions.length}`,
      }),
      questionDifference,
    ) ??
    firstDifference(
      source.exercises,
      translation.exercises,
      (a, b) => ({
        sourceLine: (a ?? source.exercises.at(-1))?.place.line ?? 1,
        translationLine: (b ?? translation.exercises.at(-1))?.place.line ?? 1,
        message: `the translation ${a ? `lacks exercise "${a.id}"` : `has an extra exercise "${b!.id}"`}`,
      }),
      exerciseDifference,
    ) ??
    firstDifference(
      source.topologies,
      translation.topologies,
      (a, b) => ({
        sourceLine: (a ?? source.topologies.at(-1))?.place.line ?? 1,
        translationLine:
          (b ?? translation.topologies.at(-1))?.place.line ?? translation.blocks.at(-1)?.fence.number ?? 1,
        message: `the translation ${a ? 'lacks' : 'has an extra'} <Topology /> figure: it has ${translation.topologies.length} figures, the source has ${source.topologies.length}`,
      }),
      topologyDifference,
    ) ??
    firstDifference(
      source.traces,
      translation.traces,
      (a, b) => ({
        sourceLine: (a ?? source.traces.at(-1))?.place.line ?? 1,
        translationLine: (b ?? translation.traces.at(-1))?.place.line ?? translation.blocks.at(-1)?.fence.number ?? 1,
        message: `the translation ${a ? 'lacks' : 'has an extra'} <Trace /> ${a ? `of \`${a.command}\`` : `of \`${b!.command}\``}: it has ${translation.traces.length} traces, the source has ${source.traces.length}`,
      }),
      traceDifference,
    );
  if (!difference) return [];
  return [
    {
      translation: { path: translation.path, line: difference.translationLine },
      source: { path: source.path, line: difference.sourceLine },
      message: difference.message,
    },
  ];
}

/** Walks the source's items and the translation's side by side: the first one either side lacks, or the first pair that differs. */
function firstDifference<T>(
  sources: readonly T[],
  translations: readonly T[],
  unpaired: (source: T | undefined, translation: T | undefined, index: number) => Difference,
  differ: (source: T, translation: T) => Difference | undefined,
): Difference | undefined {
  for (let index = 0; index < Math.max(sources.length, translations.length); index++) {
    const a = sources[index];
    const b = translations[index];
    if (a === undefined || b === undefined) return unpaired(a, b, index);
    const difference = differ(a, b);
    if (difference) return difference;
  }
  return undefined;
}

/** A translated figure draws the same host: the same session, after the same block, with the same props. */
function topologyDifference(a: TopologySource, b: TopologySource): Difference | undefined {
  const props = (figure: TopologySource) =>
    (['focus', 'highlight', 'outside', 'hide'] as const)
      .flatMap((prop) => (figure[prop] === undefined ? [] : [`, ${prop}="${figure[prop]}"`]))
      .join('');
  const where = (figure: TopologySource) =>
    `session="${figure.session}" after console block ${figure.afterBlocks}${props(figure)}`;
  if (where(a) === where(b)) return undefined;
  return {
    sourceLine: a.place.line,
    translationLine: b.place.line,
    message: `this <Topology /> figure draws ${where(b)} where the source's draws ${where(a)}: place it after the same block, with the same props`,
  };
}

/** A translated trace runs the same command on the same host: the same session, after the same block, with the same props. */
function traceDifference(a: TraceSource, b: TraceSource): Difference | undefined {
  const shape = (trace: TraceSource) =>
    JSON.stringify([
      trace.session,
      trace.afterBlocks,
      trace.command,
      trace.from ?? null,
      trace.exit,
      trace.focus ?? null,
    ]);
  if (shape(a) === shape(b)) return undefined;
  const what = (trace: TraceSource) =>
    `\`${trace.command}\` (session="${trace.session}" after console block ${trace.afterBlocks}${trace.from ? `, from="${trace.from}"` : ''}${trace.exit ? `, exit="${trace.exit}"` : ''}${trace.focus ? `, focus="${trace.focus}"` : ''})`;
  return {
    sourceLine: a.place.line,
    translationLine: b.place.line,
    message: `this <Trace /> follows ${what(b)} where the source's follows ${what(a)}: place it after the same block, with the same props`,
  };
}

/** A translated exercise starts, checks and is solved exactly as its source: only the task, labels and hints are translated. */
function exerciseDifference(a: ExerciseSource, b: ExerciseSource): Difference | undefined {
  const shape = (exercise: ExerciseSource) =>
    JSON.stringify({
      id: exercise.id,
      start: { ...exercise.start, setup: exercise.start.setup.map((step) => step.prompt + step.command) },
      goals: exercise.goals.map((goal) => [goal.id, goal.goal]),
      solution: exercise.solution.map((step) => step.prompt + step.command),
    });
  if (shape(a) === shape(b)) return undefined;
  return {
    sourceLine: a.place.line,
    translationLine: b.place.line,
    message: `exercise "${a.id}" differs from the source in its id, start, setup, goals or solution: only its task, goal labels and hints are translated`,
  };
}

/**
 * A translated quiz asks the same questions: same ids, kinds, options and right
 * answers, and the same commands, because readers' answers are kept by id across
 * languages and predict and command questions run the same simulated host.
 */
function questionDifference(a: QuestionSource, b: QuestionSource): Difference | undefined {
  const at = (message: string, sourceLine = a.place.line, translationLine = b.place.line) => ({
    sourceLine,
    translationLine,
    message,
  });
  if (a.id !== b.id)
    return at(`question "${b.id}" is where the source asks "${a.id}": keep the source's ids and order`);
  if (a.kind !== b.kind) return at(`question "${a.id}" is kind="${b.kind}" where the source has kind="${a.kind}"`);
  const setting = (question: QuestionSource) =>
    JSON.stringify(
      [question.start, question.exit, question.answer?.command, question.compare, question.probe].map(
        (value) => value ?? null,
      ),
      (key, value) => (key === 'place' ? undefined : value),
    );
  if (setting(a) !== setting(b))
    return at(
      `question "${a.id}" runs differently from the source (its session, fresh, exit, answer, compare, probe or setup commands): keep them as the source has them`,
    );
  if ((a.shown?.prompt ?? '') + (a.shown?.command ?? '') !== (b.shown?.prompt ?? '') + (b.shown?.command ?? '')) {
    return at(
      `question "${a.id}" shows \`${b.shown?.command ?? ''}\` where the source shows \`${a.shown?.command ?? ''}\``,
      a.shown?.place.line,
      b.shown?.place.line,
    );
  }
  return firstDifference(
    a.options,
    b.options,
    () => at(`question "${a.id}" has ${b.options.length} options where the source has ${a.options.length}`),
    (x, y) => {
      if (x.id !== y.id)
        return at(`question "${a.id}": option "${y.id}" is where the source has "${x.id}"`, x.place.line, y.place.line);
      if (x.correct !== y.correct)
        return at(
          `question "${a.id}": option "${x.id}" is ${y.correct ? 'marked correct' : 'not marked correct'} unlike in the source`,
          x.place.line,
          y.place.line,
        );
      if ((x.claimed ?? '').trimEnd() !== (y.claimed ?? '').trimEnd())
        return at(
          `question "${a.id}": option "${x.id}" claims another output than in the source (outputs are never translated)`,
          x.place.line,
          y.place.line,
        );
      return undefined;
    },
  );
}

function blockDifference(a: ConsoleBlockSource, b: ConsoleBlockSource): Difference | undefined {
  const options = (block: ConsoleBlockSource) => JSON.stringify(block.options);
  if (options(a) !== options(b)) {
    return {
      sourceLine: a.fence.number,
      translationLine: b.fence.number,
      message: `block ${a.index + 1} has options "${b.meta}" where the source has "${a.meta}"`,
    };
  }
  const lineOf = (block: ConsoleBlockSource, step: ConsoleBlockSource['steps'][number] | undefined) =>
    (step ?? block.steps.at(-1))?.commandLines[0]!.line.number ?? block.fence.number;
  return firstDifference(
    a.steps,
    b.steps,
    (sa, sb) => ({
      sourceLine: lineOf(a, sa),
      translationLine: lineOf(b, sb),
      message: `block ${a.index + 1} types ${b.steps.length} commands where the source types ${a.steps.length}`,
    }),
    (sa, sb) =>
      sa.prompt + sa.command === sb.prompt + sb.command
        ? undefined
        : {
            sourceLine: lineOf(a, sa),
            translationLine: lineOf(b, sb),
            message: `block ${a.index + 1} types \`${sb.prompt}${sb.command}\` where the source types \`${sa.prompt}${sa.command}\``,
          },
  );
}

export const formatTranslationMismatch = (mismatch: TranslationMismatch): string =>
  `${mismatch.translation.path}:${mismatch.translation.line}:1: ${mismatch.message}\n  source: ${mismatch.source.path}:${mismatch.source.line}\n`;
