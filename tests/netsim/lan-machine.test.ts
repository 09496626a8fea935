import { describe, expect, it } from 'vitest';
import { Host } from '../../src/netsim/index';

/**
 * "From outside": the LAN machine (192.168.1.20) reaches a port published on the
 * host's address; a container's address (172.17.x.x) is not on the LAN, so its
 * packets go to the default gateway, the home router, which has no route to it
 * and drops them: curl waits until its timeout (curl 8: `(28) Connection timed
 * out after N milliseconds`), ping hears nothing.
 */
function fromLan(...lines: string[]) {
  const host = Host.create({ seed: 11 });
  host.run('docker run -d --name web -p 8080:80 nginx');
  host.run('ssh lan-pc');
  return lines.map((line) => host.run(line));
}

describe('the LAN machine', () => {
  it('has its own address and a default route via the router', () => {
    const [addr, route] = fromLan('ip -4 -br addr show dev eth0', 'ip route');
    expect(addr!.output).toBe('eth0             UP             192.168.1.20/24 \n');
    expect(route!.output).toBe(
      'default via 192.168.1.1 dev eth0 \n192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.20 \n',
    );
  });

  it("reaches a published port on the host's address", () => {
    const [result] = fromLan('curl -sI http://192.168.1.10:8080/ | cat');
    expect(result!.output).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\//);
  });

  it('does not reach a container address: the router drops it', () => {
    const [curl, ping] = fromLan('curl --connect-timeout 5 http://172.17.0.2/', 'ping -c 2 -W 1 172.17.0.2');
    expect(curl!.output).toMatch(/^curl: \(28\) Connection timed out after 500\d milliseconds\n$/);
    expect(curl!.exitCode).toBe(28);
    expect(ping!.output).toMatch(/\n2 packets transmitted, 0 received, 100% packet loss, time \d+ms\n/);
  });

  it("takes a LAN round trip longer than the host's own loopback", () => {
    const [ping] = fromLan('ping -c 1 192.168.1.10');
    const rtt = Number(/time=([\d.]+) ms/.exec(ping!.output)![1]);
    expect(rtt).toBeGreaterThan(0.2);
    expect(rtt).toBeLessThan(1);
  });

  it('is a machine of its own: no docker, its own name and files', () => {
    const [docker, hostname, hosts] = fromLan('docker ps', 'hostname', 'grep lan-pc /etc/hosts');
    expect(docker!.output).toBe('bash: docker: command not found\n');
    expect(hostname!.output).toBe('lan-pc\n');
    expect(hosts!.output).toBe('127.0.1.1\tlan-pc\n');
  });

  it("keeps its own files, apart from the host's, and lists its own interfaces", () => {
    const host = Host.create({ seed: 11 });
    host.run('ssh lan-pc');
    host.run('echo hola > /tmp/nota');
    expect(host.run('cat /tmp/nota').output).toBe('hola\n');
    expect(host.run('\\ls /sys/class/net').output).toBe('eth0  lo\n');
    host.run('exit');
    expect(host.run('cat /tmp/nota').output).toBe('cat: /tmp/nota: No such file or directory\n');
  });

  it("leaves the host's ARP cache with its address once reached", () => {
    const host = Host.create({ seed: 11 });
    host.run('ping -c 1 lan-pc');
    expect(host.run('ip neigh show dev eth0').output).toContain('192.168.1.20 lladdr 3c:52:82:5e:7a:14 REACHABLE');
  });
});
