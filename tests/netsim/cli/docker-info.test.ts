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
    expect(host.run(`docker system info -f '{{.ContainersRunning}}/{{.ContainersStopped}} {{.Driver}}'`).stdout).toBe('1/1 overlayfs\n');
  });
});
