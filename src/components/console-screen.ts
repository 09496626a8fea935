import type { RenderedStep } from '../../plugins/lessons/render-steps';
import { attribute, escapeText } from '../lib/html-escape';
import { commandTerms } from '../search/command-terms';

/** What a console block's screen says in the reader's language. */
export interface ConsoleScreenText {
  /** A `[...]` that stands for no line netsim printed. */
  omittedSome: string;
  omitted(count: number): string;
  showOmitted(count: number): string;
  hideOmitted(count: number): string;
}

const OUTPUT_LINE = '<span class="console__line console__line--output"';

/**
 * What goes inside a console block's `<code>`: each command after its prompt,
 * then its output lines, and behind a button the lines a `[...]` stands for.
 * A page has hundreds of these lines: written as one string they cost a fraction
 * of what as many elements cost through Astro's renderer, and the bytes are the same.
 * `commandsHtml` holds each step's command, highlighted.
 */
export function consoleScreenHtml(
  steps: readonly RenderedStep[],
  commandsHtml: readonly string[],
  text: ConsoleScreenText,
): string {
  let html = '';
  for (const [index, step] of steps.entries()) {
    html +=
      `<span class="console__line console__line--command" data-pagefind-index-attrs="data-search-terms"` +
      `${attribute('data-search-terms', commandTerms(step.command).join(' '))}>` +
      `<span class="console__prompt" data-pagefind-ignore>${escapeText(step.prompt)}</span>` +
      `<span class="console__command" data-pagefind-ignore>${commandsHtml[index]}</span></span>\n`;
    for (const line of step.output) html += outputHtml(line, text);
  }
  return html;
}

function outputHtml(line: RenderedStep['output'][number], text: ConsoleScreenText): string {
  if (typeof line === 'string') return `${OUTPUT_LINE} data-pagefind-ignore>${escapeText(line)}</span>\n`;
  const count = line.omitted.length;
  if (count === 0)
    return `<span class="console__omitted" data-pagefind-ignore>${escapeText(text.omittedSome)}</span>\n`;
  let elided = '';
  for (const omitted of line.omitted) elided += `${OUTPUT_LINE}>${escapeText(omitted)}</span>\n`;
  return (
    `<span class="console__omitted console__print-only" data-pagefind-ignore>${escapeText(text.omitted(count))}</span>` +
    `<button type="button" class="console__omitted" aria-expanded="false" data-console-omitted` +
    `${attribute('data-label-show', text.showOmitted(count))}${attribute('data-label-hide', text.hideOmitted(count))}` +
    ` data-pagefind-ignore>${escapeText(text.showOmitted(count))}</button>\n` +
    `<span class="console__elided" hidden data-pagefind-ignore>${elided}</span>`
  );
}
