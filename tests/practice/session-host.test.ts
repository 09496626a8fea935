import { describe, expect, it } from 'vitest';
import { LessonHost, sessionSeed, terminalLines } from '../../src/practice/session-host';

describe('terminalLines', () => {
  it('splits what the terminal showed into lines, without an empty last one', () => {
    expect(terminalLines({ output: 'a\nb\n' })).toEqual(['a', 'b']);
    expect(terminalLines({ output: '' })).toEqual([]);
    expect(terminalLines({ output: 'no newline' })).toEqual(['no newline']);
    expect(terminalLines({ output: '\n' })).toEqual(['']);
  });

  it('drops SGR sequences unless styled: a lesson stores text, the browser terminal shows bold', () => {
    expect(terminalLines({ output: '\x1b[1mServer\x1b[0m: nginx\r\n' })).toEqual(['Server: nginx']);
    expect(terminalLines({ output: '\x1b[1mServer\x1b[0m: nginx\r\n' }, { styled: true })).toEqual([
      '\x1b[1mServer\x1b[0m: nginx',
    ]);
    expect(terminalLines({ output: '\x1b[01;34mdir\x1b[0m  file\n' })).toEqual(['dir  file']);
    // curl's Location link (OSC 8): the link goes, its text stays.
    expect(
      terminalLines({ output: 'Location: \x1b]8;;http://a/b\x1b\\http://a/b\r\n\x1b]8;;\x1b\\Next: 1\n' }),
    ).toEqual(['Location: http://a/b', 'Next: 1']);
  });

  it('runs a lesson command on an 80-column terminal unless told another width, without SGR', () => {
    const host = LessonHost.fresh(3);
    host.run('$ ', 'docker run -d -p 8080:80 nginx');
    expect(host.run('$ ', 'curl -sI http://localhost:8080/').output[1]).toBe('Server: nginx/1.31.3');
    expect(host.run('$ ', 'curl -sI http://localhost:8080/', { styled: true }).output[1]).toBe(
      '\x1b[1mServer\x1b[0m: nginx/1.31.3',
    );
    expect(host.run('$ ', 'ss -tln').output[0]).toHaveLength(80);
    expect(host.run('$ ', 'ss -tln', { columns: 100 }).output[0]).toHaveLength(100);
  });

  it('shows a carriage return as a terminal does: the cursor goes back and overwrites', () => {
    // curl -I prints headers as the server sent them, ending in CRLF (RFC 9112).
    expect(terminalLines({ output: 'HTTP/1.1 200 OK\r\nServer: nginx\r\n' })).toEqual([
      'HTTP/1.1 200 OK',
      'Server: nginx',
    ]);
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
