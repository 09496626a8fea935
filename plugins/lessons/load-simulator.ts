import { fileURLToPath } from 'node:url';
// Imported up front: once Astro has closed the runner that loaded this module, no import() of it can load anything.
import { runnerImport } from 'vite';
import type { LessonSimulator } from './lesson-simulator';

let loading: Promise<LessonSimulator> | undefined;

/**
 * netsim and the runners of blocks, questions, exercises, figures and traces, imported
 * on the first lesson that misses the result cache (once per process): some 500
 * modules that a build with a warm cache does without.
 */
export function loadSimulator(): Promise<LessonSimulator> {
  loading ??= importSimulator().then((module) => module.lessonSimulator);
  return loading;
}

type SimulatorModule = typeof import('./lesson-simulator');

async function importSimulator(): Promise<SimulatorModule> {
  try {
    return await import('./lesson-simulator');
  } catch (error) {
    // Astro loads astro.config.mjs, and these plugins with it, through a Vite module runner that it closes before
    // the integrations run: what they import later needs a runner of its own.
    if (!(error instanceof Error && error.message.includes('module runner has been closed'))) throw error;
    const path = fileURLToPath(new URL('./lesson-simulator.ts', import.meta.url));
    return (await runnerImport<SimulatorModule>(path)).module;
  }
}
