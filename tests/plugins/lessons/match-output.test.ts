import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignOutput } from '../../../plugins/lessons/match-output';

/** The lines an update would write: written lines kept, printed lines inserted. */
function rewritten(written: string[], printed: string[]): string[] {
  return alignOutput(written, printed).ops.flatMap((op) =>
    op.kind === 'keep' ? [written[op.written]!] : op.kind === 'insert' ? [printed[op.printed]!] : [],
  );
}

describe('alignOutput', () => {
  it('matches identical lines and nothing else', () => {
    expect(alignOutput(['a', 'b'], ['a', 'b']).matches).toBe(true);
    expect(alignOutput(['a', 'b'], ['a', 'c']).matches).toBe(false);
    expect(alignOutput(['a'], ['a', 'b']).matches).toBe(false);
    expect(alignOutput(['a '], ['a']).matches).toBe(false);
  });

  it('lets [...] stand for any number of lines, none included', () => {
    expect(alignOutput(['PING x', '[...]', 'rtt'], ['PING x', '1', '2', '3', 'rtt']).matches).toBe(true);
    expect(alignOutput(['PING x', '[...]', 'rtt'], ['PING x', 'rtt']).matches).toBe(true);
    expect(alignOutput(['[...]'], []).matches).toBe(true);
    expect(alignOutput(['PING x', '[...]', 'rtt'], ['PING y', '1', 'rtt']).matches).toBe(false);
  });

  it('lets [..] stand for any text within one line only', () => {
    expect(
      alignOutput(['[..]   bridge    bridge    local'], ['0123456789ab   bridge    bridge    local']).matches,
    ).toBe(true);
    expect(alignOutput(['64 bytes from [..]: seq=0'], ['64 bytes from 172.17.0.3: seq=0']).matches).toBe(true);
    expect(alignOutput(['a[..]'], ['ab', 'c']).matches).toBe(false);
    expect(alignOutput(['a.c (x)[..]'], ['abc (x)']).matches).toBe(false);
  });

  it('keeps elisions that still hold and replaces only the wrong lines', () => {
    const written = [
      'PING 172.17.0.3 (172.17.0.3): 56 data bytes',
      '[...]',
      '--- 172.17.0.3 ping statistics ---',
      '1 packets transmitted, 1 packets received, 0% packet loss',
    ];
    const printed = [
      'PING 172.17.0.3 (172.17.0.3): 56 data bytes',
      '64 bytes',
      '',
      '--- 172.17.0.3 ping statistics ---',
      '1 packets transmitted, 0 packets received, 100% packet loss',
    ];
    expect(rewritten(written, printed)).toEqual([...written.slice(0, 3), printed[4]]);
  });

  it('replaces a wrong line next to [...] where it stands instead of letting [...] swallow it', () => {
    expect(rewritten(['-P INPUT DROP', '[...]', 'z'], ['-P INPUT ACCEPT', 'b', 'z'])).toEqual([
      '-P INPUT ACCEPT',
      '[...]',
      'z',
    ]);
    expect(rewritten(['a', '[...]', 'old'], ['a', 'b', 'new'])).toEqual(['a', '[...]', 'new']);
  });

  it('turns a changed line into a deletion then an insertion', () => {
    expect(alignOutput(['a', 'old', 'c'], ['a', 'new', 'c']).ops.map((op) => op.kind)).toEqual([
      'keep',
      'delete',
      'insert',
      'keep',
    ]);
  });

  const line = fc.constantFrom('a', 'b', 'c', '[...]', 'x[..]', '');
  it('always produces an output that matches what was printed, and changes nothing that matches', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 8 }),
        fc.array(fc.constantFrom('a', 'b', 'c', 'xy', ''), { maxLength: 8 }),
        (written, printed) => {
          const result = rewritten(written, printed);
          expect(alignOutput(result, printed).matches).toBe(true);
          if (alignOutput(written, printed).matches) expect(result).toEqual(written);
        },
      ),
    );
  });
});
