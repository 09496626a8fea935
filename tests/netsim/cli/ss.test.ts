import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(11);

// Layout of the printer: tests/netsim/format/ss.test.ts (real captures). Here: which sockets a
// Docker host has. docker-proxy listens on 0.0.0.0 and [::] (IPv6-only) with Go's backlog
// (SOMAXCONN, 4096); a --network host httpd binds one dual-stack socket (`*:80`, backlog 511).
describe('ss on the host', () => {
  it('shows docker-proxy for a published port, with its pid as root', () => {
    const host = hostAfter('docker run -d -p 8080:80 nginx');
    const lines = host.run('sudo ss -tlnp').stdout.split('\n');
    expect(lines[0]).toMatch(/^State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess {30,}$/);
    expect(lines[1]).toMatch(/^LISTEN 0      4096         0\.0\.0\.0:8080      0\.0\.0\.0:\*    users:\(\("docker-proxy",pid=\d+,fd=4\)\)$/);
    expect(lines[2]).toMatch(/^LISTEN 0      4096            \[::\]:8080         \[::\]:\*    users:\(\("docker-proxy",pid=\d+,fd=4\)\)$/);
  });

  it('hides the owner from a user who is not root, and drops the Process column without -p', () => {
    const host = hostAfter('docker run -d -p 8080:80 nginx');
    expect(host.run('ss -tlnp').stdout).toBe('State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\nLISTEN 0      4096         0.0.0.0:8080      0.0.0.0:*          \nLISTEN 0      4096            [::]:8080         [::]:*          \n');
    expect(host.run('ss -tln').stdout).toBe('State  Recv-Q Send-Q Local Address:Port Peer Address:Port\nLISTEN 0      4096         0.0.0.0:8080      0.0.0.0:*   \nLISTEN 0      4096            [::]:8080         [::]:*   \n');
  });

  it('shows a host-network server as its own process', () => {
    const host = hostAfter('docker run -d --network host --name web httpd');
    expect(host.run('sudo ss -tulpn').stdout).toMatch(/^Netid State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess +\ntcp   LISTEN 0      511                \*:80              \*:\*    users:\(\("httpd",pid=\d+,fd=6\)\)\n$/);
  });

  it('has nothing to list without -l', () => {
    expect(hostAfter('docker run -d -p 8080:80 nginx').run('ss -t').stdout).toBe('State Recv-Q Send-Q Local Address:Port Peer Address:Port\n');
  });
});
