import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A capture of tests/netsim/golden/apt (capture-apt.sh): its exit code and both streams, bytes as written. */
export interface AptGolden {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function aptGolden(name: string): AptGolden {
  const text = readFileSync(resolve(import.meta.dirname, '../golden/apt', `${name}.txt`), 'utf8');
  const start = text.indexOf('\n# ---\n') + '\n# ---\n'.length;
  const exitCode = Number(/^# exit code: (\d+)$/m.exec(text)![1]);
  const split = text.indexOf('# --- stderr\n', start);
  return split < 0
    ? { exitCode, stdout: text.slice(start), stderr: '' }
    : { exitCode, stdout: text.slice(start, split), stderr: text.slice(split + '# --- stderr\n'.length) };
}

/**
 * What a terminal shows of a typescript (script's capture of a terminal): apt's
 * progress bar on the last line (drawn between ESC 7 and ESC 8) and the scroll
 * region around it left out, colours dropped, \r returning to the line's start
 * so that later text overwrites it, \n to the next line's start (onlcr), ESC [1A
 * and ESC [J moving up and erasing.
 */
export function renderTerminal(typescript: string): string {
  const text = typescript
    .replace(/\x1b7\x1b\[24;0f[\s\S]*?\x1b8/g, '')
    .replace(/\x1b7\x1b\[0;2[34]r\x1b8/g, '')
    .replace(/\x1b\[[0-9;]*m/g, '');
  const lines: string[][] = [[]];
  let row = 0;
  let column = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('\x1b[1A', i)) {
      row--;
      i += 3;
    } else if (text.startsWith('\x1b[J', i)) {
      lines[row] = lines[row]!.slice(0, column);
      lines.length = row + 1;
      i += 2;
    } else if (text[i] === '\r') column = 0;
    else if (text[i] === '\n') {
      // The terminal's onlcr: a newline starts the next line at its first column.
      column = 0;
      row++;
      if (row === lines.length) lines.push([]);
    } else {
      const line = lines[row]!;
      while (line.length < column) line.push(' ');
      line[column++] = text[i]!;
    }
  }
  return lines.map((line) => line.join('').trimEnd()).join('\n');
}

/**
 * The figures that belong to the machine a capture was made on, not to apt:
 * the fetch rate, dpkg's database count, the space left on the disk.
 */
export function machineFree(text: string): string {
  return text
    .replace(/Fetched (\S+ \S*B) in \d+s \(\S+ \S*B\/s\)/g, 'Fetched $1 in 0s (RATE)')
    .replace(/\(Reading database \.\.\. \d+ files/g, '(Reading database ... N files')
    .replace(/ \/ \S+ GB available/g, ' / N GB available');
}
