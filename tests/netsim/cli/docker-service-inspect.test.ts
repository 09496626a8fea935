import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(1);
const WEB = [
  'docker swarm init',
  'docker network create -d overlay ov',
  'docker service create -d --name web --replicas 2 --network ov -p 8080:80 nginx',
];

// docker/cli v29.7.2 cli/command/service/inspect.go (InsertDefaults: true) and formatter.go
// serviceInspectPrettyTemplate; swarmkit api/defaults/service.go; moby api/types/swarm field order.
describe('docker service inspect', () => {
  it('prints the spec with swarmkit defaults filled in, in the field order of the swarm types', () => {
    const host = hostAfter(...WEB);
    const [service] = JSON.parse(host.run('docker service inspect web').stdout);
    expect(Object.keys(service)).toEqual(['ID', 'Version', 'CreatedAt', 'UpdatedAt', 'Spec', 'Endpoint']);
    expect(Object.keys(service.Spec)).toEqual([
      'Name',
      'Labels',
      'TaskTemplate',
      'Mode',
      'UpdateConfig',
      'RollbackConfig',
      'EndpointSpec',
    ]);
    expect(service.Spec.TaskTemplate.ContainerSpec).toEqual({
      Image: expect.stringMatching(/^nginx:latest@sha256:[0-9a-f]{64}$/),
      Init: false,
      StopGracePeriod: 10_000_000_000,
      DNSConfig: {},
      Isolation: 'default',
    });
    expect(service.Spec.TaskTemplate.RestartPolicy).toEqual({ Condition: 'any', Delay: 5_000_000_000, MaxAttempts: 0 });
    expect(JSON.stringify(service.Spec.UpdateConfig)).toBe(
      '{"Parallelism":1,"FailureAction":"pause","Monitor":5000000000,"MaxFailureRatio":0,"Order":"stop-first"}',
    );
    expect(JSON.stringify(service.Endpoint.Ports)).toBe(
      '[{"Protocol":"tcp","TargetPort":80,"PublishedPort":8080,"PublishMode":"ingress"}]',
    );
  });

  it('lists a VIP on ingress first, then on each network, from their pools', () => {
    const host = hostAfter(...WEB);
    const ids = host.run('docker network ls --no-trunc --format "{{.Name}} {{.ID}}"').stdout;
    const id = (name: string) => new RegExp(`^${name} (\\S+)$`, 'm').exec(ids)![1]!;
    expect(host.run("docker service inspect -f '{{json .Endpoint.VirtualIPs}}' web").stdout).toBe(
      `[{"NetworkID":"${id('ingress')}","Addr":"10.0.0.3/24"},{"NetworkID":"${id('ov')}","Addr":"10.0.1.2/24"}]\n`,
    );
  });

  it('--pretty runs docker/cli template on the service', () => {
    const host = hostAfter(...WEB);
    const id = host.run('docker service ls -q').stdout.trim();
    const image = host.run("docker service inspect -f '{{.Spec.TaskTemplate.ContainerSpec.Image}}' web").stdout.trim();
    expect(host.run('docker service inspect --pretty web').stdout).toBe(
      [
        '',
        `ID:\t\t${id}`,
        'Name:\t\tweb',
        'Service Mode:\tReplicated',
        ' Replicas:\t2',
        'Placement:',
        'UpdateConfig:',
        ' Parallelism:\t1',
        ' On failure:\tpause',
        ' Monitoring Period: 5s',
        ' Max failure ratio: 0',
        ' Update order:      stop-first',
        'RollbackConfig:',
        ' Parallelism:\t1',
        ' On failure:\tpause',
        ' Monitoring Period: 5s',
        ' Max failure ratio: 0',
        ' Rollback order:    stop-first',
        'ContainerSpec:',
        ` Image:\t\t${image}`,
        ' Init:\t\tfalse',
        'Resources:',
        'Networks: ov ',
        'Endpoint Mode:\tvip',
        'Ports:',
        ' PublishedPort = 8080',
        '  Protocol = tcp',
        '  TargetPort = 80',
        '  PublishMode = ingress ',
        '',
        '',
      ].join('\n'),
    );
  });

  it('refuses a template after pretty, and words a missing service as the client does', () => {
    const host = hostAfter(...WEB);
    expect(host.run("docker service inspect -f 'pretty{{.ID}}' web")).toMatchObject({
      stderr: 'cannot supply extra formatting options to the pretty template\n',
      exitCode: 1,
    });
    expect(host.run('docker service inspect --pretty nope')).toMatchObject({
      stdout: '',
      stderr: 'no such service: nope\n',
      exitCode: 1,
    });
  });
});
