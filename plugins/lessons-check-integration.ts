import type { AstroIntegration } from 'astro';
import { checkLessons, formatCheckReport, hasProblems } from './lessons/check-lessons';
import { directoryCache, type LessonProject } from './lessons/result-cache';
import { formatStaleWarning, needsTranslator, translationStatus } from './lessons/translation-status';

/**
 * Runs `lessons:check` over every lesson before `astro build`, so a build
 * never ships a lesson whose console blocks or translations disagree with
 * netsim. `astro dev` leaves this to the remark plugin, which reports each
 * file's mismatches in the browser as it is edited.
 */
export default function lessonsCheck(project: LessonProject): AstroIntegration {
  return {
    name: 'lessons-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        // astro dev checks each page's lesson as it is requested: in a worker, so one lesson never holds up the others.
        project.isolate = command === 'dev';
        if (command !== 'build') return;
        const started = performance.now();
        const report = checkLessons([], { root: project.root, netsimVersion: project.netsimVersion, cache: directoryCache(project.cacheDirectory) });
        if (hasProblems(report)) throw new Error(`Lessons do not match what netsim prints:\n\n${formatCheckReport(report)}`);
        const blocks = report.checks.reduce((sum, check) => sum + check.verdicts.filter((verdict) => verdict.status === 'verified').length, 0);
        logger.info(`${blocks} console blocks in ${report.checks.length} lessons verified against netsim in ${Math.round(performance.now() - started)} ms`);
        // A stale translation still builds (readers get it, with its blocks verified); the build says so.
        for (const row of translationStatus(project.root).filter(needsTranslator)) logger.warn(formatStaleWarning(row).trimEnd());
      },
    },
  };
}
