import type { TopologyRecord } from '../../src/netsim/index';
import { LESSON_COLUMNS } from '../../src/practice/lesson-terminal';
import type { PracticeRecipe } from '../../src/practice/replay';
import { sessionSeed } from '../../src/practice/session-seed';
import type { LessonHost, StepResult } from '../../src/practice/session-host';
import type { QuestionSource, QuestionStart } from '../quiz/read-quizzes';
import type { QuestionRun } from '../quiz/run-question';
import type { SessionPoint } from './start-host';
import type { ExerciseSource } from '../exercise/read-exercises';
import type { ExerciseRun } from '../exercise/run-exercise';
import { blockKey, type CachedBlock, type ResultCache } from './result-cache';
import type { TraceRun } from '../trace/run-trace';
import type { TraceSource } from '../trace/read-traces';
import type { LessonSource } from './lesson-source';
import type { LessonSimulator } from './lesson-simulator';

/** What a `<Topology />` figure draws: its session's host as the blocks before it left it. */
export type TopologyRun = { kind: 'drawn'; state: TopologyRecord } | { kind: 'no-host' };

/** What running one console block gave: a result per step, or the step netsim failed on. */
export type BlockRun =
  | { kind: 'norun' }
  | { kind: 'ran'; steps: StepResult[]; fromCache: boolean }
  | { kind: 'crashed'; steps: StepResult[]; step: number; message: string };

export interface LessonRun {
  /** Index-aligned with the lesson's console blocks. */
  blocks: BlockRun[];
  /** Index-aligned with the lesson's quiz questions. */
  questions: QuestionRun[];
  /** Index-aligned with the lesson's exercises. */
  exercises: ExerciseRun[];
  /** Index-aligned with the lesson's figures. */
  topologies: TopologyRun[];
  /** Index-aligned with the lesson's traces. */
  traces: TraceRun[];
  /** Index-aligned with the console blocks: how a browser rebuilds the host just before each block (none for norun blocks). */
  starts: (PracticeRecipe | undefined)[];
  /** Blocks whose commands netsim actually executed (the rest came from the cache). */
  executed: number;
}

interface SessionState {
  seed: number;
  /** Chains each block's cache key to everything typed before it in the session. */
  key: string;
  host: LessonHost | undefined;
  /** Where the host would be, when the blocks so far all came from the cache: read from it only when something runs there. */
  cached: Pick<CachedBlock, 'snapshot'> | undefined;
  /** Every command run in the session so far: how a browser rebuilds this host. */
  typed: PracticeRecipe['steps'];
}

/**
 * Runs a lesson's console blocks in document order, each session on its own
 * host. A block whose key is cached is not executed: the host is restored from
 * the cached snapshot only when a later block needs it.
 */
export function runLesson(
  lesson: LessonSource,
  netsimVersion: string,
  simulator: LessonSimulator,
  cache?: ResultCache,
  onBlock?: (index: number) => void,
): LessonRun {
  return walkLesson(lesson, netsimVersion, simulator, cache, onBlock);
}

/**
 * The lesson's run as `runLesson` gives it, read from the cache alone; undefined when
 * something is not cached. A build with a warm cache checks every lesson this way, and
 * never loads the simulator.
 */
export function replayLesson(
  lesson: LessonSource,
  netsimVersion: string,
  cache: ResultCache | undefined,
): LessonRun | undefined {
  try {
    return walkLesson(lesson, netsimVersion, undefined, cache);
  } catch (error) {
    if (error === CACHE_MISS) return undefined;
    throw error;
  }
}

/** Thrown where a replay would need the simulator: what the cache holds ends there. */
const CACHE_MISS = Symbol('cache miss');

/** The simulator to run what the cache does not hold; without one (a replay), the walk stops there. */
function needed(simulator: LessonSimulator | undefined): LessonSimulator {
  if (!simulator) throw CACHE_MISS;
  return simulator;
}

