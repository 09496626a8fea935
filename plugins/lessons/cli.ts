import {
  checkLessons,
  formatCheckReport,
  hasProblems,
  LessonPathError,
  lessonFiles,
  lessonReader,
  tally,
  type CheckOptions,
} from './check-lessons';
import { LessonError } from './lesson-error';
import {
  formatStaleWarning,
  formatStatus,
  markTranslated,
  needsTranslator,
  translationStatus,
} from './translation-status';
import { directoryCache, sourceCache, type LessonProject } from './result-cache';
import { updateLesson, type UpdateOutcome } from './update-lessons';

const USAGE = `Usage: npm run lessons:check [-- [--no-cache] [--strict] [paths...]]
       npm run lessons:update [-- [--no-cache] [paths...]]
       npm run lessons:status
       npm run lessons:translated -- <translation files...>
Paths are lesson files or folders; the default is every lesson under content/.
--strict also fails on translations that are not current with their source.
`;

interface Streams {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stderr is a terminal: progress is drawn only there. */
  interactive: boolean;
}

export { lessonProject } from './result-cache';

const COMMANDS = ['check', 'update', 'status', 'translated'];
/** The options each command takes. */
const OPTIONS: Record<string, readonly string[]> = {
  check: ['--no-cache', '--strict'],
  update: ['--no-cache'],
  status: [],
  translated: [],
};

/** `lessons check|update|status|translated [options] [paths]`; returns the exit status. */
export function main(argv: readonly string[], project: LessonProject, streams: Streams): number {
  const [command, ...rest] = argv;
  const useCache = !rest.includes('--no-cache');
  const strict = rest.includes('--strict');
  const paths = rest.filter((arg) => !arg.startsWith('-'));
  const unknown = rest.find((arg) => arg.startsWith('-') && !(OPTIONS[command ?? ''] ?? []).includes(arg));
  if (!COMMANDS.includes(command ?? '') || unknown) {
    streams.err(`${unknown ? `unknown option ${unknown}\n` : command ? `unknown command ${command}\n` : ''}${USAGE}`);
    return 2;
  }
  if (command === 'translated' && paths.length === 0) {
    streams.err(
      `name the translations to mark up to date with their source, e.g. npm run lessons:translated -- content/pt/network-drivers.mdx\n${USAGE}`,
    );
    return 2;
  }
  const options: CheckOptions = {
    root: project.root,
    netsimVersion: project.netsimVersion,
    cache: useCache ? directoryCache(project.cacheDirectory) : undefined,
    // Filled here too, so the build after a check or an update parses no lesson again.
    sources: useCache ? sourceCache(project) : undefined,
  };
  try {
    if (command === 'status') return status(options.root, streams);
    if (command === 'translated') return translated(options.root, paths, streams);
    return command === 'check' ? check(paths, options, streams, strict) : update(paths, options, streams);
  } catch (error) {
    if (error instanceof LessonError || error instanceof LessonPathError) {
      streams.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** `lessons:status`: every lesson in every language, current or not. */
function status(root: string, streams: Streams): number {
  streams.out(formatStatus(translationStatus(root)));
  return 0;
}

/** `lessons:translated`: the named translations are up to date with their sources as they are now. */
function translated(root: string, paths: readonly string[], streams: Streams): number {
  let failed = 0;
  for (const path of lessonFiles(root, paths)) {
    try {
      const outcome = markTranslated(root, path);
      if (outcome.error) failed++;
      streams.out(
        `${path}: ${outcome.error ?? (outcome.written ? 'marked up to date with its source' : 'already marked up to date with its source')}\n`,
      );
    } catch (error) {
      if (!(error instanceof LessonError)) throw error;
      failed++;
      streams.err(`${error.message}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

function check(paths: readonly string[], options: CheckOptions, streams: Streams, strict: boolean): number {
  const started = performance.now();
  const report = checkLessons(paths, {
    ...options,
    onProgress: streams.interactive ? progress(streams) : undefined,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  streams.out(formatCheckReport(report));
  const counts = tally(report);
  const executed = report.checks.reduce((sum, lesson) => sum + lesson.run.executed, 0);
  streams.out(
    `${counts.lessons} lessons: ${counts.verified} blocks verified, ${counts.failed} failed, ${counts.notRun} not run, ${counts.norun} marked norun; ` +
      `${counts.questions} quiz questions, ${counts.questionsFailed} failed` +
      `${report.errors.length ? `, ${report.errors.length} lessons with errors` : ''}${report.translations.length ? `, ${report.translations.length} translations differ` : ''}` +
      `${report.terms.length ? `, ${report.terms.length} findings in the prose (the glossary's words, typography, names netsim draws)` : ''}` +
      ` (${executed} blocks executed, the rest from the cache; ${seconds} s)\n`,
  );
  const stale = translationStatus(options.root).filter(
    (row) =>
      needsTranslator(row) && (paths.length === 0 || report.checks.some((lesson) => lesson.lesson.path === row.path)),
  );
  for (const row of stale) streams.out(formatStaleWarning(row));
  if (stale.length > 0)
    streams.out(
      `${stale.length} translations are not current with their source${strict ? '' : ' (warnings; --strict fails on them)'}\n`,
    );
  return hasProblems(report) || (strict && stale.length > 0) ? 1 : 0;
}

function update(paths: readonly string[], options: CheckOptions, streams: Streams): number {
  const files = lessonFiles(options.root, paths);
  const outcomes: UpdateOutcome[] = [];
  const draw = streams.interactive ? progress(streams) : undefined;
  const read = lessonReader(options);
  for (const [index, path] of files.entries()) {
    draw?.(index, files.length, path);
    try {
      outcomes.push(updateLesson(path, options, read));
    } catch (error) {
      if (!(error instanceof LessonError)) throw error;
      outcomes.push({
        path,
        changes: [],
        refusals: [],
        written: false,
        error: error.message,
      });
    }
  }
  draw?.(files.length, files.length, '');
  for (const outcome of outcomes) streams.out(describeOutcome(outcome));
  const written = outcomes.filter((outcome) => outcome.written).length;
  const troubled = outcomes.filter((outcome) => outcome.error || outcome.refusals.length > 0).length;
  const right = outcomes.filter(
    (outcome) => !outcome.written && !outcome.error && outcome.refusals.length === 0,
  ).length;
  streams.out(
    `${files.length} lessons: ${written} rewritten, ${right} already right${troubled ? `, ${troubled} need a hand` : ''}\n`,
  );
  return troubled > 0 ? 1 : 0;
}

function describeOutcome(outcome: UpdateOutcome): string {
  let text = '';
  if (outcome.written)
    for (const change of outcome.changes)
      text += `${outcome.path}:${change.line}: block ${change.block + 1}: ${change.description}\n`;
  for (const refusal of outcome.refusals) text += `${outcome.path}:${refusal.line}: ${refusal.message}\n`;
  if (outcome.error) text += `${outcome.error.startsWith(outcome.path) ? '' : `${outcome.path}: `}${outcome.error}\n`;
  return text;
}

/** One line redrawn in place on a terminal; cleared when done. */
function progress(streams: Streams) {
  return (done: number, total: number, path: string) => {
    streams.err(done === total ? '\r\x1b[K' : `\r\x1b[K[${done + 1}/${total}] ${path}`);
  };
}
