import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LessonHost } from '../../src/practice/session-host';
import { TerminalSimulation } from '../../src/terminal/terminal-session';

const fresh = () => new TerminalSimulation({ seed: 7, steps: [] });

/** The bytes a pty-run of a golden got for `command`, CRLF as LF, without the echo of what was typed. */
function capture(file: string, command: string): string {
  const text = readFileSync(new URL(`../netsim/golden/linux/${file}`, import.meta.url), 'utf8');
  const start = text.indexOf(`${command}\n`);
  if (start < 0) throw new Error(`no capture of ${command}`);
  const body = text.slice(start + command.length + 1);
  return body.slice(0, body.indexOf('\n[end]')).replaceAll('\r\n', '\n');
}

describe('programs that read the keyboard at a terminal', () => {
  // bash prints -p's prompt when its input is a terminal, then waits for the line (session.trixie-clients.txt).
  it('read -p shows its prompt, waits for the typed line, assigns it and the line goes on', () => {
    const terminal = fresh();
    const golden = capture(
      'session.trixie-clients.txt',
      `$ tty ["web\\r"]: 'bash' '-c' 'read -p "Name: " x; echo "[$x]"'`,
    );
    expect(golden).toBe('Name: web\n[web]\n');
    const asked = terminal.run('read -p "Name: " x; echo "[$x]"');
    expect(asked).toMatchObject({ kind: 'done', output: '', prompt: 'Name: ', reading: true });
    const answered = terminal.run('web');
    expect(`${asked.kind === 'done' ? asked.prompt : ''}web\n${answered.kind === 'done' ? answered.output : ''}`).toBe(
      golden,
    );
    expect(answered).toMatchObject({ prompt: '$ ', exitCode: 0 });
    expect(terminal.run('echo "$x"')).toMatchObject({ output: 'web\n' });
  });

  it('read -r splits the typed line over its names', () => {
    const terminal = fresh();
    expect(terminal.run('read -r x y')).toMatchObject({ output: '', prompt: '', reading: true });
    expect(terminal.run('a b c')).toMatchObject({ output: '', prompt: '$ ' });
    expect(terminal.run('echo "[$x] [$y] $?"')).toMatchObject({ output: '[a] [b c] 0\n' });
  });

  // Ctrl-D: end of input, read's status 1 and the rest of the line runs; Ctrl-C: the line ends, status 130 (session.trixie-keyboard.txt).
  it('Ctrl-D ends the input of read and Ctrl-C ends the line', () => {
    const terminal = fresh();
    terminal.run('read -p "Name: " x; echo "[$x] $?"');
    expect(terminal.run('^D')).toMatchObject({ output: '[] 1\n', prompt: '$ ' });
    terminal.run('read -p "Name: " x; echo "[$x] $?"');
    expect(terminal.run('^C')).toMatchObject({ output: '', prompt: '$ ' });
    expect(terminal.run('echo $?')).toMatchObject({ output: '130\n' });
  });

  // A snapshot keeps the program that owns the input: the restored host still waits for the line.
  it('keeps the waiting program in a snapshot', () => {
    const terminal = fresh();
    terminal.run('read -p "Name: " x; echo "[$x]"');
    const restored = LessonHost.restored(terminal.snapshot());
    expect(restored.reading()).toBe(true);
    expect(restored.prompt()).toBe('Name: ');
    const step = restored.run('Name: ', 'db', { typing: true });
    expect(step).toMatchObject({ output: ['[db]'], exitCode: 0 });
    expect(restored.reading()).toBe(false);
  });

  // The line runs again for each typed line, from the host as it was before it: `docker run` starts one container.
  it('runs what came before the wait once, whether the line was run ahead or not', () => {
    for (const runAhead of [false, true]) {
      const terminal = fresh();
      const line = 'docker run -d nginx; read x';
      if (runAhead) expect(terminal.speculate(line)).toMatchObject({ reading: true });
      const started = terminal.run(line);
      expect(started).toMatchObject({ kind: 'done', output: expect.stringMatching(/^[0-9a-f]{64}\n$/), reading: true });
      terminal.prepare();
      expect(terminal.run('hello')).toMatchObject({ kind: 'done', output: '', prompt: '$ ' });
      expect(terminal.run('docker ps -aq')).toMatchObject({ output: expect.stringMatching(/^[0-9a-f]{12}\n$/) });
    }
  });

  it('keeps where the waiting line runs again from in a snapshot', () => {
    const terminal = fresh();
    terminal.run('echo a >> f; read x');
    const restored = LessonHost.restored(terminal.snapshot());
    restored.run('', 'hello', { typing: true });
    expect(restored.run('$ ', 'cat f')).toMatchObject({ output: ['a'] });
  });

  it('a line that never ends after the wait: Ctrl-C runs it again from before the line', () => {
    const terminal = fresh();
    terminal.run('echo a >> f; read x; ping 127.0.0.1');
    expect(terminal.run('go')).toMatchObject({ kind: 'endless' });
    expect(terminal.interrupt(2)).toMatchObject({ kind: 'done', prompt: '$ ' });
    expect(terminal.run('cat f')).toMatchObject({ output: 'a\n' });
  });

  it('a connected telnet sends a request typed by hand and shows the answer (session.trixie-clients.txt)', () => {
    const terminal = fresh();
    terminal.run('docker run -d -p 8080:80 nginx');
    const connected = terminal.run('telnet localhost 8080');
    expect(connected).toMatchObject({
      output: "Trying ::1...\nConnected to localhost.\nEscape character is '^]'.\n",
      prompt: '',
      reading: true,
    });
    expect(terminal.run('GET / HTTP/1.0')).toMatchObject({ output: '', prompt: '', reading: true });
    const answered = terminal.run('');
    const golden = capture(
      'session.trixie-clients.txt',
      `$ tty ["GET / HTTP/1.0\\r", "\\r"]: 'telnet' 'localhost' '8080'`,
    );
    const shape = (text: string) =>
      text
        .replace(/^(Date|Last-Modified): .*$/gm, '$1: …')
        .replace(/^ETag: .*$/m, 'ETag: …')
        .replace(/^Server: .*$/m, 'Server: …');
    const response = golden.slice(golden.indexOf('HTTP/1.1'));
    expect(answered.kind === 'done' && shape(answered.output)).toBe(shape(response));
    expect(answered).toMatchObject({ prompt: '$ ', exitCode: 0 });
  });

  it("telnet's escape: Ctrl-] gives telnet> where quit closes (session.trixie-keyboard.txt)", () => {
    const terminal = fresh();
    terminal.run('docker run -d -p 8080:80 nginx');
    terminal.run('telnet 127.0.0.1 8080');
    const golden = capture(
      'session.trixie-keyboard.txt',
      `$ tty ["\\u001d", "bogus\\r", "quit\\r"]: 'telnet' '127.0.0.1' '8080'`,
    );
    expect(golden).toContain(
      "Escape character is '^]'.\n^]\ntelnet> bogus\n?Invalid command\ntelnet> quit\nConnection closed.\n",
    );
    expect(terminal.run('^]')).toMatchObject({ output: '', prompt: 'telnet> ' });
    expect(terminal.run('bogus')).toMatchObject({ output: '?Invalid command\n', prompt: 'telnet> ' });
    expect(terminal.run('')).toMatchObject({ output: '', prompt: '', reading: true });
    expect(terminal.run('^C')).toMatchObject({ output: '', prompt: '', reading: true });
    terminal.run('^]');
    expect(terminal.run('quit')).toMatchObject({ output: 'Connection closed.\n', prompt: '$ ', exitCode: 0 });
    expect(terminal.reading()).toBe(false);
  });
});
