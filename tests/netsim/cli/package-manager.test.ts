import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { showWithColumns, sizeToStr } from '../../../src/netsim/format/apt';
import { apkHumanSize } from '../../../src/netsim/format/apk';

/** A host after `lines`, and what the last one printed. */
function session(...lines: string[]) {
  const host = Host.create({ seed: 3 });
  const results = lines.map((line) => host.run(line));
  return { host, results, last: results.at(-1)! };
}

describe("apt's number formats (strutl.cc SizeToStr, ShowWithColumns)", () => {
  it.each([
    [0, '0 '],
    [5412, '5412 '],
    [48_396, '48.4 k'],
    [140_000, '140 k'],
    [9_944_000, '9944 k'],
    [52_100_000_000, '52.1 G'],
  ])('%d bytes is "%s"', (bytes, text) => expect(sizeToStr(bytes)).toBe(text));

  it('lays names out in as many columns as fit, filled down', () => {
    expect(showWithColumns(['a', 'bb', 'ccc'], 2)).toBe('  a  bb  ccc\n');
    expect(showWithColumns(['x'.repeat(40), 'y'.repeat(40), 'z'], 2)).toBe(
      `  ${'x'.repeat(40)}  z\n  ${'y'.repeat(40)}\n`,
    );
  });
});

describe("apk's sizes (print.c apk_fmt_human_size)", () => {
  it.each([
    [9999, '9999 B'],
    [8_450_000, '8251 KiB'],
    [12_000_000, '11.4 MiB'],
  ])('%d bytes is "%s"', (bytes, text) => expect(apkHumanSize(bytes)).toBe(text));
});

describe('apt in Debian and Ubuntu containers', () => {
  it('finds nothing before apt update: Docker images ship empty package lists (apt 3: Error:, exit 100)', () => {
    const { last } = session('docker run -it debian bash', 'apt install -y iputils-ping');
    expect(last.stderr).toBe('Error: Unable to locate package iputils-ping\n');
    expect(last.stdout).toBe(
      'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n',
    );
    expect(last.exitCode).toBe(100);
  });

  it('apt-get keeps the classic E: prefix', () => {
    const { last } = session('docker run -it debian bash', 'apt-get update', 'apt-get install -y nosuchpackage');
    expect(last.stderr).toBe('E: Unable to locate package nosuchpackage\n');
    expect(last.exitCode).toBe(100);
  });

  it('apt update fetches the indexes and counts upgradable packages', () => {
    const { last } = session('docker run -it debian bash', 'apt update');
    expect(last.stdout).toMatch(/^Get:1 http:\/\/deb\.debian\.org\/debian trixie InRelease \[140 kB\]\n/);
    expect(last.stdout).toMatch(
      /\nFetched \d+ kB in \d+s \(\d+ kB\/s\)\nReading package lists\.\.\. Done\nBuilding dependency tree\.\.\. Done\nReading state information\.\.\. Done\nAll packages are up to date\.\n$/,
    );
  });

  it('apt-get update stops after reading the lists', () => {
    const { last } = session('docker run -it debian bash', 'apt-get update');
    expect(last.stdout).toMatch(/\nReading package lists\.\.\. Done\n$/);
  });

  it('installs with apt 3 layout, and the tool appears in that container only', () => {
    const { host, last } = session(
      'docker run -dit --name other debian',
      'docker run -it --name c debian bash',
      'apt update; apt install iputils-ping -y',
    );
    expect(last.stdout).toContain(
      'Installing:\n  iputils-ping\n\nSummary:\n  Upgrading: 0, Installing: 1, Removing: 0, Not Upgrading: 0\n  Download size: 48.4 kB\n',
    );
    expect(last.stdout).toContain('Setting up iputils-ping (3:20240905-3) ...\n');
    expect(host.run('ping -c 1 127.0.0.1').exitCode).toBe(0);
    host.run('exit');
    expect(host.run('docker exec other ping -c 1 127.0.0.1').exitCode).toBe(127);
  });

  it('the classic layout from apt-get', () => {
    const { last } = session('docker run -it debian bash', 'apt-get update', 'apt-get install -y curl');
    expect(last.stdout).toContain(
      'The following NEW packages will be installed:\n  curl\n0 upgraded, 1 newly installed, 0 to remove and 0 not upgraded.\nNeed to get ',
    );
    expect(last.stdout).toContain('of archives.\nAfter this operation, ');
  });

  it('a second install says the package is already the newest version', () => {
    const { last } = session(
      'docker run -it debian bash',
      'apt update',
      'apt install -y iproute2',
      'apt install -y iproute2',
    );
    expect(last.stdout).toBe(
      'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\niproute2 is already the newest version (6.15.0-1).\nSummary:\n  Upgrading: 0, Installing: 0, Removing: 0, Not Upgrading: 0\n',
    );
  });

  it('dnsutils is provided by bind9-dnsutils', () => {
    const { last } = session('docker run -it debian bash', 'apt update', 'apt install dnsutils -y');
    expect(last.stdout).toContain(
      "Note, selecting 'bind9-dnsutils' instead of 'dnsutils'\nInstalling:\n  bind9-dnsutils\n",
    );
  });

  it('what was installed survives a snapshot and a restart of the container', () => {
    const { host } = session('docker run -it --name c debian bash', 'apt update', 'apt install -y iproute2', 'exit');
    const copy = Host.create({ seed: 9 });
    copy.restore(host.snapshot());
    copy.run('docker start c');
    copy.run('docker attach c');
    expect(copy.run('ip -4 addr show eth0').stdout).toContain('172.17.0.2/16');
  });

  it('a new container of the same image starts without it', () => {
    const { last } = session(
      'docker run -it --rm debian bash',
      'apt update',
      'apt install -y iproute2',
      'exit',
      'docker run -it debian bash',
      'ip a',
    );
    expect(last.stderr).toBe('bash: ip: command not found\n');
  });
});

