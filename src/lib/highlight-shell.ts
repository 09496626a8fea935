import { createHighlighter, type Highlighter } from 'shiki';
import { CODE_THEMES } from './code-themes';

let highlighter: Promise<Highlighter> | undefined;
/** Each command highlighted once per build: a lesson's translations type the same commands, and lessons repeat many. */
const highlighted = new Map<string, string>();
const REMEMBERED = 8192;

/**
 * Highlights a shell command as inline HTML spans (no `<pre>`), to sit after a
 * prompt inside a console block. One highlighter serves the whole build.
 * Whether remembered or not, the answer comes after the same single await:
 * ConsoleBlock numbers its notes after awaiting it, so their order must not change.
 */
export async function highlightShell(command: string): Promise<string> {
  highlighter ??= createHighlighter({ themes: Object.values(CODE_THEMES), langs: ['shellscript'] });
  const shiki = await highlighter;
  let html = highlighted.get(command);
  if (html === undefined) {
    html = shiki.codeToHtml(command, {
      lang: 'shellscript',
      themes: CODE_THEMES,
      defaultColor: false,
      structure: 'inline',
    });
    if (highlighted.size >= REMEMBERED) highlighted.delete(highlighted.keys().next().value!);
    highlighted.set(command, html);
  }
  return html;
}
