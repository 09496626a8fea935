/**
 * YAML as go-yaml v3 (go.yaml.in/yaml/v3 v3.0.4, the one compose-go v2.9.1 uses)
 * reads and writes it: resolve.go's typing of plain scalars, and the emitter's
 * block style (encode.go, emitterc.go) with SetIndent(2), as compose-go's
 * Project.MarshalYAML sets it for `docker compose config`.
 */

/** A mapping whose keys keep the order the printer gives them (a Go struct's field order, or sorted map keys). */
export class YamlMap {
  constructor(readonly entries: readonly (readonly [string, YamlValue])[]) {}
}

/** A float, told apart from an int (Go prints 1.5 and 1 differently). */
export class YamlFloat {
  constructor(readonly value: number) {}
}

export type YamlValue = null | boolean | number | string | YamlFloat | YamlMap | readonly YamlValue[];

const OLD_BOOLS = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'on',
  'On',
  'ON',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'off',
  'Off',
  'OFF',
]);
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const MAPPED: Readonly<Record<string, null | boolean | YamlFloat>> = {
  true: true,
  True: true,
  TRUE: true,
  false: false,
  False: false,
  FALSE: false,
  '': null,
  '~': null,
  null: null,
  Null: null,
  NULL: null,
  '.nan': new YamlFloat(NaN),
  '.NaN': new YamlFloat(NaN),
  '.NAN': new YamlFloat(NaN),
  '.inf': new YamlFloat(Infinity),
  '.Inf': new YamlFloat(Infinity),
  '.INF': new YamlFloat(Infinity),
  '+.inf': new YamlFloat(Infinity),
  '+.Inf': new YamlFloat(Infinity),
  '+.INF': new YamlFloat(Infinity),
  '-.inf': new YamlFloat(-Infinity),
  '-.Inf': new YamlFloat(-Infinity),
  '-.INF': new YamlFloat(-Infinity),
};

/** strconv.ParseInt(s, 0, 64): a sign, then decimal, 0x, 0o, 0b or a leading-0 octal. */
function parseGoInt(text: string): number | undefined {
  const match = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!match) return undefined;
  const [, sign, digits] = match as unknown as [string, string, string];
  const lower = digits.toLowerCase();
  const value = lower.startsWith('0x')
    ? parseInt(lower.slice(2), 16)
    : lower.startsWith('0o')
      ? parseInt(lower.slice(2), 8)
      : lower.startsWith('0b')
        ? parseInt(lower.slice(2), 2)
        : lower.length > 1 && lower.startsWith('0')
          ? parseInt(lower.slice(1), 8)
          : parseInt(lower, 10);
  return sign === '-' ? -value : value;
}

/**
 * resolve("", plain): what an unquoted scalar means. Timestamps (YYYY-...) are
 * kept as their text: compose reads none of its fields as one.
 */
export function resolvePlain(text: string): null | boolean | number | string | YamlFloat {
  if (Object.hasOwn(MAPPED, text)) return MAPPED[text]!;
  const hint = text[0] ?? '';
  if (hint === '.') {
    const float = Number(text);
    return /^\.[0-9]/.test(text) && !Number.isNaN(float) ? new YamlFloat(float) : text;
  }
  if (!/^[-+0-9]/.test(hint)) return text;
  if (/^[0-9]{4}-/.test(text)) return text;
  const plain = text.replaceAll('_', '');
  const integer = parseGoInt(plain);
  if (integer !== undefined) return integer;
  if (YAML_STYLE_FLOAT.test(plain)) return new YamlFloat(Number(plain));
  const binary = /^(-?)0b([01]+)$/.exec(plain) ?? /^(-?)0o([0-7]+)$/.exec(plain);
  if (binary) return (binary[1] === '-' ? -1 : 1) * parseInt(binary[2]!, plain.includes('0b') ? 2 : 8);
  return text;
}

/** Whether a string can be written unquoted and read back as the same string (encode.go stringv). */
function resolvesToItself(text: string): boolean {
  return typeof resolvePlain(text) === 'string' && !BASE60_FLOAT.test(text) && !OLD_BOOLS.has(text);
}

