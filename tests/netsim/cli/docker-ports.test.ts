import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';
import { displayablePorts } from '../../../src/netsim/format/docker-ports';
import { parsePortSpec } from '../../../src/netsim/wire/port-spec';

const hostAfter = hostWithSeed(21);

// Expected behaviour: docker/cli v29.7.2 (formatter.DisplayablePorts, go-connections
// nat.ParsePortSpec) and moby docker-v29.7.2 (portallocator, libnetwork endpoint.go).
describe('publishing ports', () => {
  it('binds 0.0.0.0 and [::] and shows both in docker ps and docker port', () => {
    const host = hostAfter('docker run -d --name web -p 8080:80 nginx');
    expect(host.run('docker ps').stdout).toContain('   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web\n');
    expect(host.run('docker port web').stdout).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n');
  });

  it('refuses a port a host process already holds, as bind(2) answers, and leaves the container created', () => {
    // moby osallocator_linux.go bindTCPOrUDP: "failed to bind host port %s/%s: %w" with a netip.AddrPort and syscall.EADDRINUSE,
    // wrapped by libnetwork endpoint.go ("driver failed programming external connectivity on endpoint %s (%s): %v").
    const host = hostAfter('docker run -d --name edge --network host nginx');
    const result = host.run('docker run -d --name web -p 80:80 nginx');
    expect(result.exitCode).toBe(125);
    // Detached, the client prints the ID before the start fails (docker/cli run.go waitDisplayID), as a user's
    // capture shows (github.com/ljm625/unblock-china-apps/issues/3: the ID, then "docker: Error response from daemon: driver failed programming ...").
    expect(result.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(result.stderr).toMatch(
      /^docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint web \([0-9a-f]{64}\): failed to bind host port 0\.0\.0\.0:80\/tcp: address already in use\n\nRun 'docker run --help' for more information\n$/,
    );
    expect(host.run("docker ps -a --filter name=web --format '{{.Status}}'").stdout).toBe('Created\n');
    expect(host.run('docker run -d --name web6 -p [::]:80:80 nginx').stderr).toContain(
      'failed to bind host port [::]:80/tcp: address already in use',
    );
    expect(host.run('docker run -d --name other -p 8080:80 nginx').exitCode).toBe(0);
  });

  it("shows an image's exposed but unpublished port as 80/tcp", () => {
    expect(hostAfter('docker run -d --name web nginx').run('docker ps').stdout).toContain('   80/tcp    web\n');
  });

  it('lists no ports for a container on the host or none network (no bridge endpoint to report them)', () => {
    const host = hostAfter(
      'docker run -d --name h --network host nginx',
      'docker run -d --name n --network none nginx',
    );
    const rows = host
      .run('docker ps')
      .stdout.split('\n')
      .filter((line) => / (h|n)$/.test(line));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).not.toContain('/tcp');
  });

  it('gives -P and a bare container port ephemeral host ports from 32768', () => {
    const host = hostAfter('docker run -d -P --name a nginx', 'docker run -d -p 80 --name b nginx');
    expect(host.run('docker port a').stdout).toBe('80/tcp -> 0.0.0.0:32768\n80/tcp -> [::]:32768\n');
    expect(host.run('docker port b').stdout).toBe('80/tcp -> 0.0.0.0:32769\n80/tcp -> [::]:32769\n');
  });

  it('binds only the address given, and forwards it with -d HOST/32', () => {
    const host = hostAfter('docker run -d -p 127.0.0.1:9000:80 --name web nginx');
    expect(host.run('docker port web').stdout).toBe('80/tcp -> 127.0.0.1:9000\n');
    expect(host.run('sudo iptables -t nat -S DOCKER').stdout).toBe(
      '-N DOCKER\n-A DOCKER -d 127.0.0.1/32 ! -i docker0 -p tcp -m tcp --dport 9000 -j DNAT --to-destination 172.17.0.2:80\n',
    );
  });

  it('refuses a port already allocated, leaving the new container created', () => {
    const host = hostAfter('docker run -d --name web -p 8080:80 nginx');
    const result = host.run('docker run -d --name web2 -p 8080:80 nginx');
    const endpoint = /on endpoint web2 \(([0-9a-f]{64})\)/.exec(result.stderr)?.[1];
    expect(endpoint).toBeDefined();
    expect(result).toMatchObject({
      stderr: `docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint web2 (${endpoint}): Bind for 0.0.0.0:8080 failed: port is already allocated\n\nRun 'docker run --help' for more information\n`,
      exitCode: 125,
    });
    expect(host.run('docker ps -a').stdout).toMatch(/ Created {50}web2\n/);
    expect(host.run('sudo iptables -t raw -S').stdout.match(/DROP/g)).toHaveLength(1);
  });

  it.each([
    ['80:abc', 'docker: invalid containerPort: abc'],
    ['8080:80/ftp', 'docker: invalid proto: ftp'],
    ['300.1.1.1:80:80', 'docker: invalid IP address: 300.1.1.1'],
  ])('rejects -p %s', (spec, message) => {
    expect(hostAfter().run(`docker run -d -p ${spec} nginx`)).toMatchObject({
      stderr: `${message}\n\nRun 'docker run --help' for more information\n`,
      exitCode: 125,
    });
  });
});

describe('parsePortSpec and displayablePorts', () => {
  it('expands matching ranges', () => {
    expect(parsePortSpec('8080-8081:80-81/udp')).toEqual([
      { hostIp: '', hostPort: 8080, containerPort: 80, protocol: 'udp' },
      { hostIp: '', hostPort: 8081, containerPort: 81, protocol: 'udp' },
    ]);
  });

  it('groups consecutive exposed ports into a range, as docker ps shows 3300-3310/tcp', () => {
    const ports = Array.from({ length: 11 }, (_, i) => ({
      ip: undefined,
      privatePort: 3300 + i,
      publicPort: undefined,
      type: 'tcp',
    }));
    expect(displayablePorts(ports)).toBe('3300-3310/tcp');
  });
});
