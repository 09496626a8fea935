import { describe, expect, it } from 'vitest';
import type { Host } from '../../../src/netsim/index';
import { readGolden, sessionSteps } from '../golden';
import { hostWithSeed } from '../host-fixtures';
import { withoutTimes } from '../traffic-fixtures';

const hostAfter = hostWithSeed(5);

/** `sudo nsenter -t PID -n COMMAND` in a container, as the captures ran their commands. */
function inside(host: Host, container: string, command: string) {
  const pid = host.run(`docker inspect -f '{{.State.Pid}}' ${container}`).stdout.trim();
  return host.run(`sudo nsenter -t ${pid} -n ${command}`);
}

/** The layout of golden/linux/layouts/session.macvlan.sh, built with the docker commands it replays. */
const MACVLAN_LAN = [
  'docker network create -d macvlan --subnet 192.168.1.0/24 --gateway 192.168.1.1 -o parent=eth0 lan',
  'docker run -d --network lan --name m1 nginx',
  'docker run -d --network lan --name m2 nginx',
];

/**
 * MACs are random on both sides; iproute2 6.1 of the capture prints no
 * `proto kernel_lo`; ping's times and, for unanswered ARP, its `pipe` count
 * vary from run to run on a real kernel (2 here, 3 in c1.ping-c3-unreachable).
 */
function normalise(text: string): string {
  return withoutTimes(text)
    .replace(/([0-9a-f]{2}:){5}[0-9a-f]{2}/g, (mac) =>
      mac === '00:00:00:00:00:00' || mac === 'ff:ff:ff:ff:ff:ff' ? mac : 'MAC',
    )
    .replace(/ proto kernel_lo $/gm, ' ')
    .replace(/^pipe \d+$/m, 'pipe N');
}

