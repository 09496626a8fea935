import { evaluate } from '@mdx-js/mdx';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { checkLessons, formatCheckReport } from '../../../plugins/lessons/check-lessons';
import { readLessonSource } from '../../../plugins/lessons/lesson-source';
import { payloadDirectory, readPayload } from '../../../plugins/payloads/payload-store';
import remarkConsoleBlocks from '../../../plugins/remark-console-blocks';
import type { TopologyRecord } from '../../../src/netsim/index';
import { lessonErrorOf, lessonProject, memoryCache, options } from '../lessons/lesson-fixtures';

const FRONT = '---\nlessonId: figures\nsourceLocale: es\n---\n\n';
const ES = 'content/es/figures.mdx';
const PT = 'content/pt/figures.mdx';
const TWO_CONTAINERS =
  '```console setup\n$ docker run -dit --name c1 alpine\n$ docker run -dit --name c2 alpine\n```\n\n';

const errorOf = (text: string) => lessonErrorOf(ES, FRONT, text);

const project = (files: Record<string, string>) => lessonProject(FRONT, files, 'figures-');

const check = (files: Record<string, string>) =>
  formatCheckReport(checkLessons([], options(project(files), memoryCache())));

describe('reading <Topology /> figures', () => {
  it('reads its session, focus and highlight, and the blocks before it', () => {
    const lesson = readLessonSource(ES, FRONT + TWO_CONTAINERS + '<Topology focus="bridge" highlight="c1" />\n');
    expect(lesson.topologies).toMatchObject([
      { session: 'main', focus: 'bridge', highlight: 'c1', afterBlocks: 1, place: { line: 11, column: 1 } },
    ]);
    expect(
      readLessonSource(ES, FRONT + TWO_CONTAINERS + '<Topology outside="internet" hide="idle" />\n').topologies,
    ).toMatchObject([{ outside: 'internet', hide: 'idle' }]);
  });

  it.each([
    [
      'a misspelt prop',
      TWO_CONTAINERS + '<Topology hilight="c1" />\n',
      11,
      'unknown prop "hilight" on <Topology> (did you mean highlight?); it takes session="...", focus="...", highlight="...", outside="...", hide="..."',
    ],
    [
      'a prop without a value',
      TWO_CONTAINERS + '<Topology focus />\n',
      11,
      '"focus" on <Topology> needs a value as text: focus="..."',
    ],
    [
      'an outside that is not one of its values',
      TWO_CONTAINERS + '<Topology outside="wan" />\n',
      11,
      '<Topology> outside="wan": outside takes "auto", "none", "lan", "internet": the LAN and the internet beyond the host\'s NIC (auto draws the LAN when a published port or a macvlan network makes it matter)',
    ],
    [
      'a hide that is not idle',
      TWO_CONTAINERS + '<Topology hide="stopped" />\n',
      11,
      '<Topology> hide="stopped": hide takes "idle": leave out networks with no container on them and containers that are not running',
    ],
    [
      'a focus that is not a name',
      TWO_CONTAINERS + '<Topology focus="app net" />\n',
      11,
      '<Topology> focus="app net": focus takes the name of one network, as `docker network ls` prints it: focus="app-net"',
    ],
    [
      'a session of no block',
      TWO_CONTAINERS + '<Topology session="man" />\n',
      11,
      '<Topology> session="man": no console block of that session runs before this figure (did you mean session="main"?); sessions run so far: main',
    ],
    [
      'a figure before any block',
      '<Topology />\n\n' + TWO_CONTAINERS,
      6,
      '<Topology> draws the host as the console blocks before it left it, and no block runs before this one: put it after the block whose result it shows',
    ],
    [
      'a figure inside a paragraph',
      TWO_CONTAINERS + 'See <Topology /> here.\n',
      11,
      '<Topology /> goes on a line of its own, between paragraphs',
    ],
    [
      'a figure with content',
      TWO_CONTAINERS + '<Topology>\n  The host.\n</Topology>\n',
      11,
      '<Topology> draws the host by itself and holds nothing: write <Topology /> and put its explanation in the prose around it',
    ],
  ])('refuses %s at its line', (_, text, line, reason) => {
    const error = errorOf(text);
    expect([error.line, error.reason]).toEqual([line, reason]);
  });
});

