/**
 * Values that hang off an ID the seeded source already drew: a sandbox ID per
 * start, the nanoseconds of a timestamp, an anonymous volume's name. Deriving
 * them (FNV-1a over the ID and a label, then murmur3's finaliser so that
 * neighbouring labels look unrelated) keeps the random stream, and so every
 * other seeded value, as it was before they were modelled.
 */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

export function derivedHex(from: string, label: string, length: number): string {
  let text = '';
  for (let block = 0; text.length < length; block++)
    text += fnv1a(`${from}/${label}/${block}`).toString(16).padStart(8, '0');
  return text.slice(0, length);
}

/** A number in [0, range) for `from` and `label`. */
export function derivedInt(from: string, label: string, range: number): number {
  return fnv1a(`${from}/${label}`) % range;
}

/** Nanoseconds within the second, for RFC 3339 timestamps, consistent with the clock's milliseconds. */
export function derivedNanos(from: string, label: string, ms: number): number {
  return (ms % 1000) * 1_000_000 + derivedInt(from, label, 1_000_000);
}
