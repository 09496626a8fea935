import { compile, evaluate } from '@mdx-js/mdx';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkConsoleBlocks from '../../plugins/remark-console-blocks';

const lessonPath = 'content/es/example.mdx';

/** Renders a lesson with a stand-in ConsoleBlock and returns the props it received. */
async function consoleBlocksOf(source: string): Promise<unknown[]> {
  const element = (type: unknown, props: Record<string, unknown>) =>
    typeof type === 'function' ? type(props) : { type, props };
  const { default: Content } = await evaluate(new VFile({ path: lessonPath, value: source }), {
    remarkPlugins: [remarkConsoleBlocks],
    Fragment: 'fragment',
    jsx: element,
    jsxs: element,
  } as Parameters<typeof evaluate>[1]);
  const received: unknown[] = [];
  Content({ components: { ConsoleBlock: (props: { steps: string }) => received.push(JSON.parse(props.steps)) } });
  return received;
}

describe('remarkConsoleBlocks', () => {
  it('turns each console fence into a ConsoleBlock carrying its steps', async () => {
    const blocks = await consoleBlocksOf(
      'Texto.\n\n```console\n$ docker network ls\nNETWORK ID     NAME      DRIVER    SCOPE\n```\n\n```console\n$ docker network create red1\n```\n',
    );
    expect(blocks).toEqual([
      [{ prompt: '$ ', command: 'docker network ls', output: ['NETWORK ID     NAME      DRIVER    SCOPE'] }],
      [{ prompt: '$ ', command: 'docker network create red1', output: [] }],
    ]);
  });

  it('leaves other code blocks to the highlighter', async () => {
    const code = String(await compile('```json\n{"Name": "bridge"}\n```\n', { remarkPlugins: [remarkConsoleBlocks] }));
    expect(code).not.toContain('ConsoleBlock');
    expect(code).toContain('language-json');
  });

  it('fails at the file line of output written before any command', async () => {
    const source = '---\ntitle: x\n---\n\nTexto.\n\n```console\nNETWORK ID\n$ docker network ls\n```\n';
    await expect(
      compile(new VFile({ path: lessonPath, value: source }), { remarkPlugins: [remarkConsoleBlocks] }),
    ).rejects.toMatchObject({
      line: 8,
      column: 1,
      reason: expect.stringContaining('a console block starts with a command at a prompt such as "$ "'),
    });
  });
});
