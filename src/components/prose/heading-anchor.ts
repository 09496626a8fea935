import { attribute, escapeText } from '../../lib/html-escape';

/**
 * The link beside a lesson heading, to its own section: named by the heading's text
 * (aria-labelledby), so the heading's name stays its text for the outline and the
 * table of contents. A string, as Astro would render it: a page has a dozen headings.
 */
export function headingAnchorHtml(id: string, label: string): string {
  return (
    `<a class="heading__anchor"${attribute('href', `#${id}`)}${attribute('aria-labelledby', `${id}--link ${id}`)} data-pagefind-ignore>` +
    `<span${attribute('id', `${id}--link`)} hidden>${escapeText(label)}</span><span aria-hidden="true">#</span></a>`
  );
}
