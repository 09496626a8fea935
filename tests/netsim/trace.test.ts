import { describe, expect, it } from 'vitest';
import { Host } from '../../src/netsim/index';
import { namespacesOf } from '../../src/netsim/trace';

describe('a command trace names its namespaces', () => {
  it('by their owners: the host, containers, the LAN machine', () => {
    const host = Host.create({ seed: 11 });
    host.run('docker run -d --name web -p 8080:80 nginx');
    host.run('ssh lan-pc');
    const { trace } = host.run('curl -s -o /dev/null http://192.168.1.10:8080/', { trace: true });
    expect(trace!.namespaces.map(({ kind, name }) => `${kind} ${name}`)).toEqual([
      'host docker-host',
      'container web',
      'lan lan-pc',
    ]);
  });

  it('as they were when the packet crossed them: a --rm container is gone by the end of the command', () => {
    const host = Host.create({ seed: 11 });
    const { trace } = host.run('docker run --rm --name once alpine ping -c 1 172.17.0.1', { trace: true });
    expect(host.run('docker ps -a -q').stdout).toBe('');
    expect(trace!.namespaces.map(({ kind, name }) => `${kind} ${name}`)).toContain('container once');
  });

  it('in every hop that names one', () => {
    const host = Host.create({ seed: 11 });
    host.run('docker run -d --name web nginx');
    const { trace } = host.run('curl -s -o /dev/null http://172.17.0.2/', { trace: true });
    const named = new Set(trace!.namespaces.map((namespace) => namespace.id));
    for (const hop of trace!.hops)
      for (const id of namespacesOf(hop)) expect(named.has(id), JSON.stringify(hop)).toBe(true);
  });
});
