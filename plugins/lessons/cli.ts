import { checkLessons, formatCheckReport, hasProblems, LessonPathError, lessonFiles, tally, type CheckOptions } from './check-lessons';
import { LessonError } from './lesson-error';
import { directoryCache, type LessonProject } from './result-cache';
import { updateLesson, type UpdateOutcome } from './update-lessons';

const USAGE = `Usage: npm run lessons:check [-- [--no-cache] [paths...]]
       npm run lessons:update [-- [--no-cache] [paths...]]
Paths are lesson files or folders; the default is every lesson under content/.
`;

interface Streams {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stderr is a terminal: progress is drawn only there. */
  interactive: boolean;
}

export { lessonProject } from './result-cache';

/** `lessons check|update [--no-cache] [paths]`; returns the exit status. */
export function main(argv: readonly string[], project: LessonProject, streams: Streams): number {
  const [command, ...rest] = argv;
  const useCache = !rest.includes('--no-cache');
  const paths = rest.filter((arg) => arg !== '--no-cache');
  const unknown = paths.find((arg) => arg.startsWith('-'));
  if ((command !== 'check' && command !== 'update') || unknown) {
    streams.err(`${unknown ? `unknown option ${unknown}\n` : ''}${USAGE}`);
    return 2;
  }
  const options: CheckOptions = {
    root: project.root,
    netsimVersion: project.netsimVersion,
    cache: useCache ? directoryCache(project.cacheDirectory) : undefined,
  };
  try {
    return command === 'check' ? check(paths, options, streams) : update(paths, options, streams);
  } catch (error) {
    if (error instanceof LessonError || error instanceof LessonPathError) {
      streams.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function check(paths: readonly string[], options: CheckOptions, streams: Streams): number {
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
      ` (${executed} blocks executed, the rest from the cache; ${seconds} s)\n`,
  );
  return hasProblems(report) ? 1 : 0;
}

function update(paths: readonly string[], options: CheckOptions, streams: Streams): number {
  const files = lessonFiles(options.root, paths);
  const outcomes: UpdateOutcome[] = [];
  const draw = streams.interactive ? progress(streams) : undefined;
  for (const [index, path] of files.entries()) {
    draw?.(index, files.length, path);
    try {
      outcomes.push(updateLesson(path, options));
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
  const right = outcomes.filter((outcome) => !outcome.written && !outcome.error && outcome.refusals.length === 0).length;
  streams.out(
    `${files.length} lessons: ${written} rewritten, ${right} already right${troubled ? `, ${troubled} need a hand` : ''}\n`,
  );
  return troubled > 0 ? 1 : 0;
}

function describeOutcome(outcome: UpdateOutcome): string {
  let text = '';
  if (outcome.written) for (const change of outcome.changes) text += `${outcome.path}:${change.line}: block ${change.block + 1}: ${change.description}\n`;
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
