import type { Heading as MdastHeading, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Heading ids as github-slugger makes them (the ids Astro gives by default):
 * lower case, punctuation and symbols dropped, each space a hyphen, and a
 * repeated id numbered (`-1`, `-2`...) in document order.
 */
export function headingSlugs(texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replaceAll(' ', '-');
    let slug = base;
    while (seen.has(slug)) {
      const next = (seen.get(base) ?? 0) + 1;
      seen.set(base, next);
      slug = `${base}-${next}`;
    }
    seen.set(slug, 0);
    return slug;
  });
}

export interface Heading {
  depth: number;
  text: string;
}

/**
 * A translation's heading ids: the source lesson's id for each heading at the same
 * place (same depth, same position), so `#section` means the same section in every
 * language. From the first heading where the outlines part, the translation's
 * own slugs, kept apart from the ids already given.
 */
export function sharedHeadingIds(
  source: readonly Heading[],
  translation: readonly Heading[],
): { ids: string[]; matched: number } {
  const sourceIds = headingSlugs(source.map((heading) => heading.text));
  let matched = 0;
  while (
    matched < translation.length &&
    matched < source.length &&
    source[matched]!.depth === translation[matched]!.depth
  )
    matched += 1;
  const ids = sourceIds.slice(0, matched);
  const own = headingSlugs([...ids, ...translation.slice(matched).map((heading) => heading.text)]).slice(matched);
  return { ids: [...ids, ...own], matched };
}

/** A lesson's outline: each heading's depth and the text a reader sees in it (inline code included), as Astro reads it for the table of contents. */
export function outlineOf(tree: Root): Heading[] {
  const headings: Heading[] = [];
  visit(tree, 'heading', (heading: MdastHeading) => {
    headings.push({ depth: heading.depth, text: textOf(heading) });
  });
  return headings;
}

/** The text of a heading, Markdown's or HTML's: text and inline code, at any depth. */
export function textOf(node: { type: string; value?: unknown; children?: unknown[] }): string {
  if (node.type === 'text' || node.type === 'inlineCode') return String(node.value ?? '');
  return (node.children ?? []).map((child) => textOf(child as Parameters<typeof textOf>[0])).join('');
}
