import { needsMoreInput } from '../../src/netsim/shell/continuation';
import { promptOf } from './prompts';

/** One command typed at a prompt and the lines it printed. */
export interface ConsoleStep {
  prompt: string;
  /** What the shell reads: continuation lines (ending in `\`) included, joined by `\n`; here-document lines without their `> `. */
  command: string;
  /** The lines as the block shows them, `> ` (bash's PS2) included, when they differ from `command`. */
  shown?: string;
  output: string[];
  /** 0-based line of the prompt inside the block. */
  line: number;
}

export class ConsoleSyntaxError extends Error {
  constructor(
    message: string,
    /** 0-based line inside the block. */
    readonly line: number,
  ) {
    super(message);
    this.name = 'ConsoleSyntaxError';
  }
}

/**
 * Splits the text of a console block into commands and outputs. A line that ends
 * with an unescaped backslash continues the command, as in a shell; while the
 * command is still open for bash (a here-document before its delimiter, an open
 * quote), lines after the `> ` prompt continue it too, as the terminal shows them.
 */
export function parseConsoleBlock(text: string): ConsoleStep[] {
  const lines = text.split(/\r?\n/);
  const steps: ConsoleStep[] = [];
  let index = 0;
  while (index < lines.length) {
    const start = index;
    const line = lines[index++] ?? '';
    const prompt = promptOf(line);
    if (prompt === undefined) {
      const current = steps.at(-1);
      if (!current) {
        throw new ConsoleSyntaxError(
          'a console block starts with a command at a prompt such as "$ "; move this output after its command or use a ```text block',
          start,
        );
      }
      current.output.push(line);
      continue;
    }
    let last = line.slice(prompt.length);
    const commandLines = [last];
    while (continues(last) && index < lines.length) {
      last = lines[index++] ?? '';
      commandLines.push(last);
    }
    // A here-document, an open quote or a trailing `|` makes bash read more lines, each after its PS2 prompt `> `.
    const shownLines = [...commandLines];
    while (index < lines.length && isSecondaryPrompt(lines[index]!) && needsMoreInput(commandLines.join('\n'))) {
      const typed = lines[index++]!;
      shownLines.push(typed);
      commandLines.push(typed.slice(2));
    }
    const command = commandLines.join('\n');
    const shown = shownLines.join('\n');
    steps.push({ prompt, command, ...(shown === command ? {} : { shown }), output: [], line: start });
  }
  return steps;
}

/** bash's default PS2, `> `; a terminal shows an empty line typed after it as `>` once trailing spaces are trimmed. */
function isSecondaryPrompt(line: string): boolean {
  return line === '>' || line.startsWith('> ');
}

function continues(commandLine: string): boolean {
  const trailing = /\\+$/.exec(commandLine);
  return trailing !== null && trailing[0].length % 2 === 1;
}
