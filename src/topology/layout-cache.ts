import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Figure layouts kept across builds, as lesson results are: elk is the slow part
 * of drawing a figure, and a rebuild draws the same figures again. An entry is
 * named by a hash of its input, of the layout's code and of elkjs's version, so
 * a change to any of them lays the figure out afresh. Best effort: a cache that
 * cannot be read or written only means laying out again.
 */
const DIRECTORY = join(process.cwd(), 'node_modules', '.cache', 'topology-layouts');

let codeHash: string | null | undefined;

/** What a layout depends on besides its input; null where the sources are not at hand (no caching then). */
function layoutCode(): string | null {
  if (codeHash !== undefined) return codeHash;
  try {
    const sources = ['src/topology/layout.ts', 'src/topology/layout-cache.ts', 'node_modules/elkjs/package.json'].map(
      (path) => readFileSync(join(process.cwd(), path), 'utf8'),
    );
    codeHash = sha256(sources.join('\0'));
  } catch {
    codeHash = null;
  }
  return codeHash;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The layout of `input` from the cache, or made by `make` and stored. */
export async function cachedLayout<T>(input: string, make: () => Promise<T>): Promise<T> {
  const code = layoutCode();
  if (code === null) return make();
  const file = join(DIRECTORY, `${sha256(`${code}\0${input}`)}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    // Not there yet (or unreadable): lay it out.
  }
  const layout = await make();
  try {
    mkdirSync(DIRECTORY, { recursive: true });
    // Written aside, then renamed: a build reading it meanwhile sees all of it or nothing.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(layout));
    renameSync(partial, file);
  } catch {
    // A read-only tree: the next build lays it out again.
  }
  return layout;
}
