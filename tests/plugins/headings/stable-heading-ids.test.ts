import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import remarkFrontmatter from 'remark-frontmatter';
import { VFile } from 'vfile';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { headingSlugs, sharedHeadingIds } from '../../../plugins/headings/heading-slugs';
import rehypeStableHeadingIds from '../../../plugins/headings/stable-heading-ids';

describe('headingSlugs', () => {
  it('slugs as github-slugger does: lower case, punctuation dropped, accents kept, repeats numbered', () => {
    expect(
      headingSlugs(['¿Qué IP le ha tocado?', 'Sin --network, a la red bridge', 'Resumen', 'Resumen', 'Resumen-1']),
    ).toEqual(['qué-ip-le-ha-tocado', 'sin---network-a-la-red-bridge', 'resumen', 'resumen-1', 'resumen-1-1']);
  });
});

describe('sharedHeadingIds', () => {
  const source = [
    { depth: 2, text: 'Antes de empezar' },
    { depth: 3, text: 'Las redes que ya existen' },
    { depth: 2, text: 'Resumen' },
  ];

  it('gives each heading of a translation the id of the source heading at its place', () => {
    const translation = [
      { depth: 2, text: 'Avant de commencer' },
      { depth: 3, text: 'Les réseaux déjà présents' },
      { depth: 2, text: 'Résumé' },
    ];
    expect(sharedHeadingIds(source, translation)).toEqual({
      ids: ['antes-de-empezar', 'las-redes-que-ya-existen', 'resumen'],
      matched: 3,
    });
  });

  it('gives headings after the outlines part ids of their own, never one already used', () => {
    const translation = [
      { depth: 2, text: 'Avant de commencer' },
      { depth: 2, text: 'Antes de empezar' },
    ];
    expect(sharedHeadingIds(source, translation)).toEqual({
      ids: ['antes-de-empezar', 'antes-de-empezar-1'],
      matched: 1,
    });
  });
});

describe('rehypeStableHeadingIds', () => {
  const dirs: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function lessons(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'heading-ids-'));
    dirs.push(root);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  }

  const front = '---\ntitle: x\nsourceLocale: es\n---\n\n';
  const idsIn = async (root: string, path: string) => {
    const file = new VFile({ path: join(root, path), value: readFileSync(join(root, path), 'utf8') });
    const code = String(
      await compile(file, { remarkPlugins: [[remarkFrontmatter, ['yaml']]], rehypePlugins: [rehypeStableHeadingIds] }),
    );
    return [...code.matchAll(/id: "([^"]+)"/g)].map((match) => match[1]);
  };

  it('gives a translation the ids of its Spanish source, heading by heading', async () => {
    const root = lessons({
      'content/es/drivers.mdx': `${front}## Antes de empezar\n\n### Sin \`--network\`\n\n## Resumen\n`,
      'content/fr/drivers.mdx': `${front}## Avant de commencer\n\n### Sans \`--network\`\n\n## En résumé\n`,
    });
    expect(await idsIn(root, 'content/es/drivers.mdx')).toEqual(['antes-de-empezar', 'sin---network', 'resumen']);
    expect(await idsIn(root, 'content/fr/drivers.mdx')).toEqual(['antes-de-empezar', 'sin---network', 'resumen']);
  });

  it("warns, and keeps its own slugs, where a translation's outline differs from its source", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const root = lessons({
      'content/es/drivers.mdx': `${front}## Antes de empezar\n\n## Resumen\n`,
      'content/pt/drivers.mdx': `${front}## Antes de começar\n\n### Um detalhe\n\n## Resumo\n`,
    });
    expect(await idsIn(root, 'content/pt/drivers.mdx')).toEqual(['antes-de-empezar', 'um-detalhe', 'resumo']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('from heading 2 on'));
  });
});
