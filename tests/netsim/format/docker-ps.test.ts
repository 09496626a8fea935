import { describe, expect, it } from 'vitest';
import { formatList } from '../../../src/netsim/format/docker-formatter';
import { containerContext, psFormat, PS_HEADER, type ContainerSummary } from '../../../src/netsim/format/docker-ps';
import { goTimeString } from '../../../src/netsim/wire/go-time-string';

const NOW_MS = Date.UTC(2026, 10, 16, 12, 0, 0);
const DAY_SECONDS = 24 * 3600;

/** A container.Summary with Go's zero values, then the test's fields. */
function summary(fields: Partial<ContainerSummary>): ContainerSummary {
  return {
    id: '',
    names: [],
    image: '',
    command: '',
    created: 0,
    ports: [],
    labels: {},
    state: '',
    status: '',
    health: '',
    sizeRw: 0,
    sizeRootFs: 0,
    mounts: [],
    networks: [],
    platform: undefined,
    ...fields,
  };
}

function write(format: string, summaries: ContainerSummary[], { trunc = true } = {}) {
  const rows = summaries.map((s) => containerContext(s, { trunc, nowMs: NOW_MS }));
  return formatList({ format, header: PS_HEADER, rows, typeName: '*formatter.ContainerContext' });
}

// Cases and expected texts: docker/cli v29.7.2 cli/command/formatter/container_test.go,
// TestContainerContextWrite: two running ubuntu containers created a day ago, no status.
describe("docker ps formats on docker/cli's TestContainerContextWrite containers", () => {
  const created = Math.floor(NOW_MS / 1000) - DAY_SECONDS;
  const createdText = goTimeString(created * 1000, 0);
  const containers = [
    summary({ id: 'containerID1', names: ['/foobar_baz'], image: 'ubuntu', created, state: 'running' }),
    summary({ id: 'containerID2', names: ['/foobar_bar'], image: 'ubuntu', created, state: 'running' }),
  ];

  it.each([
    [
      psFormat('table', false, true),
      'CONTAINER ID   IMAGE     COMMAND   CREATED        STATUS    PORTS     NAMES        SIZE\ncontainerID1   ubuntu    ""        24 hours ago                       foobar_baz   0B\ncontainerID2   ubuntu    ""        24 hours ago                       foobar_bar   0B\n',
    ],
    [
      psFormat('table', false, false),
      'CONTAINER ID   IMAGE     COMMAND   CREATED        STATUS    PORTS     NAMES\ncontainerID1   ubuntu    ""        24 hours ago                       foobar_baz\ncontainerID2   ubuntu    ""        24 hours ago                       foobar_bar\n',
    ],
    [psFormat('table {{.Image}}', false, false), 'IMAGE\nubuntu\nubuntu\n'],
    [psFormat('table {{.Image}}', false, true), 'IMAGE\nubuntu\nubuntu\n'],
    [psFormat('table {{.Image}}', true, false), 'containerID1\ncontainerID2\n'],
    [psFormat('table', true, false), 'containerID1\ncontainerID2\n'],
    [psFormat('table {{.State}}', false, true), 'STATE\nrunning\nrunning\n'],
    [psFormat('raw', true, false), 'container_id: containerID1\ncontainer_id: containerID2\n'],
    ['{{.Image}}', 'ubuntu\nubuntu\n'],
    [psFormat('{{.Image}}', false, true), 'ubuntu\nubuntu\n'],
    [
      psFormat(
        'table {{truncate .ID 5}}\\t{{json .Image}} {{.RunningFor}}/{{title .Status}}/{{pad .Ports 2 2}}.{{upper .Names}} {{lower .Status}}',
        false,
        true,
      ),
      // testdata/container-context-write-special-headers.golden
      'CONTAINER ID   IMAGE CREATED/STATUS/  PORTS  .NAMES STATUS\nconta          "ubuntu" 24 hours ago//.FOOBAR_BAZ \nconta          "ubuntu" 24 hours ago//.FOOBAR_BAR \n',
    ],
    [psFormat('table {{split .Image ":"}}', false, false), 'IMAGE\n[ubuntu]\n[ubuntu]\n'],
  ])('%j', (format, expected) => {
    expect(write(format, containers)).toEqual({ ok: true, text: expected });
  });

  it.each([false, true])('raw, with size %s', (size) => {
    const block = (id: string, name: string) =>
      `container_id: ${id}\nimage: ubuntu\ncommand: ""\ncreated_at: ${createdText}\nstate: running\nstatus:\nnames: ${name}\nlabels:\nports:\n${size ? 'size: 0B\n' : ''}\n`;
    expect(write(psFormat('raw', false, size), containers)).toEqual({
      ok: true,
      text: block('containerID1', 'foobar_baz') + block('containerID2', 'foobar_bar'),
    });
  });
});

