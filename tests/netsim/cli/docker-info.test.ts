import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(17);

// moby docker-v29.7.2 api/types/swarm/swarm.go (LocalNodeState "inactive" on a
// host that never ran `swarm init`), api/types/system/info.go; docker/cli
// v29.7.2 cli/command/system/info.go (--format, alias `docker system info`).
describe('docker info --format', () => {
  it('reports an inactive swarm and the counts of this host', () => {
    const host = hostAfter('docker run -d --name web nginx', 'docker run --name one alpine true');
    expect(host.run(`docker info --format '{{.Swarm.LocalNodeState}}'`).stdout).toBe('inactive\n');
    expect(host.run(`docker system info -f '{{.ContainersRunning}}/{{.ContainersStopped}} {{.Driver}}'`).stdout).toBe(
      '1/1 overlayfs\n',
    );
  });
});

// docker/cli v29.7.2 cli/command/system/info.go prettyPrintInfo (Fprintln's
// spacing, the sections and their order); the values this Docker 29 host reports
// as moby docker-v29.7.2 daemon/info.go fills them, laid out as in a user's
// Docker 29.4.1 capture (github.com/caprover/caprover/issues/2377: " Version:    29.4.1",
// "    Version:  v0.33.0", "  Running: 9", " Cgroup Version: 2", " CDI spec directories:").
describe('docker info', () => {
  it("prints the client, its plugins, and the server's counts and storage", () => {
    const host = hostAfter('docker run -d --name web nginx', 'docker run --name one alpine true');
    const text = host.run('docker info').stdout;
    expect(
      text.startsWith(
        'Client: Docker Engine - Community\n Version:    29.7.2\n Context:    default\n Debug Mode: false\n Plugins:\n  buildx: Docker Buildx (Docker Inc.)\n    Version:  v0.36.0\n    Path:     /usr/libexec/docker/cli-plugins/docker-buildx\n',
      ),
    ).toBe(true);
    expect(text).toContain('\n\nServer:\n Containers: 2\n  Running: 1\n  Paused: 0\n  Stopped: 1\n');
    expect(text).toContain(
      ' Server Version: 29.7.2\n Storage Driver: overlayfs\n  driver-type: io.containerd.snapshotter.v1\n Logging Driver: json-file\n Cgroup Driver: systemd\n Cgroup Version: 2\n',
    );
    expect(text).toContain(
      ' Swarm: inactive\n Runtimes: io.containerd.runc.v2 runc\n Default Runtime: runc\n Init Binary: docker-init\n',
    );
    expect(text).toContain(
      ' Security Options:\n  apparmor\n  seccomp\n   Profile: builtin\n  cgroupns\n Kernel Version: 6.12.57+deb13-amd64\n Operating System: Debian GNU/Linux 13 (trixie)\n',
    );
    expect(
      text.endsWith(
        ' Live Restore Enabled: false\n Firewall Backend: iptables\n  EnableUserlandProxy: true\n  UserlandProxyPath: /usr/bin/docker-proxy\n\n',
      ),
    ).toBe(true);
    expect(host.run('docker system info').stdout).toBe(text);
  });

  it('counts what is running and what is stopped', () => {
    const host = hostAfter('docker run -d --name web nginx', 'docker stop web');
    expect(host.run('docker info').stdout).toContain(' Containers: 1\n  Running: 0\n  Paused: 0\n  Stopped: 1\n');
  });
});

describe('the Compose plugin docker info lists', () => {
  it('has the version the Compose module reports', async () => {
    const { COMPOSE_PLUGIN_VERSION } = await import('../../../src/netsim/cli/docker/info');
    const { COMPOSE_VERSION } = await import('../../../src/netsim/cli/compose/resources');
    expect(COMPOSE_PLUGIN_VERSION).toBe(COMPOSE_VERSION);
  });
});
