import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { aptGolden, machineFree, renderTerminal } from './host-apt-goldens';

/** The host after `lines`, each typed at its terminal, and what the last one did. */
function session(...lines: string[]) {
  const host = Host.create({ seed: 3 });
  const results = lines.map((line) => host.run(line));
  return { host, last: results.at(-1)! };
}

/** The fetch order of apt's parallel downloads is the network's: Get lines compared as a set. */
const getLinesSorted = (text: string) => {
  const lines = text.split('\n');
  const gets = lines
    .filter((line) => line.startsWith('Get:'))
    .map((line) => line.replace(/^Get:\d+ /, ''))
    .sort();
  return [...gets, ...lines.filter((line) => !line.startsWith('Get:'))].join('\n');
};

/** A line run on a terminal against its tty capture, as the terminal shows both; both streams go there. */
function expectTerminal(output: string, golden: string) {
  expect(machineFree(renderTerminal(output))).toBe(machineFree(renderTerminal(aptGolden(golden).stdout)));
}

/** A line piped into cat against its capture with stdout a pipe: stdout byte for byte, stderr as captured. */
function expectPiped(result: { stdout: string; stderr: string }, golden: string) {
  const captured = aptGolden(golden);
  expect(machineFree(result.stdout)).toBe(machineFree(captured.stdout));
  expect(result.stderr).toBe(captured.stderr);
}

describe('apt without root: the lock files (apt 3.0.4, captured as a user)', () => {
  it.each([
    ['apt install -y traceroute', 'user-apt-install'],
    ['apt-get install -y traceroute', 'user-apt-get-install'],
    ['apt remove -y traceroute', 'user-apt-remove'],
    ['apt update', 'user-apt-update'],
    ['apt-get update', 'user-apt-get-update'],
  ])('%s | cat prints what the capture %s holds, and fails with 100', (line, golden) => {
    expectPiped(session(`${line} | cat`).last, golden);
    expect(session(line).last.exitCode).toBe(aptGolden(golden).exitCode);
  });

  it.each([
    ['apt install -y traceroute', 'user-apt-install.tty'],
    ['apt-get install -y traceroute', 'user-apt-get-install.tty'],
  ])('%s on a terminal: no warning about the CLI, apt 3 erases its progress', (line, golden) => {
    expectTerminal(session(line).last.output, golden);
  });

  it('apt update on a terminal: the lists lock, and no "Reading package lists" left', () => {
    expectTerminal(session('apt update').last.output, 'user-apt-update.tty');
    expectTerminal(session('apt-get update').last.output, 'user-apt-get-update.tty');
  });
});

describe('sudo apt on the host (apt 3.0.4 in a Debian 13 chroot)', () => {
  it.each([
    ['sudo apt update', 'apt-update'],
    ['sudo apt-get update', 'apt-get-update'],
  ])('%s: the three InRelease files, then the cache', (line, golden) => {
    const { last } = session(`${line} | cat`);
    expect(getLinesSorted(machineFree(last.stdout))).toBe(getLinesSorted(machineFree(aptGolden(golden).stdout)));
    expect(last.stderr).toBe(aptGolden(golden).stderr);
    const shown = renderTerminal(session(line).last.output);
    expect(getLinesSorted(machineFree(shown))).toBe(
      getLinesSorted(machineFree(renderTerminal(aptGolden(`${golden}.tty`).stdout))),
    );
  });

  it.each([
    ['apt', 'apt-install-traceroute'],
    ['apt-get', 'apt-get-install-traceroute'],
  ])('%s install -y traceroute: the plan, the download, dpkg and update-alternatives', (apt, golden) => {
    expectPiped(session(`sudo ${apt} install -y traceroute | cat`).last, golden);
    const { last } = session(`sudo ${apt} install -y traceroute`);
    expect(last.exitCode).toBe(0);
    expectTerminal(last.output, `${golden}.tty`);
  });

  it('installs netcat-openbsd, whose nc is an alternative', () => {
    expectPiped(session('sudo apt install -y netcat-openbsd | cat').last, 'apt-install-netcat-openbsd');
  });

  it.each([
    ['apt', 'apt-install-traceroute-again'],
    ['apt-get', 'apt-get-install-traceroute-again'],
  ])('%s says a package installed already is the newest version', (apt, golden) => {
    const { last } = session(`sudo ${apt} install -y traceroute`, `sudo ${apt} install -y traceroute | cat`);
    expectPiped(last, golden);
  });

  it('says so on a terminal too', () => {
    const { last } = session('sudo apt install -y traceroute', 'sudo apt install -y traceroute');
    expectTerminal(last.output, 'apt-install-traceroute-again.tty');
  });

  it.each([
    ['apt', 'apt-remove-traceroute'],
    ['apt-get', 'apt-get-remove-traceroute'],
  ])('%s remove -y traceroute: the plan and dpkg', (apt, golden) => {
    expectPiped(session('sudo apt install -y traceroute', `sudo ${apt} remove -y traceroute | cat`).last, golden);
  });

  it('removes on a terminal, and the program is gone', () => {
    const { host, last } = session('sudo apt install -y traceroute', 'sudo apt remove -y traceroute');
    expectTerminal(last.output, 'apt-remove-traceroute.tty');
    expect(host.run('traceroute -n 8.8.8.8').stderr).toBe('bash: traceroute: command not found\n');
  });

  it('a package that is not installed is not removed', () => {
    const captured = aptGolden('apt-remove-not-installed');
    const { last } = session('sudo apt remove -y traceroute | cat');
    expect(last.stdout).toBe(captured.stdout.replace(/tcpdump/g, 'traceroute'));
    expect(last.stderr).toBe(captured.stderr);
  });

  it.each([
    ['apt', 'apt-install-unknown'],
    ['apt-get', 'apt-get-install-unknown'],
  ])('%s: an unknown package is not located, exit 100', (apt, golden) => {
    expectPiped(session(`sudo ${apt} install -y nosuchpackage | cat`).last, golden);
    expect(session(`sudo ${apt} install -y nosuchpackage`).last.exitCode).toBe(100);
  });

  it('an unknown package on a terminal', () => {
    expectTerminal(session('sudo apt install -y nosuchpackage').last.output, 'apt-install-unknown.tty');
  });
});

