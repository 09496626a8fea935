/**
 * Picks the course language for a reader from their browser's ordered language list
 * (`navigator.languages`), or `undefined` when none of them is offered, so the reader
 * chooses instead of being sent to a language they may not read. Regional tags match
 * their language: `pt-PT` and `pt-BR` read the Brazilian course, `fr-CA` the French one.
 *
 * Self-contained on purpose: the site root inlines it (via `toString`) so the
 * redirect runs before anything else loads.
 */
export function negotiateLocale<L extends string>(
  preferred: readonly string[],
  available: readonly L[],
): L | undefined {
  for (const tag of preferred) {
    const primary = String(tag).toLowerCase().split('-')[0];
    for (const locale of available) {
      if (locale === primary) return locale;
    }
  }
  return undefined;
}
