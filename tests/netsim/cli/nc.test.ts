import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(11);

/** web (nginx, 172.17.0.2) and c1 (alpine) on the default bridge; d1 (debian) with netcat-openbsd installed. */
const layout = () => {
  const host = hostAfter(
    'docker run -d --name web nginx',
    'docker run -d --name c1 alpine sleep 1d',
    'docker run -d --name d1 debian sleep 1d',
    'docker exec d1 apt update',
    'docker exec d1 apt install -y netcat-openbsd traceroute',
  );
  return host;
};

const run = (line: string) => {
  const { stdout, stderr, exitCode } = layout().run(line);
  return { stdout, stderr, exitCode };
};

describe('OpenBSD netcat (Debian netcat-openbsd)', () => {
  // netcat.c connection_info and remote_connect's warn().
  it.each([
    ['docker exec d1 nc -zv 172.17.0.2 80', '', 'Connection to 172.17.0.2 80 port [tcp/http] succeeded!\n', 0],
    [
      'docker exec d1 nc -zv 172.17.0.2 81',
      '',
      'nc: connect to 172.17.0.2 port 81 (tcp) failed: Connection refused\n',
      1,
    ],
    ['docker exec d1 nc -z 172.17.0.2 81', '', '', 1],
    [
      'docker exec d1 nc -zv -w 1 192.168.1.99 80',
      '',
      'nc: connect to 192.168.1.99 port 80 (tcp) timed out: Operation now in progress\n',
      1,
    ],
  ])('%s', (line, stdout, stderr, exitCode) => {
    expect(run(line)).toEqual({ stdout, stderr, exitCode });
  });

  it('is not in the debian image until installed, nor on the host', () => {
    expect(
      hostAfter('docker run -d --name d2 debian sleep 1d').run('docker exec d2 nc -zv 172.17.0.1 80').exitCode,
    ).toBe(127);
    expect(hostAfter().run('nc -zv 127.0.0.1 22')).toMatchObject({
      stderr: 'bash: nc: command not found\n',
      exitCode: 127,
    });
  });
});

describe("BusyBox's nc (nc_bloaty.c)", () => {
  it.each([
    ['docker exec c1 nc -zv 172.17.0.2 80', '', '172.17.0.2 (172.17.0.2:80) open\n', 0],
    // One -v keeps a refusal quiet; -vv tells it.
    ['docker exec c1 nc -zv 172.17.0.2 81', '', '', 1],
    ['docker exec c1 nc -zvv 172.17.0.2 81', '', 'nc: 172.17.0.2 (172.17.0.2:81): Connection refused\n', 1],
    ['docker exec c1 nc -zv -w 1 192.168.1.99 80', '', 'nc: 192.168.1.99 (192.168.1.99:80): Connection timed out\n', 1],
    ['docker exec c1 nc -zv nosuchhost 80', '', "nc: bad address 'nosuchhost'\n", 1],
  ])('%s', (line, stdout, stderr, exitCode) => {
    expect(run(line)).toEqual({ stdout, stderr, exitCode });
  });
});
