import { hitsIn } from './highlight';
import { queryTerms } from './terms';

// Pagefind writes its bundle into dist/pagefind after `astro build`: it is loaded at run
// time, never resolved by Vite, and only when a reader opens search.
const BUNDLE = '/pagefind/pagefind-component-ui.js';
const STYLES = '/pagefind/pagefind-component-ui.css';

export interface PagefindInstance {
  searchTerm: string;
  triggerSearch(term: string): void;
  on(event: 'search', callback: (term: string) => void): void;
}

interface PagefindComponents {
  getInstanceManager(): { getInstance(name: string): PagefindInstance };
}

let loading: Promise<PagefindComponents> | undefined;

/** Pagefind's Component UI and its stylesheet, loaded once; rejects where there is no built index. */
export function loadComponentUi(): Promise<PagefindComponents> {
  loading ??= Promise.all([stylesheet(STYLES), import(/* @vite-ignore */ BUNDLE)]).then(
    () => (window as unknown as { PagefindComponents: PagefindComponents }).PagefindComponents,
  );
  loading.catch(() => (loading = undefined));
  return loading;
}

function stylesheet(href: string): Promise<void> {
  if (document.querySelector(`link[href="${href}"]`)) return Promise.resolve();
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
  document.head.append(link);
  return new Promise((resolve, reject) => {
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`${href} did not load`));
  });
}

export const defaultInstance = (components: PagefindComponents) =>
  components.getInstanceManager().getInstance('default');

/**
 * Pagefind marks excerpt words that share the term's stem ("ponte" marks "pontos") and
 * flags that contain it (`--network`); only the words the reader typed stay marked, by
 * the same rule as marks on the page a result opens.
 */
export function keepTypedMarks(root: Element, instance: PagefindInstance): void {
  const review = () => {
    const terms = queryTerms(instance.searchTerm);
    for (const mark of root.querySelectorAll<HTMLElement>('mark:not([data-typed])')) {
      const text = mark.textContent ?? '';
      if (hitsIn(text, terms).length > 0) mark.dataset.typed = '';
      else mark.replaceWith(text);
    }
  };
  new MutationObserver(review).observe(root, { childList: true, subtree: true });
  review();
}
