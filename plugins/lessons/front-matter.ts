import { parse as parseYaml } from 'yaml';
import { lessonSchema } from '../../src/course/lesson-schema';
import { LessonError } from './lesson-error';

/**
 * The lesson's front matter checked with the site's own schema, as a located
 * error: `astro dev` would otherwise log the problem in the terminal and keep
 * serving the page as it was, while the reader of the browser sees nothing.
 */
export function checkFrontMatter(path: string, text: string): void {
  const block = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
  if (!block) return;
  let data: unknown;
  try {
    data = parseYaml(block[1]!);
  } catch {
    return; // readLessonSource reports YAML errors at their line.
  }
  const parsed = lessonSchema.safeParse(data);
  if (parsed.success) return;
  const issue = parsed.error.issues[0]!;
  const key = issue.path[0] === undefined ? undefined : String(issue.path[0]);
  const lines = block[1]!.split(/\r?\n/);
  const at = key === undefined ? -1 : lines.findIndex((line) => line.startsWith(`${key}:`));
  throw new LessonError(path, at >= 0 ? at + 2 : 1, 1, `front matter: ${key ?? ''}${key ? ': ' : ''}${issue.message}`);
}
