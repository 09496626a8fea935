import { describe, expect, it } from 'vitest';
import { prettyPrintEvent } from '../../../src/netsim/format/docker-events';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(72);

/** The events' lines without their timestamps: `type action actor (attributes)`. */
const withoutTimes = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace(/^\S+ /, ''));

// docker/cli v29.7.2 cli/command/system/events.go prettyPrintEvent: rfc3339NanoFixed time,
// type, action, actor ID, then the attributes sorted by key.
describe('the events printer', () => {
  it('prints the time with nine digits, then the attributes sorted', () => {
    const line = prettyPrintEvent({
      type: 'network',
      action: 'connect',
      actorId: 'abc',
      attributes: { type: 'bridge', name: 'red1', container: 'def' },
      timeMs: Date.UTC(2026, 0, 2, 3, 4, 5, 67),
      subMsNanos: 891,
    });
    expect(line).toBe('2026-01-02T03:04:05.067000891Z network connect abc (container=def, name=red1, type=bridge)\n');
  });
});

// What the daemon logs, and in which order (moby docker-v29.7.2): create.go `create`,
// container_operations.go connectToNetwork `connect` with container=ID, start.go `start`;
// kill.go `kill` with the signal's number (nginx stops with SIGQUIT); monitor.go
// handleContainerExit: Cleanup's releaseNetwork (`disconnect`) before `die` with exitCode
// and execDuration; stop.go `stop` last; delete.go `destroy`; network.go create/destroy;
// events.go: a container's labels, image and name, a network's name and type.
describe('docker events', () => {
  it("lists the past events between --since and --until, in the daemon's order", () => {
    const host = hostAfter(
      'docker network create red1',
      'docker run -d --name web --network red1 nginx',
      'docker stop web',
      'docker rm web',
      'docker network rm red1',
    );
    const web = host
      .run('docker events --since 1h --until 0s --filter type=container --format "{{.Actor.ID}}"')
      .stdout.split('\n')[0]!;
    const red1 = host
      .run('docker events --since 1h --until 0s --filter type=network --format "{{.Actor.ID}}"')
      .stdout.split('\n')[0]!;
    const nginx = 'image=nginx, maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>, name=web';
    const result = host.run('docker events --since 1h --until 0s');
    expect(result.exitCode).toBe(0);
    expect(withoutTimes(result.stdout)).toEqual([
      `network create ${red1} (name=red1, type=bridge)`,
      `container create ${web} (${nginx})`,
      `network connect ${red1} (container=${web}, name=red1, type=bridge)`,
      `container start ${web} (${nginx})`,
      `container kill ${web} (${nginx}, signal=3)`,
      `network disconnect ${red1} (container=${web}, name=red1, type=bridge)`,
      expect.stringMatching(
        new RegExp(`^container die ${web} \\(execDuration=\\d+, exitCode=0, ${nginx.replace(/[<>.]/g, '\\$&')}\\)$`),
      ),
      `container stop ${web} (${nginx})`,
      `container destroy ${web} (${nginx})`,
      `network destroy ${red1} (name=red1, type=bridge)`,
    ]);
    expect(result.stdout).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z network create /);
  });

  it('filters by type, event, container (a prefix of its name or ID) and image', () => {
    const host = hostAfter(
      'docker run --name one alpine true',
      'docker run -d --name web nginx',
      'docker pause web',
      'docker unpause web',
    );
    const past = '--since 1h --until 0s';
    expect(host.run(`docker events ${past} --filter container=we --format '{{.Action}}'`).stdout).toBe(
      'create\nstart\npause\nunpause\n',
    );
    expect(
      host.run(`docker events ${past} -f event=die -f event=start --format '{{.Action}} {{.Actor.Attributes.name}}'`)
        .stdout,
    ).toBe('start one\ndie one\nstart web\n');
    expect(host.run(`docker events ${past} -f image=alpine -f type=container --format '{{.Action}}'`).stdout).toBe(
      'create\nstart\ndie\n',
    );
    expect(
      host.run(
        `docker events ${past} -f type=network -f event=connect --format '{{.Actor.Attributes.name}} {{.Actor.Attributes.type}}'`,
      ).stdout,
    ).toBe('bridge bridge\nbridge bridge\n');
  });

  it('prints JSON lines with --format json, TimeNano whole', () => {
    const host = hostAfter('docker run --name one alpine true');
    const line = host.run('docker events --since 1h --until 0s -f event=die --format json').stdout;
    const id = host.run("docker inspect -f '{{.Id}}' one").stdout.trim();
    expect(line).toMatch(
      new RegExp(
        `^\\{"Type":"container","Action":"die","Actor":\\{"ID":"${id}","Attributes":\\{"execDuration":"0","exitCode":"0","image":"alpine","name":"one"\\}\\},"scope":"local","time":(\\d+),"timeNano":\\1\\d{9}\\}\\n$`,
      ),
    );
    expect(host.run("docker events --since 1h --until 0s -f event=die --format '{{.TimeNano}}'").stdout).toBe(
      `${JSON.stringify(line).match(/"timeNano\\":(\d+)/)![1]}\n`,
    );
  });

  it('streams until Ctrl-C without --until, showing nothing past without --since', () => {
    const result = hostAfter('docker run --name one alpine true').run('docker events');
    expect(result).toMatchObject({ stdout: '', exitCode: 130, output: '^C' });
    expect(hostAfter().run('docker system events --filter type=volume --since 5m')).toMatchObject({
      stdout: '',
      exitCode: 130,
    });
  });

  it('fails as the client and the daemon do', () => {
    const host = hostAfter();
    expect(host.run("docker events --format '{{.Nope}}'")).toMatchObject({
      stderr:
        'Error parsing format: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *events.Message\n',
      exitCode: 64,
    });
    expect(host.run('docker events --since soon')).toMatchObject({
      stderr: 'failed to parse value as time or duration: "soon"\n',
      exitCode: 1,
    });
    expect(host.run('docker events --since 1700000100 --until 1700000000')).toMatchObject({
      stderr: 'Error response from daemon: `since` time (1700000100) cannot be after `until` time (1700000000)\n',
      exitCode: 1,
    });
    expect(host.run('docker events --filter nope')).toMatchObject({
      stderr:
        'invalid argument "nope" for "-f, --filter" flag: bad format of filter (expected name=value)\n\nUsage:  docker events [OPTIONS]\n\nRun \'docker events --help\' for more information\n',
      exitCode: 125,
    });
    expect(host.run('docker events extra')).toMatchObject({ exitCode: 1 });
  });
});