describe('apk in Alpine containers', () => {
  it('adds a package and its tool replaces the BusyBox applet', () => {
    const { host, last } = session('docker run -it alpine', 'apk add bind-tools');
    expect(last.stdout).toMatch(/^\(1\/1\) Installing bind-tools \(9\.20\.\d+-r0\)\nOK: \d+ KiB in 17 packages\n$/);
    expect(host.run('dig -v').exitCode).not.toBe(127);
  });

  it('refuses an unknown name as its solver does', () => {
    const { last } = session('docker run -it alpine', 'apk add nosuchpackage');
    expect(last.stderr).toBe(
      'ERROR: unable to select packages:\n  nosuchpackage (no such package):\n    required by: world[nosuchpackage]\n',
    );
    expect(last.exitCode).toBe(1);
  });
});

describe('files and services in containers', () => {
  it('cat reads the resolv.conf the daemon wrote, and the host its own', () => {
    const { host, last } = session(
      'docker network create red1',
      'docker run -it --network red1 debian bash',
      'cat /etc/resolv.conf',
    );
    expect(last.stdout).toContain('nameserver 127.0.0.11\noptions ndots:0\n');
    host.run('exit');
    expect(host.run('cat /etc/hosts').stdout).toMatch(/^127\.0\.0\.1\tlocalhost\n127\.0\.1\.1\t/);
  });

  it("linuxtips/apache's init script starts Apache on :80 with the source article's words", () => {
    const { host, last } = session(
      'docker run -ti -p 8080:80 --name web linuxtips/apache:1.0 /bin/bash',
      '/etc/init.d/apache2 start',
    );
    expect(last.stdout).toBe(
      "[....] Starting web server: apache2AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message\n. ok \n",
    );
    host.run('^P^Q');
    expect(host.run('docker exec web ss -tln').stdout).toContain('*:80');
  });
});
