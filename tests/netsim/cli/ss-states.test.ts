import { describe, expect, it } from 'vitest';
import {
  readStateWords,
  severalStates,
  SS_ALL,
  SS_CONN,
  SS_LISTENING,
  stateBit,
} from '../../../src/netsim/cli/ss-states';

// iproute2 v6.15 misc/ss.c: the SS_* enum (ESTABLISHED 1 ... LISTEN 10, SS_MAX 14), SS_CONN, scan_state and main().
describe('ss state words', () => {
  const LISTEN = 1 << 10;
  const ESTABLISHED = 1 << 1;
  const CLOSE = 1 << 7;

  it('has the bit sets of ss.c', () => {
    expect(SS_ALL).toBe(0x3fff);
    expect(SS_CONN).toBe(0x3fff & ~(LISTEN | CLOSE | (1 << 6) | (1 << 3)));
    expect(SS_LISTENING).toBe(LISTEN | CLOSE);
    expect([stateBit('LISTEN'), stateBit('UNCONN'), stateBit('ESTAB')]).toEqual([LISTEN, CLOSE, ESTABLISHED]);
  });

  it.each([
    [['state', 'listening'], 0, LISTEN],
    [['state', 'LISTENING', 'state', 'established'], 0, LISTEN | ESTABLISHED],
    // The first `state` replaces what -l chose; the first `exclude` starts from all states.
    [['state', 'established'], SS_LISTENING, ESTABLISHED],
    [['exclude', 'listening'], SS_LISTENING, SS_ALL & ~LISTEN],
    [['excl', 'connected'], 0, LISTEN | CLOSE],
    [['state', 'closed'], 0, CLOSE],
    // An empty set is no choice: -t then shows SS_CONN.
    [['exclude', 'all'], 0, SS_CONN],
    [[], 0, SS_CONN],
    [[], SS_LISTENING, SS_LISTENING],
  ])('%j after options %i', (words, fromOptions, states) => {
    expect(readStateWords(words, fromOptions)).toEqual({ states, rest: [] });
  });

  it('hands the words after them to the filter', () => {
    expect(readStateWords(['state', 'listening', 'sport', '=', ':80'], 0)).toEqual({
      states: LISTEN,
      rest: ['sport', '=', ':80'],
    });
    expect(readStateWords(['sport = :80', 'state', 'listening'], 0)).toEqual({
      states: SS_CONN,
      rest: ['sport = :80', 'state', 'listening'],
    });
  });

  it('refuses unknown and missing names', () => {
    expect(readStateWords(['state', 'new-syn-recv'], 0)).toEqual({ error: 'ss: wrong state name: new-syn-recv\n' });
    expect(readStateWords(['state'], 0)).toEqual({ error: 'Command line is not complete. Try option "help"\n' });
  });

  it('shows the State column only for more than one state', () => {
    expect([severalStates(LISTEN), severalStates(LISTEN | CLOSE)]).toEqual([false, true]);
  });
});
