// A file of its own: the build's quiz check compares lines too, and importing this
// from replay.ts would load the simulator with it.

/** Lines compared as a reader reads them: trailing spaces and trailing blank lines do not count. */
export function sameLines(a: readonly string[], b: readonly string[]): boolean {
  const clean = (lines: readonly string[]) => {
    const trimmed = lines.map((line) => line.trimEnd());
    while (trimmed.length > 0 && trimmed.at(-1) === '') trimmed.pop();
    return trimmed;
  };
  const x = clean(a);
  const y = clean(b);
  return x.length === y.length && x.every((line, index) => line === y[index]);
}
