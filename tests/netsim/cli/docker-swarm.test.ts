import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(1);
const SWARM_ID = /^[0-9a-z]{25}$/;

describe('docker swarm init (docker/cli cli/command/swarm/init.go runInit, moby daemon/cluster)', () => {
  it('prints the node, the worker join command with the advertised address and port 2377, and where the manager one is', () => {
    const result = hostAfter().run('docker swarm init --advertise-addr 192.168.1.10');
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^Swarm initialized: current node \([0-9a-z]{25}\) is now a manager\.$/);
    expect(lines.slice(1, 4)).toEqual(['', 'To add a worker to this swarm, run the following command:', '']);
    // ca.GenerateJoinToken: SWMTKN-1-, the CA digest in base 36 padded to 50, the secret padded to 25.
    expect(lines[4]).toMatch(/^ {4}docker swarm join --token SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25} 192\.168\.1\.10:2377$/);
    expect(lines.slice(5)).toEqual([
      '',
      "To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.",
      '',
    ]);
  });

  it('finds the address by itself on a host with one interface, and takes an interface name', () => {
    expect(hostAfter().run('docker swarm init').stdout).toContain(' 192.168.1.10:2377\n');
    expect(hostAfter().run('docker swarm init --advertise-addr eth0:2400').stdout).toContain(' 192.168.1.10:2400\n');
  });

  it("refuses a second init, and an address that is neither the host's interface nor an IP (errSwarmExists, errBadAdvertiseAddr)", () => {
    expect(hostAfter('docker swarm init').run('docker swarm init').stderr).toBe(
      'Error response from daemon: This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.\n',
    );
    for (const address of ['eth9', '0.0.0.0']) {
      expect(hostAfter().run(`docker swarm init --advertise-addr ${address}`)).toMatchObject({
        stderr:
          'Error response from daemon: advertise address must be a non-zero IP address or network interface (with optional port number)\n',
        exitCode: 1,
      });
    }
  });

  it('asks for --advertise-addr when the host has two addresses to choose from (errMultipleIPs, runInit)', () => {
    const result = hostAfter('sudo ip addr add 192.168.1.11/24 dev eth0').run('docker swarm init');
    expect(result.stderr).toBe(
      'Error response from daemon: could not choose an IP address to advertise since this system has multiple addresses on interface eth0 (192.168.1.10 and 192.168.1.11) - specify one with --advertise-addr\n',
    );
  });
});

describe('docker swarm leave and join-token', () => {
  it('will not leave without a swarm, nor the last manager without --force (Cluster.Leave)', () => {
    expect(hostAfter().run('docker swarm leave').stderr).toBe(
      'Error response from daemon: This node is not part of a swarm\n',
    );
    expect(hostAfter('docker swarm init').run('docker swarm leave').stderr).toBe(
      'Error response from daemon: You are attempting to leave the swarm on a node that is participating as a manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message. \n',
    );
    expect(hostAfter('docker swarm init').run('docker swarm leave --force')).toMatchObject({
      stdout: 'Node left the swarm.\n',
      exitCode: 0,
    });
  });

  it('leaves docker_gwbridge behind and takes ingress and the unused overlay networks away', () => {
    const host = hostAfter(
      'docker swarm init',
      'docker network create -d overlay --attachable ov',
      'docker swarm leave -f',
    );
    expect(host.run('docker network ls --format "{{.Name}} {{.Driver}} {{.Scope}}"').stdout).toBe(
      'bridge bridge local\ndocker_gwbridge bridge local\nhost host local\nnone null local\n',
    );
  });

  it('prints the join command or the token alone, and refuses an unknown role before asking the daemon (runJoinToken)', () => {
    const host = hostAfter('docker swarm init');
    const token = host.run('docker swarm join-token -q manager').stdout;
    expect(token).toMatch(/^SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}\n$/);
    expect(host.run('docker swarm join-token manager').stdout).toBe(
      `To add a manager to this swarm, run the following command:\n\n    docker swarm join --token ${token.trim()} 192.168.1.10:2377\n\n`,
    );
    expect(host.run('docker swarm join-token worker').stdout).not.toContain(token.trim());
    expect(hostAfter().run('docker swarm join-token foo').stderr).toBe('unknown role foo\n');
    expect(hostAfter().run('docker swarm join-token worker').stderr).toBe(
      'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n',
    );
  });

  it('lists its commands alone, as cobra does, and says what it does not simulate', () => {
    const alone = hostAfter().run('docker swarm');
    expect(alone.exitCode).toBe(0);
    expect(alone.stderr).toContain(
      'Usage:  docker swarm COMMAND\n\nManage Swarm\n\nCommands:\n  ca          Display and rotate the root CA\n  init        Initialize a swarm\n',
    );
    expect(hostAfter().run('docker swarm join --token x 10.0.0.1:2377')).toMatchObject({
      stderr: 'netsim: `docker swarm join` is not simulated yet: this host is a swarm of one node\n',
      exitCode: 1,
    });
    expect(hostAfter('docker swarm init').run('docker node ls').stderr).toMatch(
      /^netsim: `docker node` is not simulated yet/,
    );
  });
});

