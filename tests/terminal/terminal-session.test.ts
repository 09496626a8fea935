import { describe, expect, it } from 'vitest';
import { complete } from '../../src/terminal/completion';
import { TerminalSimulation } from '../../src/terminal/terminal-session';

const fresh = () => new TerminalSimulation({ seed: 7, steps: [] });

describe('a terminal session on the simulated host', () => {
  it('runs lines and follows the prompt into a container and out', () => {
    const terminal = fresh();
    expect(terminal.prompt()).toBe('$ ');
    const created = terminal.run('docker run -dit --name c1 alpine');
    expect(created).toMatchObject({ kind: 'done', exitCode: 0, prompt: '$ ' });
    const entered = terminal.run('docker exec -it c1 sh');
    expect(entered).toMatchObject({ kind: 'done', prompt: '/ # ' });
    expect(terminal.run('exit')).toMatchObject({ kind: 'done', prompt: '$ ' });
  });

  // bash prints PS2 (`> `) and reads on while a here-document waits for its delimiter line.
  it('asks for more lines while a command is not complete, then runs them as one', () => {
    const terminal = fresh();
    expect(terminal.run("cat > compose.yaml <<'EOF'")).toEqual({ kind: 'more', prompt: '> ' });
    expect(terminal.run("cat > compose.yaml <<'EOF'\nservices:")).toEqual({ kind: 'more', prompt: '> ' });
    expect(terminal.run("cat > compose.yaml <<'EOF'\nservices:\n  web:\n    image: nginx\nEOF")).toMatchObject({
      kind: 'done',
      exitCode: 0,
      prompt: '$ ',
    });
    expect(terminal.run('docker compose config --services')).toMatchObject({ kind: 'done', output: 'web\n' });
  });

  // compose run: a TTY and open stdin by default at a terminal (run.go), so a shell takes the prompt as `docker run -it` does.
  it('follows the prompt into a shell of a compose run container, and removes it on exit with --rm', () => {
    const terminal = fresh();
    terminal.run("cat > compose.yaml <<'EOF'\nservices:\n  tools:\n    image: alpine\nEOF");
    expect(terminal.run('docker compose run --rm tools sh')).toMatchObject({ kind: 'done', prompt: '/ # ' });
    expect(terminal.run('hostname')).toMatchObject({ kind: 'done', prompt: '/ # ' });
    expect(terminal.run('exit')).toMatchObject({ kind: 'done', prompt: '$ ' });
    expect(terminal.run('docker ps -aq')).toMatchObject({ kind: 'done', output: '' });
  });

  it('starts where its recipe leaves the host, and resets there', () => {
    const terminal = new TerminalSimulation({
      seed: 7,
      steps: [{ prompt: '$ ', command: 'docker network create red1' }],
    });
    const listing = terminal.run("docker network ls --format '{{.Name}}'");
    expect(listing.kind === 'done' && listing.output).toBe('bridge\nhost\nnone\nred1\n');
    terminal.run('docker network rm red1');
    terminal.reset();
    const again = terminal.run("docker network ls --format '{{.Name}}'");
    expect(again.kind === 'done' && again.output).toBe('bridge\nhost\nnone\nred1\n');
  });

  it('runs a ping without -c ahead until Ctrl-C, then gives what Ctrl-C after that many seconds prints', () => {
    const terminal = fresh();
    const running = terminal.run('ping 192.168.1.1');
    expect(running.kind).toBe('endless');
    const ahead = running.kind === 'endless' ? running.output.split('\n') : [];
    expect(ahead[0]).toBe('PING 192.168.1.1 (192.168.1.1) 56(84) bytes of data.');
    expect(ahead[1]).toMatch(/^64 bytes from 192\.168\.1\.1: icmp_seq=1 ttl=64 time=[\d.]+ ms$/);
    expect(ahead.length).toBeGreaterThan(100);
    const stopped = terminal.interrupt(3);
    expect(stopped.kind).toBe('done');
    const lines = stopped.kind === 'done' ? stopped.output.split('\n') : [];
    // What was shown ahead is what the interrupted run printed: the same replies, in order.
    expect(lines.slice(0, 4)).toEqual(ahead.slice(0, 4));
    expect(lines[4]).toBe('^C');
    expect(lines[6]).toMatch(/^3 packets transmitted, 3 received, 0% packet loss, time \d+ms$/);
    expect(terminal.prompt()).toBe('$ ');
  });

  it('treats output that merely contains ^C as output, not as an interrupted command', () => {
    const terminal = fresh();
    expect(terminal.run("echo '^C'")).toEqual({ kind: 'done', output: '^C\n', prompt: '$ ', exitCode: 0 });
  });

  it('completes commands, docker subcommands and flags, and names from the host', () => {
    const session = fresh();
    session.run('docker network create app-net');
    session.run('docker run -dit --name web alpine');
    // As the worker completes: completion.ts on the session's names.
    const terminal = { complete: (line: string, cursor: number) => complete(line, cursor, session.completionNames()) };
    expect(terminal.complete('dock', 4)).toMatchObject({ from: 0, replacement: 'docker ' });
    expect(terminal.complete('docker netw', 11)).toMatchObject({ from: 7, replacement: 'network ' });
    expect(terminal.complete('docker network c', 16)).toMatchObject({
      candidates: ['connect', 'create'],
      replacement: 'c',
    });
    expect(terminal.complete('docker network connect ap', 25)).toMatchObject({ replacement: 'app-net ' });
    expect(terminal.complete('docker network connect app-net w', 32)).toMatchObject({ replacement: 'web ' });
    expect(terminal.complete('docker run --netw', 17)).toMatchObject({
      candidates: ['--network', '--network-alias'],
      replacement: '--network',
    });
    expect(terminal.complete('docker run --network ', 21).candidates).toEqual(['app-net', 'bridge', 'host', 'none']);
    expect(terminal.complete('sudo iptab', 10).candidates).toEqual(['iptables', 'iptables-save']);
    // The same letter takes a value in one command and not in another.
    expect(terminal.complete('docker rm -f we', 15)).toMatchObject({ replacement: 'web ' });
    expect(terminal.complete('docker run -d alp', 17)).toMatchObject({ replacement: 'alpine:latest ' });
    expect(terminal.complete('docker network create -d mac', 28)).toMatchObject({ replacement: 'macvlan ' });
    expect(terminal.complete('docker inspect -f x we', 22)).toMatchObject({ replacement: 'web ' });
  });

  it('survives a command that makes netsim throw, and goes on from the state before it', () => {
    const terminal = fresh();
    // A program that throws stands for any simulator bug: the session must not die with it.
    const host = (terminal as unknown as { host: { run: (...args: unknown[]) => unknown } }).host;
    const original = host.run.bind(host);
    host.run = () => {
      throw new TypeError('boom');
    };
    expect(terminal.run('docker network create red1')).toEqual({ kind: 'crashed', message: 'boom', prompt: '$ ' });
    host.run = original;
    const listing = terminal.run("docker network ls --format '{{.Name}}'");
    expect(listing.kind === 'done' && listing.output).toBe('bridge\nhost\nnone\n');
  });

  // The worker copies the host while the reader types (prepare); where that copy is made must never show.
  it('gives the same outputs and state whether or not the host was copied ahead of each line', () => {
    const lines = [
      'docker network create red1',
      'ping 192.168.1.1',
      '',
      'docker network ls --format {{.Name}}',
      'docker run -d --name w --network red1 nginx',
      'netsim trace',
      'docker network create red1',
      'docker rm -f w',
    ];
    const play = (prepareBefore: (index: number) => boolean) => {
      const terminal = fresh();
      const shown = lines.map((line, index) => {
        if (prepareBefore(index)) terminal.prepare();
        return line === '' ? terminal.interrupt(2) : terminal.run(line);
      });
      return { shown, after: terminal.run('docker network ls --format {{.Name}}; ip -br link') };
    };
    const never = play(() => false);
    // red1 outlives the interrupted ping, and the second create is refused.
    expect(never.shown[3]).toMatchObject({ kind: 'done', output: 'bridge\nhost\nnone\nred1\n' });
    expect(never.shown[6]).toMatchObject({ kind: 'done', exitCode: 1 });
    expect(play(() => true)).toEqual(never);
    expect(play((index) => index % 2 === 0)).toEqual(never);
    expect(play((index) => index % 2 === 1)).toEqual(never);
  });

  // The worker runs the line being typed ahead of Enter (speculate); Enter then takes that run as the line's.
  it('gives the same outputs and state whether or not each line was run ahead while typed', () => {
    const lines = [
      'docker network create red1',
      'docker run -d --name w --network red1 -p 8080:80 nginx',
      'curl -s localhost:8080 | head -n 1',
      'ping 192.168.1.1',
      '',
      'netsim trace',
      'docker network create red1',
      'cd /tmp',
      'pwd',
      'docker rm -f w',
    ];
    const play = (speculate: (line: string, index: number) => string | undefined) => {
      const terminal = fresh();
      const shown = lines.map((line, index) => {
        const typed = speculate(line, index);
        if (typed !== undefined) terminal.speculate(typed, 80);
        return line === '' ? terminal.interrupt(2) : terminal.run(line, 80);
      });
      return {
        shown,
        after: terminal.run('docker network ls --format {{.Name}}; docker ps -a --format {{.Names}}; ip -br link; pwd'),
      };
    };
    const never = play(() => undefined);
    expect(never.shown[2]).toMatchObject({ kind: 'done', output: '<!DOCTYPE html>\n' });
    expect(never.shown[6]).toMatchObject({ kind: 'done', exitCode: 1 });
    // The line as typed at Enter, the line half-typed, or another line altogether.
    expect(play((line) => line)).toEqual(never);
    expect(play((line) => line.slice(0, -1))).toEqual(never);
    expect(play((_line, index) => lines[(index + 1) % lines.length])).toEqual(never);
  });

  it('runs a line ahead on a copy: the host is not changed until Enter, and a changed host forgets it', () => {
    const terminal = fresh();
    const ahead = terminal.speculate('docker network create red1 >/dev/null; docker network ls --format {{.Name}}', 80);
    expect(ahead).toMatchObject({ kind: 'done', output: 'bridge\nhost\nnone\nred1\n', exitCode: 0, prompt: '$ ' });
    expect(terminal.run("docker network ls --format '{{.Name}}'", 80)).toMatchObject({
      output: 'bridge\nhost\nnone\n',
    });
    // Foreseen before `red2` existed, then the host changed: the line runs again at Enter.
    terminal.speculate('docker network ls -q | wc -l', 80);
    terminal.run('docker network create red2', 80);
    expect(terminal.run('docker network ls -q | wc -l', 80)).toMatchObject({ output: '4\n' });
    // Another width is another output (ss spreads its columns): it runs again too.
    expect(terminal.speculate('ss -tln', 200)).toMatchObject({ kind: 'done' });
    const narrow = terminal.run('ss -tln', 80);
    expect(narrow.kind === 'done' && narrow.output.split('\n')[0]!.length).toBeLessThanOrEqual(80);
    // What does not end by itself, is not complete, or is the terminal's own command, is not foreseen.
    expect(terminal.speculate('ping 192.168.1.1', 80)).toBeUndefined();
    expect(terminal.speculate("echo 'open quote", 80)).toBeUndefined();
    expect(terminal.speculate('netsim trace', 80)).toBeUndefined();
  });

  it("types into the LAN machine's terminal after a switch, and back into the host's where it was", () => {
    const terminal = fresh();
    expect(terminal.terminals().map((machine) => machine.hostname)).toEqual(['docker-host', 'lan-pc']);
    terminal.run('docker run -d --name web -p 8080:80 nginx');
    terminal.run('cd /tmp');
    expect(terminal.switchTo('lan')).toBe('usuario@lan-pc:~$ ');
    const fromOutside = terminal.run('curl -s 192.168.1.10:8080 | head -n 4 | tail -n 1');
    expect(fromOutside).toMatchObject({
      kind: 'done',
      output: '<title>Welcome to nginx!</title>\n',
      prompt: 'usuario@lan-pc:~$ ',
    });
    expect(complete('dock', 4, terminal.completionNames()).candidates).toEqual([]);
    expect(terminal.switchTo('host')).toBe('$ ');
    expect(terminal.run('pwd')).toMatchObject({ kind: 'done', output: '/tmp\n' });
    expect(() => terminal.switchTo('mars' as 'lan')).toThrow('no terminal on mars');
  });

  it('runs a loop that never ends ahead, and Ctrl-C without a time ends it where the run ahead stopped', () => {
    const terminal = fresh();
    const running = terminal.run('while true; do echo tick; sleep 1; done');
    expect(running.kind).toBe('endless');
    const shown = running.kind === 'endless' ? running.output : '';
    expect(shown.startsWith('tick\ntick\n')).toBe(true);
    const stopped = terminal.interrupt();
    expect(stopped).toMatchObject({ kind: 'done', output: `${shown}^C\n`, exitCode: 130 });
  });
});
