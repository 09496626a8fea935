import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(11);

// Layout of the printer: tests/netsim/format/ss.test.ts (real captures). Here: which sockets a
// Docker host has. docker-proxy listens on 0.0.0.0 and [::] (IPv6-only) with Go's backlog
// (SOMAXCONN, 4096); a --network host httpd binds one dual-stack socket (`*:80`, backlog 511).
describe('ss on the host', () => {
  it('shows docker-proxy for a published port, with its pid as root', () => {
    const host = hostAfter('docker run -d -p 8080:80 nginx');
    const lines = host.run('sudo ss -tlnp | cat').stdout.split('\n');
    expect(lines[0]).toMatch(/^State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess {30,}$/);
    expect(lines[1]).toMatch(
      /^LISTEN 0      4096         0\.0\.0\.0:8080      0\.0\.0\.0:\*    users:\(\("docker-proxy",pid=\d+,fd=4\)\)$/,
    );
    expect(lines[2]).toMatch(
      /^LISTEN 0      4096            \[::\]:8080         \[::\]:\*    users:\(\("docker-proxy",pid=\d+,fd=4\)\)$/,
    );
  });

  it('hides the owner from a user who is not root, and drops the Process column without -p', () => {
    const host = hostAfter('docker run -d -p 8080:80 nginx');
    expect(host.run('ss -tlnp | cat').stdout).toBe(
      'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\nLISTEN 0      4096         0.0.0.0:8080      0.0.0.0:*          \nLISTEN 0      4096            [::]:8080         [::]:*          \n',
    );
    expect(host.run('ss -tln | cat').stdout).toBe(
      'State  Recv-Q Send-Q Local Address:Port Peer Address:Port\nLISTEN 0      4096         0.0.0.0:8080      0.0.0.0:*   \nLISTEN 0      4096            [::]:8080         [::]:*   \n',
    );
  });

  it('shows a host-network server as its own process', () => {
    const host = hostAfter('docker run -d --network host --name web httpd');
    expect(host.run('sudo ss -tulpn | cat').stdout).toMatch(
      /^Netid State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess +\ntcp   LISTEN 0      511                \*:80              \*:\*    users:\(\("httpd",pid=\d+,fd=6\)(,\("httpd",pid=\d+,fd=6\)){3}\)\n$/,
    );
  });

  it('has nothing to list without -l', () => {
    expect(hostAfter('docker run -d -p 8080:80 nginx').run('ss -t | cat').stdout).toBe(
      'State Recv-Q Send-Q Local Address:Port Peer Address:Port\n',
    );
  });
});

// render_calc_width (iproute2 v6.15 misc/ss.c): at a terminal the columns share its width;
// into a pipe, with no COLUMNS in the environment, they are packed ("compact output").
describe('ss and the terminal', () => {
  const host = () => hostAfter('docker run -d -p 8080:80 nginx');

  it('spreads its columns over an 80-column terminal', () => {
    // Measured widths 6 7 7 15 4 14 4 (57); 23 columns left: 3 each, and the 2 left over to the
    // last two, so 9 10 10 18 7 18 8. Each field: its delimiter, then padded to its column's width.
    const line = (...fields: string[]) => `${fields.join('')}\n`;
    expect(host().run('ss -tln').stdout).toBe(
      line('State    ', ' Recv-Q   ', ' Send-Q   ', '    Local Address:', 'Port   ', '     Peer Address:', 'Port    ') +
        line(
          'LISTEN   ',
          ' 0        ',
          ' 4096     ',
          '          0.0.0.0:',
          '8080   ',
          '          0.0.0.0:',
          '*       ',
        ) +
        line(
          'LISTEN   ',
          ' 0        ',
          ' 4096     ',
          '             [::]:',
          '8080   ',
          '             [::]:',
          '*       ',
        ),
    );
  });

  it('fits another width, and starts a column that does not fit on a line of its own', () => {
    // 57 measured in 60 columns: 3 left, one each for the last three (Port 5, Peer Address 15, Port 5).
    expect(host().run('ss -tln', { columns: 60 }).stdout.split('\n')[0]).toBe(
      'State  Recv-Q Send-Q Local Address:Port   Peer Address:Port ',
    );
    // With -p as root the Process column (34 wide) does not fit after the 57: it takes a line's width of its own.
    const line = host().run('sudo ss -tlnp').stdout.split('\n')[1]!;
    expect(line).toHaveLength(160);
    expect(line.slice(80)).toMatch(/^ users:\(\("docker-proxy",pid=\d+,fd=4\)\) +$/);
  });

  it('packs them into a pipe, and spreads them over COLUMNS from the environment there', () => {
    expect(host().run('ss -tln | head -n 1').stdout).toBe(
      'State  Recv-Q Send-Q Local Address:Port Peer Address:Port\n',
    );
    expect(host().run('COLUMNS=60 ss -tln | head -n 1').stdout).toBe(
      'State  Recv-Q Send-Q Local Address:Port   Peer Address:Port \n',
    );
  });
});

