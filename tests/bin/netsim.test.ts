import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = resolve(import.meta.dirname, '../../bin/netsim.mjs');
const netsim = (args: string[], input = '') => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8' });

describe('netsim command', () => {
  it('replays a file from stdin as a terminal transcript, joining continued lines', () => {
    const result = netsim(['run', '-'], 'docker network create \\\n  red1\nip -4 -br addr show docker0\nnope\n');
    expect(result.stdout).toMatch(
      /^\$ docker network create \\\n {2}red1\n[0-9a-f]{64}\n\$ ip -4 -br addr show docker0\ndocker0 {10}DOWN {11}172\.17\.0\.1\/16 \n\$ nope\nbash: nope: command not found\n$/,
    );
    expect(result.status).toBe(127);
  });

  it('reads a here-document as one command, in a file and at the prompt (after PS2, "> ")', () => {
    const replayed = netsim(['run', '-'], "cat > /tmp/f <<'EOF'\nuno\n\ndos\nEOF\ncat /tmp/f\n");
    expect(replayed.stdout).toBe("$ cat > /tmp/f <<'EOF'\nuno\n\ndos\nEOF\n$ cat /tmp/f\nuno\n\ndos\n");
    const typed = netsim([], "cat > /tmp/f <<'EOF'\nuno\nEOF\ncat /tmp/f\nexit\n");
    expect(typed.stdout).toBe('$ > > $ uno\n$ ');
  });

  it('prints one JSON object per command, and the same bytes for the same seed', () => {
    const once = netsim(['--json', '--seed', '9', 'run', '-'], 'docker network create red1\n');
    const again = netsim(['--json', '--seed', '9', 'run', '-'], 'docker network create red1\n');
    const record = JSON.parse(once.stdout);
    expect(Object.keys(record)).toEqual(['prompt', 'command', 'stdout', 'stderr', 'exitCode']);
    expect(record).toMatchObject({ prompt: '$ ', command: 'docker network create red1', stderr: '', exitCode: 0 });
    expect(once.stdout).toBe(again.stdout);
  });

  it('explains bad arguments and unreadable files', () => {
    const tryHelp = "Try 'netsim --help' for more information.\n";
    expect(netsim(['--seed', 'x'])).toMatchObject({
      status: 2,
      stdout: '',
      stderr: `netsim: --seed needs a whole number, got x\n${tryHelp}`,
    });
    expect(netsim(['--seed'])).toMatchObject({
      status: 2,
      stderr: `netsim: --seed needs a whole number, got nothing\n${tryHelp}`,
    });
    expect(netsim(['--sede', '3'])).toMatchObject({ status: 2, stderr: `netsim: unknown option --sede\n${tryHelp}` });
    expect(netsim(['commands.txt'])).toMatchObject({
      status: 2,
      stderr: `netsim: unknown command commands.txt (did you mean run commands.txt?)\n${tryHelp}`,
    });
    expect(netsim(['run'])).toMatchObject({
      status: 2,
      stderr: `netsim: run needs a file, or - for standard input\n${tryHelp}`,
    });
    expect(netsim(['run', 'a', 'b'])).toMatchObject({
      status: 2,
      stderr: `netsim: run takes one file, got a b\n${tryHelp}`,
    });
    const missing = netsim(['run', '/nonexistent/commands.txt']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^netsim: cannot read \/nonexistent\/commands\.txt: ENOENT/);
  });

  it('takes its options before or after run FILE', () => {
    const input = 'docker network create red1\n';
    const before = netsim(['--json', '--seed', '9', 'run', '-'], input);
    expect(netsim(['run', '--json', '-', '--seed', '9'], input).stdout).toBe(before.stdout);
    expect(netsim(['run', '-', '--seed=9', '--json'], input).stdout).toBe(before.stdout);
    expect(netsim(['run', '-', '--seed=-3'], 'hostname\n').status).toBe(0);
  });

  it('prints its help and version', () => {
    const help = netsim(['run', '-', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: netsim \[options\] .*\n {7}netsim run FILE\|- \[options\]/);
    expect(help.stdout).toContain('Options (anywhere on the line):');
    expect(netsim(['-h']).stdout).toBe(help.stdout);
    const version = netsim(['--version']);
    expect(version.stdout).toMatch(/^netsim \d+\.\d+\.\d+: Debian 13 with Docker Engine 29\.\d+\.\d+\n$/);
    expect(netsim(['-V']).stdout).toBe(version.stdout);
  });

  it('answers at an interactive prompt until exit', () => {
    const result = netsim([], 'ip r\nexit\n');
    expect(result.stdout).toContain('$ default via 192.168.1.1 dev eth0 \n');
    expect(result.status).toBe(0);
  });

  it("leaves the LAN machine on exit and ends only at the host's own prompt, running nothing piped after that", () => {
    const result = netsim([], 'ssh lan-pc\nhostname\nexit\nhostname\nexit\nhostname\n');
    expect(result.stdout).toContain('usuario@lan-pc:~$ lan-pc\n');
    expect(result.stdout).toContain('Connection to lan-pc closed.\n$ docker-host\n$ ');
    expect(result.stdout.match(/docker-host/g)).toHaveLength(1);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
