import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(7);

/** Runs lines on a fresh host and returns the last result. */
const lastOf = (...lines: string[]) => hostAfter(...lines.slice(0, -1)).run(lines.at(-1)!);

const USAGE =
  "\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nRun 'docker network create --help' for more information\n";

// docker/cli v29.7.2 cli/command/network/create.go: pflag checks flag values while
// parsing (status 125 with the usage); createIPAMConfig's errors are printed as
// they are (status 1); the daemon's come after `Error response from daemon: `.
describe('docker network create: what docker/cli refuses', () => {
  it.each([
    // The two mistakes of seed 004, as typed there.
    [
      'docker network create --subnet 172.24.0.0./16 red1',
      'netip.ParsePrefix("172.24.0.0./16"): ParseAddr("172.24.0.0."): IPv4 field must have at least one digit (at ".")\n',
      1,
    ],
    [
      'docker network create bridge --subnet=172.28.0.0/16 mon-bridge',
      "docker: 'docker network create' requires 1 argument" + USAGE,
      1,
    ],
    [
      'docker network create --ip-range 172.28.5.0/24 net1',
      'every ip-range or gateway must have a corresponding subnet\n',
      1,
    ],
    [
      'docker network create --gateway 172.28.0.1 net1',
      'every ip-range or gateway must have a corresponding subnet\n',
      1,
    ],
    [
      'docker network create --subnet 172.28.0.0/16 --gateway 10.0.0.1 net1',
      'no matching subnet for gateway 10.0.0.1\n',
      1,
    ],
    [
      'docker network create --subnet 172.28.0.0/16 --ip-range 10.0.0.0/24 net1',
      'no matching subnet for range 10.0.0.0/24\n',
      1,
    ],
    [
      'docker network create --subnet 172.28.0.0/16 --subnet 172.28.1.0/24 net1',
      'multiple overlapping subnet configuration is not supported\n',
      1,
    ],
    [
      'docker network create --subnet 172.28.0.0/16,172.29.0.0./16 net1',
      'invalid subnet: invalid CIDR address: 172.29.0.0./16\n',
      1,
    ],
    [
      'docker network create --subnet 172.28.0.0/16 --ip-range 172.28.1.0/24 --ip-range 172.28.2.0/24 net1',
      'every ip-range or gateway must have a corresponding subnet\n',
      1,
    ],
    [
      'docker network create --subnet 172.28.0.0/16,172.29.0.0/16 --ip-range 172.28.1.0/24 --ip-range 172.28.2.0/24 net1',
      'cannot configure multiple ranges (172.28.2.0/24, 172.28.1.0/24) on the same subnet (172.28.0.0/16)\n',
      1,
    ],
    [
      'docker network create --subnet 172.28.0.0/16,172.29.0.0/16 --gateway 172.28.0.1,172.28.0.2 net1',
      'cannot configure multiple gateways (172.28.0.2, 172.28.0.1) for the same subnet (172.28.0.0/16)\n',
      1,
    ],
    [
      'docker network create --ip-range 172.28.5.0 net1',
      'invalid argument "172.28.5.0" for "--ip-range" flag: invalid string being converted to CIDR: 172.28.5.0' + USAGE,
      125,
    ],
    [
      'docker network create --gateway 172.28.0.300 net1',
      'invalid argument "172.28.0.300" for "--gateway" flag: invalid string being converted to IP address: 172.28.0.300' +
        USAGE,
      125,
    ],
    [
      'docker network create --label =blue net1',
      'invalid argument "=blue" for "--label" flag: invalid label \'=blue\': empty name' + USAGE,
      125,
    ],
    [
      'docker network create --ipv6=maybe net1',
      'invalid argument "maybe" for "--ipv6" flag: strconv.ParseBool: parsing "maybe": invalid syntax' + USAGE,
      125,
    ],
  ])('%s', (line, stderr, exitCode) => {
    expect(lastOf(line)).toMatchObject({ stdout: '', stderr, exitCode });
  });
});