// ss.c main: -4, -6 and -f each add a family (filter_af_set); a dual-stack `::` socket is
// AF_INET6. user_ent_hash_build reads every /proc/PID/fd, so -p names each process holding the
// socket: a master and the workers it forked, highest PID first (entries go at the chain's head).
describe('ss families and socket holders', () => {
  const host = () =>
    hostAfter('docker run -d --network host --name edge nginx', 'docker run -d -p 8080:80 --name web nginx');
  const locals = (line: string) =>
    [
      ...host()
        .run(`${line} | cat`)
        .stdout.matchAll(/ (\S+:\d+) /g),
    ].map((match) => match[1]);

  it.each([
    ['ss -tln -4', ['0.0.0.0:80', '0.0.0.0:8080']],
    ['ss -tln6', ['[::]:80', '[::]:8080']],
    ['ss -tln -f inet6', ['[::]:80', '[::]:8080']],
    ['ss -tln --family=inet -6', ['0.0.0.0:80', '[::]:80', '0.0.0.0:8080', '[::]:8080']],
    ['ss -tln -f unix', []],
  ])('%s', (line, expected) => {
    expect(locals(line)).toEqual(expected);
  });

  it('refuses a family it does not know, with its usage', () => {
    const result = host().run('ss -f ipx');
    expect(result.exitCode).toBe(255);
    expect(result.stderr.startsWith('ss: "ipx" is invalid family\nUsage: ss [ OPTIONS ]\n')).toBe(true);
  });

  it("lists nginx's master and its two workers (one per CPU) for the socket they share", () => {
    const line = host().run("sudo ss -tlnp 'sport = :80' | cat").stdout.split('\n')[1]!;
    const holders = [...line.matchAll(/\("nginx",pid=(\d+),fd=6\)/g)].map((match) => Number(match[1]));
    expect(line).toMatch(/ users:\(\("nginx",pid=\d+,fd=6\),\("nginx",pid=\d+,fd=6\),\("nginx",pid=\d+,fd=6\)\)$/);
    expect(holders).toEqual([...holders].sort((a, b) => b - a));
    const master = Number(host().run("docker inspect -f '{{.State.Pid}}' edge").stdout);
    expect(holders.at(-1)).toBe(master);
  });
});