/** yaml_emitter_analyze_scalar, for block context: may it be plain, single-quoted, or must it be double-quoted. */
function analyze(value: string): { blockPlain: boolean; singleQuoted: boolean; block: boolean; multiline: boolean } {
  if (value === '') return { blockPlain: true, singleQuoted: true, block: false, multiline: false };
  let blockIndicators = value.startsWith('---') || value.startsWith('...');
  let special = false;
  let tabs = false;
  let lineBreaks = false;
  let spaceBreak = false;
  let breakSpace = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  const chars = [...value];
  chars.forEach((char, i) => {
    const next = chars[i + 1];
    const followedByWhitespace = next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r';
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(char)) blockIndicators = true;
      else if ((char === '?' || char === ':' || char === '-') && followedByWhitespace) blockIndicators = true;
    } else if (char === ':' && followedByWhitespace) blockIndicators = true;
    else if (char === '#' && precededByWhitespace) blockIndicators = true;
    const code = char.codePointAt(0)!;
    if (char === '\t') tabs = true;
    else if (char !== '\n' && (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || code === 0xfeff))
      special = true;
    if (char === ' ') {
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (char === '\n' || char === '\r') {
      lineBreaks = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = char === ' ' || char === '\t' || char === '\n' || char === '\r';
  });
  const edgeSpace = /^[ \n]|[ \n]$/.test(value);
  const blockPlain = !edgeSpace && !breakSpace && !spaceBreak && !special && !tabs && !lineBreaks && !blockIndicators;
  const singleQuoted = !breakSpace && !spaceBreak && !special && !tabs;
  const block = !value.endsWith(' ') && !spaceBreak && !special;
  return { blockPlain, singleQuoted, block, multiline: lineBreaks };
}

type Style = 'plain' | 'single' | 'double' | 'literal';

/** encode.go stringv, then yaml_emitter_select_scalar_style in block context. */
function styleOf(text: string, key: boolean): Style {
  const analysis = analyze(text);
  let style: Style = text.includes('\n') ? 'literal' : resolvesToItself(text) ? 'plain' : 'double';
  if (key && analysis.multiline) style = 'double';
  if (style === 'plain' && (!analysis.blockPlain || (text === '' && key))) style = 'single';
  if (style === 'single' && !analysis.singleQuoted) style = 'double';
  if (style === 'literal' && (key || !analysis.block)) style = 'double';
  return style;
}

/** The emitter's output; go-yaml v3 leaves best_width at -1 (apic.go yaml_emitter_initialize), so nothing is folded. */
class Writer {
  text = '';

  put(text: string): void {
    this.text += text;
  }

  newline(indent: number): void {
    this.text += `\n${' '.repeat(indent)}`;
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\0': '0',
  '\x07': 'a',
  '\b': 'b',
  '\t': 't',
  '\n': 'n',
  '\x0b': 'v',
  '\f': 'f',
  '\r': 'r',
  '\x1b': 'e',
  '"': '"',
  '\\': '\\',
  '\u0085': 'N',
  '\u00a0': '_',
  '\u2028': 'L',
  '\u2029': 'P',
};

function escapeDouble(char: string): string {
  if (Object.hasOwn(ESCAPES, char)) return `\\${ESCAPES[char]}`;
  const code = char.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || code === 0xfeff)
    return `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  return char;
}

/** strconv.FormatFloat(f, 'g', -1, 64) as encode.go writes floats, with YAML's spellings of the specials. */
function formatFloat(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  const text = String(value);
  return text.replace(/e([+-])(\d)$/, 'e$10$2');
}

function scalarText(value: null | boolean | number | YamlFloat): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof YamlFloat) return formatFloat(value.value);
  return String(value);
}

function isScalar(value: YamlValue): value is null | boolean | number | string | YamlFloat {
  return value === null || typeof value !== 'object' || value instanceof YamlFloat;
}

function writeScalar(
  writer: Writer,
  value: null | boolean | number | string | YamlFloat,
  indent: number,
  key: boolean,
): void {
  if (typeof value !== 'string') {
    writer.put(scalarText(value));
    return;
  }
  const style = styleOf(value, key);
  if (style === 'plain') writer.put(value);
  else if (style === 'single') writer.put(`'${value.replaceAll("'", "''")}'`);
  else if (style === 'double') writer.put(`"${[...value].map(escapeDouble).join('')}"`);
  else writeLiteral(writer, value, indent);
}

