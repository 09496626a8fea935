import { describe, expect, it } from 'vitest';
import { tabulate } from '../../../src/netsim/format/tabwriter';
import { readGolden } from '../golden';

/** Splits a transcript table back into cells on runs of two or more spaces. */
const cellsOf = (table: string) =>
  table
    .trimEnd()
    .split('\n')
    .map((line) => line.split(/ {2,}/));

describe('tabulate (Go text/tabwriter as docker/cli uses it)', () => {
  it.each(['docker-network-ls.minwidth-20.txt', 'docker-network-ls.long-name.txt'])(
    'reproduces %s with minwidth 20, padding 3',
    (file) => {
      const { stdout } = readGolden(`seeds/${file}`);
      expect(tabulate(cellsOf(stdout), 20, 3)).toBe(stdout);
    },
  );

  it('widens a column to its longest cell plus the padding, past the minimum width', () => {
    expect(
      tabulate(
        [
          ['NAME', 'DRIVER'],
          ['monimagedocker_default', 'bridge'],
        ],
        10,
        3,
      ),
    ).toBe('NAME                     DRIVER\nmonimagedocker_default   bridge\n');
  });
});
