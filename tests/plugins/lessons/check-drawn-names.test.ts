import { describe, expect, it } from 'vitest';
import { drawnNameFindings } from '../../../plugins/lessons/check-drawn-names';

describe('names netsim draws, in a lesson’s prose', () => {
  const block =
    '```console\n$ ip link\n6: veth3648ada@if2: <BROADCAST>\nbr-296595cb5f02  DOWN\n296595cb5f02d51618285e8aa5a32e3f715b1e88b7b35b455a7df5e1b2edb313\n```\n';

  it('accepts the ones a block prints, and generic names', () => {
    const text = 'Host side: `veth3648ada@if2` on `br-296595cb5f02` (network `296595cb5f02`), or any `veth…`.\n';
    expect(drawnNameFindings(`${block}\n${text}`)).toEqual([]);
  });

  it('finds one no block prints, at its line and column', () => {
    const text = `# Title\n\nThe host keeps \`veth1a13ba2@if2\` and bridge br-28c63b069d8f.\n\n${block}`;
    expect(
      drawnNameFindings(text).map(({ line, column, message }) => ({
        line,
        column,
        name: /"([^"]+)"/.exec(message)![1],
      })),
    ).toEqual([
      { line: 3, column: 17, name: 'veth1a13ba2' },
      { line: 3, column: 45, name: 'br-28c63b069d8f' },
    ]);
  });

  it('leaves words and numbers alone: twelve digits, twelve letters, a hash word inside a longer one', () => {
    const text = 'Call 123456789012 or read `deadbeefcafe` and `x1234567890abcdef1234`.\n';
    expect(drawnNameFindings(`${block}\n${text}`)).toEqual([]);
  });
});
