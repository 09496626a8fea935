import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(1);
const SWARM_ID = /^[0-9a-z]{25}$/;
const ON_OVERLAY = ['docker swarm init', 'docker network create -d overlay --attachable ov'];
const NOT_A_MANAGER =
  'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n';

// docker/cli 29 cli/command/service (create.go runCreate, list.go, ps.go, remove.go, scale.go,
// formatter.go, task/formatter.go and task/print.go) and moby daemon/cluster, swarmkit controlapi.
describe('docker service create', () => {
  it('prints the service ID (25 characters, as the swarm names objects) and nothing more with -d', () => {
    const result = hostAfter(...ON_OVERLAY).run('docker service create -d --name web --network ov nginx');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^[0-9a-z]{25}\n$/);
  });

  it('at a terminal, waits for the service to converge and leaves the progress on screen', () => {
    const result = hostAfter(...ON_OVERLAY).run('docker service create --name web --replicas 2 nginx');
    const [id, ...rest] = result.stdout.split('\n');
    expect(id).toMatch(SWARM_ID);
    expect(rest.join('\n')).toBe(
      `overall progress: 2 out of 2 tasks \n1/2: running   \n2/2: running   \nverify: Service ${id} converged \n`,
    );
  });

  it('runs each task as a container named service.slot.taskID with the com.docker.swarm labels', () => {
    const host = hostAfter(...ON_OVERLAY, 'docker service create -d --name web --network ov --replicas 2 nginx');
    const names = host.run('docker ps --format "{{.Names}}"').stdout.trim().split('\n').sort();
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^web\.1\.[0-9a-z]{25}$/);
    expect(names[1]).toMatch(/^web\.2\.[0-9a-z]{25}$/);
    const labels = host.run(`docker inspect --format '{{json .Config.Labels}}' ${names[0]}`).stdout;
    for (const key of [
      'com.docker.swarm.node.id',
      'com.docker.swarm.service.id',
      'com.docker.swarm.service.name',
      'com.docker.swarm.task',
      'com.docker.swarm.task.id',
      'com.docker.swarm.task.name',
    ])
      expect(labels).toContain(`"${key}":`);
    expect(labels).toContain(`"com.docker.swarm.task.name":"${names[0]}"`);
    expect(labels).toContain('"com.docker.swarm.service.name":"web"');
  });

  it('puts tasks on an overlay network that is not attachable, which a plain container may not join', () => {
    const host = hostAfter(
      'docker swarm init',
      'docker network create -d overlay ov',
      'docker service create -d --name web --network ov nginx',
    );
    expect(
      host.run('docker network inspect ov --format "{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}"').stdout,
    ).toMatch(/^web\.1\.[0-9a-z]{25} 10\.0\.1\.3\/24\n$/);
    expect(host.run('docker run --rm --network ov alpine true').stderr).toContain('network ov not manually attachable');
  });

  it('refuses off a swarm, and a missing, a local or a taken name (errNoManager, populateNetworkID, ErrNameConflict)', () => {
    expect(hostAfter().run('docker service create --name web nginx')).toMatchObject({
      stderr: NOT_A_MANAGER,
      exitCode: 1,
    });
    expect(hostAfter('docker swarm init').run('docker service create --name x --network nope nginx').stderr).toBe(
      'Error response from daemon: network nope not found\n',
    );
    expect(
      hostAfter('docker swarm init', 'docker network create b1').run(
        'docker service create --name x --network b1 nginx',
      ).stderr,
    ).toBe(
      'Error response from daemon: The network b1 cannot be used with services. Only networks scoped to the swarm can be used, such as those created with the overlay driver.\n',
    );
    expect(
      hostAfter('docker swarm init', 'docker service create -d --name web nginx').run(
        'docker service create -d --name web nginx',
      ).stderr,
    ).toBe(
      'Error response from daemon: rpc error: code = AlreadyExists desc = name conflicts with an existing object: service web already exists\n',
    );
  });

  it('checks --replicas as a Uint64Opt and needs an image (cli.RequiresMinArgs(1))', () => {
    const host = hostAfter('docker swarm init');
    expect(host.run('docker service create --replicas x nginx')).toMatchObject({ exitCode: 125 });
    expect(host.run('docker service create --replicas x nginx').stderr).toMatch(
      /^invalid argument "x" for "--replicas" flag: strconv.ParseUint: parsing "x": invalid syntax\n/,
    );
    expect(host.run('docker service create').stderr).toMatch(
      /^docker: 'docker service create' requires at least 1 argument\n/,
    );
  });
});

describe('the embedded DNS for a service (endpoint mode vip)', () => {
  it('answers the service name with its VIP, the first address of the overlay, and tasks.NAME with the tasks', () => {
    const host = hostAfter(...ON_OVERLAY, 'docker service create -d --name web --network ov --replicas 2 nginx');
    expect(host.run('docker run --rm --network ov alpine nslookup web').stdout).toContain(
      'Name:\tweb\nAddress: 10.0.1.2\n',
    );
    const tasks = host.run('docker run --rm --network ov alpine nslookup tasks.web').stdout;
    expect(tasks).toContain('Address: 10.0.1.3\n');
    expect(tasks).toContain('Address: 10.0.1.4\n');
    expect(tasks).not.toContain('10.0.1.2');
  });

  it('is not answered on a network the service is not on', () => {
    const host = hostAfter(
      ...ON_OVERLAY,
      'docker network create -d overlay --attachable other',
      'docker service create -d --name web --network ov nginx',
    );
    expect(host.run('docker run --rm --network other alpine nslookup web').stdout).not.toContain('10.0.1.2');
  });
});

