/**
 * bash's brace expansion (braces.c), done on a word as typed, before every other
 * expansion and outside quotes: `web{1,2}` is `web1 web2`, `{1..5}` a sequence,
 * `{a..e}` one of letters, `{01..10}` padded, `{1..10..3}` stepped; braces nest,
 * and several in one word multiply. `$X{1,2}` is `$X1 $X2`, as in bash, since
 * the variable's name is read afterwards. `{x}`, `{}`, `${...}` and a lone `{`
 * stay as typed. dash and BusyBox ash have none (their caller does not call this).
 *
 * Returns the words as they would have been typed, or undefined when `source` has no brace to expand.
 */
export function expandBraceSource(source: string): string[] | undefined {
  // Every word of every bash command comes through here: most have no brace at all.
  if (!source.includes('{')) return undefined;
  const found = firstBrace(source);
  if (!found) return undefined;
  const { start, end, alternatives } = found;
  return alternatives.flatMap((alternative) => {
    const text = source.slice(0, start) + alternative + source.slice(end + 1);
    return expandBraceSource(text) ?? [text];
  });
}

/** Where a quote, a `${...}` or a `$(...)` that starts at `at` ends, or `at` itself for any other character. */
function skipQuoted(text: string, at: number): number {
  const char = text[at];
  if (char === '\\') return at + 1;
  if (char === "'") return indexOrEnd(text, "'", at + 1);
  if (char === '"') {
    for (let next = at + 1; next < text.length; next++) {
      if (text[next] === '\\') next++;
      else if (text[next] === '"') return next;
    }
    return text.length;
  }
  if (char === '$' && (text[at + 1] === '{' || text[at + 1] === '(')) {
    const [open, close] = text[at + 1] === '{' ? ['{', '}'] : ['(', ')'];
    let depth = 0;
    for (let next = at + 1; next < text.length; next++) {
      if (text[next] === open) depth++;
      else if (text[next] === close && --depth === 0) return next;
    }
    return text.length;
  }
  return at;
}

function indexOrEnd(text: string, search: string, from: number): number {
  const found = text.indexOf(search, from);
  return found < 0 ? text.length : found;
}

/** The first `{...}` in `text`, outside quotes, that expands, and what it expands to. */
function firstBrace(text: string): { start: number; end: number; alternatives: string[] } | undefined {
  for (let at = 0; at < text.length; at++) {
    const skipped = skipQuoted(text, at);
    if (skipped !== at) {
      at = skipped;
      continue;
    }
    if (text[at] !== '{') continue;
    const found = braceAt(text, at);
    if (found) return found;
  }
  return undefined;
}

/** The brace expression opening at `start`: its matching `}` and its alternatives, if it is one. */
function braceAt(text: string, start: number): { start: number; end: number; alternatives: string[] } | undefined {
  const commas: number[] = [];
  let depth = 0;
  for (let at = start; at < text.length; at++) {
    const skipped = skipQuoted(text, at);
    if (skipped !== at) {
      at = skipped;
      continue;
    }
    if (text[at] === '{') depth++;
    else if (text[at] === ',' && depth === 1) commas.push(at);
    else if (text[at] === '}' && --depth === 0) {
      const inside = text.slice(start + 1, at);
      if (commas.length > 0) {
        const bounds = [start, ...commas, at];
        return {
          start,
          end: at,
          alternatives: bounds.slice(1).map((bound, index) => text.slice(bounds[index]! + 1, bound)),
        };
      }
      const values = sequence(inside);
      return values && { start, end: at, alternatives: values };
    }
  }
  return undefined;
}

/** `{1..5}`, `{5..1}`, `{01..10}`, `{1..10..3}`, `{a..e}` (braces.c mkseq). */
function sequence(inside: string): string[] | undefined {
  const numbers = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(inside);
  if (numbers) {
    const [first, last] = [Number(numbers[1]), Number(numbers[2])];
    const step = Math.abs(Number(numbers[3] ?? 1)) || 1;
    // A leading zero on either end pads every number to the wider end.
    const padded = /^-?0\d/.test(numbers[1]!) || /^-?0\d/.test(numbers[2]!);
    const width = padded ? Math.max(numbers[1]!.length, numbers[2]!.length) : 0;
    const values: string[] = [];
    for (let value = first; first <= last ? value <= last : value >= last; value += first <= last ? step : -step)
      values.push(pad(value, width));
    return values;
  }
  const letters = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/.exec(inside);
  if (letters) {
    const [first, last] = [letters[1]!.charCodeAt(0), letters[2]!.charCodeAt(0)];
    const step = Math.abs(Number(letters[3] ?? 1)) || 1;
    const values: string[] = [];
    for (let code = first; first <= last ? code <= last : code >= last; code += first <= last ? step : -step)
      values.push(String.fromCharCode(code));
    return values;
  }
  return undefined;
}

function pad(value: number, width: number): string {
  const digits = String(Math.abs(value)).padStart(value < 0 ? width - 1 : width, '0');
  return value < 0 ? `-${digits}` : digits;
}
