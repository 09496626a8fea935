import { describe, expect, it } from 'vitest';
import { Host } from '../../src/netsim/index';
import { tracePath } from '../../src/trace/trace-path';
import { traceSteps } from '../../src/trace/trace-steps';

function pathOf(setup: readonly string[], command: string): string[] {
  const host = Host.create({ seed: 9 });
  for (const line of setup) host.run(line);
  const trace = host.run(command, { trace: true }).trace!;
  return tracePath(traceSteps(trace), host.topology(), trace.namespaces)
    .map((node) => node.replace(/veth[0-9a-f]{7}/, 'vethX'))
    .sort();
}

describe('tracePath', () => {
  it('goes from the NIC through the host to the container for a LAN client of a published port', () => {
    expect(
      pathOf(
        ['docker run -d --name web -p 8080:80 nginx', 'ssh lan-pc'],
        'curl -s -o /dev/null http://192.168.1.10:8080/',
      ),
    ).toEqual(['bridge:docker0', 'container:web', 'host', 'if:web:eth0', 'nic:eth0', 'veth:vethX']);
  });

  it('stays on the bridge between two containers of one network: the host routes nothing', () => {
    expect(
      pathOf(
        ['docker run -dit --name c1 alpine', 'docker run -dit --name c2 alpine'],
        'docker exec c1 ping -c 1 172.17.0.3',
      ),
    ).toEqual([
      'bridge:docker0',
      'container:c1',
      'container:c2',
      'if:c1:eth0',
      'if:c2:eth0',
      'veth:vethX',
      'veth:vethX',
    ]);
  });
});
