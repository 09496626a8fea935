import { describe, expect, it } from 'vitest';
import { naturalCompare } from '../../../src/netsim/cli/docker/natural-order';
import { formatList } from '../../../src/netsim/format/docker-formatter';
import { goTabwriter } from '../../../src/netsim/format/go-tabwriter';
import { goTimeString } from '../../../src/netsim/wire/go-time-string';
import { goStruct } from '../../../src/netsim/wire/go-value';
import { readGolden } from '../golden';

/** `$ "go-quoted input"`, the output, `[end]`: the blocks of a Go capture. */
function goldenBlocks(file: string): (readonly [string, string])[] {
  return readGolden(file)
    .stdout.split(/^\$ /m)
    .slice(1)
    .map((block) => {
      const [quoted, ...rest] = block.split('\n');
      return [JSON.parse(quoted!) as string, rest.join('\n').replace(/\[end\]\n$/, '')] as const;
    });
}

/** Splits a transcript table back into tab-separated text on runs of two or more spaces. */
const tabbed = (table: string) =>
  table
    .split('\n')
    .map((line) => line.split(/ {2,}/).join('\t'))
    .join('\n');

describe('goTabwriter (docker/cli formatter/tabwriter)', () => {
  it.each(['docker-network-ls.minwidth-20.txt', 'docker-network-ls.long-name.txt'])(
    'reproduces %s with minwidth 20, padding 3',
    (file) => {
      const { stdout } = readGolden(`seeds/${file}`);
      expect(goTabwriter(tabbed(stdout), 20, 3)).toBe(stdout);
    },
  );

  // Inputs and outputs: golden/go/tabwriter.txt, printed by Go's own text/tabwriter.
  const cases = goldenBlocks('go/tabwriter.txt');

  it("has Go's own outputs to compare with", () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases)('%j', (input, output) => {
    expect(goTabwriter(input)).toBe(output);
  });
});

// Rows and expected texts: docker/cli v29.7.2, cli/command/network/formatter_test.go
// (TestNetworkContextWrite), whose networks were created on 2016-01-01 and 2017-01-01.
const networkRows = [
  {
    ID: 'networkID1',
    Name: 'foobar_baz',
    Driver: 'foo',
    Scope: 'local',
    CreatedAt: goTimeString(Date.UTC(2016, 0, 1), 0),
  },
  {
    ID: 'networkID2',
    Name: 'foobar_bar',
    Driver: 'bar',
    Scope: 'local',
    CreatedAt: goTimeString(Date.UTC(2017, 0, 1), 0),
  },
].map((row) => goStruct(row));
const networkHeader = { ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', CreatedAt: 'CREATED AT' };
const write = (format: string) =>
  formatList({ format, header: networkHeader, rows: networkRows, typeName: '*network.networkContext' });

describe("formatList (docker/cli formatter.Context) on docker/cli's own network cases", () => {
  it.each([
    [
      'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}',
      'NETWORK ID   NAME         DRIVER    SCOPE\nnetworkID1   foobar_baz   foo       local\nnetworkID2   foobar_bar   bar       local\n',
    ],
    ['{{.ID}}', 'networkID1\nnetworkID2\n'],
    ['table {{.Name}}', 'NAME\nfoobar_baz\nfoobar_bar\n'],
    [
      'network_id: {{.ID}}\\nname: {{.Name}}\\ndriver: {{.Driver}}\\nscope: {{.Scope}}\\n',
      'network_id: networkID1\nname: foobar_baz\ndriver: foo\nscope: local\n\nnetwork_id: networkID2\nname: foobar_bar\ndriver: bar\nscope: local\n\n',
    ],
    ['{{.Name}}', 'foobar_baz\nfoobar_bar\n'],
    [
      '{{.Name}} {{.CreatedAt}}',
      'foobar_baz 2016-01-01 00:00:00 +0000 UTC\nfoobar_bar 2017-01-01 00:00:00 +0000 UTC\n',
    ],
  ])('%j', (format, expected) => {
    expect(write(format)).toEqual({ ok: true, text: expected });
  });

  it('reports an unknown function as a template parsing error', () => {
    expect(write('{{InvalidFunction}}')).toEqual({
      ok: false,
      error: 'template parsing error: template: :1: function "InvalidFunction" not defined',
    });
  });

  it('names the row type when a field does not exist, as text/template does', () => {
    expect(write('{{.Foo}}')).toEqual({
      ok: false,
      error:
        'template parsing error: template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *network.networkContext',
    });
  });

  // Formats and outputs: golden/go/header-functions.txt, Go's text/template run on the titles with identity functions.
  it.each(goldenBlocks('go/header-functions.txt'))(
    'keeps column titles as they are through the header functions: %j',
    (format, output) => {
      expect(write(`table ${format}`)).toEqual({ ok: true, text: output });
    },
  );
});

describe('naturalCompare (fvbommel/sortorder NaturalLess)', () => {
  it("sorts as docker/cli's network-list-sort.golden expects", () => {
    // docker/cli v29.7.2 cli/command/network/testdata/network-list-sort.golden
    expect(['network-2-foo', 'network-1-foo', 'network-10-foo'].sort(naturalCompare)).toEqual([
      'network-1-foo',
      'network-2-foo',
      'network-10-foo',
    ]);
  });

  it.each([
    ['a01', 'a1', 1],
    ['a1', 'a01', -1],
    ['1a', 'a', -1],
    ['net', 'net1', -1],
    ['B', 'a', -1],
  ])('%s vs %s is %i', (a, b, expected) => {
    expect(naturalCompare(a, b)).toBe(expected);
  });
});

describe('goTimeString (time.Time.String in UTC)', () => {
  it('drops trailing zeros of the nanoseconds, and the fraction of a whole second', () => {
    // docker/cli docs, network_ls.md: "2021-03-09 21:41:29.798999529 +0000 UTC".
    expect(goTimeString(Date.UTC(2021, 2, 9, 21, 41, 29), 798_999_529)).toBe('2021-03-09 21:41:29.798999529 +0000 UTC');
    expect(goTimeString(Date.UTC(2021, 2, 9, 21, 41, 29), 500_000_000)).toBe('2021-03-09 21:41:29.5 +0000 UTC');
    expect(goTimeString(Date.UTC(2016, 0, 1), 0)).toBe('2016-01-01 00:00:00 +0000 UTC');
  });
});
