import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { readGolden } from '../golden';

/**
 * `hostname -i`: Debian's hostname 3.25 (hostname.c show_name, case IP)
 * resolves the host name with getaddrinfo(AF_UNSPEC, SOCK_DGRAM) and prints
 * each address, a space between them, then errx(1, gai_strerror(ret)) when the
 * lookup fails; BusyBox (networking/hostname.c, OPT_i) prints gethostbyname's
 * IPv4 addresses the same way. Both resolve through /etc/hosts, where Docker
 * lists the container's addresses with its hostname (moby docker-v29.7.2
 * daemon/libnetwork/sandbox_dns_unix.go), and Debian's installer lists the
 * host's name as 127.0.1.1.
 */
describe('hostname -i', () => {
  it("prints the host's 127.0.1.1 line", () => {
    expect(Host.create({ seed: 4 }).run('hostname -i')).toMatchObject({ stdout: '127.0.1.1\n', exitCode: 0 });
  });

  it("prints a Debian container's address, and each of its networks' once connected", () => {
    const host = Host.create({ seed: 4 });
    host.run('docker run -d --name deb debian sleep 1d');
    expect(host.run('docker exec deb hostname -i').stdout).toBe('172.17.0.2\n');
    expect(host.run('docker exec deb hostname --ip-address').stdout).toBe('172.17.0.2\n');
    host.run('docker network create --subnet 10.30.0.0/24 app-net');
    host.run('docker network connect app-net deb');
    expect(host.run('docker exec deb hostname -i').stdout).toBe('172.17.0.2 10.30.0.2\n');
  });

  it("prints a BusyBox container's address", () => {
    const host = Host.create({ seed: 4 });
    host.run('docker run -d --name box alpine sleep 1d');
    expect(host.run('docker exec box hostname -i').stdout).toBe('172.17.0.2\n');
  });

  it('with no network, nothing answers: EAI_AGAIN', () => {
    expect(Host.create({ seed: 4 }).run('docker run --rm --network none debian hostname -i')).toMatchObject({
      stderr: 'hostname: Temporary failure in name resolution\n',
      exitCode: 1,
    });
  });
});

// golden/tools/capture-route-get.sh lays a namespace out as the host: eth0 192.168.1.10, docker0 172.17.0.1.
describe('hostname -I', () => {
  it("lists the host's addresses as the capture does", () => {
    const golden = readGolden('tools/hostname-I.txt');
    expect(Host.create({ seed: 1 }).run('hostname -I').stdout).toBe(golden.stdout);
  });

  it("lists a container's own address, and nothing but the newline with --network none", () => {
    const host = Host.create({ seed: 1 });
    host.run('docker run -d --name web nginx');
    expect(host.run('docker exec web hostname --all-ip-addresses').stdout).toBe('172.17.0.2 \n');
    expect(host.run('docker run --rm --network none debian hostname -I').stdout).toBe('\n');
  });
});