function walkLesson(
  lesson: LessonSource,
  netsimVersion: string,
  simulator: LessonSimulator | undefined,
  cache?: ResultCache,
  onBlock?: (index: number) => void,
): LessonRun {
  const sessions = new Map<string, SessionState>();
  const blocks: BlockRun[] = [];
  const questions: QuestionRun[] = [];
  const exercises: ExerciseRun[] = [];
  const topologies: TopologyRun[] = [];
  const traces: TraceRun[] = [];
  const starts: (PracticeRecipe | undefined)[] = [];
  let executed = 0;
  const newSession = (name: string): SessionState => ({
    seed: sessionSeed(lesson.lessonId, name),
    key: `${netsimVersion}/${lesson.lessonId}/${name}`,
    host: undefined,
    cached: undefined,
    typed: [],
  });
  // Questions see the session as the blocks before them left it, and change nothing in it.
  const askQuestionsBefore = (blockCount: number) => {
    while (
      questions.length < lesson.questions.length &&
      lesson.questions[questions.length]!.afterBlocks <= blockCount
    ) {
      const question = lesson.questions[questions.length]!;
      questions.push(
        askQuestion(
          lesson,
          question,
          netsimVersion,
          question.start && !question.start.fresh ? sessions.get(question.start.session) : undefined,
          simulator,
          cache,
        ),
      );
    }
    while (
      exercises.length < lesson.exercises.length &&
      lesson.exercises[exercises.length]!.afterBlocks <= blockCount
    ) {
      const exercise = lesson.exercises[exercises.length]!;
      exercises.push(
        setExercise(
          lesson,
          exercise,
          netsimVersion,
          exercise.start.fresh ? undefined : sessions.get(exercise.start.session),
          simulator,
          cache,
        ),
      );
    }
    while (
      topologies.length < lesson.topologies.length &&
      lesson.topologies[topologies.length]!.afterBlocks <= blockCount
    ) {
      topologies.push(drawTopology(sessions.get(lesson.topologies[topologies.length]!.session), simulator, cache));
    }
    while (traces.length < lesson.traces.length && lesson.traces[traces.length]!.afterBlocks <= blockCount) {
      const trace = lesson.traces[traces.length]!;
      traces.push(traceOf(trace, sessions.get(trace.session), simulator, cache));
    }
  };
  for (const [index, block] of lesson.blocks.entries()) {
    askQuestionsBefore(index);
    if (block.options.norun) {
      blocks.push({ kind: 'norun' });
      starts.push(undefined);
      continue;
    }
    let session = sessions.get(block.options.session);
    if (!session || block.options.reset) {
      session = newSession(block.options.session);
      sessions.set(block.options.session, session);
    }
    const interrupt = block.options.interrupt;
    session.key = blockKey(session.key, [
      ...block.steps.map((step) => [step.prompt, step.command] as const),
      ...(interrupt === undefined ? [] : [['interrupt', String(interrupt)] as const]),
      // The width changes what tools print (ss's columns), not the host: replays need not know it.
      ...(block.options.cols === LESSON_COLUMNS ? [] : [['cols', String(block.options.cols)] as const]),
    ]);
    starts.push({ seed: session.seed, steps: [...session.typed] });
    session.typed.push(
      ...block.steps.map((step) => ({
        prompt: step.prompt,
        command: step.command,
        ...(interrupt !== undefined && { interruptAfterSeconds: interrupt }),
      })),
    );
    const cached = cache?.read(session.key);
    if (cached && 'steps' in cached) {
      blocks.push({ kind: 'ran', steps: cached.steps, fromCache: true });
      session.host = undefined;
      session.cached = cached;
      continue;
    }
    const netsim = needed(simulator);
    onBlock?.(index);
    const host = hostOf(session, netsim);
    const run = netsim.runBlock(host, block);
    executed++;
    blocks.push(run);
    if (run.kind === 'ran')
      cache?.write(session.key, {
        steps: run.steps,
        snapshot: host.snapshot(),
      });
  }
  askQuestionsBefore(lesson.blocks.length);
  return { blocks, questions, exercises, topologies, traces, starts, executed };
}

/** A question's key chains to its session's (or to the question alone when fresh): it re-runs when what it sees changes. */
function askQuestion(
  lesson: LessonSource,
  question: QuestionSource,
  netsimVersion: string,
  session: SessionState | undefined,
  simulator: LessonSimulator | undefined,
  cache: ResultCache | undefined,
): QuestionRun {
  if (!question.start) return { kind: 'nothing' };
  const key = blockKey(startKey(lesson, netsimVersion, session, question.start, `question/${question.id}`), [
    ['question', question.id],
    ...question.start.setup.map((step) => [step.prompt, step.command] as const),
    ['shown', question.shown?.command ?? ''],
    ['answer', question.answer?.command ?? ''],
    ['probe', question.probe ?? ''],
  ]);
  const cached = cache?.read(key);
  if (cached && 'question' in cached) return cached.question;
  const run = needed(simulator).runQuestion(
    question,
    lesson.lessonId,
    pointOf(lesson, question.start.session, session),
  );
  if (run.kind === 'ran') cache?.write(key, { question: run });
  return run;
}

