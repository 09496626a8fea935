import { describe, expect, it } from 'vitest';
import { sessionSeed, terminalLines } from '../../src/practice/session-host';

describe('terminalLines', () => {
  it('splits what the terminal showed into lines, without an empty last one', () => {
    expect(terminalLines({ output: 'a\nb\n' })).toEqual(['a', 'b']);
    expect(terminalLines({ output: '' })).toEqual([]);
    expect(terminalLines({ output: 'no newline' })).toEqual(['no newline']);
    expect(terminalLines({ output: '\n' })).toEqual(['']);
  });

  it('shows a carriage return as a terminal does: the cursor goes back and overwrites', () => {
    // curl -I prints headers as the server sent them, ending in CRLF (RFC 9112).
    expect(terminalLines({ output: 'HTTP/1.1 200 OK\r\nServer: nginx\r\n' })).toEqual(['HTTP/1.1 200 OK', 'Server: nginx']);
    expect(terminalLines({ output: ' 10%\r 55%\r100% done\n' })).toEqual(['100% done']);
    expect(terminalLines({ output: 'abcdef\rXY\n' })).toEqual(['XYcdef']);
  });
});

describe('sessionSeed', () => {
  it('depends on the lesson id and session only', () => {
    expect(sessionSeed('network-drivers', 'main')).toBe(sessionSeed('network-drivers', 'main'));
    expect(sessionSeed('network-drivers', 'main')).not.toBe(sessionSeed('network-drivers', 'dns'));
    expect(sessionSeed('network-drivers', 'main')).not.toBe(sessionSeed('default-bridge', 'main'));
  });
});
