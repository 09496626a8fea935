import { parentPort } from 'node:worker_threads';
import { checkLesson } from './check-lessons';
import { LessonError } from './lesson-error';
import { readLessonSource } from './lesson-source';
import { directoryCache } from './result-cache';
import type { IsolatedReply, IsolatedRequest } from './isolated-check';

/** The worker side of isolated-check.ts: checks one lesson per request and says which block it starts, so a hang can be placed. */
parentPort!.on('message', ({ path, text, netsimVersion, cacheDirectory }: IsolatedRequest) => {
  const reply = (message: IsolatedReply) => parentPort!.postMessage(message);
  try {
    const lesson = readLessonSource(path, text);
    const check = checkLesson(lesson, netsimVersion, directoryCache(cacheDirectory), {
      onBlock: (index) => reply({ kind: 'block', index }),
    });
    reply({ kind: 'done', check });
  } catch (error) {
    if (error instanceof LessonError)
      reply({ kind: 'lesson-error', line: error.line, column: error.column, reason: error.reason });
    else reply({ kind: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

// Loaded: the server thread starts its clock on a lesson only from here.
parentPort!.postMessage({ kind: 'ready' });
