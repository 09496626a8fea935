import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(41);
const inspectOne = (host: ReturnType<typeof hostAfter>, reference: string) =>
  JSON.parse(host.run(`docker inspect ${reference}`).stdout)[0];

// Field order: moby docker-v29.7.2 api/types/container (InspectResponse, State,
// HostConfig with its embedded Resources, Config, NetworkSettings) and
// api/types/network EndpointSettings, with omitempty fields left out; values of a
// fresh container: the same types, daemon/inspect.go, daemon/daemon_unix.go
// adaptContainerSettings, daemon/pkg/oci/defaults.go, and a real Docker 29
// `docker inspect webserver` (nginx, 2026) that shows these HostConfig defaults.
describe('docker inspect of a container', () => {
  it("prints API 1.52's fields in the order of moby's structs", () => {
    const container = inspectOne(hostAfter('docker run -d --name web nginx'), 'web');
    expect(Object.keys(container)).toEqual([
      'Id',
      'Created',
      'Path',
      'Args',
      'State',
      'Image',
      'ResolvConfPath',
      'HostnamePath',
      'HostsPath',
      'LogPath',
      'Name',
      'RestartCount',
      'Driver',
      'Platform',
      'MountLabel',
      'ProcessLabel',
      'AppArmorProfile',
      'ExecIDs',
      'HostConfig',
      'Storage',
      'Mounts',
      'Config',
      'NetworkSettings',
      'ImageManifestDescriptor',
    ]);
    expect(Object.keys(container.State)).toEqual([
      'Status',
      'Running',
      'Paused',
      'Restarting',
      'OOMKilled',
      'Dead',
      'Pid',
      'ExitCode',
      'Error',
      'StartedAt',
      'FinishedAt',
    ]);
    expect(Object.keys(container.Config)).toEqual([
      'Hostname',
      'Domainname',
      'User',
      'AttachStdin',
      'AttachStdout',
      'AttachStderr',
      'ExposedPorts',
      'Tty',
      'OpenStdin',
      'StdinOnce',
      'Env',
      'Cmd',
      'Image',
      'Volumes',
      'WorkingDir',
      'Entrypoint',
      'Labels',
      'StopSignal',
    ]);
    expect(Object.keys(container.NetworkSettings)).toEqual(['SandboxID', 'SandboxKey', 'Ports', 'Networks']);
    expect(Object.keys(container.NetworkSettings.Networks.bridge)).toEqual([
      'IPAMConfig',
      'Links',
      'Aliases',
      'DriverOpts',
      'GwPriority',
      'NetworkID',
      'EndpointID',
      'Gateway',
      'IPAddress',
      'MacAddress',
      'IPPrefixLen',
      'IPv6Gateway',
      'GlobalIPv6Address',
      'GlobalIPv6PrefixLen',
      'DNSNames',
    ]);
    expect(Object.keys(container.HostConfig)).toEqual([
      'Binds',
      'ContainerIDFile',
      'LogConfig',
      'NetworkMode',
      'PortBindings',
      'RestartPolicy',
      'AutoRemove',
      'VolumeDriver',
      'VolumesFrom',
      'ConsoleSize',
      'CapAdd',
      'CapDrop',
      'CgroupnsMode',
      'Dns',
      'DnsOptions',
      'DnsSearch',
      'ExtraHosts',
      'GroupAdd',
      'IpcMode',
      'Cgroup',
      'Links',
      'OomScoreAdj',
      'PidMode',
      'Privileged',
      'PublishAllPorts',
      'ReadonlyRootfs',
      'SecurityOpt',
      'UTSMode',
      'UsernsMode',
      'ShmSize',
      'Runtime',
      'Isolation',
      'CpuShares',
      'Memory',
      'NanoCpus',
      'CgroupParent',
      'BlkioWeight',
      'BlkioWeightDevice',
      'BlkioDeviceReadBps',
      'BlkioDeviceWriteBps',
      'BlkioDeviceReadIOps',
      'BlkioDeviceWriteIOps',
      'CpuPeriod',
      'CpuQuota',
      'CpuRealtimePeriod',
      'CpuRealtimeRuntime',
      'CpusetCpus',
      'CpusetMems',
      'Devices',
      'DeviceCgroupRules',
      'DeviceRequests',
      'MemoryReservation',
      'MemorySwap',
      'MemorySwappiness',
      'OomKillDisable',
      'PidsLimit',
      'Ulimits',
      'CpuCount',
      'CpuPercent',
      'IOMaximumIOps',
      'IOMaximumBandwidth',
      'MaskedPaths',
      'ReadonlyPaths',
    ]);
  });

  it("indents with four spaces as docker/cli's inspector does", () => {
    expect(hostAfter('docker run -d --name web nginx').run('docker inspect web').stdout).toMatch(
      /^\[\n {4}\{\n {8}"Id": "[0-9a-f]{64}",\n {8}"Created": "2026-11-16T09:30:0\d\.\d{1,9}Z",\n {8}"Path": "\/docker-entrypoint\.sh",\n {8}"Args": \[\n {12}"nginx",\n {12}"-g",\n {12}"daemon off;"\n {8}\],\n/,
    );
    expect(hostAfter('docker run -d --name web nginx').run('docker inspect web').stdout).toMatch(
      /\n {8}"Mounts": \[\],\n/,
    );
  });

  it('has the HostConfig defaults of a Docker 29 daemon on cgroup v2', () => {
    const { HostConfig, Storage, Driver } = inspectOne(hostAfter('docker run -d --name web nginx'), 'web');
    expect(HostConfig).toMatchObject({
      Binds: null,
      LogConfig: { Type: 'json-file', Config: {} },
      NetworkMode: 'bridge',
      PortBindings: {},
      RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
      CgroupnsMode: 'private',
      Dns: null,
      DnsOptions: [],
      DnsSearch: [],
      ExtraHosts: null,
      IpcMode: 'private',
      ShmSize: 67108864,
      Runtime: 'runc',
      MemorySwappiness: null,
      OomKillDisable: null,
      PidsLimit: null,
      Ulimits: [],
      Devices: [],
      MaskedPaths: [
        '/proc/acpi',
        '/proc/asound',
        '/proc/interrupts',
        '/proc/kcore',
        '/proc/keys',
        '/proc/latency_stats',
        '/proc/sched_debug',
        '/proc/scsi',
        '/proc/timer_list',
        '/proc/timer_stats',
        '/sys/devices/virtual/powercap',
        '/sys/firmware',
      ],
      ReadonlyPaths: ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'],
    });
    expect(Storage).toEqual({ RootFS: { Snapshot: { Name: 'overlayfs' } } });
    expect(Driver).toBe('overlayfs');
  });

  it("gives State.Pid the first process's PID while it runs, 0 once it exits", () => {
    const host = hostAfter('docker run -d --name web nginx');
    const pid = host.snapshot().engine.containers[0]!.pid;
    expect(host.run('docker inspect -f "{{.State.Pid}} {{.State.Status}} {{.State.Running}}" web').stdout).toBe(
      `${pid} running true\n`,
    );
    host.run('docker stop web');
    expect(host.run('docker inspect -f "{{.State.Pid}} {{.State.Status}} {{.State.ExitCode}}" web').stdout).toBe(
      '0 exited 0\n',
    );
  });

  it('shows the address while running, and the released endpoint after a stop', () => {
    const host = hostAfter('docker run -d --name web -p 8080:80 nginx');
    const running = inspectOne(host, 'web');
    expect(running.NetworkSettings.SandboxKey).toBe(
      `/var/run/docker/netns/${running.NetworkSettings.SandboxID.slice(0, 12)}`,
    );
    expect(running.NetworkSettings.Ports).toEqual({
      '80/tcp': [
        { HostIp: '0.0.0.0', HostPort: '8080' },
        { HostIp: '::', HostPort: '8080' },
      ],
    });
    expect(running.HostConfig.PortBindings).toEqual({ '80/tcp': [{ HostIp: '', HostPort: '8080' }] });
    expect(running.NetworkSettings.Networks.bridge).toMatchObject({
      Gateway: '172.17.0.1',
      IPAddress: '172.17.0.2',
      IPPrefixLen: 16,
      DNSNames: null,
      MacAddress: expect.stringMatching(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/),
    });
    host.run('docker stop web');
    const stopped = inspectOne(host, 'web');
    expect(stopped.NetworkSettings).toMatchObject({ SandboxID: '', SandboxKey: '', Ports: {} });
    expect(stopped.NetworkSettings.Networks.bridge).toMatchObject({
      NetworkID: running.NetworkSettings.Networks.bridge.NetworkID,
      EndpointID: '',
      IPAddress: '',
      MacAddress: '',
      IPPrefixLen: 0,
    });
    expect(stopped.State.FinishedAt > stopped.State.StartedAt).toBe(true);
  });

  it('keeps aliases, links, the MAC and --ip on a user-defined network, and names the endpoint in DNSNames', () => {
    const host = hostAfter(
      'docker network create red1',
      'docker run -dit --name a --network red1 --network-alias db --link b:other --ip 172.18.0.9 --mac-address 92:d0:c6:0a:29:33 -h box alpine',
    );
    const { Id, NetworkSettings, HostConfig } = inspectOne(host, 'a');
    expect(NetworkSettings.Networks.red1).toMatchObject({
      IPAMConfig: { IPv4Address: '172.18.0.9' },
      Links: ['b:other'],
      Aliases: ['db'],
      IPAddress: '172.18.0.9',
      MacAddress: '92:d0:c6:0a:29:33',
      DNSNames: ['a', 'db', Id.slice(0, 12), 'box'],
    });
    expect(HostConfig.Links).toBeNull();
  });

  it('shows legacy links on the default bridge as /child:/parent/alias', () => {
    const host = hostAfter('docker run -dit --name db alpine', 'docker run -dit --name web --link db:database alpine');
    expect(inspectOne(host, 'web').HostConfig.Links).toEqual(['/db:/web/database']);
  });

  it('shows a created container with its configuration and no runtime data', () => {
    const container = inspectOne(
      hostAfter('docker create --name c -i --mac-address 92:d0:c6:0a:29:33 -e A=1 alpine'),
      'c',
    );
    expect(container.State).toMatchObject({
      Status: 'created',
      Pid: 0,
      StartedAt: '0001-01-01T00:00:00Z',
      FinishedAt: '0001-01-01T00:00:00Z',
    });
    expect(container.Config).toMatchObject({
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      OpenStdin: true,
      StdinOnce: true,
      Env: ['A=1', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      Cmd: ['/bin/sh'],
      Entrypoint: null,
      Labels: {},
    });
    expect(container.NetworkSettings.Networks.bridge).toMatchObject({
      NetworkID: '',
      EndpointID: '',
      MacAddress: '92:d0:c6:0a:29:33',
    });
  });

  it('records volumes as binds, named and anonymous volumes', () => {
    const { HostConfig, Mounts, Config } = inspectOne(
      hostAfter('docker run -dit --name v -v /srv/www:/usr/share/nginx/html:ro -v data:/data -v /cache alpine'),
      'v',
    );
    expect(HostConfig.Binds).toEqual(['/srv/www:/usr/share/nginx/html:ro', 'data:/data']);
    expect(Config.Volumes).toEqual({ '/cache': {} });
    expect(
      Mounts.map((m: { Type: string; Destination: string; RW: boolean }) => [m.Type, m.Destination, m.RW]),
    ).toEqual([
      ['bind', '/usr/share/nginx/html', false],
      ['volume', '/data', true],
      ['volume', '/cache', true],
    ]);
  });
});

// Expected outputs: docker/cli v29.7.2 docs/reference/commandline/inspect.md
// examples, seed 004 (a real `docker inspect -f ... $(docker ps -aq)`), and real
// Docker 29.7.2 failing on the removed NetworkSettings.IPAddress
// (test-kitchen/kitchen-docker#479).
describe('docker inspect --format', () => {
  const twoAlpines = () => hostAfter('docker run -dit --name alpine1 alpine', 'docker run -dit --name alpine2 alpine');

  it("prints each container's name and addresses as in seed 004", () => {
    expect(
      twoAlpines().run(
        "docker inspect -f '{{.Name}} - {{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' alpine2 alpine1",
      ).stdout,
    ).toBe('/alpine2 - 172.17.0.3\n/alpine1 - 172.17.0.2\n');
  });

  it.each([
    ["'{{range .NetworkSettings.Networks}}{{.MacAddress}}{{end}}'", /^([0-9a-f]{2}:){5}[0-9a-f]{2}\n$/],
    ["'{{.LogPath}}'", /^\/var\/lib\/docker\/containers\/([0-9a-f]{64})\/\1-json\.log\n$/],
    ["'{{.Config.Image}}'", /^nginx\n$/],
    [
      "'{{range $p, $conf := .NetworkSettings.Ports}} {{$p}} -> {{with $conf}}{{(index . 0).HostPort}}{{else}}none{{end}} {{end}}'",
      /^ 443\/tcp -> none {2}80\/tcp -> 8080 \n$/,
    ],
    ['\'{{(index (index .NetworkSettings.Ports "80/tcp") 0).HostPort}}\'', /^8080\n$/],
    ["'{{json .Config.Labels}}'", /^\{"maintainer":"NGINX Docker Maintainers <docker-maint@nginx.com>"\}\n$/],
    ["'{{.Config.Labels.nosuch}}'", /^<no value>\n$/],
  ])('docker inspect --format=%s web', (format, expected) => {
    expect(
      hostAfter('docker run -d --name web -p 8080:80 --expose 443 nginx').run(`docker inspect --format=${format} web`)
        .stdout,
    ).toMatch(expected);
  });

  it('fails on NetworkSettings.IPAddress, which API 1.52 removed, with an empty line and status 1', () => {
    expect(
      hostAfter('docker run -d --name web nginx').run("docker inspect --format '{{ .NetworkSettings.IPAddress }}' web"),
    ).toEqual({
      prompt: '$ ',
      command: "docker inspect --format '{{ .NetworkSettings.IPAddress }}' web",
      stdout: '\n',
      stderr:
        'template parsing error: template: :1:19: executing "" at <.NetworkSettings.IPAddress>: map has no entry for key "IPAddress"\n',
      exitCode: 1,
      output:
        '\ntemplate parsing error: template: :1:19: executing "" at <.NetworkSettings.IPAddress>: map has no entry for key "IPAddress"\n',
      elapsedMs: 0,
    });
  });

  it('prints `invalid IP` for the address of a stopped container, as fmt prints a zero netip.Addr', () => {
    expect(
      hostAfter('docker run -d --name web nginx', 'docker stop web').run(
        "docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' web",
      ).stdout,
    ).toBe('invalid IP\n');
  });

  it('prints one compact array for --format json', () => {
    const out = twoAlpines().run('docker inspect --format json alpine1 bridge').stdout;
    expect(out.split('\n')).toHaveLength(2);
    expect(JSON.parse(out).map((o: { Name: string }) => o.Name)).toEqual(['/alpine1', 'bridge']);
  });

  it('stops on a template that does not parse, with status 64', () => {
    expect(twoAlpines().run("docker inspect -f '{{.Name' alpine1")).toMatchObject({
      stdout: '',
      stderr: 'template parsing error: template: :1: unclosed action\n',
      exitCode: 64,
    });
  });
});

// Expected texts: docker/cli v29.7.2 cli/command/system/inspect.go (inspectAll,
// `error: no such object: %s`, the --type checks), cli/command/inspect/inspector.go
// (objects first, then errors; `[]` when none) and moby's `No such container`.
describe('docker inspect errors', () => {
  it('prints what it found and names what it did not, with status 1', () => {
    const result = hostAfter('docker run -dit --name c1 alpine').run('docker inspect -f {{.Name}} c1 nosuch bridge');
    expect(result).toMatchObject({ stdout: '/c1\nbridge\n', stderr: 'error: no such object: nosuch\n', exitCode: 1 });
  });

  it('prints an empty array when nothing is found', () => {
    expect(hostAfter().run('docker inspect nosuch')).toMatchObject({
      stdout: '[]\n',
      stderr: 'error: no such object: nosuch\n',
      exitCode: 1,
    });
  });

  it("takes the daemon's error when the type is given", () => {
    expect(hostAfter().run('docker inspect --type container nosuch')).toMatchObject({
      stdout: '[]\n',
      stderr: 'Error response from daemon: No such container: nosuch\n',
      exitCode: 1,
    });
    expect(hostAfter().run('docker container inspect nosuch')).toMatchObject({
      stdout: '[]\n',
      stderr: 'Error response from daemon: No such container: nosuch\n',
      exitCode: 1,
    });
    expect(hostAfter().run('docker inspect --type network nosuch')).toMatchObject({
      stderr: 'Error response from daemon: network nosuch not found\n',
      exitCode: 1,
    });
  });

  it('finds a network by name when no container has it', () => {
    expect(hostAfter().run('docker inspect -f "{{.Driver}}" host').stdout).toBe('host\n');
  });

  it('rejects an unknown --type', () => {
    expect(hostAfter().run('docker inspect --type box x')).toMatchObject({
      stderr:
        'unknown type: "box": must be one of "config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"\n',
      exitCode: 1,
    });
  });
});