// moby docker-v29.7.2: daemon/network.go (createNetwork, validateIpamConfig,
// internal/multierror), libnetwork/controller.go (NewNetwork), network.go
// (ipamAllocateVersion), ipams/defaultipam (RequestPool, allocateSubnet), drivers/bridge.
describe('docker network create: what the daemon refuses', () => {
  it.each([
    [
      'docker network create --subnet 172.28.0.5/16 net1',
      'invalid network config:\ninvalid subnet 172.28.0.5/16: it should be 172.28.0.0/16',
    ],
    [
      'docker network create --subnet 172.28.0.0/24 --ip-range 172.28.0.0/16 net1',
      'invalid network config:\ninvalid ip-range 172.28.0.0/16: CIDR block is bigger than its parent subnet 172.28.0.0/24',
    ],
    [
      'docker network create --subnet 172.28.0.5/24 --ip-range 172.28.0.0/16 net1',
      'invalid network config:\n* invalid subnet 172.28.0.5/24: it should be 172.28.0.0/24\n* invalid ip-range 172.28.0.0/16: CIDR block is bigger than its parent subnet 172.28.0.5/24',
    ],
    ['docker network create host', 'operation is not permitted on predefined host network '],
    ['docker network create --ingress ingress1', 'Ingress network can only be global scope network'],
    ['docker network create --scope swarm net1', 'cannot create a swarm scoped network when swarm is not active'],
    ['docker network create --ipv4=false net1', 'IPv4 or IPv6 must be enabled'],
    [
      'docker network create -o com.docker.network.enable_ipv4=nope net1',
      'driver-opt "com.docker.network.enable_ipv4" is not a valid bool',
    ],
    [
      'docker network create --subnet 172.28.0.0/16 --gateway 172.28.0.0 net1',
      'failed to allocate gateway (172.28.0.0): Address already in use',
    ],
    [
      'docker network create -o com.docker.network.driver.mtu=big net1',
      'failed to parse com.docker.network.driver.mtu value: big (strconv.Atoi: parsing "big": invalid syntax)',
    ],
    ['docker network create -o com.docker.network.driver.mtu=-1 net1', 'invalid MTU number: -1'],
    [
      'docker network create -o com.docker.network.bridge.enable_icc=maybe net1',
      'failed to parse com.docker.network.bridge.enable_icc value: maybe (strconv.ParseBool: parsing "maybe": invalid syntax)',
    ],
    ['docker network create -d weave net1', 'plugin "weave" not found'],
    [
      'docker network create --subnet 172.28.0.0/16,172.29.0.0/16 net1',
      "bridge driver doesn't support multiple subnets",
    ],
  ])('%s', (line, message) => {
    expect(lastOf(line)).toMatchObject({ stdout: '', stderr: `Error response from daemon: ${message}\n`, exitCode: 1 });
  });

  it('refuses a bridge name another network has, naming both networks by their full IDs (bridge checkConflict)', () => {
    const { stderr } = lastOf('docker network create -o com.docker.network.bridge.name=docker0 lan0');
    expect(stderr).toMatch(
      /^Error response from daemon: cannot create network [0-9a-f]{64} \(docker0\): conflicts with network [0-9a-f]{64} \(docker0\): networks have same bridge name\n$/,
    );
  });

  it('says plainly what of IPv6 is beyond the simulator (ranges, auxiliary addresses, other drivers), instead of faking it', () => {
    for (const line of [
      'docker network create --ipv6 --subnet fd00:1::/64 --ip-range fd00:1::/80 net6',
      'docker network create --ipv6 --subnet fd00:1::/64 --aux-address a=fd00:1::9 net6',
      'docker network create -d macvlan --ipv6 net6',
    ]) {
      expect(lastOf(line)).toMatchObject({
        stderr: expect.stringContaining('not available in this simulator yet'),
        exitCode: 1,
      });
    }
  });
});

