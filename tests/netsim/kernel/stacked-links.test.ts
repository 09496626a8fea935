import { describe, expect, it } from 'vitest';
import { KernelError } from '../../../src/netsim/kernel/errno';
import type { Kernel } from '../../../src/netsim/kernel/kernel';
import { dumpLinks } from '../../../src/netsim/kernel/dump';
import type { StackMode } from '../../../src/netsim/kernel/link';
import { formatIpAddr, formatIpLink } from '../../../src/netsim/format/ip-link';
import { readGolden, sessionSteps } from '../golden';
import { bootedKernel, cidrOf, macOf } from './fixtures';

const MACVLAN_BRIDGE: StackMode = { kind: 'macvlan', mode: 'bridge' };

/** The host of session.macvlan.sh: eth0 is ifindex 2, and the veth end that went to the router's namespace took 3. */
function hostWithNic(): Kernel {
  const kernel = bootedKernel();
  kernel.addLink(kernel.root, { name: 'eth0', kind: 'ether', mac: macOf('52:54:00:6b:2e:11') });
  kernel.addAddress(kernel.root, 'eth0', cidrOf('192.168.1.10/24'));
  kernel.setUp(kernel.root, 'eth0', true);
  kernel.root.lastIndex = 3;
  return kernel;
}

/** What the script (and Docker's macvlan driver with osl) does for one container. */
function macvlanContainer(kernel: Kernel, temporaryName: string, mac: string, address: string) {
  const sandbox = kernel.createNamespace(undefined);
  kernel.setUp(sandbox, 'lo', true);
  // lo came up with 127.0.0.1/8.
  kernel.addStackedLink(kernel.root, { name: temporaryName, txqlen: 0 }, 'eth0', MACVLAN_BRIDGE);
  kernel.moveLink(kernel.root, temporaryName, sandbox, 'eth0');
  kernel.setMac(sandbox, 'eth0', macOf(mac));
  kernel.setIpv6Disabled(sandbox, 'eth0', true);
  kernel.addAddress(sandbox, 'eth0', cidrOf(address));
  kernel.setUp(sandbox, 'eth0', true);
  return sandbox;
}

describe('macvlan and ipvlan links', () => {
  // Captured with iproute2 6.1, which prints no `proto kernel_lo` (golden/linux/README.md, known differences).
  const steps = sessionSteps(readGolden('linux/session.macvlan.txt').stdout);
  const captured = (where: string, command: string) =>
    steps.find((step) => step.where === where && step.command === command)!.output;
  const iproute61 = (text: string) => text.replace(/ proto kernel_lo $/gm, ' ');

  it("prints a container's macvlan as the capture shows it: eth0@if2, link-netnsid 0, the parent's MTU, no qlen", () => {
    const kernel = hostWithNic();
    const m1 = macvlanContainer(kernel, 'veth5d1e0a3', '4a:1c:7e:93:0b:52', '192.168.1.2/24');
    const m2 = macvlanContainer(kernel, 'vethb27c9f4', 'd6:83:2f:5a:e1:07', '192.168.1.3/24');
    expect(iproute61(formatIpAddr(dumpLinks(kernel, m1)))).toBe(captured('m1', 'ip addr'));
    expect(formatIpLink(dumpLinks(kernel, m1))).toBe(captured('m1', 'ip link'));
    expect(formatIpAddr(dumpLinks(kernel, m2).filter((link) => link.name === 'eth0'))).toBe(
      captured('m2', 'ip addr show eth0'),
    );
  });

  it('follows its lower device: LOWERLAYERDOWN when the NIC goes down, gone when the NIC is deleted', () => {
    const kernel = hostWithNic();
    const m1 = macvlanContainer(kernel, 'veth5d1e0a3', '4a:1c:7e:93:0b:52', '192.168.1.2/24');
    const eth0 = kernel.link(m1, 'eth0');
    kernel.setUp(kernel.root, 'eth0', false);
    expect(kernel.operState(m1, eth0)).toBe('LOWERLAYERDOWN');
    kernel.deleteLink(kernel.root, 'eth0');
    expect([...m1.links.values()].map((link) => link.name)).toEqual(['lo']);
  });

  it("gives an ipvlan its parent's MAC, and NOARP in L3 mode", () => {
    const kernel = hostWithNic();
    const l2 = kernel.addStackedLink(kernel.root, { name: 'ipv0', txqlen: 0 }, 'eth0', {
      kind: 'ipvlan',
      mode: 'l2',
      flag: 'bridge',
    });
    const l3 = kernel.addStackedLink(kernel.root, { name: 'ipv1', txqlen: 0 }, 'eth0', {
      kind: 'ipvlan',
      mode: 'l3',
      flag: 'bridge',
    });
    expect([l2.mac, l3.mac]).toEqual(['52:54:00:6b:2e:11', '52:54:00:6b:2e:11']);
    const flags = Object.fromEntries(dumpLinks(kernel, kernel.root).map((link) => [link.name, link.flags.join(',')]));
    expect(flags).toMatchObject({ ipv0: 'BROADCAST,MULTICAST', ipv1: 'BROADCAST,MULTICAST,NOARP' });
  });

  it('refuses a macvlan on a device that has ipvlans (EBUSY), and one on lo (EINVAL)', () => {
    const kernel = hostWithNic();
    kernel.addStackedLink(kernel.root, { name: 'ipv0' }, 'eth0', { kind: 'ipvlan', mode: 'l2', flag: 'bridge' });
    const errno = (run: () => void) => {
      try {
        run();
      } catch (error) {
        return (error as KernelError).errno;
      }
      return undefined;
    };
    expect(errno(() => kernel.addStackedLink(kernel.root, { name: 'mv0' }, 'eth0', MACVLAN_BRIDGE))).toBe('EBUSY');
    expect(errno(() => kernel.addStackedLink(kernel.root, { name: 'mv0' }, 'lo', MACVLAN_BRIDGE))).toBe('EINVAL');
  });
});
