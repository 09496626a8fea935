/**
 * A function of a lesson's text, worked out once per text. Every page's course menu
 * asks the reading time and practice counts of every lesson in its language, so a
 * course of n lessons would ask n² times per build. Keyed by the text itself, so a
 * lesson edited under `astro dev` gets a fresh answer; the oldest answers go first
 * past `limit`.
 */
export function memoByText<T>(compute: (text: string) => T, limit = 4096): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    const known = memo.get(text);
    if (known !== undefined) return known;
    const value = compute(text);
    if (memo.size >= limit) memo.delete(memo.keys().next().value!);
    memo.set(text, value);
    return value;
  };
}