describe('docker network create: options that shape the network', () => {
  it('takes addresses from --ip-range only: the gateway first, then containers (defaultipam AddAnyInRange)', () => {
    // A range's own first and last addresses are allocatable; only the subnet's are
    // reserved (newPoolData; TestRequestReleaseAddressFromSubPool gets 172.28.30.255).
    const host = hostAfter(
      'docker network create --subnet 172.28.0.0/16 --ip-range 172.28.30.0/24 ranged',
      'docker run -d --network ranged --name r1 nginx',
    );
    const [network] = JSON.parse(host.run('docker network inspect ranged').stdout);
    expect(network.IPAM.Config).toEqual([
      { Subnet: '172.28.0.0/16', IPRange: '172.28.30.0/24', Gateway: '172.28.30.0' },
    ]);
    expect(Object.values(network.Containers).map((c) => (c as { IPv4Address: string }).IPv4Address)).toEqual([
      '172.28.30.1/16',
    ]);
    expect(network.Status.IPAM.Subnets['172.28.0.0/16']).toEqual({ IPsInUse: 4, DynamicIPsAvailable: 254 });
  });

  it("puts the docs' --gateway outside the range on the bridge, and the first container at the range's start", () => {
    // network_create.md's example; docker/for-linux#170 reports the .0 address a range hands out first.
    const host = hostAfter(
      'docker network create --driver=bridge --subnet=172.28.0.0/16 --ip-range=172.28.5.0/24 --gateway=172.28.5.254 br0',
      'docker run -d --network br0 --name b1 nginx',
    );
    const id = JSON.parse(host.run('docker network inspect br0').stdout)[0].Id.slice(0, 12);
    expect(host.run(`ip -br addr show br-${id}`).stdout).toMatch(
      new RegExp(`^br-${id}  UP {13}172\\.28\\.5\\.254/16 fe80::`),
    );
    expect(host.run("docker inspect -f '{{.NetworkSettings.Networks.br0.IPAddress}}' b1").stdout).toBe('172.28.5.0\n');
  });

  it("names the Linux bridge and sets its MTU, and the veths', from -o", () => {
    const host = hostAfter(
      'docker network create -o com.docker.network.bridge.name=br-lab -o com.docker.network.driver.mtu=1400 lab',
      'docker run -d --network lab --name l1 nginx',
    );
    expect(host.run('ip link show br-lab').stdout).toMatch(/^\d+: br-lab: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1400 /);
    expect(host.run('ip link').stdout).toMatch(
      /\n\d+: veth[0-9a-f]{7}@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1400 qdisc noqueue master br-lab /,
    );
    const pid = host.run("docker inspect -f '{{.State.Pid}}' l1").stdout.trim();
    expect(host.run(`sudo nsenter -t ${pid} -n ip link show eth0`).stdout).toMatch(
      /^2: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1400 /,
    );
  });

  it('keeps repeated labels, --attachable and the options as given, in inspect', () => {
    const host = hostAfter(
      'docker network create --label env=lab --label team=net --label env=prod --attachable -o com.docker.network.bridge.enable_ip_masquerade=false quiet',
    );
    const [network] = JSON.parse(host.run('docker network inspect quiet').stdout);
    expect({ Labels: network.Labels, Attachable: network.Attachable, Options: network.Options }).toEqual({
      Labels: { env: 'prod', team: 'net' },
      Attachable: true,
      Options: { 'com.docker.network.bridge.enable_ip_masquerade': 'false' },
    });
    expect(host.run('sudo iptables -t nat -S POSTROUTING').stdout).not.toContain('172.18.0.0/16');
  });

  it("installs the rules of moby's iptablesdoc usernet-portmap-noicc.md for enable_icc=false", () => {
    // The create and run lines of that page; its host had FORWARD ACCEPT, a fresh Debian gets DROP.
    const host = hostAfter(
      'docker network create -o com.docker.network.bridge.name=bridge1 -o com.docker.network.bridge.enable_icc=false --subnet 192.0.2.0/24 --gateway 192.0.2.1 bridge1',
      'docker run -d --network bridge1 -p 8080:80 --name c1 nginx',
    );
    const appended = (text: string) => text.split('\n').filter((line) => line.startsWith('-A '));
    expect(appended(host.run('sudo iptables -S').stdout)).toEqual([
      '-A FORWARD -j DOCKER-USER',
      '-A FORWARD -j DOCKER-FORWARD',
      '-A DOCKER -d 192.0.2.2/32 ! -i bridge1 -o bridge1 -p tcp -m tcp --dport 80 -j ACCEPT',
      '-A DOCKER ! -i docker0 -o docker0 -j DROP',
      '-A DOCKER ! -i bridge1 -o bridge1 -j DROP',
      '-A DOCKER-BRIDGE -o docker0 -j DOCKER',
      '-A DOCKER-BRIDGE -o bridge1 -j DOCKER',
      '-A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A DOCKER-CT -o bridge1 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A DOCKER-FORWARD -j DOCKER-CT',
      '-A DOCKER-FORWARD -j DOCKER-INTERNAL',
      '-A DOCKER-FORWARD -j DOCKER-BRIDGE',
      '-A DOCKER-FORWARD -i docker0 -j ACCEPT',
      '-A DOCKER-FORWARD -i bridge1 -o bridge1 -j DROP',
      '-A DOCKER-FORWARD -i bridge1 ! -o bridge1 -j ACCEPT',
    ]);
    expect(appended(host.run('sudo iptables -t nat -S').stdout)).toEqual([
      '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
      '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
      '-A POSTROUTING -s 192.0.2.0/24 ! -o bridge1 -j MASQUERADE',
      '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
      '-A DOCKER ! -i bridge1 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.0.2.2:80',
    ]);
  });

  it('keeps containers of an icc=false network apart: br_netfilter sends their frames through the DROP rule', () => {
    const host = hostAfter(
      'docker network create -o com.docker.network.bridge.enable_icc=false --subnet 192.0.2.0/24 apart',
      'docker run -d --network apart --name a1 nginx',
      'docker run -d --network apart --name a2 nginx',
    );
    const pid = host.run("docker inspect -f '{{.State.Pid}}' a2").stdout.trim();
    expect(host.run(`sudo nsenter -t ${pid} -n ping -c 1 -W 1 192.0.2.2`).exitCode).toBe(1);
    expect(host.run(`sudo nsenter -t ${pid} -n ping -c 1 -W 1 192.168.1.1`).exitCode).toBe(0);
    expect(host.run('sudo iptables-save -c -t filter').stdout).toContain('[1:84] -A DOCKER-FORWARD -i br-');
  });

  it('removes what it made: the bridge, its rules, and nothing of docker0', () => {
    const before = Host.create({ seed: 7 });
    const rules = before.run('sudo iptables-save').stdout.replace(/^#.*\n/gm, '');
    const after = hostAfter(
      'docker network create -o com.docker.network.bridge.enable_icc=false --ip-range 172.18.1.0/24 --subnet 172.18.0.0/16 gone',
      'docker network rm gone',
    );
    expect(after.run('sudo iptables-save').stdout.replace(/^#.*\n/gm, '')).toBe(rules);
    expect(after.run('ip -br link').stdout).toBe(before.run('ip -br link').stdout);
  });
});

// docker/cli v29.7.2 create.go createIPAMConfig (MapOpts split on the first "=", an
// empty value skipped, netip.ParseAddr, "no matching subnet for aux-address");
// moby docker-v29.7.2 libnetwork/network.go ipamAllocateVersion (each auxiliary
// address reserved in the pool after the gateway; "failed to allocate secondary ip
// address (%s:%s): %v" with ipamapi.ErrIPAlreadyAllocated "Address already in use"),
// api/types/network/ipam.go (AuxAddress is `json:"AuxiliaryAddresses,omitempty"`),
// daemon/network.go buildIPAMResources.
describe('docker network create --aux-address', () => {
  const lan =
    'docker network create -d macvlan -o parent=eth0 --subnet 192.168.1.0/24 --gateway 192.168.1.1 --ip-range 192.168.1.0/30 --aux-address router=192.168.1.2 --aux-address nas=192.168.1.200 lan';

  it('shows the addresses under IPAM.Config[].AuxiliaryAddresses, keys sorted, and counts them in use', () => {
    const host = hostAfter(lan);
    expect(host.run("docker network inspect -f '{{json .IPAM.Config}}' lan").stdout).toBe(
      '[{"Subnet":"192.168.1.0/24","IPRange":"192.168.1.0/30","Gateway":"192.168.1.1","AuxiliaryAddresses":{"nas":"192.168.1.200","router":"192.168.1.2"}}]\n',
    );
    expect(host.run("docker network inspect -f '{{range .IPAM.Config}}{{.AuxAddress}}{{end}}' lan").stdout).toBe(
      'map[nas:192.168.1.200 router:192.168.1.2]\n',
    );
    // The network and broadcast addresses, the gateway and both auxiliary addresses.
    expect(host.run("docker network inspect -f '{{json .Status.IPAM.Subnets}}' lan").stdout).toBe(
      '{"192.168.1.0/24":{"IPsInUse":5,"DynamicIPsAvailable":1}}\n',
    );
  });

  it('never gives a container an auxiliary address, dynamically or with --ip', () => {
    const host = hostAfter(lan, 'docker run -dit --name a --network lan alpine');
    expect(host.run("docker inspect -f '{{.NetworkSettings.Networks.lan.IPAddress}}' a").stdout).toBe('192.168.1.3\n');
    expect(host.run('docker run -dit --name b --network lan alpine').stderr).toMatch(
      /^docker: Error response from daemon: failed to set up container networking: no available IPv4 addresses on this network's address pools: lan \([0-9a-f]{64}\)\n/,
    );
    expect(host.run('docker run -dit --name c --network lan --ip 192.168.1.200 alpine').stderr).toBe(
      "docker: Error response from daemon: failed to set up container networking: Address already in use\n\nRun 'docker run --help' for more information\n",
    );
  });

  it('leaves AuxiliaryAddresses out when none is given, and skips an empty value', () => {
    const host = hostAfter('docker network create --subnet 10.9.0.0/24 --aux-address spare blue');
    expect(host.run("docker network inspect -f '{{json .IPAM.Config}}' blue").stdout).toBe(
      '[{"Subnet":"10.9.0.0/24","Gateway":"10.9.0.1"}]\n',
    );
  });

  it.each([
    ['docker network create --aux-address x=10.8.0.1 blue', 'no matching subnet for aux-address 10.8.0.1\n'],
    [
      'docker network create --subnet 10.9.0.0/24 --aux-address x=10.8.0.1 blue',
      'no matching subnet for aux-address 10.8.0.1\n',
    ],
    [
      'docker network create --subnet 10.9.0.0/24 --aux-address x=10.9.0 blue',
      'ParseAddr("10.9.0"): IPv4 address too short\n',
    ],
    [
      'docker network create --subnet 10.9.0.0/24 --aux-address x=fd00::1 blue',
      'no matching subnet for aux-address fd00::1\n',
    ],
  ])('%s', (line, stderr) => {
    expect(lastOf(line)).toMatchObject({ stdout: '', stderr, exitCode: 1 });
  });

  it.each([
    ['the gateway IPAM picked', '--subnet 10.9.0.0/24 --aux-address gw=10.9.0.1', 'gw:10.9.0.1'],
    ['the network address', '--subnet 10.9.0.0/24 --aux-address net=10.9.0.0', 'net:10.9.0.0'],
    [
      'another auxiliary address',
      '--subnet 10.9.0.0/24 --aux-address a=10.9.0.7 --aux-address b=10.9.0.7',
      'b:10.9.0.7',
    ],
  ])('refuses %s, which the pool already holds', (_, flags, pair) => {
    expect(lastOf(`docker network create ${flags} blue`)).toMatchObject({
      stderr: `Error response from daemon: failed to allocate secondary ip address (${pair}): Address already in use\n`,
      exitCode: 1,
    });
  });
});
