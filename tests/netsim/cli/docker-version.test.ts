import { describe, expect, it } from 'vitest';
import { SIMULATED_DOCKER_VERSION } from '../../../src/netsim/index';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(61);

// Layout: docker/cli v29.7.2 cli/command/system/version.go defaultVersionTemplate
// through its tabwriter (minwidth 20, padding 1), as in docs/reference/commandline/
// version.md. Values: the v29.7.2 / docker-v29.7.2 tags (commits a7dcaa6 and
// 6a43e3d, their commit times, Dockerfile GO_VERSION, CONTAINERD_VERSION,
// RUNC_VERSION, TINI_VERSION, API 1.55, minimum API 1.40) and the containerd
// v2.3.3 and runc v1.4.3 tag commits.
const EXPECTED = `Client: Docker Engine - Community
 Version:           29.7.2
 API version:       1.55
 Go version:        go1.26.5
 Git commit:        a7dcaa6
 Built:             Wed Aug  5 17:34:15 2026
 OS/Arch:           linux/amd64
 Context:           default

Server: Docker Engine - Community
 Engine:
  Version:          29.7.2
  API version:      1.55 (minimum version 1.40)
  Go version:       go1.26.5
  Git commit:       6a43e3d
  Built:            Wed Aug  5 18:24:27 2026
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          v2.3.3
  GitCommit:        aad11006b869517fcd3009450b6f82da282e1a9b
 runc:
  Version:          1.4.3
  GitCommit:        v1.4.3-0-gbb14dab
 docker-init:
  Version:          0.19.0
  GitCommit:        de40ad0
`;

describe('docker version', () => {
  it('prints the Client and Server sections of Docker 29.7.2 on Debian amd64', () => {
    expect(hostAfter().run('docker version')).toMatchObject({ stdout: EXPECTED, stderr: '', exitCode: 0 });
  });

  it('is the version the simulator claims', () => {
    expect(hostAfter().run("docker version --format '{{.Server.Version}}'").stdout).toMatch(
      new RegExp(`^${SIMULATED_DOCKER_VERSION}\\.\\d+\\.\\d+\\n$`),
    );
  });

  it.each([
    // docs/reference/commandline/version.md: --format '{{.Client.APIVersion}}'
    ["'{{.Client.APIVersion}}'", '1.55\n'],
    ["'{{.Server.APIVersion}} {{.Server.MinAPIVersion}} {{.Server.Os}}/{{.Server.Arch}}'", '1.55 1.40 linux/amd64\n'],
    ["'{{range .Server.Components}}{{.Name}} {{end}}'", 'Engine containerd runc docker-init \n'],
    ["'{{json .Client.Platform}}'", '{"Name":"Docker Engine - Community"}\n'],
  ])('--format %s', (format, expected) => {
    expect(hostAfter().run(`docker version --format ${format}`).stdout).toBe(expected);
  });

  it('names its template "version" in parse errors, with status 64', () => {
    expect(hostAfter().run("docker version -f '{{nosuch}}'")).toMatchObject({
      stderr: 'template parsing error: template: version:1: function "nosuch" not defined\n',
      exitCode: 64,
    });
  });
});

// Command paths: docker/cli v29.7.2 cli/command/container/cmd.go (the `container`
// group, `ls` with aliases ps and list, `rm` with remove), image/cmd.go, and
// cli/required.go NoArgs for an unknown verb of a management command.
describe('docker container and docker image long forms', () => {
  it.each([
    ['docker container run -dit --name c1 alpine', 'docker run -dit --name c1 alpine'],
    ['docker container create --name c1 alpine', 'docker create --name c1 alpine'],
  ])('%s does what %s does', (long, short) => {
    expect(hostAfter().run(long).stdout).toBe(hostAfter().run(short).stdout);
  });

  it('lists containers with container ls, list and ps, and -a', () => {
    const listed = () => hostAfter('docker run -dit --name c1 alpine', 'docker create --name c2 alpine');
    const ps = listed().run('docker ps -a').stdout;
    expect(ps).toContain('c2');
    for (const verb of ['ls -a', 'list -a', 'ps -a']) expect(listed().run(`docker container ${verb}`).stdout).toBe(ps);
  });

  it('stops, starts, inspects, logs, kills and removes through docker container', () => {
    const host = hostAfter('docker container run -d --name web -p 8080:80 nginx');
    expect(host.run('docker container port web').stdout).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n');
    expect(host.run('docker container inspect -f "{{.State.Status}}" web').stdout).toBe('running\n');
    expect(host.run('docker container stop web').stdout).toBe('web\n');
    expect(host.run('docker container start web').stdout).toBe('web\n');
    expect(host.run('docker container restart web').stdout).toBe('web\n');
    expect(host.run('docker container logs web').exitCode).toBe(0);
    expect(host.run('docker container kill web').stdout).toBe('web\n');
    expect(host.run('docker container remove web').stdout).toBe('web\n');
    expect(host.run('docker container ls -a').stdout.split('\n')).toHaveLength(2);
  });

  it('names the long form in usage errors', () => {
    expect(hostAfter().run('docker container ls --nosuch')).toMatchObject({
      stderr:
        "unknown flag: --nosuch\n\nUsage:  docker container ls [OPTIONS]\n\nRun 'docker container ls --help' for more information\n",
      exitCode: 125,
    });
    expect(hostAfter().run('docker container run -d --dns x alpine')).toMatchObject({
      stderr:
        'invalid argument "x" for "--dns" flag: IP address is not correctly formatted: x\n\nUsage:  docker container run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun \'docker container run --help\' for more information\n',
      exitCode: 125,
    });
  });

  it.each(['container', 'image', 'network'])('rejects an unknown verb of docker %s', (group) => {
    expect(hostAfter().run(`docker ${group} nosuch`)).toMatchObject({
      stderr: `docker: unknown command: docker ${group} nosuch\n\nUsage:  docker ${group}\n\nRun 'docker ${group} --help' for more information\n`,
      exitCode: 1,
    });
  });
});
