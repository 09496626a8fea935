/** One line of a file as its bytes are: text, and the line ending it had (none on a last line without one). */
export interface SourceLine {
  /** 1-based, as editors count. */
  number: number;
  /** Offset of the line's first character in the file. */
  start: number;
  text: string;
  eol: '' | '\n' | '\r\n';
}

/** Splits a file into lines, keeping each line's own ending so a rewrite can give it back. */
export function sourceLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const crlf = newline > start && text[newline - 1] === '\r';
    lines.push({
      number: lines.length + 1,
      start,
      text: text.slice(start, crlf ? end - 1 : end),
      eol: newline < 0 ? '' : crlf ? '\r\n' : '\n',
    });
    start = end + 1;
  }
  return lines;
}

/** The ending most lines of the file use: new lines are written with it. */
export function dominantEol(lines: readonly SourceLine[]): '\n' | '\r\n' {
  const crlf = lines.filter((line) => line.eol === '\r\n').length;
  const lf = lines.filter((line) => line.eol === '\n').length;
  return crlf > lf ? '\r\n' : '\n';
}
