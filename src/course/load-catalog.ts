import { getCollection } from 'astro:content';
import { buildCatalog, type Catalog } from './catalog';

export type LessonEntry = Awaited<ReturnType<typeof getCollection<'lessons'>>>[number];

/**
 * The course catalog. Built on every call rather than cached: it is cheap, and in
 * `astro dev` a cached copy would go stale when a contributor edits front matter.
 */
export async function loadCatalog(): Promise<Catalog<LessonEntry>> {
  const entries = await getCollection('lessons');
  return buildCatalog(entries.map((entry) => ({ filePath: entry.filePath ?? entry.id, data: entry.data, entry })));
}
