import { createHighlighter, type Highlighter } from 'shiki';
import { CODE_THEMES } from './code-themes';

let highlighter: Promise<Highlighter> | undefined;

/**
 * Highlights a shell command as inline HTML spans (no `<pre>`), to sit after a
 * prompt inside a console block. One highlighter serves the whole build.
 */
export async function highlightShell(command: string): Promise<string> {
  highlighter ??= createHighlighter({ themes: Object.values(CODE_THEMES), langs: ['shellscript'] });
  return (await highlighter).codeToHtml(command, {
    lang: 'shellscript',
    themes: CODE_THEMES,
    defaultColor: false,
    structure: 'inline',
  });
}