/** What a question's or exercise's key chains to: its session's key when it has a session, else its own name (when fresh) or its session's. */
function startKey(
  lesson: LessonSource,
  netsimVersion: string,
  session: SessionState | undefined,
  start: QuestionStart,
  ownName: string,
): string {
  return session?.key ?? `${netsimVersion}/${lesson.lessonId}/${start.fresh ? ownName : start.session}`;
}

/** Where a question or exercise starts: its session as the blocks before it left it, or the session's fresh host. */
function pointOf(lesson: LessonSource, name: string, session: SessionState | undefined): SessionPoint {
  if (!session) return { seed: sessionSeed(lesson.lessonId, name), typed: [], snapshot: () => undefined };
  return {
    seed: session.seed,
    typed: session.typed,
    snapshot: () => session.host?.snapshot() ?? session.cached?.snapshot,
  };
}

/** An exercise's key chains to its session like a question's, with its setup, goals and solution. */
function setExercise(
  lesson: LessonSource,
  exercise: ExerciseSource,
  netsimVersion: string,
  session: SessionState | undefined,
  simulator: LessonSimulator | undefined,
  cache: ResultCache | undefined,
): ExerciseRun {
  const key = blockKey(startKey(lesson, netsimVersion, session, exercise.start, `exercise/${exercise.id}`), [
    ['exercise', exercise.id],
    ...exercise.start.setup.map((step) => [step.prompt, step.command] as const),
    ['goals', JSON.stringify(exercise.goals.map((goal) => goal.goal))],
    ...exercise.solution.map((step) => [step.prompt, step.command] as const),
  ]);
  const cached = cache?.read(key);
  if (cached && 'exercise' in cached) return cached.exercise;
  const run = needed(simulator).runExercise(
    exercise,
    lesson.lessonId,
    pointOf(lesson, exercise.start.session, session),
  );
  if (run.kind === 'ran') cache?.write(key, { exercise: run });
  return run;
}

/**
 * A trace's key chains to its session's, with its command and where it runs: every
 * language of a lesson types the same blocks, so they share one run, and a rebuild runs none.
 */
function traceOf(
  trace: TraceSource,
  session: SessionState | undefined,
  simulator: LessonSimulator | undefined,
  cache: ResultCache | undefined,
): TraceRun {
  if (!session) return { kind: 'no-host' };
  const key = blockKey(session.key, [
    ['trace', trace.command],
    ['from', trace.from ?? ''],
  ]);
  const cached = cache?.read(key);
  if (cached && 'trace' in cached) return cached.trace;
  const run = needed(simulator).runTrace(trace, session.host?.snapshot() ?? session.cached?.snapshot);
  if (run.kind === 'traced') cache?.write(key, { trace: run });
  return run;
}

/**
 * Read from the live host, or from the cached snapshot when every block so far came from
 * the cache: that host's drawing is cached too, under the session's key (every language
 * of a lesson draws the same host, and restoring a snapshot costs more than the drawing).
 */
function drawTopology(
  session: SessionState | undefined,
  simulator: LessonSimulator | undefined,
  cache: ResultCache | undefined,
): TopologyRun {
  if (session?.host) return { kind: 'drawn', state: session.host.topology() };
  if (!session?.cached) return { kind: 'no-host' };
  const key = blockKey(session.key, [['topology', '']]);
  const known = cache?.read(key);
  if (known && 'topology' in known) return { kind: 'drawn', state: known.topology };
  const state = needed(simulator).topologyOf(session.cached.snapshot);
  cache?.write(key, { topology: state });
  return { kind: 'drawn', state };
}

function hostOf(session: SessionState, simulator: LessonSimulator): LessonHost {
  session.host ??= session.cached ? simulator.restoredHost(session.cached.snapshot) : simulator.freshHost(session.seed);
  session.cached = undefined;
  return session.host;
}
