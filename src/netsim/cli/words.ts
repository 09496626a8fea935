/**
 * Splits one simple command line into words as a POSIX shell does for quoting:
 * single quotes keep everything, double quotes keep all but `\"` and `\\`, and a
 * backslash outside quotes escapes the next character (a backslash-newline joins
 * lines). Pipes, substitutions and operators belong to the shell issue's parser.
 */
export function splitWords(line: string): string[] | { error: string } {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (char === '\\') {
      const next = line[i + 1];
      i++;
      if (next === undefined || next === '\n') continue;
      current += next;
      inWord = true;
    } else if (char === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { error: "unexpected EOF while looking for matching `''" };
      current += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (char === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && (line[j + 1] === '"' || line[j + 1] === '\\' || line[j + 1] === '$')) j++;
        current += line[j];
      }
      if (j >= line.length) return { error: 'unexpected EOF while looking for matching `"\'' };
      i = j;
      inWord = true;
    } else if (char === ' ' || char === '\t' || char === '\n') {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}
