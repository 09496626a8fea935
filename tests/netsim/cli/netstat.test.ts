import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(11);
const HEADER =
  'Active Internet connections (only servers)\nProto Recv-Q Send-Q Local Address           Foreign Address         State      ';

// Layout: tests/netsim/format/netstat.test.ts (real captures). Here: which sockets and processes
// each place shows, and how the options combine.
describe('netstat on the host', () => {
  it('-tulpn as root: docker-proxy for each published address, by its host PID', () => {
    const host = hostAfter('docker run -d -p 8080:80 nginx');
    const lines = host.run('sudo netstat -tulpn').stdout.split('\n');
    expect(lines.slice(0, 2).join('\n')).toBe(`${HEADER} PID/Program name    `);
    expect(lines[2]).toMatch(
      /^tcp        0      0 0\.0\.0\.0:8080            0\.0\.0\.0:\*               LISTEN      \d+\/docker-proxy +$/,
    );
    expect(lines[3]).toMatch(
      /^tcp6       0      0 :::8080                 :::\*                    LISTEN      \d+\/docker-proxy +$/,
    );
    expect(lines).toHaveLength(5);
  });

  it('bundled flags in any order mean the same', () => {
    const host = hostAfter('docker run -d -p 8080:80 nginx');
    const expected = host.run('sudo netstat -tulpn').stdout;
    for (const flags of ['-nlptu', '-t -u -l -p -n', '-pnltu', '--tcp --udp --listening --programs --numeric'])
      expect(host.run(`sudo netstat ${flags}`).stdout).toBe(expected);
  });

  it('without root: no program names, and the warning first, on stderr', () => {
    const result = hostAfter('docker run -d -p 8080:80 nginx').run('netstat -tlnp');
    expect(result.stdout.split('\n')[2]).toBe(
      'tcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      -                   ',
    );
    expect(result.stderr).toBe(
      '(Not all processes could be identified, non-owned process info\n will not be shown, you would have to be root to see it all.)\n',
    );
    expect(result.exitCode).toBe(0);
  });

  it('-tln has no program column; -ant says servers and established; -an adds the UNIX section', () => {
    const host = hostAfter('docker run -d -p 8080:80 nginx');
    expect(host.run('netstat -tln').stdout).toBe(
      `${HEADER}\ntcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN     \ntcp6       0      0 :::8080                 :::*                    LISTEN     \n`,
    );
    expect(host.run('netstat -ant').stdout.split('\n')[0]).toBe(
      'Active Internet connections (servers and established)',
    );
    expect(host.run('netstat -an').stdout).toMatch(
      /\nActive UNIX domain sockets \(servers and established\)\nProto RefCnt Flags       Type       State         I-Node   Path\n$/,
    );
  });

  it('without -l there are no connections to list', () => {
    expect(hostAfter().run('netstat -tn').stdout).toBe(
      'Active Internet connections (w/o servers)\nProto Recv-Q Send-Q Local Address           Foreign Address         State      \n',
    );
  });

  it('without -n: service names and [::]', () => {
    const lines = hostAfter('docker run -d -p 8080:80 nginx').run('netstat -tl').stdout.split('\n');
    expect(lines[2]).toBe('tcp        0      0 0.0.0.0:http-alt        0.0.0.0:*               LISTEN     ');
    expect(lines[3]).toBe('tcp6       0      0 [::]:http-alt           [::]:*                  LISTEN     ');
  });

  it('a host-network httpd is one dual-stack socket, in tcp6', () => {
    const out = hostAfter('docker run -d --network host --name web httpd').run('sudo netstat -tulpn | grep :80').stdout;
    expect(out).toMatch(
      /^tcp6       0      0 :::80                   :::\*                    LISTEN      \d+\/httpd +\n$/,
    );
  });

  it('-rn, -nr and -r print the main table; -r says default', () => {
    const host = hostAfter('docker network create mynet');
    const rn = host.run('netstat -rn').stdout;
    expect(rn).toMatch(
      /^Kernel IP routing table\nDestination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n0\.0\.0\.0 +\d+\.\d+\.\d+\.\d+ +0\.0\.0\.0 +UG +0 0 +0 \w+\n/,
    );
    expect(rn).toContain('172.17.0.0      0.0.0.0         255.255.0.0     U         0 0          0 docker0\n');
    expect(rn).toContain('172.18.0.0      0.0.0.0         255.255.0.0     U         0 0          0 br-');
    expect(host.run('netstat -nr').stdout).toBe(rn);
    expect(host.run('netstat -r').stdout.split('\n')[2]).toMatch(/^default /);
  });

  it('an unknown option: getopt, then the usage, exit 3', () => {
    const result = hostAfter().run('netstat -z');
    expect(result.stderr).toMatch(
      /^netstat: invalid option -- 'z'\nusage: netstat \[-vWeenNcCF\] \[<Af>\] -r {9}netstat \{-V\|--version\|-h\|--help\}\n/,
    );
    expect(result.exitCode).toBe(3);
  });
});

describe('netstat in containers', () => {
  it("nginx's own sockets by their PID there (1, its rewritten argv0); dockerd's DNS listeners show -", () => {
    const host = hostAfter(
      'docker network create mynet',
      'docker run -d --name web --network mynet nginx',
      'docker exec web apt-get update',
      'docker exec web apt-get install -y net-tools',
    );
    const lines = host.run('docker exec web netstat -tulpn').stdout.split('\n');
    expect(lines).toContain(
      'tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      1/nginx: master pro ',
    );
    expect(lines).toContain(
      'tcp6       0      0 :::80                   :::*                    LISTEN      1/nginx: master pro ',
    );
    expect(
      lines.some((line) =>
        /^tcp        0      0 127\.0\.0\.11:\d+ +0\.0\.0\.0:\* +LISTEN      -                   $/.test(line),
      ),
    ).toBe(true);
    expect(
      lines.some((line) => /^udp        0      0 127\.0\.0\.11:\d+ +0\.0\.0\.0:\* +-                   $/.test(line)),
    ).toBe(true);
  });

  it('is not in the debian image until net-tools is installed', () => {
    const host = hostAfter('docker run -d --name box debian sleep infinity');
    expect(host.run('docker exec box netstat -tln')).toMatchObject({ exitCode: 127 });
    expect(host.run('docker exec box bash -c "netstat -tln"').stderr).toBe(
      'bash: line 1: netstat: command not found\n',
    );
  });

  it("BusyBox's applet: tcp for both families, -p with the image's build, dockerd's listeners as -", () => {
    const host = hostAfter('docker network create mynet', 'docker run -dit --name a1 --network mynet alpine');
    const lines = host.run('docker exec a1 netstat -tulnp').stdout.split('\n');
    expect(lines[1]).toBe(
      'Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    ',
    );
    expect(
      lines.some((line) => /^tcp        0      0 127\.0\.0\.11:\d+ +0\.0\.0\.0:\* +LISTEN      -$/.test(line)),
    ).toBe(true);
    expect(lines.some((line) => /^udp        0      0 127\.0\.0\.11:\d+ +0\.0\.0\.0:\* +-$/.test(line))).toBe(true);
    expect(host.run('docker exec a1 netstat -rn').stdout).toContain(
      '0.0.0.0         172.18.0.1      0.0.0.0         UG        0 0          0 eth0\n',
    );
    expect(host.run('docker exec a1 netstat -r').stdout).toContain(
      '172.18.0.0      *               255.255.0.0     U         0 0          0 eth0\n',
    );
  });
});
