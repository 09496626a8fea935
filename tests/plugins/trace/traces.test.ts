import { evaluate } from '@mdx-js/mdx';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { checkLessons, formatCheckReport } from '../../../plugins/lessons/check-lessons';
import { readLessonSource } from '../../../plugins/lessons/lesson-source';
import { payloadDirectory, readPayload } from '../../../plugins/payloads/payload-store';
import remarkConsoleBlocks from '../../../plugins/remark-console-blocks';
import type { CommandTrace, TopologyRecord } from '../../../src/netsim/index';
import { lessonErrorOf, lessonProject, memoryCache, options } from '../lessons/lesson-fixtures';

const FRONT = '---\nlessonId: traces\nsourceLocale: es\n---\n\n';
const ES = 'content/es/traces.mdx';
const PT = 'content/pt/traces.mdx';
const PUBLISHED = '```console setup\n$ docker run -d --name web -p 8080:80 nginx\n```\n\n';

const errorOf = (text: string) => lessonErrorOf(ES, FRONT, text);

const project = (files: Record<string, string>) => lessonProject(FRONT, files, 'traces-');

const check = (files: Record<string, string>) =>
  formatCheckReport(checkLessons([], options(project(files), memoryCache())));

describe('reading <Trace /> elements', () => {
  it('reads its command, session, machine, status and focus, and the blocks before it', () => {
    const lesson = readLessonSource(
      ES,
      FRONT +
        PUBLISHED +
        '<Trace command="curl --max-time 3 http://172.17.0.2/" from="lan-pc" exit="28" focus="bridge" />\n',
    );
    expect(lesson.traces).toMatchObject([
      {
        command: 'curl --max-time 3 http://172.17.0.2/',
        session: 'main',
        from: 'lan-pc',
        exit: 28,
        focus: 'bridge',
        afterBlocks: 1,
        place: { line: 10, column: 1 },
      },
    ]);
  });

  it.each([
    [
      'a trace without a command',
      PUBLISHED + '<Trace />\n',
      10,
      '<Trace> needs the command whose packets it follows: <Trace command="curl -s http://192.168.1.10:8080/" />',
    ],
    [
      'a misspelt prop',
      PUBLISHED + '<Trace comand="ping -c 1 172.17.0.2" />\n',
      10,
      'unknown prop "comand" on <Trace> (did you mean command?); it takes command="...", session="...", from="...", exit="...", focus="..."',
    ],
    [
      'an unknown machine',
      PUBLISHED + '<Trace command="ping -c 1 172.17.0.2" from="laptop" />\n',
      10,
      '<Trace> from="laptop": from names where the command runs instead of the session\'s shell: from="lan-pc"',
    ],
    [
      'a status that is not one',
      PUBLISHED + '<Trace command="ping -c 1 172.17.0.2" exit="-1" />\n',
      10,
      '<Trace> exit="-1": exit takes the status the command ends with, a whole number from 0 to 255: exit="7"',
    ],
    [
      'a session of no block',
      PUBLISHED + '<Trace command="ping -c 1 172.17.0.2" session="man" />\n',
      10,
      '<Trace> session="man": no console block of that session runs before this trace (did you mean session="main"?); sessions run so far: main',
    ],
    [
      'a trace inside a paragraph',
      PUBLISHED + 'See <Trace command="ping -c 1 172.17.0.2" /> here.\n',
      10,
      '<Trace /> goes on a line of its own, between paragraphs',
    ],
  ])('refuses %s at its line', (_, text, line, reason) => {
    const error = errorOf(text);
    expect([error.line, error.reason]).toEqual([line, reason]);
  });
});