describe('what apt installed, as the shell and dpkg see it', () => {
  it('traceroute and nc are not on the host until apt installs them', () => {
    const { host } = session();
    expect(host.run('traceroute -n 8.8.8.8').stderr).toBe('bash: traceroute: command not found\n');
    expect(host.run('nc -zv localhost 8080').stderr).toBe('bash: nc: command not found\n');
    expect(host.run('which traceroute nc').exitCode).toBe(1);
  });

  it('which, command -v and dpkg -l find them once installed, and a snapshot keeps them', () => {
    const { host } = session('sudo apt install -y traceroute netcat-openbsd');
    expect(host.run('which traceroute nc').stdout).toBe('/usr/bin/traceroute\n/usr/bin/nc\n');
    expect(host.run('command -v traceroute').stdout).toBe('/usr/bin/traceroute\n');
    const captured = aptGolden('dpkg-l-traceroute');
    expect(host.run('dpkg -l traceroute').stdout).toBe(captured.stdout);
    const restored = Host.create({ seed: 9 });
    restored.restore(host.snapshot());
    expect(restored.run('dpkg -l traceroute').stdout).toBe(captured.stdout);
    expect(restored.run('traceroute -n 8.8.8.8').stdout).toMatch(
      /^traceroute to 8\.8\.8\.8 \(8\.8\.8\.8\), 30 hops max, 60 byte packets\n 1  192\.168\.1\.1  /,
    );
  });

  it('dpkg -l of a name it does not know, or of a package not installed, is an error (exit 1)', () => {
    const { host } = session();
    const unknown = aptGolden('dpkg-l-unknown');
    const absent = aptGolden('dpkg-l-not-installed');
    const result = host.run('dpkg -l nosuchpackage');
    expect([result.stdout, result.stderr, result.exitCode]).toEqual([unknown.stdout, unknown.stderr, unknown.exitCode]);
    expect(host.run('dpkg -l traceroute').stderr).toBe(absent.stderr.replace('tcpdump', 'traceroute'));
  });
});

describe('netcat-openbsd on the host', () => {
  const withNc = () => session('sudo apt install -y netcat-openbsd', 'docker run -d --name web -p 8080:80 nginx').host;

  it('checks ports as the container netcat does: the published port, the container, a closed port', () => {
    const host = withNc();
    expect(host.run('nc -zv localhost 8080').stderr).toBe(
      'Connection to localhost (127.0.0.1) 8080 port [tcp/http-alt] succeeded!\n',
    );
    expect(host.run('nc -zv 172.17.0.2 80').stderr).toBe('Connection to 172.17.0.2 80 port [tcp/http] succeeded!\n');
    const closed = host.run('nc -vz -w 2 172.17.0.2 81');
    expect([closed.stderr, closed.exitCode]).toEqual([
      'nc: connect to 172.17.0.2 port 81 (tcp) failed: Connection refused\n',
      1,
    ]);
    expect(host.run('nc -z localhost 8080 && echo open').stdout).toBe('open\n');
  });

  it("prints nginx's answer to an HTTP/1.0 request typed into it, closed after it", () => {
    const host = withNc();
    const { stdout } = host.run("printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc localhost 8080");
    const viaCurl = host.run('curl -si http://localhost:8080/ | cat').stdout;
    expect(stdout.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    // The same response as curl's HTTP/1.1 request gets, but for nginx's Connection header (keepalive off for 1.0).
    const withoutDate = (text: string) => text.replace(/^Date: .*\r\n/m, '');
    expect(withoutDate(stdout)).toBe(withoutDate(viaCurl).replace('Connection: keep-alive', 'Connection: close'));
  });
});
