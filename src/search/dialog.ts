import { HIGHLIGHT_PARAM } from './highlight-param';
import { defaultInstance, keepTypedMarks, loadComponentUi } from './pagefind-ui';

interface PagefindModal extends HTMLElement {
  open(): void;
}

let modal: Promise<PagefindModal> | undefined;

/**
 * Opens Pagefind's search dialog (its Component UI's <pagefind-modal>: input, summary,
 * results and keyboard hints), building it on first use.
 * The page's language picks the index and the interface strings; result links carry
 * the terms, which the page they open marks.
 */
export async function openSearchDialog(): Promise<void> {
  modal ??= create();
  modal.catch(() => (modal = undefined));
  (await modal).open();
}

async function create(): Promise<PagefindModal> {
  const components = await loadComponentUi();
  const config = document.createElement('pagefind-config');
  config.setAttribute('highlight-param', HIGHLIGHT_PARAM);
  // Left empty, the modal builds its default parts once: moved into it, they would initialise twice.
  const element = document.createElement('pagefind-modal') as PagefindModal;
  element.className = 'search-dialog';
  document.body.append(config, element);
  keepTypedMarks(element, defaultInstance(components));
  return element;
}
