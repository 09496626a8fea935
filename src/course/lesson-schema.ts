import { z } from 'astro/zod';
import { LOCALES } from '../i18n/locales';
import { MODULE_IDS } from './modules';

/** Route segments the site uses for its own pages, so no lesson may take them. */
export const RESERVED_LESSON_IDS = ['search', '404'] as const;

const lessonIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const seedPattern = /^\d{3}_[0-9a-f]{16}$/;

/**
 * Front matter of a lesson. Strict: a misspelt key is an error rather than a silently
 * ignored field. Messages say how to fix the value, because Astro prints them next
 * to the file and the field name.
 */
export const lessonSchema = z.strictObject({
  title: z.string().trim().min(1, 'give the lesson a title in its own language'),
  description: z
    .string()
    .trim()
    .min(1, 'write a one-sentence summary shown on the course home and in search results')
    .max(200, 'keep the description under 200 characters: it is a summary'),
  module: z.enum(MODULE_IDS, {
    error: `use one of the modules in src/course/modules.ts: ${MODULE_IDS.join(', ')}`,
  }),
  order: z.int('order is the lesson position inside its module: a whole number').positive(),
  lessonId: z
    .string()
    .regex(lessonIdPattern, 'use lowercase words joined by hyphens, e.g. "network-drivers"')
    .refine((id) => !(RESERVED_LESSON_IDS as readonly string[]).includes(id), {
      message: `these ids are taken by site pages: ${RESERVED_LESSON_IDS.join(', ')}`,
    }),
  sourceLocale: z.enum(LOCALES, {
    error: `the language the lesson was first written in: one of ${LOCALES.join(', ')}`,
  }),
  seeds: z
    .array(z.string().regex(seedPattern, 'a seed is named like "004_37f8753935d1c2e4"'))
    .min(1, 'list the source articles the lesson draws on'),
});

export type LessonFrontmatter = z.infer<typeof lessonSchema>;
