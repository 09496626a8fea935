import type { AstroIntegration } from 'astro';
import { checkLessonsFromCache } from './lessons/check-from-cache';
import { formatCheckReport, hasProblems } from './lessons/lesson-check';
import { directoryCache, sourceCache, type LessonProject } from './lessons/result-cache';
import { formatStaleWarning, needsTranslator, translationStatus } from './lessons/translation-status';

/**
 * Runs `lessons:check` over every lesson before `astro build`, so a build
 * never ships a lesson whose console blocks or translations disagree with
 * netsim, and keeps the results for the pages to render from. `astro dev`
 * leaves this to the remark plugin, which checks each lesson in a worker as it
 * is requested and reports its mismatches in the browser.
 */
export default function lessonsCheck(project: LessonProject): AstroIntegration {
  return {
    name: 'lessons-check',
    hooks: {
      'astro:config:setup': async ({ command, logger, updateConfig }) => {
        // astro dev checks each page's lesson as it is requested: in a worker, so one lesson never holds up the others.
        project.isolate = command === 'dev';
        project.checked = undefined;
        if (command !== 'build') return;
        // Once the prerender bundle is built, every lesson page is compiled from the results: dropping them lets
        // the rest of the build (rendering the pages, the CSP pass) run on a heap about 150 MB smaller at 120
        // lessons per language. What is compiled later still renders right: the Markdown plugin checks a lesson
        // itself when the build's results are gone.
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'lessons-check:release-results',
                apply: 'build',
                buildEnd() {
                  if (this.environment.name === 'prerender') project.checked = undefined;
                },
              },
            ],
          },
        });
        const started = performance.now();
        const report = await checkLessonsFromCache([], {
          root: project.root,
          netsimVersion: project.netsimVersion,
          cache: directoryCache(project.cacheDirectory),
          sources: sourceCache(project),
        });
        if (hasProblems(report))
          throw new Error(`Lessons do not match what netsim prints:\n\n${formatCheckReport(report)}`);
        const blocks = report.checks.reduce(
          (sum, check) => sum + check.verdicts.filter((verdict) => verdict.status === 'verified').length,
          0,
        );
        logger.info(
          `${blocks} console blocks in ${report.checks.length} lessons verified against netsim in ${Math.round(performance.now() - started)} ms`,
        );
        // Checked once per build: pages render from these results.
        project.checked = new Map(report.checks.map((check) => [check.lesson.path, check]));
        const lessons = new Map(report.checks.map((check) => [check.lesson.path, check.lesson]));
        // A stale translation still builds (readers get it, with its blocks verified); the build says so.
        for (const row of translationStatus(project.root, lessons).filter(needsTranslator))
          logger.warn(formatStaleWarning(row).trimEnd());
      },
    },
  };
}