describe('overlay networks on a single-node swarm', () => {
  it('refuses a name a swarm network has (NetworkNameError), and says swarm-scoped bridges are not simulated', () => {
    const host = hostAfter('docker swarm init', 'docker network create -d overlay --attachable ov');
    expect(host.run('docker network create -d overlay --attachable ov').stderr).toBe(
      'Error response from daemon: network with name ov already exists\n',
    );
    expect(host.run('docker network create --scope swarm x').stderr).toBe(
      'Error response from daemon: swarm-scoped bridge networks are not available in this simulator yet\n',
    );
    expect(hostAfter().run('docker network create --scope swarm x').stderr).toBe(
      'Error response from daemon: cannot create a swarm scoped network when swarm is not active\n',
    );
  });

  it('needs a swarm (daemon/network.go createNetwork)', () => {
    expect(hostAfter().run('docker network create -d overlay x').stderr).toBe(
      'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n',
    );
  });

  it('lists ingress (overlay, swarm) and docker_gwbridge (bridge, local) after init, and a new one with its 25-character ID', () => {
    const host = hostAfter('docker swarm init');
    const id = host.run('docker network create -d overlay --attachable ov').stdout.trim();
    expect(id).toMatch(SWARM_ID);
    const listed = host
      .run('docker network ls')
      .stdout.split('\n')
      .map((line) => line.split(/\s+/).slice(1).join(' '));
    expect(listed).toEqual([
      'ID NAME DRIVER SCOPE',
      'bridge bridge local',
      'docker_gwbridge bridge local',
      'host host local',
      'ingress overlay swarm',
      'none null local',
      'ov overlay swarm',
      '',
    ]);
    expect(host.run('docker network ls -q --filter scope=swarm').stdout).toMatch(
      new RegExp(`^[0-9a-z]{12}\\n${id.slice(0, 12)}\\n$`),
    );
  });

  it("takes its subnet from 10.0.0.0/8 in /24s after ingress's 10.0.0.0/24, and its VXLAN ID after ingress's 4096", () => {
    const host = hostAfter('docker swarm init', 'docker network create -d overlay --attachable ov');
    const inspect = (name: string) => JSON.parse(host.run(`docker network inspect ${name}`).stdout)[0];
    const ingress = inspect('ingress');
    expect(ingress).toMatchObject({
      Scope: 'swarm',
      Driver: 'overlay',
      Ingress: true,
      Attachable: false,
      IPAM: { Options: null, Config: [{ Subnet: '10.0.0.0/24', Gateway: '10.0.0.1' }] },
      Options: { 'com.docker.network.driver.overlay.vxlanid_list': '4096' },
    });
    expect(Object.values(ingress.Containers)).toEqual([
      expect.objectContaining({
        Name: 'ingress-endpoint',
        MacAddress: '02:42:0a:00:00:02',
        IPv4Address: '10.0.0.2/24',
      }),
    ]);
    expect(Object.keys(ingress.Containers)).toEqual(['ingress-sbox']);
    // No container here yet: the manager's copy (convert.BasicNetworkFromGRPC), Labels nil after protobuf, no Peers.
    const ov = inspect('ov');
    expect(ov).toMatchObject({
      Scope: 'swarm',
      Attachable: true,
      Ingress: false,
      IPAM: { Options: null, Config: [{ Subnet: '10.0.1.0/24', Gateway: '10.0.1.1' }] },
      Options: { 'com.docker.network.driver.overlay.vxlanid_list': '4097' },
      Labels: null,
      Containers: {},
    });
    expect(ov).not.toHaveProperty('Peers');
    expect(inspect('docker_gwbridge')).toMatchObject({
      Scope: 'local',
      IPAM: { Options: null, Config: [{ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }] },
      Options: {
        'com.docker.network.bridge.enable_icc': 'false',
        'com.docker.network.bridge.enable_ip_masquerade': 'true',
        'com.docker.network.bridge.name': 'docker_gwbridge',
      },
      Containers: {
        'ingress-sbox': expect.objectContaining({ Name: 'gateway_ingress-sbox', IPv4Address: '172.18.0.2/16' }),
      },
    });
  });

  it('refuses a container on a network made without --attachable (swarmkit resourceapi AttachNetwork)', () => {
    const host = hostAfter('docker swarm init', 'docker network create -d overlay plain');
    expect(host.run('docker run --rm --network plain alpine true').stderr).toContain(
      'Could not attach to network plain: rpc error: code = PermissionDenied desc = network plain not manually attachable\n',
    );
    expect(host.run('docker run --rm --network ingress alpine true').stderr).toContain(
      'network ingress not manually attachable',
    );
  });

  it('refuses to remove a network a container uses (swarmkit controlapi removeNetwork)', () => {
    const host = hostAfter(
      'docker swarm init',
      'docker network create -d overlay --attachable ov',
      'docker run -d --name a --network ov nginx',
    );
    const id = host.run('docker network inspect -f "{{.Id}}" ov').stdout.trim();
    expect(host.run('docker network rm ov').stderr).toMatch(
      new RegExp(
        `^Error response from daemon: rpc error: code = FailedPrecondition desc = network ${id} is in use by task [0-9a-z]{25}\\n`,
      ),
    );
  });
});

