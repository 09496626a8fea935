import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { stepsOf } from '../golden';
import { ipDetailsLab } from '../ip-details-lab';

/**
 * `bridge fdb`, `bridge vlan` and brctl against golden/linux/session.ip-details.txt
 * (iproute2 v6.15.0, bridge-utils 1.7.1). The capture kernel lacks
 * CONFIG_BRIDGE_VLAN_FILTERING, which Debian's kernel has; there each local
 * entry (`... master BR permanent`) gets a twin for VLAN 1 just before it
 * (fdb_add_local for each VLAN of the bridge or port, newest first), and each
 * bridge and port has VLAN 1 as PVID, untagged (br_vlan_bridge_event, nbp_vlan_init).
 */
const transcript = readFileSync(resolve(import.meta.dirname, '../golden/linux/session.ip-details.txt'), 'utf8');
const captured = (command: string, nth = 0) => stepsOf(transcript).filter((step) => step.command === command)[nth]!;
const withVlanTwins = (text: string) =>
  text.replace(/^(\S+ (?:dev \S+ )?)(master \S+ permanent)$/gm, '$1vlan 1 $2\n$1$2');

describe('bridge fdb show', () => {
  const host = ipDetailsLab();
  it.each([
    ['sudo ip netns exec lab bridge fdb show', 'bridge fdb show'],
    ['sudo ip netns exec lab bridge fdb show br docker0', 'bridge fdb show br docker0'],
    ['sudo ip netns exec lab bridge fdb show dev veth1a2b3c4', 'bridge fdb show dev veth1a2b3c4'],
  ])('%s prints what `%s` printed', (line, command) => {
    expect(host.run(line)).toMatchObject({ stdout: withVlanTwins(captured(command).output), stderr: '', exitCode: 0 });
  });

  it('names a bridge or device that does not exist as fdb_show does, exit -1', () => {
    expect(host.run('sudo ip netns exec lab bridge fdb show br nosuch')).toMatchObject({
      stderr: 'Cannot find bridge device "nosuch"\n',
      exitCode: 255,
    });
    expect(host.run('sudo ip netns exec lab bridge fdb show dev nosuch')).toMatchObject({
      stderr: 'Cannot find device "nosuch"\n',
      exitCode: 255,
    });
  });

  it('keeps only what was learned with `dynamic`, and forgets it when the port goes down (br_stp_disable_port)', () => {
    const lab = ipDetailsLab();
    expect(lab.run('sudo ip netns exec lab bridge fdb show dynamic').stdout).toBe(
      '02:42:ac:11:00:02 dev veth1a2b3c4 master docker0 \n',
    );
    lab.run('sudo ip -n lab link set veth1a2b3c4 down');
    expect(lab.run('sudo ip netns exec lab bridge fdb show dynamic').stdout).toBe('');
  });

  it("learns a container's MAC on its veth once it sends through docker0, and forgets it 300 s later", () => {
    const docker = Host.create();
    docker.run('docker run -dit --name c1 alpine');
    const mac = docker.run("docker inspect -f '{{.NetworkSettings.Networks.bridge.MacAddress}}' c1").stdout.trim();
    expect(docker.run('sudo bridge fdb show dynamic').stdout).toBe('');
    docker.run('docker exec c1 ping -c1 172.17.0.1');
    expect(docker.run('sudo bridge fdb show dynamic').stdout).toMatch(
      new RegExp(`^${mac} dev veth[0-9a-f]{7} master docker0 \\n$`),
    );
    docker.run('sleep 300');
    expect(docker.run('sudo bridge fdb show dynamic').stdout).toBe('');
  });
});

describe('bridge vlan show', () => {
  it("lists VLAN 1, PVID and untagged, for each bridge and port, as Debian's kernel has it", () => {
    const host = ipDetailsLab();
    const header = captured('bridge vlan show').output;
    expect(header).toBe('port              vlan-id  \n');
    const line = (name: string) => `${name.padEnd(16)}  1 PVID Egress Untagged\n`;
    expect(host.run('sudo ip netns exec lab bridge vlan show').stdout).toBe(
      header + line('docker0') + line('veth1a2b3c4') + line('br-net1') + line('veth5d6e7f8'),
    );
    expect(host.run('sudo ip netns exec lab bridge vlan show dev veth1a2b3c4').stdout).toBe(
      header + line('veth1a2b3c4'),
    );
  });
});

describe('brctl', () => {
  const host = ipDetailsLab();
  for (const line of [
    'ip link add br-lab type bridge',
    'ip link add vethz type veth peer name pz',
    'ip link set vethz address 2a:c5:e1:6c:23:a5',
    'ip link add vetha type veth peer name pa',
    'ip link set vetha address a2:92:62:47:87:fa',
    'ip link set vethz master br-lab',
    'ip link set vetha master br-lab',
    'ip link add br-empty type bridge',
  ]) {
    host.run(`sudo ip -n lab ${line.slice(3)}`);
  }
  const brctl = (args: string) => host.run(`sudo ip netns exec lab brctl ${args}`);

  it.each([
    ['show', 1],
    ['show br-lab br-empty', 0],
    ['-V', 0],
    ['', 0],
    ['foo', 0],
    ['showmacs', 0],
    ['showmacs nosuch', 0],
    ['show nosuch', 0],
  ] as const)('brctl %s prints what bridge-utils printed', (args, nth) => {
    const step = captured(`brctl${args ? ` ${args}` : ''}`, nth);
    const result = brctl(args);
    expect(result.output).toBe(step.output);
    expect(result.exitCode).toBe(step.exitCode);
  });

  it("lists a bridge's MACs by MAC, each local one twice on Debian's kernel (br_fdb_fillbuf ignores VLANs)", () => {
    const step = captured('brctl showmacs docker0');
    const expected = step.output.replace(/^(.*\tyes\t.*\n)/m, '$1$1').replace(/\tno\t\t +\d+\.\d\d/, '\tno\t\t   T');
    expect(brctl('showmacs docker0').stdout.replace(/\tno\t\t +\d+\.\d\d/, '\tno\t\t   T')).toBe(expected);
  });

  it("is in /usr/sbin, off a user's PATH, as bridge-utils installs it", () => {
    expect(Host.create().run('brctl show')).toMatchObject({
      stderr: 'bash: brctl: command not found\n',
      exitCode: 127,
    });
    expect(Host.create().run('/usr/sbin/brctl show').stdout).toMatch(
      /^bridge name\tbridge id\t\tSTP enabled\tinterfaces\ndocker0\t\t8000\.[0-9a-f]{12}\tno\t\t\n$/,
    );
  });
});
