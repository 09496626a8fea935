import { HIGHLIGHT_PARAM } from './highlight-param';
import { matchesAny, queryTerms, WORD } from './terms';

/**
 * Where a match is never marked: outputs, notes and controls (the index leaves them
 * out too, with data-pagefind-ignore), prompts and figures. A console block's command
 * is left out of the index (its words are indexed apart), but it is what the reader
 * typed, so it is marked.
 */
const SKIPPED = [
  'script, style, svg, button, textarea, input, select, mark, .console__prompt',
  '[data-pagefind-ignore]:not(.console__command)',
].join(', ');

/** `-p`, `--network`: a flag, not a word, whatever it spells. */
const isFlag = (text: string, start: number) =>
  text[start - 1] === '-' && /(^|[\s(`"'[])-{1,2}$/.test(text.slice(Math.max(0, start - 3), start));

/** The stretches of a text that name a term, as [start, end) offsets. */
export function hitsIn(text: string, terms: readonly string[]): [number, number][] {
  const hits: [number, number][] = [];
  for (const match of text.matchAll(WORD)) {
    if (!isFlag(text, match.index) && matchesAny(match[0], terms))
      hits.push([match.index, match.index + match[0].length]);
  }
  return hits;
}

/** Wraps every word of `root` that one of the terms names in a <mark>; returns the marks, in page order. */
export function highlightTerms(root: Element, terms: readonly string[]): HTMLElement[] {
  if (terms.length === 0) return [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIPPED) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  const marks: HTMLElement[] = [];
  for (const text of texts) {
    const inText: HTMLElement[] = [];
    // From the last hit back, so earlier offsets stay valid as the node is split.
    for (const [start, end] of hitsIn(text.data, terms).reverse()) {
      const word = text.splitText(start);
      word.splitText(end - start);
      const mark = root.ownerDocument.createElement('mark');
      mark.className = 'search-hit';
      word.replaceWith(mark);
      mark.append(word);
      inText.unshift(mark);
    }
    marks.push(...inText);
  }
  return marks;
}

/** Marks the terms a search result link carried (`?highlight=ponte`) in the page's main content. */
export function highlightFromUrl(location: Location = window.location): HTMLElement[] {
  const terms = queryTerms(new URLSearchParams(location.search).getAll(HIGHLIGHT_PARAM).join(' '));
  const root = document.querySelector('[data-pagefind-body]') ?? document.querySelector('main');
  return root ? highlightTerms(root, terms) : [];
}
