import { describe, expect, it } from 'vitest';
import { KernelError } from '../../../src/netsim/kernel/errno';
import { bootedKernel, cidrOf, containerOnDocker0, withDocker0 } from './fixtures';

describe('kernel links', () => {
  it('gives a bridge without ports no carrier, and carrier once a port has it', () => {
    const kernel = bootedKernel();
    withDocker0(kernel);
    const docker0 = kernel.link(kernel.root, 'docker0');
    expect(kernel.operState(kernel.root, docker0)).toBe('DOWN');
    containerOnDocker0(kernel, '172.17.0.2/16', '02:42:ac:11:00:02', 'veth1');
    expect(kernel.operState(kernel.root, docker0)).toBe('UP');
  });

  it('reports LOWERLAYERDOWN for a veth whose peer is down', () => {
    const kernel = bootedKernel();
    const [a] = kernel.addVethPair(kernel.root, 'a', 'b');
    kernel.setUp(kernel.root, 'a', true);
    expect(kernel.operState(kernel.root, a)).toBe('LOWERLAYERDOWN');
    kernel.setUp(kernel.root, 'b', true);
    expect(kernel.operState(kernel.root, a)).toBe('UP');
  });

  it('allocates ifindexes cyclically: a deleted index is not reused', () => {
    const kernel = bootedKernel();
    kernel.addVethPair(kernel.root, 'a', 'b');
    kernel.deleteLink(kernel.root, 'a');
    expect(kernel.root.links.size).toBe(1);
    const [c, d] = kernel.addVethPair(kernel.root, 'c', 'd');
    expect([d.index, c.index]).toEqual([4, 5]);
  });

  it('keeps the ifindex of a link moved to a namespace where it is free, and points the peer at it', () => {
    const kernel = bootedKernel();
    kernel.root.lastIndex = 27;
    const container = kernel.createNamespace(undefined);
    const [host] = kernel.addVethPair(kernel.root, 'veth0', 'tmp');
    const moved = kernel.moveLink(kernel.root, 'tmp', container, 'eth0');
    // veth_newlink registers the peer first: the end that moves is 28, the host end 29.
    expect([moved.index, host.index]).toEqual([28, 29]);
    expect(kernel.peerOf(host)?.link.name).toBe('eth0');
    expect(kernel.peerOf(moved)?.namespace).toBe(kernel.root);
  });

  it('deletes both ends of a veth pair', () => {
    const kernel = bootedKernel();
    withDocker0(kernel);
    const container = containerOnDocker0(kernel, '172.17.0.2/16', '02:42:ac:11:00:02', 'veth1');
    kernel.deleteLink(kernel.root, 'veth1');
    expect([...container.links.values()].map((link) => link.name)).toEqual(['lo']);
  });

  it.each([
    [
      'a second link with the same name',
      (k: ReturnType<typeof bootedKernel>) => k.addLink(k.root, { name: 'lo', kind: 'dummy' }),
      'EEXIST',
    ],
    [
      'an address twice',
      (k: ReturnType<typeof bootedKernel>) => k.addAddress(k.root, 'lo', cidrOf('127.0.0.1/8')),
      'EEXIST',
    ],
    ['a device that does not exist', (k: ReturnType<typeof bootedKernel>) => k.setUp(k.root, 'eth9', true), 'ENODEV'],
    [
      'a route through a gateway off every subnet',
      (k: ReturnType<typeof bootedKernel>) =>
        k.addRoute(k.root, {
          destination: undefined,
          gateway: cidrOf('10.0.0.1/32').address,
          device: 1,
          protocol: 'boot',
          scope: 'global',
          source: undefined,
          metric: undefined,
        }),
      'ENETUNREACH',
    ],
  ])('refuses %s with an errno', (_, operation, errno) => {
    const kernel = bootedKernel();
    expect(() => operation(kernel)).toThrow(KernelError);
    try {
      operation(kernel);
    } catch (error) {
      expect((error as KernelError).errno).toBe(errno);
    }
  });
});
