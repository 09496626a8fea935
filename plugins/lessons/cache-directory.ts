import { join } from 'node:path';

/** Where the project keeps the cache: with other tools' caches, outside the repository's tracked files; LESSONS_CACHE_DIR moves it. */
export const cacheDirectory = (root: string): string =>
  process.env.LESSONS_CACHE_DIR ?? join(root, 'node_modules', '.cache', 'lesson-results');
