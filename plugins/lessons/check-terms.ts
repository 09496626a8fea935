import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { LessonError } from './lesson-error';
import { lessonParser } from './lesson-parser';

const termSchema = z.strictObject({
  concept: z.string().min(1),
  use: z.string().min(1),
  avoid: z.array(z.string().min(1)).min(1),
});

const glossarySchema = z.record(
  z.string().regex(/^[a-z]{2}$/),
  z.strictObject({ typography: z.enum(['french']).optional(), terms: z.array(termSchema) }),
);

/** content/glossary.yaml: per language, the terms lessons use and the words they must not. */
export type Glossary = z.infer<typeof glossarySchema>;

export const GLOSSARY_PATH = 'content/glossary.yaml';

/** The project's glossary, or an empty one when there is none; a malformed file is a located error. */
export function readGlossary(root: string): Glossary {
  const file = join(root, GLOSSARY_PATH);
  if (!existsSync(file)) return {};
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    const place = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    throw new LessonError(
      GLOSSARY_PATH,
      place?.line ?? 1,
      place?.col ?? 1,
      `not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const parsed = glossarySchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new LessonError(
      GLOSSARY_PATH,
      1,
      1,
      `${issue.path.join('.')}: ${issue.message} (each language has terms: a list of { concept, use, avoid: [words] })`,
    );
  }
  return parsed.data;
}

/** A word of prose the glossary rules out, or punctuation the language's typography rules out, at its place. */
export interface TermFinding {
  line: number;
  column: number;
  message: string;
}

/**
 * Checks a lesson's prose (text the reader reads; not code, commands or outputs)
 * against its language's entry in the glossary.
 */
export function checkTerms(text: string, locale: string, glossary: Glossary, tree?: Root): TermFinding[] {
  const entry = glossary[locale];
  if (!entry) return [];
  const rules = entry.terms.flatMap((term) => term.avoid.map((word) => ({ term, pattern: wordPattern(word) })));
  const findings: TermFinding[] = [];
  visit(tree ?? (lessonParser.parse(text) as Root), 'text', (node: Text) => {
    const at = (index: number) => placeIn(node, index);
    for (const { term, pattern } of rules) {
      for (const match of node.value.matchAll(pattern)) {
        findings.push({
          ...at(match.index + match[1]!.length),
          message: `"${match[2]}" is ruled out by the glossary (${GLOSSARY_PATH}) for ${term.concept}: write "${term.use}"`,
        });
      }
    }
    if (entry.typography === 'french')
      findings.push(...frenchTypography(node.value).map(({ index, message }) => ({ ...at(index), message })));
  });
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The word as a whole word, any case: `\b` does not know accented letters, so the edges are spelled out. */
function wordPattern(word: string): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  return new RegExp(`(^|[^\\p{L}\\p{N}_])(${escaped})(?![\\p{L}\\p{N}_])`, 'giu');
}

/**
 * French puts a non-breaking space (U+00A0, or the narrow U+202F) before `: ; ? !`
 * and inside « »; an ordinary space there lets a line break strand the sign.
 */
export function frenchTypography(value: string): { index: number; message: string }[] {
  const found: { index: number; message: string }[] = [];
  for (const match of value.matchAll(/ (?=[:;?!](?:\s|$))/g))
    found.push({
      index: match.index,
      message: `an ordinary space before "${value[match.index + 1]}": French typography wants a non-breaking one (U+00A0, or U+202F before ; ? !)`,
    });
  for (const match of value.matchAll(/« |(?<=\S) »/g))
    found.push({
      index: match.index,
      message: 'an ordinary space inside « »: French typography wants a non-breaking one (U+00A0)',
    });
  return found;
}

/** The file line and column of `index` in a text node: lines of the value map to lines of the source from the node's start. */
function placeIn(node: Text, index: number): { line: number; column: number } {
  const start = node.position!.start;
  const before = node.value.slice(0, index);
  const newlines = before.split('\n').length - 1;
  if (newlines === 0) return { line: start.line, column: start.column + index };
  return { line: start.line + newlines, column: before.length - before.lastIndexOf('\n') };
}
