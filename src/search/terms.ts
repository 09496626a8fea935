/**
 * Which words on a page a search query names. Pagefind finds pages by stem, so in
 * Portuguese "ponte" also finds "pontos" and "pontas": right for finding pages, wrong
 * for marking words, since only the words the reader typed (and their plurals) mean it.
 */

/** Lower case without accents, as Pagefind compares words by default. */
export function normalizeWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A word is a run of letters and digits; `_` inside a name (`State_Pid`) keeps it whole. */
export const WORD = /[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)*/gu;

/** The terms of a query, normalized, each at least one letter or digit long. */
export function queryTerms(query: string): string[] {
  return [...new Set([...query.matchAll(WORD)].map(([word]) => normalizeWord(word)))];
}

/**
 * Whether a word on the page is one the term names: the term itself, a longer word it
 * starts (`pont` → `ponts`, as a reader typing a prefix expects), or the term less a
 * short ending (`redes` → `rede`, `puentes` → `puente`). A letter that differs (`ponte`
 * and `ponto`) or a fragment (`-p`, `-n` against `pont`, `nsenter`) is another word.
 */
export function wordMatches(word: string, term: string): boolean {
  const candidate = normalizeWord(word);
  if (candidate.startsWith(term)) return true;
  return term.startsWith(candidate) && candidate.length >= 3 && term.length - candidate.length <= 2;
}

export function matchesAny(word: string, terms: readonly string[]): boolean {
  return terms.some((term) => wordMatches(word, term));
}
