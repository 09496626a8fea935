import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(11);
const names = (text: string) => [...text.matchAll(/^(\S+?):? /gm)].map((match) => match[1]);

// Layout: tests/netsim/format/ifconfig.test.ts (real captures). Here: which interfaces each place shows.
describe('ifconfig', () => {
  it('on the host: the links that are up, by name; docker0 with no container is up but not RUNNING', () => {
    const text = hostAfter().run('/usr/sbin/ifconfig').stdout;
    expect(names(text)).toEqual(['docker0', 'eth0', 'lo']);
    expect(text).toMatch(
      /^docker0: flags=4099<UP,BROADCAST,MULTICAST>  mtu 1500\n        inet 172\.17\.0\.1  netmask 255\.255\.0\.0  broadcast 172\.17\.255\.255\n        ether /,
    );
    expect(text).toContain(
      'lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536\n        inet 127.0.0.1  netmask 255.0.0.0\n        inet6 ::1  prefixlen 128  scopeid 0x10<host>\n        loop  txqueuelen 1000  (Local Loopback)\n',
    );
  });

  it('a name shows that link alone; -a shows the same links when none is down', () => {
    const host = hostAfter();
    expect(host.run('/usr/sbin/ifconfig docker0').stdout).toMatch(
      /^docker0: flags=4099<UP,BROADCAST,MULTICAST>  mtu 1500\n(?:.+\n)+\n$/,
    );
    expect(host.run('/usr/sbin/ifconfig -a').stdout).toBe(host.run('/usr/sbin/ifconfig').stdout);
  });

  it('an unknown interface', () => {
    expect(hostAfter().run('/usr/sbin/ifconfig eth9')).toMatchObject({
      stdout: '',
      stderr: 'eth9: error fetching interface information: Device not found\n',
      exitCode: 1,
    });
  });

  it("in a container: BusyBox's format in busybox and alpine, not installed in debian", () => {
    const host = hostAfter('docker run -dit --name b1 busybox', 'docker run -d --name d1 debian sleep infinity');
    const text = host.run('docker exec b1 ifconfig').stdout;
    expect(names(text)).toEqual(['eth0', 'lo']);
    expect(text).toMatch(
      /^eth0 {6}Link encap:Ethernet  HWaddr ([0-9A-F]{2}:){5}[0-9A-F]{2}  \n {10}inet addr:172\.17\.0\.2  Bcast:172\.17\.255\.255  Mask:255\.255\.0\.0\n {10}UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1\n/,
    );
    expect(host.run('docker exec b1 ifconfig eth9').stderr).toBe(
      'ifconfig: eth9: error fetching interface information: Device not found\n',
    );
    expect(host.run('docker exec d1 bash -c ifconfig').stderr).toBe('bash: line 1: ifconfig: command not found\n');
  });
});
