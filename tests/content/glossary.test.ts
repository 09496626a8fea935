import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTerms, readGlossary } from '../../plugins/lessons/check-terms';

const root = process.cwd();
const glossary = readGlossary(root);
const lessons = readdirSync(join(root, 'content'), { recursive: true })
  .map(String)
  .filter((path) => path.endsWith('.mdx'))
  .sort();

describe('the lessons keep to the glossary (content/glossary.yaml)', () => {
  it('has lessons to check', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(15);
  });

  it.each(lessons)('content/%s uses no word the glossary rules out and keeps its typography', (path) => {
    const locale = path.split(/[\\/]/)[0]!;
    const findings = checkTerms(readFileSync(join(root, 'content', path), 'utf8'), locale, glossary);
    expect(findings.map((finding) => `content/${path}:${finding.line}:${finding.column}: ${finding.message}`)).toEqual([]);
  });
});