describe('checking figures against the host', () => {
  it('passes a figure whose focus and highlight name what the host has', () => {
    expect(check({ [ES]: TWO_CONTAINERS + '<Topology focus="bridge" highlight="c2" />\n' })).toBe('');
  });

  it('refuses, at the figure, a focus or highlight the host does not have there', () => {
    const report = check({
      [ES]:
        TWO_CONTAINERS +
        '<Topology focus="app-net" />\n\n```console\n$ docker network create app-net\n```\n\n<Topology highlight="c3" />\n',
    });
    expect(report).toContain(
      `${ES}:11:1: <Topology> (figure 1): focus="app-net" names no network of the host at this point (it has bridge, host, none)`,
    );
    expect(report).toContain(
      `${ES}:17:1: <Topology> (figure 2): highlight="c3" names no container or network the figure draws`,
    );
  });

  it('requires a translation to place the same figures', () => {
    const source = TWO_CONTAINERS + '<Topology highlight="c1" />\n';
    expect(check({ [ES]: source, [PT]: source })).toBe('');
    expect(check({ [ES]: source, [PT]: TWO_CONTAINERS })).toContain(
      `${PT}:6:1: the translation lacks <Topology /> figure: it has 0 figures, the source has 1`,
    );
    expect(check({ [ES]: source, [PT]: TWO_CONTAINERS + '<Topology highlight="c2" />\n' })).toContain(
      `${PT}:11:1: this <Topology /> figure draws session="main" after console block 1, highlight="c2" where the source's draws session="main" after console block 1, highlight="c1": place it after the same block, with the same props`,
    );
    expect(check({ [ES]: source, [PT]: TWO_CONTAINERS + '<Topology highlight="c1" outside="lan" />\n' })).toContain(
      `${PT}:11:1: this <Topology /> figure draws session="main" after console block 1, highlight="c1", outside="lan" where the source's draws session="main" after console block 1, highlight="c1": place it after the same block, with the same props`,
    );
  });
});

describe('figures drawn from the cache', () => {
  it('draws a cached host once, then reads the drawing, the same as the live host gave', () => {
    const root = project({ [ES]: TWO_CONTAINERS + '<Topology highlight="c1" />\n' });
    const cache = memoryCache();
    const drawn = () => checkLessons([], options(root, cache)).checks[0]!.run.topologies;
    const live = drawn();
    const written: string[] = [];
    const write = cache.write.bind(cache);
    cache.write = (key, entry) => {
      if ('topology' in entry) written.push(key);
      write(key, entry);
    };
    // Every block from the cache: the figure's host is a snapshot, drawn and its drawing cached.
    expect(drawn()).toEqual(live);
    expect(written).toHaveLength(1);
    // Then the drawing itself comes from the cache.
    const hits = cache.hits;
    expect(drawn()).toEqual(live);
    expect(written).toHaveLength(1);
    expect(cache.hits - hits).toBe(2);
  });
});

describe('remarkConsoleBlocks with figures', () => {
  it('gives each figure the state of its session after the blocks before it', async () => {
    const text =
      TWO_CONTAINERS + '<Topology highlight="c1" />\n\n```console\n$ docker rm -f c2\nc2\n```\n\n<Topology />\n';
    // Outside content/<locale>/, so the front matter need not be a whole lesson's.
    const root = project({ 'drafts/figures.mdx': text });
    const element = (type: unknown, props: Record<string, unknown>) =>
      typeof type === 'function' ? type(props) : { type, props };
    const { default: Content } = await evaluate(
      new VFile({ path: join(root, 'drafts/figures.mdx'), value: FRONT + text }),
      {
        remarkPlugins: [
          [remarkConsoleBlocks, { verify: { root, netsimVersion: 'test', cacheDirectory: join(root, '.cache') } }],
        ],
        Fragment: 'fragment',
        jsx: element,
        jsxs: element,
      } as Parameters<typeof evaluate>[1],
    );
    const figures: Record<string, string>[] = [];
    Content({
      components: { ConsoleBlock: () => null, TopologyFigure: (props: Record<string, string>) => figures.push(props) },
    });
    expect(figures.map(({ number, highlight }) => ({ number, highlight }))).toEqual([
      { number: '1', highlight: 'c1' },
      { number: '2', highlight: undefined },
    ]);
    // The host stays out of the compiled lesson: the prop holds its key in the payload store.
    expect(figures.map(({ state }) => state)).toEqual([
      expect.stringMatching(/^[0-9a-f]{64}$/),
      expect.stringMatching(/^[0-9a-f]{64}$/),
    ]);
    const names = (figure: Record<string, string>) =>
      (JSON.parse(readPayload(figure.state!, payloadDirectory(join(root, '.cache')))) as TopologyRecord).containers.map(
        (container) => container.name,
      );
    expect(figures.map(names)).toEqual([['c1', 'c2'], ['c1']]);
  });
});
