import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { checkTerms, readGlossary, type Glossary, type TermFinding } from './check-terms';
import { drawnNameFindings } from './check-drawn-names';
import { compareTranslations, formatTranslationMismatch, type TranslationMismatch } from './compare-translations';
import { formatLessonReport } from './format-report';
import { LessonError } from './lesson-error';
import { readLessonSource, readLessonTree, type LessonSource } from './lesson-source';
import { readLessonFile } from './read-lesson-file';
import { blockKey, type ResultCache } from './result-cache';
import type { LessonRun } from './run-lesson';
import { verifyLesson, type BlockVerdict } from './verify-lesson';
import { verifyQuestion, type QuestionFinding } from '../quiz/verify-question';
import { verifyExercise } from '../exercise/verify-exercise';
import { verifyTopology } from '../topology/verify-topology';
import { verifyTrace } from '../trace/verify-trace';

/** A path given to lessons:check or lessons:update that names no lesson: the user's mistake, said in one line. */
export class LessonPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LessonPathError';
  }
}

export interface LessonCheck {
  lesson: LessonSource;
  run: LessonRun;
  verdicts: BlockVerdict[];
  /** Quiz questions, exercises and figures that no longer make sense with what netsim prints. */
  questionFindings: QuestionFinding[];
}

export interface CheckReport {
  checks: LessonCheck[];
  errors: LessonError[];
  translations: TranslationMismatch[];
  /** Words of prose the glossary rules out, and French punctuation without its non-breaking space. */
  terms: LessonError[];
}

export interface CheckOptions {
  root: string;
  netsimVersion: string;
  cache?: ResultCache | undefined;
  /** Lessons as read before, by their text: a build that finds a lesson unchanged does not parse it again. */
  sources?: SourceCache | undefined;
  onProgress?: ((done: number, total: number, path: string) => void) | undefined;
}

/** What reading a lesson gives: its source, and the words of its prose the glossary rules out. */
export interface ReadLesson {
  lesson: LessonSource;
  terms: TermFinding[];
}

/** Read lessons kept by `version` (of the readers, netsim and the glossary), path and text. */
export interface SourceCache {
  version: string;
  read(key: string): ReadLesson | undefined;
  write(key: string, entry: ReadLesson): void;
}

/** Lesson files under `content/`, or under the given files and folders, relative to the root, sorted. */
export function lessonFiles(root: string, paths: readonly string[] = []): string[] {
  const starts = paths.length > 0 ? paths.map((path) => resolve(root, path)) : [join(root, 'content')];
  const files = new Set<string>();
  for (const start of starts) {
    const stat = statSync(start, { throwIfNoEntry: false });
    if (!stat) throw new LessonPathError(`${relative(root, start) || start}: no such file or folder`);
    if (stat.isFile()) {
      if (!start.endsWith('.mdx'))
        throw new LessonPathError(
          `${relative(root, start)}: not a lesson; lessons are .mdx files under content/<locale>/`,
        );
      files.add(start);
    } else {
      for (const name of readdirSync(start, { recursive: true }) as string[])
        if (name.endsWith('.mdx')) files.add(join(start, name));
    }
  }
  return [...files].map((file) => relative(root, file).replaceAll('\\', '/')).sort();
}

export function loadLesson(root: string, path: string): LessonSource {
  return readLessonSource(path, readLessonFile(path, join(root, path)));
}

/**
 * What runs a lesson's blocks, questions, exercises, figures and traces: netsim, through
 * the result cache (check-lessons.ts), or the cache alone (check-from-cache.ts).
 */
export type LessonRunner = (
  lesson: LessonSource,
  netsimVersion: string,
  cache: ResultCache | undefined,
  onBlock?: (index: number) => void,
) => LessonRun;

export interface LessonCheckOptions {
  /** Checks every block (an update): by default the blocks after a failed one in its session are "not run". */
  stopAtFailure?: boolean;
  /** Hears each block just before netsim runs it. */
  onBlock?: (index: number) => void;
}

export function checkLessonWith(
  runner: LessonRunner,
  lesson: LessonSource,
  netsimVersion: string,
  cache?: ResultCache,
  { stopAtFailure = true, onBlock }: LessonCheckOptions = {},
): LessonCheck {
  const run = runner(lesson, netsimVersion, cache, onBlock);
  const questionFindings = [
    ...lesson.questions.flatMap((question, index) => verifyQuestion(question, run.questions[index]!)),
    ...lesson.exercises.flatMap((exercise, index) => verifyExercise(exercise, run.exercises[index]!)),
    ...lesson.topologies.flatMap((figure, index) => verifyTopology(figure, run.topologies[index]!, index + 1)),
    ...lesson.traces.flatMap((trace, index) => verifyTrace(trace, run.traces[index]!, index + 1)),
  ];
  return { lesson, run, verdicts: verifyLesson(lesson, run, { stopAtFailure }), questionFindings };
}

/**
 * Verifies the given lessons (all by default): every console block runs and
 * is compared, and every translation of them is compared with its source.
 */
