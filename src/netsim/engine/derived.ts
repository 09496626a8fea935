/**
 * Values that hang off an ID the seeded source already drew: a sandbox ID per
 * start, the nanoseconds of a timestamp, an anonymous volume's name. Deriving
 * them (FNV-1a over the ID and a label) keeps the random stream, and so every
 * other seeded value, as it was before they were modelled.
 */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function derivedHex(from: string, label: string, length: number): string {
  let text = '';
  for (let block = 0; text.length < length; block++) text += fnv1a(`${from}/${label}/${block}`).toString(16).padStart(8, '0');
  return text.slice(0, length);
}

/** Nanoseconds within the second, for RFC 3339 timestamps, consistent with the clock's milliseconds. */
export function derivedNanos(from: string, label: string, ms: number): number {
  return (ms % 1000) * 1_000_000 + (fnv1a(`${from}/${label}`) % 1_000_000);
}
