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
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const prompt = promptOf(line);
    if (prompt === undefined) {
      const current = steps.at(-1);
      if (!current) {
        throw new ConsoleSyntaxError(
          'a console block starts with a command at a prompt such as "$ "; move this output after its command or use a ```text block',
          index,
        );
      }
      current.output.push(line);
      continue;
    }
    const commandLines = [line.slice(prompt.length)];
    while (continues(commandLines.at(-1)!) && index + 1 < lines.length) {
      commandLines.push(lines[++index]);
    }
    steps.push({ prompt, command: commandLines.join('\n'), output: [], line: index - commandLines.length + 1 });
  }
  return steps;
}

function continues(commandLine: string): boolean {
  const trailing = /\\+$/.exec(commandLine);
  return trailing !== null && trailing[0].length % 2 === 1;
}