describe('docker service ls, ps, scale, update and rm', () => {
  it('lists services in the default table of formatter.go, replicas as running/desired', () => {
    const host = hostAfter(
      'docker swarm init',
      'docker service create -d --name web --replicas 2 nginx',
      'docker service create -d --name api alpine sleep 1000',
    );
    const lines = host.run('docker service ls').stdout.split('\n');
    expect(lines[0]).toBe('ID             NAME      MODE         REPLICAS   IMAGE           PORTS');
    expect(lines[1]).toMatch(/^[0-9a-z]{12} {3}api {7}replicated {3}1\/1 {8}alpine:latest   $/);
    expect(lines[2]).toMatch(/^[0-9a-z]{12} {3}web {7}replicated {3}2\/2 {8}nginx:latest {4}$/);
    expect(host.run('docker service ls -q').stdout).toMatch(/^[0-9a-z]{25}\n[0-9a-z]{25}\n$/);
    expect(hostAfter().run('docker service ls').stderr).toBe(NOT_A_MANAGER);
  });

  it('lists tasks as service.slot on this node, running since their start', () => {
    const host = hostAfter('docker swarm init', 'docker service create -d --name web --replicas 2 nginx');
    const lines = host.run('docker service ps web').stdout.split('\n');
    expect(lines[0]).toMatch(/^ID {13}NAME {6}IMAGE {10}NODE {10}DESIRED STATE {3}CURRENT STATE +ERROR {5}PORTS$/);
    expect(lines[1]).toMatch(
      /^[0-9a-z]{12} {3}web\.1 {5}nginx:latest {3}docker-host {3}Running {9}Running (less than a second|\d+ seconds) ago +$/,
    );
    expect(lines[2]).toMatch(/^[0-9a-z]{12} {3}web\.2 /);
    expect(host.run('docker service ps nope')).toMatchObject({
      stdout: '',
      stderr: 'no such service: nope\n',
      exitCode: 1,
    });
  });

  it('scales up and down, printing "web scaled to N" (scale.go), and update --replicas prints the name', () => {
    const host = hostAfter('docker swarm init', 'docker service create -d --name web nginx');
    expect(host.run('docker service scale web=3 -d')).toMatchObject({ stdout: 'web scaled to 3\n', exitCode: 0 });
    expect(host.run('docker ps -q').stdout.trim().split('\n')).toHaveLength(3);
    const waited = host.run('docker service scale web=1');
    expect(waited.stdout).toBe(
      'web scaled to 1\noverall progress: 1 out of 1 tasks \n1/1: running   \nverify: Service web converged \n',
    );
    expect(host.run('docker ps --format "{{.Names}}"').stdout).toMatch(/^web\.1\./);
    expect(host.run('docker service update -d --replicas 2 web').stdout).toBe('web\n');
    expect(host.run('docker service ls --format "{{.Replicas}}"').stdout).toBe('2/2\n');
  });

  it('refuses a bad scale specifier or count as scaleArgs and runScale word them', () => {
    const host = hostAfter('docker swarm init', 'docker service create -d --name web nginx');
    expect(host.run('docker service scale web').stderr).toBe(
      "invalid scale specifier 'web'.\nSee 'docker service scale --help'.\n\nUsage:  docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]\n\nScale one or multiple replicated services\n",
    );
    expect(host.run('docker service scale web=x -d')).toMatchObject({
      stderr: 'web: invalid replicas value x: strconv.ParseUint: parsing "x": invalid syntax\n',
      exitCode: 1,
    });
    expect(host.run('docker service scale nope=2 -d').stderr).toBe(
      'nope: Error response from daemon: service nope not found\n',
    );
  });

  it('removes the service and its tasks, printing each name given, the errors after (remove.go)', () => {
    const host = hostAfter('docker swarm init', 'docker service create -d --name web --replicas 2 nginx');
    expect(host.run('docker service rm web nope')).toMatchObject({
      stdout: 'web\n',
      stderr: 'Error response from daemon: service nope not found\n',
      exitCode: 1,
    });
    expect(host.run('docker ps -aq').stdout).toBe('');
    expect(host.run('docker service ls').stdout).toBe('ID        NAME      MODE      REPLICAS   IMAGE     PORTS\n');
  });

  it("loses its tasks' containers when the node leaves the swarm", () => {
    const host = hostAfter(
      'docker swarm init',
      'docker service create -d --name web nginx',
      'docker swarm leave --force',
    );
    expect(host.run('docker ps -aq').stdout).toBe('');
  });

  it("prefixes each task's log lines with service.slot.taskID@node, the slot padded to the replica count (logs.go taskFormatter)", () => {
    const host = hostAfter('docker swarm init', 'docker service create -d --name web --replicas 10 nginx');
    const lines = host.run('docker service logs web').stdout.trim().split('\n');
    const first = '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration';
    expect(lines.filter((line) => line.endsWith(first))).toHaveLength(10);
    expect(lines[0]).toMatch(/^web\.1\.[0-9a-z]{12}@docker-host {5}\| \/docker-entrypoint\.sh: /);
    expect(lines.find((line) => line.startsWith('web.10.'))).toMatch(/^web\.10\.[0-9a-z]{12}@docker-host {4}\| /);
    expect(host.run('docker service logs --no-task-ids web').stdout).toContain(`web.1@docker-host     | ${first}\n`);
    expect(host.run('docker service logs nope')).toMatchObject({
      stderr: 'no such task or service: nope\n',
      exitCode: 1,
    });
  });
});