describe('checking traces against the host', () => {
  it('passes a trace whose command ends as the lesson says and sends packets', () => {
    expect(
      check({
        [ES]:
          PUBLISHED +
          '<Trace command="curl -s -o /dev/null http://192.168.1.10:8080/" />\n\n<Trace command="curl --max-time 3 http://172.17.0.2/" from="lan-pc" exit="28" />\n',
      }),
    ).toBe('');
  });

  it('refuses, at the trace, another exit status, a command that sends nothing and a focus the host lacks', () => {
    const report = check({
      [ES]:
        PUBLISHED +
        '<Trace command="curl -s http://192.168.1.10:9999/" />\n\n<Trace command="docker ps -q" />\n\n<Trace command="ping -c 1 172.17.0.2" focus="app-net" />\n',
    });
    expect(report).toContain(
      `${ES}:10:1: <Trace> (trace 1): \`curl -s http://192.168.1.10:9999/\` ended with status 7, not 0; write exit="7" if that is the point`,
    );
    expect(report).toContain(
      `${ES}:12:1: <Trace> (trace 2): \`docker ps -q\` sent no packet: there is nothing to trace`,
    );
    expect(report).toContain(
      `${ES}:14:1: <Trace> (trace 3): focus="app-net" names no network of the host at this point (it has bridge, host, none)`,
    );
  });

  it('runs each trace once for every language of a lesson, and not at all on a rebuild', () => {
    const source = PUBLISHED + '<Trace command="ping -c 1 172.17.0.2" />\n';
    const root = project({ [ES]: source, [PT]: source });
    const cache = memoryCache();
    expect(formatCheckReport(checkLessons([], options(root, cache)))).toBe('');
    // The setup block and the trace: run for the source, read back for the translation.
    expect([cache.misses, cache.hits]).toEqual([2, 2]);
    expect(formatCheckReport(checkLessons([], options(root, cache)))).toBe('');
    expect([cache.misses, cache.hits]).toEqual([2, 6]);
  });

  it('requires a translation to place the same traces', () => {
    const source = PUBLISHED + '<Trace command="ping -c 1 172.17.0.2" />\n';
    expect(check({ [ES]: source, [PT]: source })).toBe('');
    expect(check({ [ES]: source, [PT]: PUBLISHED })).toContain(
      `${PT}:6:1: the translation lacks <Trace /> of \`ping -c 1 172.17.0.2\`: it has 0 traces, the source has 1`,
    );
    expect(check({ [ES]: source, [PT]: PUBLISHED + '<Trace command="ping -c 2 172.17.0.2" />\n' })).toContain(
      `${PT}:10:1: this <Trace /> follows \`ping -c 2 172.17.0.2\` (session="main" after console block 1) where the source's follows \`ping -c 1 172.17.0.2\` (session="main" after console block 1): place it after the same block, with the same props`,
    );
  });
});

describe('remarkConsoleBlocks with traces', () => {
  it('gives each trace its command, what it printed, its hops and the host, and leaves the session as it was', async () => {
    const text =
      PUBLISHED +
      '<Trace command="curl -s -o /dev/null -w \'%{http_code}\' http://192.168.1.10:8080/" />\n\n```console\n$ sudo iptables -t nat -nvL DOCKER\nChain DOCKER (2 references)\n pkts bytes target     prot opt in     out     source               destination         \n    0     0 DNAT       tcp  --  !docker0 *       0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 to:172.17.0.2:80\n```\n';
    // Outside content/<locale>/, so the front matter need not be a whole lesson's.
    const root = project({ 'drafts/traces.mdx': text });
    const element = (type: unknown, props: Record<string, unknown>) =>
      typeof type === 'function' ? type(props) : { type, props };
    const { default: Content } = await evaluate(
      new VFile({ path: join(root, 'drafts/traces.mdx'), value: FRONT + text }),
      {
        remarkPlugins: [
          [remarkConsoleBlocks, { verify: { root, netsimVersion: 'test', cacheDirectory: join(root, '.cache') } }],
        ],
        Fragment: 'fragment',
        jsx: element,
        jsxs: element,
      } as Parameters<typeof evaluate>[1],
    );
    const traces: Record<string, string>[] = [];
    Content({
      components: { ConsoleBlock: () => null, PacketTrace: (props: Record<string, string>) => traces.push(props) },
    });
    expect(traces.map(({ number, prompt, output, exitCode }) => ({ number, prompt, output, exitCode }))).toEqual([
      { number: '1', prompt: '$ ', output: '["200"]', exitCode: '0' },
    ]);
    // The hops and the host stay out of the compiled lesson: the props hold their keys in the payload store.
    expect(traces[0]!.trace).toMatch(/^[0-9a-f]{64}$/);
    expect(traces[0]!.state).toMatch(/^[0-9a-f]{64}$/);
    const payload = (key: string) => readPayload(key, payloadDirectory(join(root, '.cache')));
    const trace = JSON.parse(payload(traces[0]!.trace!)) as CommandTrace;
    expect(trace.hops.some((hop) => hop.kind === 'rule' && hop.spec.target.kind === 'DNAT')).toBe(true);
    // The page tells packets by their headers: no TCP sequence numbers in what it gets.
    expect(payload(traces[0]!.trace!)).not.toContain('"segment"');
    expect(
      (JSON.parse(payload(traces[0]!.state!)) as TopologyRecord).containers.map((container) => container.name),
    ).toEqual(['web']);
  });
});
