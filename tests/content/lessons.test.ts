import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/course/catalog';
import { lessonSchema } from '../../src/course/lesson-schema';
import { LOCALES } from '../../src/i18n/locales';
import { parseConsoleBlock } from '../../plugins/console/parse-console-block';

const root = resolve(import.meta.dirname, '../..');
const files = readdirSync(join(root, 'content'), { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.mdx'))
  .map((path) => join(root, 'content', path));

const lessons = files.map((path) => {
  const filePath = relative(root, path);
  try {
    const { frontmatter, content } = parseFrontmatter(readFileSync(path, 'utf8'));
    return { filePath, frontmatter, content };
  } catch (error) {
    throw new Error(`${filePath}: front matter is not valid YAML: ${(error as Error).message}`);
  }
});

/** The commands of every console block, in order: translations must run the same ones. */
function consoleCommands(markdown: string): string[][] {
  return [...markdown.matchAll(/^```console[^\n]*\n([\s\S]*?)^```$/gm)].map((match) =>
    parseConsoleBlock((match[1] ?? '').replace(/\n$/, '')).map((step) => step.command),
  );
}

describe('the course content', () => {
  it('has lessons', () => {
    expect(lessons.length).toBeGreaterThan(0);
  });

  it.each(lessons.map((lesson) => [lesson.filePath, lesson] as const))('%s has valid front matter', (_, lesson) => {
    const result = lessonSchema.safeParse(lesson.frontmatter);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('forms a consistent catalog with every lesson in every locale', () => {
    const catalog = buildCatalog(
      lessons.map(({ filePath, frontmatter }) => ({ filePath, data: lessonSchema.parse(frontmatter), entry: filePath })),
    );
    const ids = catalog.lessonsIn('es').map((page) => page.lessonId);
    for (const locale of LOCALES) expect(catalog.lessonsIn(locale).map((page) => page.lessonId)).toEqual(ids);
  });

  it('has translations whose console blocks run the same commands as their source', () => {
    for (const lesson of lessons) {
      const data = lessonSchema.parse(lesson.frontmatter);
      const source = lessons.find((other) => other.filePath === `content/${data.sourceLocale}/${data.lessonId}.mdx`)!;
      expect(consoleCommands(lesson.content), `${lesson.filePath} vs ${source.filePath}`).toEqual(consoleCommands(source.content));
    }
  });
});