/** A literal block: `|`, `|-` without a final newline, `|+` keeping extra ones; an indentation hint when it starts with a space. */
function writeLiteral(writer: Writer, value: string, indent: number): void {
  const chomp = !value.endsWith('\n') ? '-' : value.endsWith('\n\n') || value === '\n' ? '+' : '';
  const hint = /^[ \n]/.test(value) ? '2' : '';
  writer.put(`|${hint}${chomp}`);
  const lines = value.split('\n');
  if (value.endsWith('\n')) lines.pop();
  for (const line of lines) {
    writer.put('\n');
    if (line !== '') writer.put(' '.repeat(indent) + line);
  }
}

/** A block value after `key:` or `- `: a scalar on the same line, a collection below (a sequence in a mapping indented by 2). */
function writeNode(writer: Writer, value: YamlValue, indent: number): void {
  if (isScalar(value)) {
    writer.put(' ');
    writeScalar(writer, value, indent, false);
    return;
  }
  if (value instanceof YamlMap) {
    if (value.entries.length === 0) writer.put(' {}');
    else writeMapping(writer, value, indent, true);
    return;
  }
  if (value.length === 0) writer.put(' []');
  else writeSequence(writer, value, indent);
}

function writeMapping(writer: Writer, map: YamlMap, indent: number, breakFirst: boolean): void {
  map.entries.forEach(([key, value], index) => {
    if (index > 0 || breakFirst) writer.newline(indent);
    writeScalar(writer, key, indent, true);
    writer.put(':');
    writeNode(writer, value, indent + 2);
  });
}

function writeSequence(writer: Writer, items: readonly YamlValue[], indent: number): void {
  for (const item of items) {
    writer.newline(indent);
    writer.put('-');
    if (item instanceof YamlMap && item.entries.length > 0) {
      writer.put(' ');
      writeMapping(writer, item, indent + 2, false);
    } else if (Array.isArray(item) && item.length > 0) {
      writer.put(' ');
      writeNestedSequence(writer, item, indent + 2);
    } else writeNode(writer, item, indent + 2);
  }
}

/** `- - a`: a sequence in a sequence starts on the dash's line. */
function writeNestedSequence(writer: Writer, items: readonly YamlValue[], indent: number): void {
  items.forEach((item, index) => {
    if (index > 0) writer.newline(indent);
    writer.put('-');
    writeNode(writer, item, indent + 2);
  });
}

/** yaml.NewEncoder with SetIndent(2), Encode(document): the text, ending in a newline. */
export function goYamlMarshal(document: YamlValue): string {
  const writer = new Writer();
  if (document instanceof YamlMap && document.entries.length > 0) writeMapping(writer, document, 0, false);
  else if (Array.isArray(document) && document.length > 0) {
    writeSequence(writer, document, 0);
    writer.text = writer.text.slice(1);
  } else if (document instanceof YamlMap) writer.put('{}');
  else if (Array.isArray(document)) writer.put('[]');
  else writeScalar(writer, document as null | string, 0, false);
  return `${writer.text}\n`;
}

/**
 * yaml.v3 sorter.go keyList.Less for string keys: letters before other runes,
 * and runs of digits compared as numbers, so `a9` sorts before `a10`.
 */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  const isDigit = (c: string) => c >= '0' && c <= '9';
  const isLetter = (c: string) => /\p{L}/u.test(c);
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) {
      digits = isDigit(ar[i]!);
      continue;
    }
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]! < br[i]!;
    if (al || bl) return digits ? al : bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]! < br[i]!;
  }
  return ar.length < br.length;
}

/** A Go map's entries as yaml.v3 writes them: sorted by keyList. */
export function sortedGoMap(entries: Iterable<readonly [string, YamlValue]>): YamlMap {
  return new YamlMap([...entries].sort(([a], [b]) => (goYamlKeyLess(a, b) ? -1 : goYamlKeyLess(b, a) ? 1 : 0)));
}
