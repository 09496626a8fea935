import { describe, expect, it, vi } from 'vitest';
import { loadToolModules } from '../../../src/netsim/cli/tool-loader.browser';
import { ToolModuleMissing, withToolModules } from '../../../src/netsim/cli/tool-modules';
import { Host } from '../../../src/netsim/index';

// A fresh worker in the reader's browser: the swarm's services arrive with the swarm tool module, not loaded yet.
vi.mock(
  '../../../src/netsim/engine/swarm-services-loader',
  () => import('../../../src/netsim/engine/swarm-services-loader.browser'),
);

const SERVICE_LINES = [
  'docker swarm init',
  'docker network create -d overlay --attachable ov',
  'docker service create -d --name web --network ov --replicas 2 nginx',
];

describe('service DNS on a host restored from a snapshot', () => {
  it('asks for the swarm module before answering, then answers the VIP and the tasks as the host that made them', async () => {
    const before = Host.create({ seed: 3 });
    // A name lookup on a host with no service needs no module.
    before.run('docker network create -d bridge plain');
    expect(before.run('docker run --rm --network plain alpine nslookup nothere').stdout).toContain("can't find");
    for (const line of SERVICE_LINES) before.run(line);
    const restored = Host.fromSnapshot(before.snapshot());
    const lookup =
      'docker run --rm --network ov alpine nslookup web; docker run --rm --network ov alpine nslookup tasks.web';
    let missing: unknown;
    try {
      restored.run(lookup);
    } catch (error) {
      missing = error;
    }
    expect(missing).toBeInstanceOf(ToolModuleMissing);
    expect((missing as ToolModuleMissing).module).toBe('swarm');
    const answered = await withToolModules([], loadToolModules, () => Host.fromSnapshot(before.snapshot()).run(lookup));
    expect(answered.stdout).toContain('Name:\tweb\nAddress: 10.0.1.2\n');
    expect(answered.stdout).toContain('Name:\ttasks.web\nAddress: 10.0.1.3\n');
    expect(answered.stdout).toContain('Address: 10.0.1.4\n');
  });
});
