import { describe, expect, it } from 'vitest';
import { dumpLinks } from '../../../src/netsim/kernel/dump';
import { formatIpAddr } from '../../../src/netsim/format/ip-link';
import { readGolden } from '../golden';
import { bootedKernel, containerOnDocker0, withDocker0 } from '../kernel/fixtures';

describe('ip addr printer', () => {
  it('prints a container on the default bridge byte for byte as seed 000 shows it', () => {
    const kernel = bootedKernel();
    withDocker0(kernel);
    kernel.root.lastIndex = 27;
    const container = containerOnDocker0(kernel, '172.17.0.3/16', '02:42:ac:11:00:03', 'vethb1c2d3e');
    expect(formatIpAddr(dumpLinks(kernel, container))).toBe(
      readGolden('seeds/ip-a.container-default-bridge.txt').stdout,
    );
  });

  it('prints docker0 with a port and its EUI-64 link-local address, the trailing space of a zero queue length included', () => {
    const kernel = bootedKernel();
    kernel.root.lastIndex = 4;
    withDocker0(kernel);
    containerOnDocker0(kernel, '172.17.0.3/16', '02:42:ac:11:00:03', 'veth1');
    const docker0 = dumpLinks(kernel, kernel.root).filter((link) => link.name === 'docker0');
    // iproute2 6.4+ adds the address protocol that the seed's older iproute2 did not print.
    expect(formatIpAddr(docker0).replace('scope link proto kernel_ll ', 'scope link ')).toBe(
      readGolden('seeds/ip-a.docker0-with-port.txt').stdout,
    );
  });
});
