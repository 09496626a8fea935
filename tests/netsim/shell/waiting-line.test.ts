import { describe, expect, it, vi } from 'vitest';
import { Host, type MachineName } from '../../../src/netsim/index';

/**
 * A reader's terminal: each line is typed (a program may wait for the lines typed next). A line that waits
 * runs again from its start for each typed line (session.ts, ProgramFrame); bash runs it once, so what the
 * commands before the waiting one did and printed must happen once.
 */
function readerTerminal(host = Host.create()) {
  const type = (line: string, terminal: MachineName = 'host') => host.run(line, { typing: true, terminal });
  const lines = (line: string) => type(line).output.split('\n').filter(Boolean);
  return { host, type, lines };
}

describe('a line that waits for a typed line runs what came before the wait once', () => {
  it('docker run -d before read: one container, its ID shown once', () => {
    const { type, lines } = readerTerminal();
    const started = type('docker run -d nginx; read x');
    expect(started.output).toMatch(/^[0-9a-f]{64}\n$/);
    expect(type('hello')).toMatchObject({ output: '', exitCode: 0 });
    expect(lines('docker ps -aq')).toEqual([started.output.slice(0, 12)]);
  });

  it('echo >> f before read: the line is appended once', () => {
    const { type } = readerTerminal();
    type('echo a >> f; read x');
    type('hello');
    expect(type('cat f').output).toBe('a\n');
  });

  it('docker network create before read: no "already exists" when the typed line comes', () => {
    const { type, lines } = readerTerminal();
    type('docker network create n1; read x; echo "[$x]"');
    expect(type('hi')).toMatchObject({ output: '[hi]\n', exitCode: 0 });
    expect(lines('docker network ls --filter name=n1 -q')).toHaveLength(1);
  });

  it('what came before is shown once, then the rest of the line once the typed line ends the wait', () => {
    const { type } = readerTerminal();
    expect(type('echo before; read -p "Name: " x; echo "[$x]"')).toMatchObject({
      output: 'before\n',
      prompt: '$ ',
    });
    expect(type('web').output).toBe('[web]\n');
  });

  it('a connected telnet after docker run: the request typed meets no name conflict', () => {
    const { type, lines } = readerTerminal();
    type('docker run -d --name web -p 8080:80 nginx >/dev/null; telnet localhost 8080');
    expect(type('GET / HTTP/1.0')).toMatchObject({ output: '', exitCode: 0 });
    expect(type('').output).toMatch(/^HTTP\/1\.1 200 OK\n/);
    expect(lines('docker ps -a --format "{{.Names}}"')).toEqual(['web']);
  });

  it('a line that waits several times runs what came before once', () => {
    const { host, type, lines } = readerTerminal();
    type('docker run -d nginx >/dev/null; read a; read b; echo "$a $b"');
    expect(type('one').output).toBe('');
    expect(host.reading()).toBe(true);
    expect(type('two').output).toBe('one two\n');
    expect(lines('docker ps -aq')).toHaveLength(1);
  });

  // Ctrl-C ends the line at read (status 130); Ctrl-D ends read's input (status 1) and the line goes on.
  it('Ctrl-C and Ctrl-D while waiting: what came before is done once', () => {
    const { type } = readerTerminal();
    type('echo a >> f; read x');
    expect(type('^C').exitCode).toBe(130);
    type('echo b >> f; read x; echo "read: $?"');
    expect(type('^D').output).toBe('read: 1\n');
    expect(type('cat f').output).toBe('a\nb\n');
  });

  it('a snapshot taken while a line waits keeps where it runs again from', () => {
    const { host } = readerTerminal();
    host.run('echo a >> f; docker run -d nginx >/dev/null; read x', { typing: true });
    const { type, lines } = readerTerminal(Host.fromSnapshot(host.snapshot()));
    type('hello');
    expect(type('cat f').output).toBe('a\n');
    expect(lines('docker ps -aq')).toHaveLength(1);
  });

  // Going back to before the waiting line would undo what the other terminal did: that stays.
  it("a line typed in the LAN machine's terminal meanwhile is kept", () => {
    const { type } = readerTerminal();
    type('read x');
    type('echo hi > note', 'lan');
    type('hello');
    expect(type('cat note', 'lan').output).toBe('hi\n');
  });

  it('a line that does not wait keeps no copy of the host, and takes none when given one', () => {
    const host = Host.create();
    const snapshot = vi.spyOn(host, 'snapshot');
    const before = host.snapshot();
    snapshot.mockClear();
    host.run('docker run -d nginx; echo x > f', { typing: true, before });
    expect(snapshot).not.toHaveBeenCalled();
    expect(host.snapshot().waiting).toBeUndefined();
  });
});
