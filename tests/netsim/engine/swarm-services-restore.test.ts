import { describe, expect, it, vi } from 'vitest';
import { loadToolModules } from '../../../src/netsim/cli/tool-loader.browser';
import { ToolModuleMissing, withToolModules } from '../../../src/netsim/cli/tool-modules';
import { Host } from '../../../src/netsim/index';

// A fresh worker in the reader's browser: the swarm's services and the kernel's IPVS arrive with the
// swarm tool module, not loaded yet.
vi.mock(
  '../../../src/netsim/engine/swarm-services-loader',
  () => import('../../../src/netsim/engine/swarm-services-loader.browser'),
);
vi.mock('../../../src/netsim/kernel/ipvs-loader', () => import('../../../src/netsim/kernel/ipvs-loader.browser'));

const SERVICE_LINES = [
  'docker swarm init',
  'docker network create -d overlay --attachable ov',
  'docker service create -d --name web --network ov --replicas 2 -p 8080:80 nginx',
];

/** What a line throws on a host, if anything. */
function thrownBy(host: Host, line: string): unknown {
  try {
    host.run(line);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('services on a host restored from a snapshot', () => {
  it('ask for the swarm module before answering their names or balancing their ports, then work as on the host that made them', async () => {
    const before = Host.create({ seed: 3 });
    // A name lookup on a host with no service needs no module.
    before.run('docker network create -d bridge plain');
    expect(before.run('docker run --rm --network plain alpine nslookup nothere').stdout).toContain("can't find");
    for (const line of SERVICE_LINES) before.run(line);
    const snapshot = before.snapshot();
    const lookup =
      'docker run --rm --network ov alpine nslookup web; docker run --rm --network ov alpine nslookup tasks.web';
    const request = 'curl -s -o /dev/null -w "%{http_code}\\n" localhost:8080';
    for (const line of [lookup, request]) {
      const missing = thrownBy(Host.fromSnapshot(snapshot), line);
      expect(missing, line).toBeInstanceOf(ToolModuleMissing);
      expect((missing as ToolModuleMissing).module).toBe('swarm');
    }
    const restored = Host.fromSnapshot(snapshot);
    const answered = await withToolModules([], loadToolModules, () => restored.run(lookup));
    expect(answered.stdout).toContain('Name:\tweb\nAddress: 10.0.1.2\n');
    expect(answered.stdout).toContain('Name:\ttasks.web\nAddress: 10.0.1.3\n');
    expect(answered.stdout).toContain('Address: 10.0.1.4\n');
    expect(restored.run(`${request}; ${request}`).stdout).toBe('200\n200\n');
    // One request each: IPVS's round robin went on from the snapshot.
    expect(restored.run('docker service logs web 2>&1 | grep GET | cut -d. -f2 | sort').stdout).toBe('1\n2\n');
  });
});
