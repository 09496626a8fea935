import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyOf, parseCorpus, refusalOf, replayCorpus } from './learner/corpus';
import { KNOWN_REFUSALS } from './learner/refused';

const text = readFileSync(resolve(__dirname, 'learner/lines.txt'), 'utf8');
const replayed = replayCorpus(text);

describe('the learner corpus (tests/netsim/learner/lines.txt)', () => {
  it('is about six hundred lines in sessions, each naming its source', () => {
    const sessions = parseCorpus(text);
    expect(replayed.length).toBeGreaterThan(550);
    expect(sessions.every((session) => session.lines.length > 0)).toBe(true);
    for (const match of text.matchAll(/^## session (\S+)\n(.*)$/gm)) expect(match[2], match[1]).toMatch(/^# source: /);
  });

  it('refuses no line but the known ones: every line a real host runs runs here', () => {
    const known = new Set(KNOWN_REFUSALS.map(keyOf));
    const unexpected = replayed
      .filter((line) => line.refusal && !line.refusedByRealHost && !known.has(keyOf(line)))
      .map((line) => `${keyOf(line)}\n    ${line.said}`);
    expect(unexpected).toEqual([]);
  });

  it('lists no known refusal that now runs, nor one that is not in the corpus', () => {
    const refused = new Set(replayed.filter((line) => line.refusal && !line.refusedByRealHost).map(keyOf));
    expect(KNOWN_REFUSALS.map(keyOf).filter((key) => !refused.has(key))).toEqual([]);
  });

  it('refuses as a real host does the lines marked `#= real:` (a tool not installed, not on PATH)', () => {
    const marked = replayed.filter((line) => line.refusedByRealHost);
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.filter((line) => line.refusal === undefined || line.refusal === 'not simulated').map(keyOf)).toEqual(
      [],
    );
  });
});

describe('what counts as a refusal', () => {
  it.each([
    ['bash: nc: command not found\n', 'command not found'],
    ['sh: 2: ip: not found\n', 'command not found'],
    ['/bin/sh: dig: not found\n', 'command not found'],
    ["netstat: invalid option -- 'o'\n", 'unknown option'],
    ['unknown flag: --since\n', 'unknown option'],
    ['Command "get" is unknown, try "ip route help".\n', 'unknown option'],
    ['netsim: tcpdump -v (the IP header decode) is not simulated\n', 'not simulated'],
    ['ip: option "-s" is not available in this simulator yet.\n', 'not simulated'],
    ['Usage: ip [OPTIONS] address|route|link [ARGS]\n', 'usage'],
  ] as const)('%j is %s', (stderr, refusal) => expect(refusalOf(stderr)).toBe(refusal));

  it.each([
    ["ping: bad address 'alpine2'\n"],
    ['curl: (7) Failed to connect to localhost port 8081 after 0 ms: Could not connect to server\n'],
    ['Error response from daemon: network with name red1 already exists\n'],
  ])('%j is an answer, not a refusal', (stderr) => expect(refusalOf(stderr)).toBeUndefined());
});
