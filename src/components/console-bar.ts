import { attribute, escapeText } from '../lib/html-escape';

/**
 * Where a block's output comes from, explained on hover (title), tap, click or Enter:
 * a popover its button opens, which Escape or a tap elsewhere closes.
 */
export interface ConsoleMark {
  kind: 'verified' | 'norun';
  text: string;
  note: string;
  /** The popover's id, unique in the page. */
  noteId: string;
}

/** What a console block's bar says in the reader's language. */
export interface ConsoleBarText {
  terminal: string;
  tryIt: string;
  tryLabel: string;
  copy: string;
  copied: string;
  copyFailed: string;
  copyLabel: string;
}

// A block's start host is tens of kilobytes of JSON, the same for every language of a lesson (a payload,
// plugins/payloads/, read once per build): escaped once, not once per page that shows it.
const escapedStarts = new Map<string, string>();
const REMEMBERED = 4096;

function startAttribute(start: string): string {
  let escaped = escapedStarts.get(start);
  if (escaped === undefined) {
    escaped = attribute('data-start', start);
    if (escapedStarts.size >= REMEMBERED) escapedStarts.delete(escapedStarts.keys().next().value!);
    escapedStarts.set(start, escaped);
  }
  return escaped;
}

export interface ConsoleBar {
  mark: ConsoleMark | undefined;
  /** The JSON recipe of the host "Try it" opens a terminal on; no button without it. */
  start: string | undefined;
  /** The block's command lines: "Try it" types them, the copy button copies them. */
  commands: readonly string[];
}

/**
 * The `<figcaption>` of a console block: its title, where its output comes from,
 * "Try it" and the copy button, with the data-* hooks their scripts read
 * (data-try, data-start, data-commands, data-console-copy...). Written as one
 * string, as the screen below it is: the bytes are those Astro would render.
 */
export function consoleBarHtml({ mark, start, commands }: ConsoleBar, text: ConsoleBarText): string {
  const markHtml = mark
    ? `<button type="button"${attribute('class', `console__mark console__mark--${mark.kind}`)}` +
      `${attribute('popovertarget', mark.noteId)}${attribute('title', mark.note)}>${escapeText(mark.text)}</button>` +
      `<span${attribute('id', mark.noteId)} class="console__note" popover>${escapeText(mark.note)}</span>`
    : '';
  const tryHtml =
    start === undefined
      ? ''
      : `<button type="button" class="console__try" data-try${startAttribute(start)}` +
        `${attribute('data-commands', JSON.stringify(commands))} aria-expanded="false"` +
        `${attribute('title', text.tryLabel)}>${escapeText(text.tryIt)}</button>`;
  return (
    `<figcaption class="console__bar" data-pagefind-ignore><span class="console__meta">` +
    `<span class="console__title">${escapeText(text.terminal)}</span>${markHtml}</span>${tryHtml}` +
    `<button type="button" class="console__copy"${attribute('data-console-copy', commands.join('\n'))}` +
    `${attribute('data-label-done', text.copied)}${attribute('data-label-failed', text.copyFailed)}` +
    `${attribute('aria-label', text.copyLabel)}${attribute('title', text.copyLabel)}>` +
    `<span data-console-copy-text>${escapeText(text.copy)}</span></button>` +
    `<span class="visually-hidden" role="status" data-console-copy-status></span></figcaption>`
  );
}