// Filters (iproute2 v6.15 misc/ssfilter.y, misc/ss.c): the layout is the printer's, checked
// against captures in tests/netsim/format/ss.test.ts; here, which sockets a filter keeps.
describe('ss filters', () => {
  const host = () =>
    hostAfter('docker run -d --network host --name edge nginx', 'docker run -d -p 8080:80 --name web nginx');
  const ports = (line: string) =>
    [
      ...host()
        .run(line)
        .stdout.matchAll(/(\S+):(\S+) +\S+:\*/g),
    ].map((match) => `${match[1]}:${match[2]}`);

  it('keeps port 80 and not 8080 for sport = :80, which grep :80 cannot tell apart', () => {
    expect(ports("sudo ss -ltnp 'sport = :80'")).toEqual(['0.0.0.0:80', '[::]:80']);
    expect(host().run("sudo ss -ltnp 'sport = :80' | cat").stdout).toMatch(
      /^State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess +\nLISTEN 0      511          0\.0\.0\.0:80        0\.0\.0\.0:\*    users:\(\("nginx",pid=\d+,fd=6\),\("nginx",pid=\d+,fd=6\),\("nginx",pid=\d+,fd=6\)\)\n/,
    );
  });

  it.each([
    ['ss -ltn sport = :80', ['0.0.0.0:80', '[::]:80']],
    ["ss -ltn 'sport eq :http'", ['0.0.0.0:80', '[::]:80']],
    ["ss -ltn 'sport != :80'", ['0.0.0.0:8080', '[::]:8080']],
    ["ss -ltn 'sport > :80'", ['0.0.0.0:8080', '[::]:8080']],
    ["ss -ltn 'sport <= :80'", ['0.0.0.0:80', '[::]:80']],
    ["ss -ltn '( sport = :80 or sport = :8080 )'", ['0.0.0.0:80', '[::]:80', '0.0.0.0:8080', '[::]:8080']],
    ["ss -ltn 'src 0.0.0.0'", ['0.0.0.0:80', '0.0.0.0:8080']],
    ["ss -ltn 'src [::]:8080'", ['[::]:8080']],
    // The kernel compares families (inet_diag_bc_run): a /0 IPv4 prefix leaves IPv6 sockets out.
    ["ss -ltn 'src 0.0.0.0/0 and not sport = :80'", ['0.0.0.0:8080']],
    ["ss -ltn 'dst 10.0.0.0/8'", []],
    ['ss -ltn not dst 10.0.0.0/8 and sport :80', ['0.0.0.0:80', '[::]:80']],
  ])('%s', (line, expected) => {
    expect(ports(line)).toEqual(expected);
  });

  it('drops the State column for a single state, and has no connections to show', () => {
    expect(host().run('ss -tn state listening | cat').stdout.split('\n')[0]).toBe(
      'Recv-Q Send-Q Local Address:Port Peer Address:Port',
    );
    expect(ports('ss -tn state listening')).toHaveLength(4);
    expect(host().run('ss -tln state established | cat').stdout).toBe(
      'Recv-Q Send-Q Local Address:Port Peer Address:Port\n',
    );
    expect(ports('ss -tn exclude listening')).toEqual([]);
  });

  it('answers mistakes as ss does', () => {
    const usage =
      /^Usage: ss \[ OPTIONS \]\n {7}ss \[ OPTIONS \] \[ FILTER \]\n[^]*\n {16}big := \{established\|syn-sent\|fin-wait-\{1,2\}\|closed\|close-wait\|last-ack\|listening\|closing\}\n$/;
    const syntax = host().run("ss -ltn 'sport = :80 )'");
    expect(syntax.exitCode).toBe(255);
    expect(syntax.stdout).toBe('');
    expect(
      syntax.stderr.startsWith('ss: bison bellows (while parsing filter): "syntax error!" Sorry.\nUsage: ss'),
    ).toBe(true);
    expect(syntax.stderr.slice(syntax.stderr.indexOf('\n') + 1)).toMatch(usage);
    expect(host().run("ss -ltn 'sport = :foo'")).toMatchObject({
      stdout: '',
      stderr: 'Error: "foo" does not look like a port.\nCannot parse dst/src address.\n',
      exitCode: 1,
    });
    expect(host().run('ss -ltn state bogus')).toMatchObject({ stderr: 'ss: wrong state name: bogus\n', exitCode: 255 });
    const option = host().run('ss -y');
    expect(option.exitCode).toBe(255);
    expect(option.stderr.startsWith("ss: invalid option -- 'y'\nUsage: ss [ OPTIONS ]\n")).toBe(true);
    expect(host().run('ss -h')).toMatchObject({ stderr: '', exitCode: 0, stdout: expect.stringMatching(usage) });
  });
});