describe('macvlan containers match a real capture', () => {
  const steps = sessionSteps(readGolden('linux/session.macvlan.txt').stdout).filter(
    (step) => step.where !== 'host' || step.command.startsWith('ping'),
  );

  it.each(steps.map((step) => [`${step.where}$ ${step.command}`, step] as const))('%s', (_, step) => {
    const host = hostAfter(...MACVLAN_LAN);
    const result = step.where === 'host' ? host.run(`sudo ${step.command}`) : inside(host, step.where!, step.command);
    expect({ output: normalise(result.stdout + result.stderr), exitCode: result.exitCode }).toEqual({
      output: normalise(step.output),
      exitCode: step.exitCode,
    });
  });

  it('leaves the host without bridge, veth or rules for them', () => {
    const plain = hostAfter();
    const host = hostAfter(...MACVLAN_LAN);
    expect(host.run('ip -br link').stdout).toBe(plain.run('ip -br link').stdout);
    const rules = (text: string) => text.replace(/^#.*\n/gm, '');
    expect(rules(host.run('sudo iptables-save').stdout)).toBe(rules(plain.run('sudo iptables-save').stdout));
  });

  it('gives the containers their gateway as default route and nothing else to publish (no ports without the bridge driver)', () => {
    const host = hostAfter(MACVLAN_LAN[0]!, 'docker run -d --network lan -p 8080:80 --name web nginx');
    expect(host.run('docker ps --format "{{.Names}} {{.Ports}}"').stdout).toBe('web 80/tcp\n');
    expect(inside(host, 'web', 'ip route').stdout).toBe(
      'default via 192.168.1.1 dev eth0 \n192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.2 \n',
    );
  });

  it("reaches the internet straight out of the NIC, without the host's NAT", () => {
    const host = hostAfter(...MACVLAN_LAN);
    expect(inside(host, 'm1', 'ping -c 1 -W 1 8.8.8.8').exitCode).toBe(0);
    expect(host.run('sudo iptables-save -c -t nat').stdout).toContain(
      '[0:0] -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
    );
  });

  it('keeps private-mode ports apart (macvlan_queue_xmit switches locally in bridge mode only)', () => {
    const host = hostAfter(
      'docker network create -d macvlan --subnet 192.168.1.0/24 --gateway 192.168.1.1 -o parent=eth0 -o macvlan_mode=private lan',
      'docker run -d --network lan --name p1 nginx',
      'docker run -d --network lan --name p2 nginx',
    );
    expect(inside(host, 'p1', 'ping -c 1 -W 1 192.168.1.3').exitCode).toBe(1);
    expect(inside(host, 'p1', 'ping -c 1 -W 1 192.168.1.1').exitCode).toBe(0);
  });

  it('disconnects and reconnects a running container: its port goes and comes back', () => {
    const host = hostAfter(
      ...MACVLAN_LAN,
      'docker network create peers',
      'docker network connect peers m1',
      'docker network disconnect lan m1',
    );
    expect(inside(host, 'm1', 'ip -br link').stdout).toMatch(/^lo {15}UNKNOWN .*\neth1@if\d+ +UP /);
    host.run('docker network connect lan m1');
    expect(inside(host, 'm1', 'ip -br addr').stdout).toMatch(/\neth0@if2 +UP +192\.168\.1\.2\/24 \n$/);
  });
});

// moby docker-v29.7.2 daemon/libnetwork/drivers/macvlan and ipvlan: *_network.go
// (parseNetworkOptions, createNetwork), *_setup.go (createVlanLink, parseVlan,
// createMacVlan), *_endpoint.go; ipams/defaultipam (pools shared by --ip-range).
describe("macvlan and ipvlan networks: Docker 29's defaults and errors", () => {
  it.each([
    [
      'docker network create -d macvlan -o parent=eth0 -o macvlan_mode=fast m',
      "requested macvlan mode 'fast' is not valid, 'bridge' mode is the macvlan driver default",
    ],
    ['docker network create -d macvlan -o parent=lo m', 'loopback interface is not a valid macvlan parent link'],
    [
      'docker network create -d macvlan -o parent=eth9 m',
      'invalid subinterface vlan name eth9, example formatting is eth0.10',
    ],
    ['docker network create -d macvlan -o parent=eth9.10 m', '-o parent interface was not found on the host: eth9'],
    [
      'docker network create -d macvlan -o parent=eth0.x m',
      'unable to parse a valid vlan id from: x (ex. eth0.10 for vlan 10)',
    ],
    ['docker network create -d macvlan -o parent=eth0.5000 m', 'vlan id must be between 1-4094, received: 5000'],
    [
      'docker network create -d macvlan -o parent=eth0.1.2 m',
      'required interface name format is: name.vlan_id, ex. eth0.10 for vlan 10, instead received eth0.1.2',
    ],
    [
      'docker network create -d ipvlan -o parent=eth0 -o ipvlan_mode=l4 i',
      "requested ipvlan mode 'l4' is not valid, 'l2' mode is the ipvlan driver default",
    ],
    [
      'docker network create -d ipvlan -o parent=eth0 -o ipvlan_flag=open i',
      "requested ipvlan flag 'open' is not valid, 'bridge' is the ipvlan driver default",
    ],
    ['docker network create -d ipvlan -o parent=lo i', 'loopback interface is not a valid ipvlan parent link'],
  ])('%s', (line, message) => {
    expect(hostAfter().run(line)).toMatchObject({ stderr: `Error response from daemon: ${message}\n`, exitCode: 1 });
  });

  it('lets macvlan networks share a parent, but not one in passthru mode', () => {
    const host = hostAfter(
      'docker network create -d macvlan --subnet 10.1.0.0/24 -o parent=eth0 a',
      'docker network create -d macvlan --subnet 10.2.0.0/24 -o parent=eth0 b',
    );
    const ids = JSON.parse(host.run('docker network inspect a').stdout)[0].Id;
    expect(
      host.run('docker network create -d macvlan --subnet 10.3.0.0/24 -o parent=eth0 -o macvlan_mode=passthru c')
        .stderr,
    ).toBe(
      `Error response from daemon: cannot use mode passthru, macvlan network ${ids} is already using parent interface eth0\n`,
    );
  });

  it('gives an ipvlan parent to one network only, naming the other by its dummy name', () => {
    const host = hostAfter('docker network create -d ipvlan --subnet 10.1.0.0/24 -o parent=eth0 a');
    const id = JSON.parse(host.run('docker network inspect a').stdout)[0].Id;
    expect(host.run('docker network create -d ipvlan --subnet 10.2.0.0/24 -o parent=eth0 b').stderr).toBe(
      `Error response from daemon: network di-${id.slice(0, 12)} is already using parent interface eth0\n`,
    );
  });

  it('refuses a second network on the same subnet, unless --ip-range splits it; then the gateway may not be taken twice', () => {
    const lan = (name: string, extra: string) =>
      `docker network create -d macvlan --subnet 192.168.1.0/24 ${extra} -o parent=eth0 ${name}`;
    const host = hostAfter(lan('a', '--ip-range 192.168.1.64/26 --gateway 192.168.1.1'));
    expect(host.run(lan('b', '')).stderr).toBe(
      'Error response from daemon: invalid pool request: Pool overlaps with other one on this address space\n',
    );
    expect(host.run(lan('c', '--ip-range 192.168.1.64/26')).stderr).toBe(
      'Error response from daemon: invalid pool request: Pool overlaps with other one on this address space\n',
    );
    expect(host.run(lan('d', '--ip-range 192.168.1.128/26 --gateway 192.168.1.1')).stderr).toBe(
      'Error response from daemon: failed to allocate gateway (192.168.1.1): Address already in use\n',
    );
    expect(host.run(lan('e', '--ip-range 192.168.1.128/26')).exitCode).toBe(0);
  });

  it('makes a dummy dm-<12 hex> parent when -o parent is missing, gives its containers no default route, and removes it with the network', () => {
    const host = hostAfter(
      'docker network create -d macvlan --subnet 10.9.0.0/24 solo',
      'docker run -d --network solo --name s1 nginx',
    );
    const id = JSON.parse(host.run('docker network inspect solo').stdout)[0].Id.slice(0, 12);
    expect(host.run(`ip -br link show dm-${id}`).stdout).toMatch(
      new RegExp(`^dm-${id} +UNKNOWN +([0-9a-f]{2}:){5}[0-9a-f]{2} <BROADCAST,MULTICAST,UP,LOWER_UP> \\n$`),
    );
    // No gateway is allocated (GetSkipGwAlloc), so the first container takes .1.
    expect(inside(host, 's1', 'ip route').stdout).toBe('10.9.0.0/24 dev eth0 proto kernel scope link src 10.9.0.1 \n');
    host.run('docker rm -f s1');
    host.run('docker network rm solo');
    expect(host.run(`ip link show dm-${id}`).stderr).toBe(`Device "dm-${id}" does not exist.\n`);
  });

  it("shares the parent's MAC with ipvlan ports and refuses --mac-address for them", () => {
    const host = hostAfter(
      'docker network create -d ipvlan --subnet 192.168.1.0/24 --gateway 192.168.1.1 -o parent=eth0 ipv',
      'docker run -d --network ipv --name i1 nginx',
    );
    const nic = /link\/ether (\S+)/.exec(host.run('ip link show eth0').stdout)![1];
    expect(/link\/ether (\S+)/.exec(inside(host, 'i1', 'ip link show eth0').stdout)![1]).toBe(nic);
    // The endpoint has no MAC of its own (ipvlan CreateEndpoint sets none), so inspect shows "".
    expect(Object.values(JSON.parse(host.run('docker network inspect ipv').stdout)[0].Containers)).toMatchObject([
      { Name: 'i1', MacAddress: '' },
    ]);
    expect(host.run('docker run -d --network ipv --mac-address 02:42:c0:a8:01:09 --name i2 nginx').stderr).toBe(
      "docker: Error response from daemon: failed to set up container networking: ipvlan interfaces do not support custom mac address assignment\n\nRun 'docker run --help' for more information\n",
    );
  });

  it('cannot mix macvlan and ipvlan ports on one device', () => {
    const host = hostAfter(
      'docker network create -d ipvlan --subnet 10.1.0.0/24 -o parent=eth0 ipv',
      'docker run -d --network ipv --name i1 nginx',
      'docker network create -d macvlan --subnet 10.2.0.0/24 -o parent=eth0 mv',
    );
    expect(host.run('docker run -d --network mv --name m1 nginx').stderr).toBe(
      "docker: Error response from daemon: failed to set up container networking: failed to create the macvlan port: device or resource busy\n\nRun 'docker run --help' for more information\n",
    );
  });

  it('routes an ipvlan L3 network straight out of the device, NOARP, and only siblings answer: the LAN has no route back', () => {
    const host = hostAfter(
      'docker network create -d ipvlan --subnet 10.10.0.0/24 -o parent=eth0 -o ipvlan_mode=l3 l3',
      'docker run -d --network l3 --name a nginx',
      'docker run -d --network l3 --name b nginx',
    );
    // osl setDefaultRoute: a connected default route, SCOPE_LINK.
    expect(inside(host, 'a', 'ip route').stdout).toBe(
      'default dev eth0 scope link \n10.10.0.0/24 dev eth0 proto kernel scope link src 10.10.0.1 \n',
    );
    expect(inside(host, 'a', 'ip link show eth0').stdout).toMatch(
      /^\d+: eth0@if2: <BROADCAST,MULTICAST,NOARP,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP /,
    );
    expect(inside(host, 'a', 'ping -c 1 -W 1 10.10.0.2').exitCode).toBe(0);
    expect(inside(host, 'a', 'ping -c 1 -W 1 192.168.1.1').exitCode).toBe(1);
    expect(inside(host, 'a', 'ip neigh').stdout).toBe('');
  });

  it('reaches the LAN from an ipvlan L2 network on its subnet', () => {
    const host = hostAfter(
      'docker network create -d ipvlan --subnet 192.168.1.0/24 --gateway 192.168.1.1 -o parent=eth0 l2',
      'docker run -d --network l2 --name a nginx',
    );
    expect(inside(host, 'a', 'ping -c 1 -W 1 192.168.1.1').exitCode).toBe(0);
    expect(host.run('sudo ping -c 1 -W 1 192.168.1.2').exitCode).toBe(1);
  });
});

// moby daemon/libnetwork/drivers/macvlan/macvlan_network.go createNetwork and DeleteNetwork (CreatedSlaveLink),
// macvlan_setup.go createVlanLink and delVlanLink; the link as iproute2 v6.15.0's ip/iplink_vlan.c prints it.
describe('macvlan on an 802.1Q parent the driver makes', () => {
  const VLAN_NET =
    'docker network create -d macvlan --subnet=172.16.86.0/24 --gateway=172.16.86.1 -o parent=eth0.10 my-8021q-macvlan-net';

  it("adds eth0.10 on eth0 with VLAN id 10, up, with eth0's MAC, and deletes it with the last network on it", () => {
    const host = hostAfter(VLAN_NET);
    const eth0Mac = /link\/ether (\S+)/.exec(host.run('ip link show eth0').stdout)![1];
    const shown = host.run('ip -d link show eth0.10');
    expect(shown.exitCode).toBe(0);
    const [first, second, third] = shown.stdout.split('\n');
    expect(first).toMatch(
      /^\d+: eth0\.10@eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default $/,
    );
    expect(second).toBe(
      `    link/ether ${eth0Mac} brd ff:ff:ff:ff:ff:ff promiscuity 0 allmulti 0 minmtu 0 maxmtu 65535 `,
    );
    expect(third).toMatch(/^ {4}vlan protocol 802\.1Q id 10 <REORDER_HDR> addrgenmode eui64 numtxqueues 1 /);
    host.run('docker network create -d macvlan --subnet=172.16.87.0/24 -o parent=eth0.10 second');
    host.run('docker network rm my-8021q-macvlan-net');
    expect(host.run('ip link show eth0.10').exitCode).toBe(0);
    host.run('docker network rm second');
    expect(host.run('ip link show eth0.10')).toMatchObject({
      stderr: 'Device "eth0.10" does not exist.\n',
      exitCode: 1,
    });
  });

  it('leaves an 802.1Q link it did not make, and puts containers on it whose gateway nobody on that VLAN answers', () => {
    const host = hostAfter(VLAN_NET, 'docker run -d --network my-8021q-macvlan-net --name a alpine sleep 1d');
    expect(host.run('docker exec a ip route').stdout).toBe(
      'default via 172.16.86.1 dev eth0 \n172.16.86.0/24 dev eth0 scope link  src 172.16.86.2 \n',
    );
    expect(host.run('docker exec a ping -c 1 -W 1 172.16.86.1').stdout).toMatch(
      /1 packets transmitted, 0 packets received/,
    );
    host.run('docker rm -f a');
    host.run('docker network rm my-8021q-macvlan-net');
    const made = hostAfter('sudo ip link add link eth0 name eth0.20 type macvlan');
    made.run('docker network create -d macvlan --subnet=172.16.88.0/24 -o parent=eth0.20 n');
    made.run('docker network rm n');
    expect(made.run('ip link show eth0.20').exitCode).toBe(0);
  });
});

/** `ip link add link eth0 name eth0.10 type vlan id 10` (iplink_vlan.c; the kernel's vlan_newlink), as the driver makes it. */
describe('ip link add ... type vlan', () => {
  it('adds a VLAN link on its lower device, down, with the queue length ether_setup gives', () => {
    const host = hostAfter('sudo ip link add link eth0 name eth0.10 type vlan id 10');
    const [first, , third] = host.run('ip -d link show eth0.10').stdout.split('\n');
    expect(first).toMatch(
      /^\d+: eth0\.10@eth0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000$/,
    );
    expect(third).toMatch(/^ {4}vlan protocol 802\.1Q id 10 <REORDER_HDR> /);
    host.run('sudo ip link set eth0.10 up');
    expect(host.run('ip -br link show eth0.10').stdout).toMatch(/^eth0\.10@eth0 +UP /);
    expect(host.run('sudo ip link add link eth0 name eth0.20 type vlan')).toMatchObject({ exitCode: 255 });
  });
});
