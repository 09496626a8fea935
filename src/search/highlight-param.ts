/** The query parameter Pagefind adds to result links, one per term: the page they open marks them. */
export const HIGHLIGHT_PARAM = 'highlight';
