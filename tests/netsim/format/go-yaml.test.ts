import { describe, expect, it } from 'vitest';
import {
  goYamlKeyLess,
  goYamlMarshal,
  resolvePlain,
  sortedGoMap,
  YamlFloat,
  YamlMap,
} from '../../../src/netsim/format/go-yaml';

const doc = (entries: [string, unknown][]) => new YamlMap(entries as never);

// go-yaml v3.0.4 encode_test.go marshalTests (their expected text; none of these depends on the indent).
describe('go-yaml scalars as encode.go writes them', () => {
  it.each<[string, unknown, string]>([
    ['a plain string', 'hi', 'v: hi\n'],
    ['a string that reads as a bool', 'true', 'v: "true"\n'],
    ['a YAML 1.1 bool', 'off', 'v: "off"\n'],
    ['a string that reads as an int', '10', 'v: "10"\n'],
    ['an empty string', '', 'v: ""\n'],
    ['a base-60 float', '1:1', 'v: "1:1"\n'],
    ['a dash', '-', "v: '-'\n"],
    ['a colon and a space', 'b: c', "v: 'b: c'\n"],
    ['a comment sign after a space', 'Hello #comment', "v: 'Hello #comment'\n"],
    [
      'a trailing space, never folded',
      'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 ',
      "v: 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 '\n",
    ],
    ['an IPv4 address', '1.2.3.4', 'v: 1.2.3.4\n'],
    ['an int', 10, 'v: 10\n'],
    ['a negative int', -10, 'v: -10\n'],
    ['a float', new YamlFloat(0.1), 'v: 0.1\n'],
    ['infinity', new YamlFloat(-Infinity), 'v: -.inf\n'],
    ['not a number', new YamlFloat(NaN), 'v: .nan\n'],
    ['null', null, 'v: null\n'],
    ['a NUL', '\0', 'v: "\\0"\n'],
    ['unicode', '你好', 'v: 你好\n'],
  ])('%s', (_, value, expected) => {
    expect(goYamlMarshal(doc([['v', value]]))).toBe(expected);
  });

  it('a multi-line string is a literal block, with tabs kept (issue #471)', () => {
    expect(goYamlMarshal(doc([['a', '\tB\n\tC\n']]))).toBe('a: |\n  \tB\n  \tC\n');
    expect(goYamlMarshal(doc([['v', ['A', 'B\nC']]]))).toBe('v:\n  - A\n  - |-\n    B\n    C\n');
  });
});

// encode_test.go's nested cases, written with SetIndent(2) as compose-go's Project.MarshalYAML sets it
// (TestSetIndent shows each level indented by the set width; sequences are not compact).
describe('go-yaml block collections with indent 2', () => {
  it('nests mappings and sequences', () => {
    expect(goYamlMarshal(doc([['v', ['A', 1, doc([['B', [2, 3]]])]]]))).toBe(
      'v:\n  - A\n  - 1\n  - B:\n      - 2\n      - 3\n',
    );
    expect(
      goYamlMarshal(
        doc([
          [
            'a',
            doc([
              [
                'b',
                [
                  doc([
                    ['c', 1],
                    ['d', 2],
                  ]),
                ],
              ],
            ]),
          ],
        ]),
      ),
    ).toBe('a:\n  b:\n    - c: 1\n      d: 2\n');
  });

  it('writes empty collections in flow style, and a top-level empty mapping as {}', () => {
    expect(
      goYamlMarshal(
        doc([
          ['a', []],
          ['b', doc([])],
        ]),
      ),
    ).toBe('a: []\nb: {}\n');
    expect(goYamlMarshal(doc([]))).toBe('{}\n');
  });
});

// resolve.go resolve(""): what a plain scalar means.
describe('go-yaml plain scalars', () => {
  it.each<[string, unknown]>([
    ['~', null],
    ['', null],
    ['null', null],
    ['True', true],
    ['FALSE', false],
    ['yes', 'yes'],
    ['on', 'on'],
    ['80', 80],
    ['-12', -12],
    ['0x1F', 31],
    ['0o17', 15],
    ['0755', 493],
    ['1_000', 1000],
    ['0b101', 5],
    ['8080:80', '8080:80'],
    ['1.5', new YamlFloat(1.5)],
    ['.5', new YamlFloat(0.5)],
    ['1e3', new YamlFloat(1000)],
    ['.inf', new YamlFloat(Infinity)],
    ['nginx:latest', 'nginx:latest'],
    ['2015-02-24', '2015-02-24'],
    ['1.2.3.4', '1.2.3.4'],
  ])('%j', (text, expected) => {
    expect(resolvePlain(text)).toEqual(expected);
  });
});

// sorter.go keyList.Less, in the order TestSortedOutput lists string keys.
describe('go-yaml map key order', () => {
  const order = [
    '',
    '.1',
    '.2',
    '.a',
    '1',
    '2',
    'a!10',
    'a/0001',
    'a/002',
    'a/3',
    'a/10',
    'a/11',
    'a/0012',
    'a/100',
    'a~10',
    'ab/1',
    'b/1',
    'b/01',
    'b/2',
    'b/02',
    'b/3',
    'b/03',
    'b1',
    'b01',
    'b3',
    'c2.10',
    'c10.2',
    'd1',
    'd7',
    'd7abc',
    'd12',
    'd12a',
    'e2b',
    'e4b',
    'e21a',
  ];

  it('sorts as TestSortedOutput expects', () => {
    const shuffled = [...order].reverse();
    expect(sortedGoMap(shuffled.map((key) => [key, 1] as const)).entries.map(([key]) => key)).toEqual(order);
    expect(goYamlKeyLess('web', 'db')).toBe(false);
  });
});
