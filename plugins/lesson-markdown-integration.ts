import type { AstroIntegration } from 'astro';
import type { Features, HastPluginEntry, MdastPluginEntry } from 'satteri';
import type { LessonProject } from './lessons/result-cache';
import hastStableHeadingIds from './satteri/stable-heading-ids';
import mdastConsoleBlocks from './satteri/console-blocks';
import { staticHtmlParity } from './satteri/static-html-parity';
import { smartypantsDashes, tableWhitespace } from './satteri/unified-parity';

/**
 * Adds the lesson plugins to Astro's default Markdown processor, Sätteri, which
 * MDX uses too: console blocks, quizzes, exercises, figures and traces rendered
 * from the lessons check (mdast), and heading ids shared by every language (hast).
 */
export default function lessonMarkdown(project: LessonProject): AstroIntegration {
  return {
    name: 'lesson-markdown',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const processor = config.markdown.processor;
        if (processor.name !== 'satteri')
          throw new Error(
            `lesson-markdown: lessons render with Sätteri's plugins, and markdown.processor is "${processor.name}": leave markdown.processor unset`,
          );
        const options = processor.options as {
          mdastPlugins: MdastPluginEntry[];
          hastPlugins: HastPluginEntry[];
          features: Features;
        };
        // Quotes and ellipses as Sätteri makes them; dashes as smartypants made them (unified-parity.ts).
        options.features.smartPunctuation = { quotes: true, ellipses: true, dashes: false };
        options.mdastPlugins.push(smartypantsDashes, mdastConsoleBlocks({ verify: project }));
        // Last: the text it escapes is the text the others leave.
        options.hastPlugins.push(hastStableHeadingIds({ lessons: project }), tableWhitespace, staticHtmlParity);
      },
    },
  };
}
