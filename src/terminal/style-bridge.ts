/**
 * xterm.js styles its screen by writing `<style>` elements at run time (colours,
 * cell sizes), which the site's Content-Security-Policy blocks: it allows no
 * inline style without a hash, and these change with the font and the window.
 * Constructable stylesheets are the CSP-compatible way for a page's own script to
 * add CSS, so a `<style>` element created by script is given as a stand-in element
 * whose text goes to an adopted stylesheet instead.
 */
class BridgedStyle extends HTMLElement {
  private readonly sheet = new CSSStyleSheet();
  private css = '';

  override get textContent(): string {
    return this.css;
  }

  override set textContent(css: string | null) {
    this.css = css ?? '';
    this.sheet.replaceSync(this.css);
  }

  override get innerHTML(): string {
    return this.css;
  }

  override set innerHTML(css: string) {
    this.textContent = css;
  }

  connectedCallback(): void {
    this.hidden = true;
    if (!document.adoptedStyleSheets.includes(this.sheet))
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
  }

  disconnectedCallback(): void {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== this.sheet);
  }
}

let installed = false;

export function bridgeScriptStyles(): void {
  if (installed) return;
  installed = true;
  customElements.define('bridged-style', BridgedStyle);
  const create = document.createElement.bind(document);
  document.createElement = ((tag: string, options?: ElementCreationOptions) =>
    tag.toLowerCase() === 'style' ? new BridgedStyle() : create(tag, options)) as typeof document.createElement;
}