describe('docker ps --format json (docker/cli TestContainerContextWriteJSON)', () => {
  it('marshals every method of ContainerContext, Platform as the OCI object or null', () => {
    const created = Math.floor(NOW_MS / 1000) - 60;
    const rows = [
      summary({ id: 'containerID1', names: ['/foobar_baz'], image: 'ubuntu', created, state: 'running' }),
      summary({
        id: 'containerID2',
        names: ['/foobar_bar'],
        image: 'ubuntu',
        created,
        state: 'running',
        platform: { architecture: 'amd64', os: 'linux' },
      }),
    ];
    const result = write('json', rows);
    const expected = (id: string, name: string, platform: unknown) => ({
      Command: '""',
      CreatedAt: goTimeString(created * 1000, 0),
      HealthStatus: '',
      ID: id,
      Image: 'ubuntu',
      Labels: '',
      LocalVolumes: '0',
      Mounts: '',
      Names: name,
      Networks: '',
      Platform: platform,
      Ports: '',
      RunningFor: 'About a minute ago',
      Size: '0B',
      State: 'running',
      Status: '',
    });
    expect(
      result.ok &&
        result.text
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line)),
    ).toEqual([
      expected('containerID1', 'foobar_baz', null),
      expected('containerID2', 'foobar_bar', { architecture: 'amd64', os: 'linux' }),
    ]);
  });

  it('escapes <, > and & in the whole-row json, as json.Marshal does, but not in {{json .Labels}}', () => {
    const row = summary({ id: 'x', labels: { maintainer: 'NGINX <docker-maint@nginx.com>' } });
    expect(write('json', [row])).toMatchObject({
      text: expect.stringContaining('"Labels":"maintainer=NGINX \\u003cdocker-maint@nginx.com\\u003e"'),
    });
    expect(write('{{json .Labels}}', [row])).toEqual({
      ok: true,
      text: '"maintainer=NGINX <docker-maint@nginx.com>"\n',
    });
  });
});

// Inputs and expected texts: docker/cli v29.7.2 cli/command/container/list_test.go with
// internal/test/builders (busybox:latest, "top", created a minute ago, "Up 1 minute") and
// testdata/container-list-*.golden.
describe("docker ps of docker/cli's list_test.go containers", () => {
  const base = (name: string, fields: Partial<ContainerSummary> = {}) =>
    summary({
      id: 'container_id',
      names: [`/${name}`],
      command: 'top',
      image: 'busybox:latest',
      status: 'Up 1 minute',
      created: Math.floor(NOW_MS / 1000) - 60,
      ...fields,
    });
  const port = (privatePort: number, type: string, ip?: string) => ({ ip, privatePort, publicPort: privatePort, type });

  it('container-list-without-format.golden', () => {
    const containers = [
      base('c1'),
      base('c2', { names: ['/c2', '/foo'] }),
      base('c3', { ports: [port(80, 'tcp'), port(81, 'tcp'), port(82, 'tcp')] }),
      base('c4', { ports: [port(81, 'udp')] }),
      base('c5', { ports: [port(82, 'tcp', '8.8.8.8')] }),
    ];
    expect(write(psFormat('', false, false), containers)).toEqual({
      ok: true,
      text: `CONTAINER ID   IMAGE            COMMAND   CREATED              STATUS        PORTS                NAMES
container_id   busybox:latest   "top"     About a minute ago   Up 1 minute                        c1
container_id   busybox:latest   "top"     About a minute ago   Up 1 minute                        c2
container_id   busybox:latest   "top"     About a minute ago   Up 1 minute   80-82/tcp            c3
container_id   busybox:latest   "top"     About a minute ago   Up 1 minute   81/udp               c4
container_id   busybox:latest   "top"     About a minute ago   Up 1 minute   8.8.8.8:82->82/tcp   c5
`,
    });
  });

  it('container-list-without-format-no-trunc.golden', () => {
    const containers = [base('c1'), base('c2', { names: ['/c2', '/foo/bar'] })];
    expect(write(psFormat('', false, false), containers, { trunc: false })).toEqual({
      ok: true,
      text: `CONTAINER ID   IMAGE            COMMAND   CREATED              STATUS        PORTS     NAMES
container_id   busybox:latest   "top"     About a minute ago   Up 1 minute             c1
container_id   busybox:latest   "top"     About a minute ago   Up 1 minute             c2,foo/bar
`,
    });
  });

  it('container-list-with-format.golden and container-list-quiet.golden', () => {
    const containers = [
      base('c1', { labels: { 'some.label': 'value' } }),
      base('c2', { names: ['/c2', '/foo/bar'], labels: { foo: 'bar' } }),
    ];
    expect(write(psFormat('{{ .Names }} {{ .Image }} {{ .Labels }}', false, false), containers)).toEqual({
      ok: true,
      text: 'c1 busybox:latest some.label=value\nc2 busybox:latest foo=bar\n',
    });
    expect(write(psFormat('{{ .Names }} {{ .Image }} {{ .Labels }}', true, false), containers)).toEqual({
      ok: true,
      text: 'container_id\ncontainer_id\n',
    });
  });
});

