import type { YAMLError } from 'yaml';

/**
 * go-yaml v3's text for a document it cannot parse, `line N: problem` after
 * `yaml: `, for the mistakes people make writing a compose file by hand. The
 * parser (the `yaml` package) finds the mistake; the words and the line are
 * libyaml's (scannerc.go, parserc.go) as go-yaml reports them (decode.go
 * parser.fail): a scanner error names the line of its context mark, counted
 * from 1; a parser error names its context mark's line counted from 0, which
 * reads as the line before, and when that is 0 the problem mark's, counted from 0.
 */
export function yamlSyntaxError(text: string, error: YAMLError): string {
  const lines = text.split('\n');
  const at = error.linePos?.[0] ?? { line: 1, col: 1 };
  switch (error.code) {
    case 'TAB_AS_INDENT':
      // scan_to_next_token skips no tab where a block token may start: "found character that cannot start any token".
      return scannerError(firstTabLine(lines, at.line) - 1, 'found character that cannot start any token');
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/Nested mappings/.test(error.message))
        return scannerError(at.line - 1, 'mapping values are not allowed in this context');
      return expectedKey(lines, at.line - 1);
    case 'MISSING_CHAR':
      if (/quote/.test(error.message))
        return scannerError(openingQuoteLine(lines, at.line - 1), 'found unexpected end of stream');
      return expectedKey(lines, at.line - 1);
    default:
      return expectedKey(lines, at.line - 1);
  }
}

/** A scanner error: the 0-based line of its mark plus one, no line at all on the first. */
function scannerError(line0: number, problem: string): string {
  return line0 > 0 ? `line ${line0 + 1}: ${problem}` : problem;
}

/** A parser error: the context mark's 0-based line, else the problem mark's, else none. */
function parserError(context0: number, problem0: number, problem: string): string {
  const line = context0 !== 0 ? context0 : problem0;
  return line !== 0 ? `line ${line}: ${problem}` : problem;
}

function firstTabLine(lines: readonly string[], reported: number): number {
  const index = lines.findIndex((line) => /^ *\t/.test(line));
  return index >= 0 ? index + 1 : reported;
}

/** The line where the unclosed quoted scalar began: the last quote opened before the end. */
function openingQuoteLine(lines: readonly string[], fallback0: number): number {
  for (let index = lines.length - 1; index >= 0; index--) if (/(^|[:\-] ?)["']/.test(lines[index]!)) return index;
  return fallback0;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function isContent(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && !trimmed.startsWith('#');
}

/**
 * "while parsing a block mapping ... did not find expected key": a key at a
 * column between two open mappings' makes the scanner start a new mapping
 * where the outer one expected its next key. The context is the outer
 * mapping, marked at its first key.
 */
function expectedKey(lines: readonly string[], problem0: number): string {
  const column = indentOf(lines[problem0] ?? '');
  const open: { indent: number; start: number }[] = [];
  for (let index = 0; index < problem0; index++) {
    const line = lines[index]!;
    if (!isContent(line)) continue;
    const indent = indentOf(line);
    while (open.length > 0 && open.at(-1)!.indent > indent) open.pop();
    if (open.at(-1)?.indent !== indent) open.push({ indent, start: index });
    // `- key: value` opens a mapping two columns in, on the dash's line.
    const item = /^(\s*- +)(?=[^\s#])/.exec(line);
    if (item && /^[^\s#][^:]*:( |$)/.test(line.slice(item[1]!.length)))
      open.push({ indent: item[1]!.length, start: index });
  }
  const outer = [...open].reverse().find((level) => level.indent < column) ?? open[0];
  return parserError(outer?.start ?? 0, problem0, 'did not find expected key');
}
