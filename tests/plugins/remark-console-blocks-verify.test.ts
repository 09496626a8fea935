import { compile, evaluate } from '@mdx-js/mdx';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { LessonProject } from '../../plugins/lessons/result-cache';
import remarkConsoleBlocks from '../../plugins/remark-console-blocks';
import { corrupt, fixtureCopy, read as readLesson, SOURCE_LESSON } from './lessons/lesson-fixtures';

const project = (root: string): LessonProject => ({
  root,
  netsimVersion: 'test',
  cacheDirectory: join(root, '.cache'),
});

/** Compiles a fixture lesson as the site does and returns the props each ConsoleBlock received. */
async function renderedProps(root: string): Promise<Record<string, unknown>[]> {
  const element = (type: unknown, props: Record<string, unknown>) =>
    typeof type === 'function' ? type(props) : { type, props };
  const path = join(root, SOURCE_LESSON);
  // The import of the Astro component is left out of what is evaluated; the plugin reads the file itself.
  const value = readLesson(root, SOURCE_LESSON).replace(/^import .*\n/m, '');
  const { default: Content } = await evaluate(new VFile({ path, value }), {
    remarkPlugins: [[remarkConsoleBlocks, { verify: project(root) }]],
    Fragment: 'fragment',
    jsx: element,
    jsxs: element,
  } as Parameters<typeof evaluate>[1]);
  const received: Record<string, unknown>[] = [];
  Content({
    components: {
      ConsoleBlock: (props: Record<string, unknown>) => received.push(props),
      Aside: (props: { children: unknown }) => props.children,
    },
  });
  return received;
}

describe('remarkConsoleBlocks with verification', () => {
  it('marks verified blocks and gives [...] the lines netsim printed in its place', async () => {
    const props = await renderedProps(fixtureCopy());
    expect(props.map((block) => block.status)).toEqual(['verified', 'verified', 'verified', 'verified', 'norun']);
    expect(props[0]!.dockerVersion).toMatch(/^29\.\d+\.\d+$/);
    const filter = JSON.parse(props[1]!.steps as string);
    expect(filter[0].output[0]).toBe('-P INPUT ACCEPT');
    // The real capture's lines between the first and the last (tests/netsim/golden/linux/host.iptables-S.docker0-empty.txt).
    expect(filter[0].output[1].omitted).toHaveLength(16);
    expect(filter[0].output[1].omitted[0]).toBe('-P FORWARD DROP');
    expect(filter[0].output[2]).toBe('-A DOCKER-FORWARD -i docker0 -j ACCEPT');
  });

  it('runs a here-document typed after "> " prompts and shows it as typed', async () => {
    const root = fixtureCopy();
    corrupt(
      root,
      SOURCE_LESSON,
      '```console exit=1\n',
      "```console\n$ cat > /tmp/nota <<'EOF'\n> uno\n> dos\n> EOF\n$ wc -l /tmp/nota\n2 /tmp/nota\n```\n\n```console exit=1\n",
    );
    const props = await renderedProps(root);
    expect(props.map((block) => block.status)).toEqual([
      'verified',
      'verified',
      'verified',
      'verified',
      'verified',
      'norun',
    ]);
    const [write, count] = JSON.parse(props[3]!.steps as string);
    expect(write).toMatchObject({
      command: "cat > /tmp/nota <<'EOF'\nuno\ndos\nEOF",
      shown: "cat > /tmp/nota <<'EOF'\n> uno\n> dos\n> EOF",
      output: [],
    });
    expect(count.output).toEqual(['2 /tmp/nota']);
  });

  it('leaves setup blocks out of the page', async () => {
    const root = fixtureCopy();
    corrupt(root, SOURCE_LESSON, '```console\n# iptables -t nat -S', '```console setup\n# iptables -t nat -S');
    expect((await renderedProps(root)).map((block) => block.status)).toEqual([
      'verified',
      'verified',
      'verified',
      'norun',
    ]);
  });

  it('fails the file at the first wrong line with the diff and the command that fixes it', async () => {
    const root = fixtureCopy();
    corrupt(root, SOURCE_LESSON, '-P OUTPUT ACCEPT\n-P POSTROUTING', '-P OUTPUT DROP\n-P POSTROUTING');
    const path = join(root, SOURCE_LESSON);
    await expect(
      compile(new VFile({ path, value: readLesson(root, SOURCE_LESSON) }), {
        remarkPlugins: [[remarkConsoleBlocks, { verify: project(root) }]],
      }),
    ).rejects.toMatchObject({
      line: 42,
      column: 1,
      reason: expect.stringMatching(
        /^console blocks differ from what netsim prints \(run `npm run lessons:update -- content\/es\/bridge-basics.mdx` to rewrite them\):\n[\s\S]*--P OUTPUT DROP\n\+-P OUTPUT ACCEPT\n/,
      ),
    });
  });
});
