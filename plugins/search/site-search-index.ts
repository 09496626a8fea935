import { close, createIndex, type PagefindIndex } from 'pagefind';
import type { ChildProcess } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { once } from 'node:events';
import { join } from 'node:path';

/**
 * The site's search index, built as `pagefind --site <site>` builds it (the same binary,
 * its defaults, and the same walk of the folder), through Pagefind's Node API: its own
 * process reads the pages on every core while the build does other work.
 */
export interface SiteSearchIndex {
  /** Resolves, with how many pages Pagefind read, once it has read every HTML page: from then on they may change. */
  readPages(): Promise<number>;
  /** Builds the index and writes it, with Pagefind's scripts, to `<site>/pagefind`. */
  write(): Promise<void>;
  /** Stops Pagefind's process and waits for its end, so it is gone (and its CPU time counted) when the build ends. */
  close(): Promise<void>;
}

/** The process that `start` spawns, if it spawns one: Pagefind's API keeps its own out of reach. */
function spawnedBy<T>(start: () => T): { started: T; child: ChildProcess | undefined } {
  let child: ChildProcess | undefined;
  const spawned = (message: unknown) => {
    child ??= (message as { process: ChildProcess }).process;
  };
  subscribe('child_process', spawned);
  try {
    return { started: start(), child };
  } finally {
    unsubscribe('child_process', spawned);
  }
}

/** Starts Pagefind's process and an index of the pages under `site`. */
export async function siteSearchIndex(site: string): Promise<SiteSearchIndex> {
  const { started, child } = spawnedBy(() => createIndex());
  const closed = child ? once(child, 'close') : Promise.resolve([]);
  // Pagefind's API does not notice its process ending: the answer awaited would never come.
  const ended = closed.then(([code, signal]) => {
    throw new Error(`its process ended (${signal ?? `exit code ${code}`})`);
  });
  ended.catch(() => undefined);

  /** Pagefind's answer, or an error that says what Pagefind failed to do: a build must not go on without its search. */
  async function checked<T extends { errors: string[] }>(answer: Promise<T>, doing: string): Promise<T> {
    let answered: T;
    try {
      answered = await Promise.race([answer, ended]);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Pagefind failed ${doing}: ${reason}`, { cause: error });
    }
    if (answered.errors.length > 0) throw new Error(`Pagefind failed ${doing}: ${answered.errors.join('; ')}`);
    return answered;
  }

  // Once: the build stops Pagefind as soon as the index is written, and again on its way out, whatever happened.
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await close();
      // close() lets Node exit without waiting for Pagefind: wait for it here, so the build ends after it does.
      child?.ref();
      await closed.catch(() => undefined);
    })());

  let index: PagefindIndex | undefined;
  try {
    index = (await checked(started, 'to start')).index;
    if (!index) throw new Error('Pagefind failed to start: it created no index');
  } catch (error) {
    await stop();
    throw error;
  }
  const pagefind = index;
  return {
    readPages: async () =>
      (await checked(pagefind.addDirectory({ path: site }), `to read the pages of ${site}`)).page_count,
    write: async () => {
      await checked(pagefind.writeFiles({ outputPath: join(site, 'pagefind') }), 'to write the search index');
    },
    close: stop,
  };
}
