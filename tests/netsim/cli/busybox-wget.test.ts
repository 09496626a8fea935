import { describe, expect, it } from 'vitest';
import { readGolden } from '../golden';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(9);
const layout = () =>
  hostAfter(
    'docker network create red',
    'docker run -d --network red --name web nginx',
    'docker run -d --network red --name box --hostname caja alpine sleep 1d',
    'docker run -d --name solo busybox sleep 1d',
  );

describe('BusyBox wget -qO-', () => {
  it.each(['busybox-wget-refused.txt', 'busybox-wget-bad-address.txt'])('%s', (file) => {
    const golden = readGolden(`tools/${file}`);
    const result = layout().run(`docker exec box ${golden.command!.replace(/^busybox /, '')}`);
    expect({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }).toEqual({
      stdout: golden.stdout,
      stderr: golden.stderr,
      exitCode: golden.exitCode,
    });
  });

  it("fetches nginx's page by the container's name on a user network", () => {
    const result = layout().run('docker exec box wget -qO- http://web/');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('<title>Welcome to nginx!</title>');
  });

  it('cannot resolve it from the default bridge', () => {
    expect(layout().run('docker exec solo wget -qO- http://web/')).toMatchObject({
      stderr: "wget: bad address 'web'\n",
      exitCode: 1,
    });
  });
});

describe('BusyBox wget options (networking/wget.c getopt32 "cqSO:o:P:Y:U:T:+t:n::" and wget_longopts)', () => {
  it.each([
    'wget -T 2 -q -O - http://web/',
    'wget -q -T 2 -O- http://web/',
    'wget -qO- -T2 http://web/',
    'wget --timeout=2 -q -O - http://web/',
    'wget -q -Y off -U test -O - http://web/',
  ])('%s reads the page', (line) => {
    const result = layout().run(`docker exec box ${line}`);
    expect(result).toMatchObject({ stderr: '', exitCode: 0 });
    expect(result.stdout).toContain('<title>Welcome to nginx!</title>');
  });

  it('-T takes a number: xatoi_positive dies with `invalid number`', () => {
    expect(layout().run('docker exec box wget -T x -q http://web/')).toMatchObject({
      stdout: '',
      stderr: "wget: invalid number 'x'\n",
      exitCode: 1,
    });
  });

  it('-T bounds the connection: the alarm says `download timed out` before the kernel gives up', () => {
    const host = layout();
    expect(host.run('docker exec box wget -q -T 2 -O - http://10.9.9.9/')).toMatchObject({
      stderr: 'wget: download timed out\n',
      exitCode: 1,
    });
    expect(host.run('docker exec box wget -q -O - http://10.9.9.9/')).toMatchObject({
      stderr: "wget: can't connect to remote host (10.9.9.9): Connection timed out\n",
      exitCode: 1,
    });
  });

  it('--spider fetches nothing; -S shows the head after two spaces, and the empty line that ends it', () => {
    const host = layout();
    expect(host.run('docker exec box wget -q --spider http://web/')).toMatchObject({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
    const shown = host.run('docker exec box wget -q -S --spider http://web/');
    expect(shown.stdout).toBe('');
    expect(shown.stderr.split('\n').slice(0, 2)).toEqual([
      '  HTTP/1.1 200 OK',
      expect.stringMatching(/^ {2}Server: nginx\//),
    ]);
    expect(shown.stderr.endsWith('\n  \n')).toBe(true);
  });

  it('without -O the page is saved, not written to stdout', () => {
    expect(layout().run('docker exec box wget -q http://web/')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
  });

  it("an unknown option is musl getopt's complaint on Alpine, then the usage", () => {
    const result = layout().run('docker exec box wget -x http://web/');
    expect(result.exitCode).toBe(1);
    expect(result.stderr.startsWith('wget: unrecognized option: x\n\nUsage: wget [-cqS] [--spider] [-O FILE]')).toBe(
      true,
    );
    expect(
      layout()
        .run('docker exec solo wget -x http://web/')
        .stderr.startsWith("wget: invalid option -- 'x'\n\nUsage: wget"),
    ).toBe(true);
  });
});

describe('hostname', () => {
  it("prints the container's hostname inside it, and the host's outside", () => {
    const host = layout();
    expect(host.run('docker exec box hostname').stdout).toBe('caja\n');
    expect(host.run('hostname').stdout).toBe('docker-host\n');
  });
});
