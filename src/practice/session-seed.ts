// A file of its own: the sandbox page seeds its host with it, and importing it
// from session-host.ts would bring the simulator into the pages' bundle.

/** FNV-1a of the lesson id and session: the same lesson gives the same host in every language. */
export function sessionSeed(lessonId: string, session: string): number {
  let hash = 0x811c9dc5;
  for (const char of `${lessonId}/${session}`) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