export function checkLessonsWith(runner: LessonRunner, paths: readonly string[], options: CheckOptions): CheckReport {
  const files = lessonFiles(options.root, paths);
  const report: CheckReport = { checks: [], errors: [], translations: [], terms: [] };
  const glossary = readGlossary(options.root);
  // Each file is read and parsed once: the translations below compare the same lessons.
  const loaded = new Map<string, LessonSource | LessonError>();
  for (const [index, path] of files.entries()) {
    options.onProgress?.(index, files.length, path);
    try {
      const { lesson, terms } = readLesson(
        path,
        readLessonFile(path, join(options.root, path)),
        glossary,
        options.sources,
      );
      loaded.set(path, lesson);
      report.checks.push(checkLessonWith(runner, lesson, options.netsimVersion, options.cache));
      for (const finding of terms)
        report.terms.push(new LessonError(path, finding.line, finding.column, finding.message));
    } catch (error) {
      if (!(error instanceof LessonError)) throw error;
      if (!loaded.has(path)) loaded.set(path, error);
      report.errors.push(error);
    }
  }
  options.onProgress?.(files.length, files.length, '');
  report.translations = translationsOf(options.root, files, loaded);
  return report;
}

/**
 * How `lessons:update` reads a lesson: through the build's cache of read lessons when
 * it has one, so the first build after an update finds every lesson, rewritten or not,
 * already read.
 */
export function lessonReader(options: CheckOptions): (path: string, text: string) => LessonSource {
  const sources = options.sources;
  if (!sources) return readLessonSource;
  const glossary = readGlossary(options.root);
  return (path, text) => readLesson(path, text, glossary, sources).lesson;
}

/** A lesson read once: parsed, and its prose checked against the glossary; from the cache when its text was read before. */
function readLesson(path: string, text: string, glossary: Glossary, sources: SourceCache | undefined): ReadLesson {
  const key = sources && blockKey(sources.version, [[path, text]]);
  const known = key === undefined ? undefined : sources!.read(key);
  if (known) return known;
  const { lesson, tree } = readLessonTree(path, text);
  const findings = [...checkTerms(text, lesson.locale ?? '', glossary, tree), ...drawnNameFindings(text, tree)];
  const read = { lesson, terms: findings.sort((a, b) => a.line - b.line || a.column - b.column) };
  if (key !== undefined) sources!.write(key, read);
  return read;
}

/**
 * A translation lives next to its source: content/<locale>/<lesson>.mdx. All
 * lessons under the checked files' content folders are compared, and what
 * involves a checked file is reported.
 */
function translationsOf(
  root: string,
  checked: readonly string[],
  loaded: ReadonlyMap<string, LessonSource | LessonError>,
): TranslationMismatch[] {
  const folders = new Set(checked.map((path) => dirname(dirname(path))));
  const all: LessonSource[] = [];
  for (const path of [...folders].flatMap((folder) => lessonFiles(root, [folder]))) {
    const known = loaded.get(path);
    if (known) {
      if (!(known instanceof LessonError)) all.push(known);
      continue;
    }
    try {
      all.push(loadLesson(root, path));
    } catch (error) {
      if (!(error instanceof LessonError)) throw error;
    }
  }
  return compareTranslations(all).filter(
    (mismatch) => checked.includes(mismatch.translation.path) || checked.includes(mismatch.source.path),
  );
}

export function hasProblems(report: CheckReport): boolean {
  return (
    report.errors.length > 0 ||
    report.translations.length > 0 ||
    report.terms.length > 0 ||
    report.checks.some(
      (check) =>
        check.questionFindings.length > 0 ||
        check.verdicts.some((verdict) => verdict.status === 'failed' || verdict.status === 'not-run'),
    )
  );
}

/** Counts for the summary line. */
export function tally(report: CheckReport) {
  const verdicts = report.checks.flatMap((check) => check.verdicts);
  const count = (status: BlockVerdict['status']) => verdicts.filter((verdict) => verdict.status === status).length;
  return {
    lessons: report.checks.length,
    verified: count('verified'),
    failed: count('failed'),
    notRun: count('not-run'),
    norun: count('norun'),
    questions: report.checks.reduce((sum, check) => sum + check.lesson.questions.length, 0),
    questionsFailed: report.checks.reduce(
      (sum, check) => sum + new Set(check.questionFindings.map((finding) => finding.question)).size,
      0,
    ),
  };
}

/** The whole report as text, ending with the command that fixes what an update can fix. */
export function formatCheckReport(report: CheckReport): string {
  let text = '';
  for (const error of report.errors) text += `${error.message}\n`;
  const fixable = new Set<string>();
  for (const check of report.checks) {
    const part = formatLessonReport(check.lesson, check.verdicts, check.questionFindings);
    if (part) text += `${part}\n`;
    if (
      check.verdicts.some(
        (verdict) =>
          verdict.status === 'failed' &&
          verdict.findings.some((finding) => finding.kind === 'output' || finding.kind === 'prompt'),
      )
    ) {
      fixable.add(check.lesson.path);
    }
  }
  for (const mismatch of report.translations) text += formatTranslationMismatch(mismatch);
  for (const term of report.terms) text += `${term.message}\n`;
  if (fixable.size > 0)
    text += `\nTo write netsim's output into the lessons, run:\n  npm run lessons:update -- ${[...fixable].join(' ')}\n`;
  return text;
}
