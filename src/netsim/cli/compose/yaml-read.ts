import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, Scalar, type Node as YamlNode } from 'yaml';
import { resolvePlain, type YamlFloat } from '../../format/go-yaml';
import { yamlSyntaxError } from './yaml-errors';

/** A value as go-yaml decodes a document into interface{}: mappings keep the file's order here (Go's maps have none). */
export type Raw = null | boolean | number | string | YamlFloat | RawMap | Raw[];
export type RawMap = Map<string, Raw>;

export function isRawMap(value: Raw | undefined): value is RawMap {
  return value instanceof Map;
}

/** What reading a compose file gave: its documents, or go-yaml's error text (without the `yaml: ` of a syntax error). */
export type ReadResult = { readonly documents: Raw[] } | { readonly error: YamlReadError };

/** A syntax error (`yaml: line 3: ...`) or a decoding one (duplicate keys: ResetProcessor's own words). */
export interface YamlReadError {
  readonly kind: 'syntax' | 'decode';
  readonly message: string;
}

/**
 * The documents of a file as compose-go's loader decodes them (loader.go
 * loadYamlFile: yaml.NewDecoder, each document through ResetProcessor): plain
 * scalars typed by go-yaml's resolve rules, quoted ones strings, `<<` merge keys
 * applied, a key defined twice refused with ResetProcessor's message.
 */
export function readYaml(text: string): ReadResult {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { schema: 'failsafe', lineCounter, uniqueKeys: false, strict: false });
  const list = Array.isArray(documents) ? documents : [];
  for (const document of list) {
    const [first] = document.errors;
    if (first) return { error: { kind: 'syntax', message: yamlSyntaxError(text, first) } };
  }
  const line = (offset: number) => lineCounter.linePos(offset).line;
  const result: Raw[] = [];
  for (const document of list) {
    if (document.contents === null) continue;
    const duplicate = firstDuplicate(document.contents as YamlNode, line);
    if (duplicate) return { error: { kind: 'decode', message: duplicate } };
    result.push(toRaw(document.contents as YamlNode));
  }
  return { documents: result };
}

function keyText(node: unknown): string {
  if (isScalar(node)) return String((node as Scalar).value ?? '');
  return '';
}

/** ResetProcessor.resolveReset: the first key met twice in one mapping, depth first. */
function firstDuplicate(
  node: YamlNode,
  line: (offset: number) => number,
  seen = new Set<YamlNode>(),
): string | undefined {
  if (seen.has(node)) return undefined;
  seen.add(node);
  if (isAlias(node)) return undefined;
  if (isSeq(node)) {
    for (const item of node.items) {
      const found = item ? firstDuplicate(item as YamlNode, line, seen) : undefined;
      if (found) return found;
    }
  }
  if (isMap(node)) {
    const keys = new Map<string, number>();
    for (const pair of node.items) {
      const key = keyText(pair.key);
      const at = line((pair.key as YamlNode | null)?.range?.[0] ?? 0);
      const before = keys.get(key);
      if (before !== undefined)
        return `line ${at}: mapping key ${JSON.stringify(key)} already defined at line ${before}`;
      keys.set(key, at);
      const found = pair.value ? firstDuplicate(pair.value as YamlNode, line, seen) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

function scalarValue(node: Scalar): Raw {
  const text = String(node.value ?? '');
  // A tag (`!!str 80`) or quotes keep the text; a plain scalar is typed as go-yaml resolves it.
  if (
    node.tag === 'tag:yaml.org,2002:str' &&
    node.type === Scalar.PLAIN &&
    node.source !== undefined &&
    /^!!str\b/.test(String(node.source))
  )
    return text;
  return node.type === Scalar.PLAIN ? resolvePlain(text) : text;
}

function toRaw(node: YamlNode | null | undefined): Raw {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return toRaw((node as unknown as { source?: YamlNode }).source ?? null);
  if (isScalar(node)) return scalarValue(node as Scalar);
  if (isSeq(node)) return node.items.map((item) => toRaw(item as YamlNode));
  if (isMap(node)) {
    const map: RawMap = new Map();
    const merged: RawMap[] = [];
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      // decode.go: a `<<` key merges the mapping (or each of a sequence of mappings) it names; explicit keys win.
      if (isScalar(keyNode) && (keyNode as Scalar).type === Scalar.PLAIN && keyText(keyNode) === '<<') {
        const value = toRaw(pair.value as YamlNode);
        for (const source of Array.isArray(value) ? value : [value]) if (isRawMap(source)) merged.push(source);
        continue;
      }
      map.set(keyName(keyNode), toRaw(pair.value as YamlNode));
    }
    for (const source of merged) for (const [key, value] of source) if (!map.has(key)) map.set(key, value);
    return map;
  }
  return null;
}

/** A key as its text; convertToStringKeysRecursive refuses other kinds, which `nonStringKey` reports. */
function keyName(node: YamlNode | null): string {
  if (isScalar(node)) return String((node as Scalar).value ?? '');
  return '';
}