// docker/cli v29.7.2 formatter/container_test.go TestContainerPsContext: images and mounts.
describe('ContainerContext fields', () => {
  const context = (fields: Partial<ContainerSummary>, trunc = true) =>
    containerContext(summary(fields), { trunc, nowMs: NOW_MS });

  const digest = 'sha256:a5a665ff33eced1e0803148700880edab4269067ed77e27737a708d0d293fbf5';
  it.each([
    ['ubuntu', true, 'ubuntu'],
    ['ubuntu:latest', true, 'ubuntu:latest'],
    ['docker.io/library/ubuntu', true, 'ubuntu'],
    ['docker.io/library/ubuntu:latest', true, 'ubuntu:latest'],
    [`ubuntu:latest@${digest}`, true, 'ubuntu:latest'],
    [`ubuntu@${digest}`, true, 'ubuntu'],
    [`docker.io/library/ubuntu@${digest}`, true, 'ubuntu'],
    [`docker.io/library/ubuntu:latest@${digest}`, true, 'ubuntu:latest'],
    ['docker.io/library/ubuntu:latest', false, 'docker.io/library/ubuntu:latest'],
    ['', true, '<no image>'],
  ])('Image %j (trunc %s) is %j', (image, trunc, expected) => {
    expect(context({ image }, trunc).Image).toBe(expected);
  });

  it('names a mount by its volume name, or its source, cut to 15 columns', () => {
    expect(
      context({
        mounts: [
          {
            name: 'this-is-a-long-volume-name-and-will-be-truncated-if-trunc-is-set',
            source: '/a/path',
            driver: 'local',
          },
        ],
      }).Mounts,
    ).toBe('this-is-a-long…');
    expect(context({ mounts: [{ name: '', source: '/a/path', driver: 'local' }] }, false).Mounts).toBe('/a/path');
    const id = '733908409c91817de8e92b0096373245f329f19a88e2c849f02460e9b3d1c203';
    expect(context({ mounts: [{ name: id, source: '/a/path', driver: 'local' }] }, false).Mounts).toBe(id);
  });

  it('quotes the command and cuts it to 20 columns', () => {
    expect(context({ command: "sh -c 'ls -la'" }).Command).toBe(`"sh -c 'ls -la'"`);
    // container_ls.md's nginx example: "Command":"\"/docker-entrypoint.…\"".
    expect(context({ command: '/docker-entrypoint.sh nginx -g daemon off;' }).Command).toBe('"/docker-entrypoint.…"');
  });

  it('prints sizes as go-units does, with the virtual size when there is one', () => {
    expect(context({ sizeRw: 10 }).Size).toBe('10B');
    expect(context({ sizeRw: 10, sizeRootFs: 20 }).Size).toBe('10B (virtual 20B)');
  });
});
