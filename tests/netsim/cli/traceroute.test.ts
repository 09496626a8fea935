import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(11);

/** web (nginx, 172.17.0.2) and c1 (alpine) on the default bridge; d1 (debian) with netcat-openbsd and traceroute installed. */
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

describe('traceroute through the datapath', () => {
  const times = (text: string) => text.replace(/\d+\.\d{3} ms/g, 'T ms');

  it("Debian's: the container's gateway, then the LAN's router, the port unreachable ending it", () => {
    expect(times(layout().run('docker exec d1 traceroute -n 192.168.1.1').stdout)).toBe(
      'traceroute to 192.168.1.1 (192.168.1.1), 30 hops max, 60 byte packets\n 1  172.17.0.1  T ms  T ms  T ms\n 2  192.168.1.1  T ms  T ms  T ms\n',
    );
  });

  it("Debian's: -m stops at the maximum, with * * * for the routers that send nothing", () => {
    expect(times(layout().run('docker exec d1 traceroute -m 3 -q 2 8.8.8.8').stdout)).toBe(
      'traceroute to 8.8.8.8 (8.8.8.8), 3 hops max, 60 byte packets\n 1  172.17.0.1 (172.17.0.1)  T ms  T ms\n 2  192.168.1.1 (192.168.1.1)  T ms  T ms\n 3  * *\n',
    );
  });

  it("BusyBox's: its own header and spacing", () => {
    expect(times(layout().run('docker exec c1 traceroute -n -m 3 -q 1 8.8.8.8').stdout)).toBe(
      'traceroute to 8.8.8.8 (8.8.8.8), 3 hops max, 46 byte packets\n 1  172.17.0.1  T ms\n 2  192.168.1.1  T ms\n 3  *\n',
    );
  });

  it("Debian's: a name it cannot resolve", () => {
    expect(run('docker exec d1 traceroute nosuchhost')).toEqual({
      stdout: '',
      stderr:
        'nosuchhost: Name or service not known\nCannot handle "host" cmdline arg `nosuchhost\' on position 1 (argc 1)\n',
      exitCode: 2,
    });
  });

  it('is not on a default Debian host', () => {
    expect(hostAfter().run('traceroute 8.8.8.8')).toMatchObject({
      stderr: 'bash: traceroute: command not found\n',
      exitCode: 127,
    });
  });
});
