import { z } from 'astro/zod';
import { LOCALES } from '../i18n/locales';
import { MODULE_IDS } from './modules';

/** Route segments the site uses for its own pages, so no lesson may take them. */
export const RESERVED_LESSON_IDS = ['search', 'sandbox', '404'] as const;

const FIELDS = [
  'title',
  'description',
  'module',
  'order',
  'lessonId',
  'sourceLocale',
  'seeds',
  'allowCode (optional)',
  'translatedFrom (translations)',
];
const fingerprintPart = (part: string) =>
  z
    .string({
      error: `translatedFrom.${part} is written by \`npm run lessons:translated\`: run it rather than editing it`,
    })
    .regex(
      /^[0-9a-f]{10}$/,
      `translatedFrom.${part} is written by \`npm run lessons:translated\`: run it rather than editing it`,
    );

/** What a lesson may contain only when a maintainer allows it, after reviewing the lesson as code (plugins/lessons/lesson-safety.ts). */
export const CODE_KINDS = ['esm', 'expression', 'script', 'handler', 'javascript-url'] as const;
const lessonIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const seedPattern = /^\d{3}_[0-9a-f]{16}$/;

/**
 * zod's own "Required" and "expected string" say nothing of what to write; this
 * says what the field holds, whether it is missing or of the wrong type.
 */
function expects(field: string, what: string) {
  return {
    error: (issue: { input?: unknown }) =>
      issue.input === undefined ? `missing: add "${field}:" with ${what}` : `"${field}" must be ${what}`,
  };
}

/**
 * Front matter of a lesson. Strict: a misspelt key is an error rather than a silently
 * ignored field. Messages say how to fix the value, because Astro prints them next
 * to the file and the field name.
 */
export const lessonSchema = z.strictObject(
  {
    title: z.string(expects('title', 'the lesson title in its own language')).trim().min(1, 'the title is empty'),
    description: z
      .string(expects('description', 'a one-sentence summary'))
      .trim()
      .min(1, 'write a one-sentence summary shown on the course home and in search results')
      .max(200, 'keep the description under 200 characters: it is a summary'),
    module: z.enum(
      MODULE_IDS,
      expects('module', `one of the modules in src/course/modules.ts (${MODULE_IDS.join(', ')})`),
    ),
    order: z.int(expects('order', 'the position of the lesson in its module, a whole number such as 1')).positive(),
    lessonId: z
      .string(expects('lessonId', 'the file name without .mdx, the same in every locale'))
      .regex(lessonIdPattern, 'use lowercase words joined by hyphens, e.g. "network-drivers"')
      .refine((id) => !(RESERVED_LESSON_IDS as readonly string[]).includes(id), {
        message: `these ids are taken by site pages: ${RESERVED_LESSON_IDS.join(', ')}`,
      }),
    sourceLocale: z.enum(
      LOCALES,
      expects('sourceLocale', `the language the lesson was first written in (${LOCALES.join(', ')})`),
    ),
    seeds: z
      .array(
        z.string().regex(seedPattern, 'a seed is named like "004_37f8753935d1c2e4"'),
        expects('seeds', 'the list of source articles the lesson draws on'),
      )
      .min(1, 'list the source articles the lesson draws on'),
    allowCode: z
      .array(
        z.enum(CODE_KINDS, { error: `allowCode lists kinds of code a maintainer allowed: ${CODE_KINDS.join(', ')}` }),
      )
      .optional(),
    /** The source lesson's fingerprint when this translation was last brought up to date with it (plugins/lessons/translation-status.ts). */
    translatedFrom: z
      .strictObject(
        {
          prose: fingerprintPart('prose'),
          structure: fingerprintPart('structure'),
          commands: fingerprintPart('commands'),
        },
        { error: 'translatedFrom is written by `npm run lessons:translated`: run it rather than editing it' },
      )
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field(s) ${issue.keys.join(', ')}: a lesson's front matter has exactly ${FIELDS.join(', ')}`
        : undefined,
  },
);

export type LessonFrontmatter = z.infer<typeof lessonSchema>;
