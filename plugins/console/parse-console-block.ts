import { promptOf } from './prompts';

/** One command typed at a prompt and the lines it printed. */
export interface ConsoleStep {
  prompt: string;
  /** As typed, continuation lines (ending in `\`) included, joined by `\n`. */
  command: string;
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
 * with an unescaped backslash continues the command, as in a shell.
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
    steps.push({ prompt, command: commandLines.join('\n'), output: [], line: start });
  }
  return steps;
}

function continues(commandLine: string): boolean {
  const trailing = /\\+$/.exec(commandLine);
  return trailing !== null && trailing[0].length % 2 === 1;
}
