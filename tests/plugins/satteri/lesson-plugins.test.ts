import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile } from '@mdx-js/mdx';
import { mdxToJs } from 'satteri';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkConsoleBlocks from '../../../plugins/remark-console-blocks';
import mdastConsoleBlocks from '../../../plugins/satteri/console-blocks';
import hastStableHeadingIds from '../../../plugins/satteri/stable-heading-ids';

/** The lesson compiled by Sätteri with the console-blocks plugin, as Astro's default processor does. */
const compiled = async (source: string, path = '/site/content/es/example.mdx') =>
  (
    await mdxToJs(source, {
      mdastPlugins: [mdastConsoleBlocks()],
      fileURL: pathToFileURL(path),
      jsxImportSource: 'astro',
    })
  ).code;

describe('console blocks as a Sätteri plugin', () => {
  it('turns each console fence into a ConsoleBlock, in a list too, and leaves other code alone', async () => {
    const code = await compiled(
      'Texto.\n\n- paso\n\n  ```console\n  $ docker network ls\n  ```\n\n```json\n{"Name": "bridge"}\n```\n\n```console\n$ docker network create red1\n```\n',
    );
    expect(code.match(/_jsx\(ConsoleBlock, \{/g)).toHaveLength(2);
    expect(code).toContain(
      JSON.stringify(JSON.stringify([{ prompt: '$ ', command: 'docker network ls', output: [] }])),
    );
    expect(code).toContain(
      JSON.stringify(JSON.stringify([{ prompt: '$ ', command: 'docker network create red1', output: [] }])),
    );
    expect(code).toContain('language-json');
  });

  it('takes a quiz whole: its fences are the quiz’s, not console blocks of the page', async () => {
    const quiz = [
      '<Quiz>',
      '',
      '<Question id="q" kind="predict" fresh>',
      '  ¿Qué imprime?',
      '',
      '  ```console',
      '  $ docker network ls',
      '  ```',
      '',
      '  <Option id="printed" correct>',
      '    <Explain>Sí.</Explain>',
      '  </Option>',
      '  <Option id="other">',
      '    ```',
      '    nada',
      '    ```',
      '    <Explain>No.</Explain>',
      '  </Option>',
      '</Question>',
      '',
      '</Quiz>',
      '',
    ].join('\n');
    const code = await compiled(`Texto.\n\n${quiz}`);
    // One ConsoleBlock: the command the predict question shows, inside the quiz, not checked on its own.
    expect(code.match(/_jsx\((QuizBlock|ConsoleBlock)/g)).toEqual(['_jsx(QuizBlock', '_jsx(ConsoleBlock']);
    expect(code.match(/status: "[a-z]+"/g)).toEqual(['status: "unchecked"']);
  });

  it('fails where the remark plugin fails, with its message and place', async () => {
    const source = 'Texto.\n\n<Question id="q" kind="single">\n  ¿Algo?\n</Question>\n';
    const unified = compile(new VFile({ path: '/site/content/es/example.mdx', value: source }), {
      remarkPlugins: [remarkConsoleBlocks],
    });
    const failure = await unified.then(
      () => undefined,
      (error: { reason: string; line: number; column: number }) => error,
    );
    expect(failure?.reason).toContain('outside a <Quiz>');
    await expect(compiled(source)).rejects.toMatchObject({
      reason: failure!.reason,
      line: failure!.line,
      column: failure!.column,
    });
  });
});

describe('stable heading ids as a Sätteri plugin', () => {
  it('gives a translation’s headings the ids of its source’s, place by place', async () => {
    const root = mkdtempSync(join(tmpdir(), 'heading-ids-'));
    for (const locale of ['es', 'fr']) mkdirSync(join(root, 'content', locale), { recursive: true });
    writeFileSync(
      join(root, 'content/es/lesson.mdx'),
      '---\nsourceLocale: es\n---\n\n## Antes de empezar\n\n### Las redes\n',
    );
    const french = '## Avant de commencer\n\n### Les réseaux\n\n## Résumé\n';
    writeFileSync(join(root, 'content/fr/lesson.mdx'), `---\nsourceLocale: es\n---\n\n${french}`);
    const { code } = await mdxToJs(french, {
      hastPlugins: [hastStableHeadingIds()],
      fileURL: pathToFileURL(join(root, 'content/fr/lesson.mdx')),
      jsxImportSource: 'astro',
      data: { astro: { frontmatter: { sourceLocale: 'es' } } },
    });
    expect([...code.matchAll(/id: "([^"]+)"/g)].map((match) => match[1])).toEqual([
      'antes-de-empezar',
      'las-redes',
      'résumé',
    ]);
  });
});
