import { describe, expect, it } from 'vitest';
import { stripSgr } from '../../src/practice/sgr';

describe('text as a terminal shows it, styles aside', () => {
  it('drops SGR, keeps the text of an OSC 8 link, and drops erase-in-line (ECMA-48 8.3.41)', () => {
    expect(stripSgr('\x1b[1mServer\x1b[0m: x')).toBe('Server: x');
    expect(stripSgr('\x1b]8;;http://a/\x1b\\http://a/')).toBe('http://a/');
    // Compose's status line (formatter/logs.go Status: goterm.RESET_LINE, then the text).
    expect(stripSgr('\x1b[36m\r\x1b[Kweb-1 exited with code 0\n\x1b[0m')).toBe('\rweb-1 exited with code 0\n');
  });
});