describe('docker info of a swarm manager (docker/cli cli/command/system/info.go printSwarmInfo)', () => {
  it("prints the node, the cluster and swarmkit's default spec after `Swarm: active`", () => {
    const host = hostAfter('docker swarm init');
    const text = host.run('docker info').stdout;
    const section = text.slice(text.indexOf(' Swarm: '), text.indexOf(' Runtimes: '));
    const nodeId = host.run("docker info -f '{{.Swarm.NodeID}}'").stdout.trim();
    expect(nodeId).toMatch(/^[0-9a-z]{25}$/);
    expect(section.replace(/ClusterID: [0-9a-z]{25}/, 'ClusterID: ID')).toBe(
      [
        ' Swarm: active',
        `  NodeID: ${nodeId}`,
        '  Is Manager: true',
        '  ClusterID: ID',
        '  Managers: 1',
        '  Nodes: 1',
        '  Default Address Pool: 10.0.0.0/8  ',
        '  SubnetSize: 24',
        '  Data Path Port: 4789',
        '  Orchestration:',
        '   Task History Retention Limit: 5',
        '  Raft:',
        '   Snapshot Interval: 10000',
        '   Number of Old Snapshots to Retain: 0',
        '   Heartbeat Tick: 1',
        '   Election Tick: 10',
        '  Dispatcher:',
        '   Heartbeat Period: 5 seconds',
        '  CA Configuration:',
        '   Expiry Duration: 3 months',
        '   Force Rotate: 0',
        '  Autolock Managers: false',
        '  Root Rotation In Progress: false',
        '  Node Address: 192.168.1.10',
        '  Manager Addresses:',
        '   192.168.1.10:2377',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(host.run("docker info -f '{{json .Swarm}}'").stdout)).toMatchObject({
      LocalNodeState: 'active',
      ControlAvailable: true,
      NodeAddr: '192.168.1.10',
      RemoteManagers: [{ NodeID: nodeId, Addr: '192.168.1.10:2377' }],
      Nodes: 1,
      Managers: 1,
    });
    expect(hostAfter('docker swarm init', 'docker swarm leave -f').run('docker info').stdout).toContain(
      ' Swarm: inactive\n Runtimes: ',
    );
  });
});
