import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { readGolden } from '../golden';

/** Veth names are random on a real host; the rest of each line is compared as captured. */
const normalise = (text: string): string => text.replace(/veth[0-9a-f]{7}/g, 'VETH');

describe('bridge link matches real iproute2 on a Docker host', () => {
  it('prints nothing while docker0 has no ports', () => {
    const golden = readGolden('linux/host.bridge-link.docker0-empty.txt');
    // Captured as root; a user types the path, as /usr/sbin is not on their PATH.
    expect(Host.create().run(`/usr/sbin/${golden.command!}`).stdout).toBe(golden.stdout);
  });

  it('prints each veth with the host link its peer index names (eth0), forwarding', () => {
    const host = Host.create();
    host.run('docker run -dit --name c1 alpine');
    host.run('docker run -dit --name c2 alpine');
    const golden = readGolden('linux/host.bridge-link.two-containers.txt');
    expect(normalise(host.run('/usr/sbin/bridge link').stdout)).toBe(normalise(golden.stdout));
  });

  it('is found by its full path, as lessons type it', () => {
    const host = Host.create();
    host.run('docker run -dit --name c1 alpine');
    expect(host.run('/usr/sbin/bridge link show').stdout).toMatch(
      /^\d+: veth[0-9a-f]{7}@eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master docker0 state forwarding priority 32 cost 2 \n$/,
    );
  });

  it('refuses an unknown object as iproute2 does', () => {
    expect(Host.create().run('/usr/sbin/bridge foo')).toMatchObject({
      stdout: '',
      stderr: 'Object "foo" is unknown, try "bridge help".\n',
      exitCode: 255,
    });
  });

  it('refuses the options bridge.c knows but the simulation does not act on, apart from unknown ones', () => {
    expect(Host.create().run('/usr/sbin/bridge -d link')).toMatchObject({
      stderr: 'bridge: option "-d" is not available in this simulator yet.\n',
      exitCode: 255,
    });
    expect(Host.create().run('/usr/sbin/bridge -x link')).toMatchObject({
      stderr: 'Option "-x" is unknown, try "bridge help".\n',
      exitCode: 255,
    });
  });
});
