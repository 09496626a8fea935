import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './course/lesson-schema';

/** Lessons live outside src/ so contributors find them at content/<locale>/<lesson-id>.mdx. */
const lessons = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content' }),
  schema: lessonSchema,
});

export const collections = { lessons };
