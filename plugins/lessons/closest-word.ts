/** The candidate nearest to `word` by edit distance, if near enough to be a slip of the keyboard. */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  // "pinned" or "sess": the writer had the right word in mind and changed its ending.
  const stem = candidates.find(
    (candidate) => word.length >= 3 && (word.startsWith(candidate) || candidate.startsWith(word)),
  );
  if (stem) return stem;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // A third of the word may be wrong: "sesion" finds session, "colour" finds nothing.
  return bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}
