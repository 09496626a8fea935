import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { composeHost } from './fixtures';

const DATA = `services:
  web:
    image: nginx
    volumes:
      - ./site:/usr/share/nginx/html:ro
      - logs:/var/log/nginx
  tool:
    image: alpine
    command: sleep 1000
    volumes:
      - logs:/logs
      - /scratch
volumes:
  logs:
`;

// compose-go v2.9.1 transform/volume.go transformVolumeMount and format/volume.go
// ParseVolume/populateType (a source starting with . / or ~ is a bind with
// create_host_path; otherwise a volume, `volume: {}`), paths.ResolveRelativePaths,
// loader/normalize.go setNameFromKey (`<project>_<key>`), types.ServiceVolumeConfig's
// field order, and loader/validate.go's undefined-volume error.
describe('docker compose config with volumes', () => {
  it('prints short-syntax mounts in their long form and names the project volumes', () => {
    const stdout = composeHost(DATA).run('docker compose config').stdout;
    expect(stdout).toContain(
      [
        '    volumes:',
        '      - type: bind',
        '        source: /home/usuario/tienda/site',
        '        target: /usr/share/nginx/html',
        '        read_only: true',
        '        bind:',
        '          create_host_path: true',
        '      - type: volume',
        '        source: logs',
        '        target: /var/log/nginx',
        '        volume: {}',
      ].join('\n'),
    );
    expect(stdout).toContain('      - type: volume\n        target: /scratch\n        volume: {}\n');
    expect(stdout.endsWith('volumes:\n  logs:\n    name: tienda_logs\n')).toBe(true);
  });

  it('refuses a service volume the file does not declare', () => {
    const result = composeHost('services:\n  db:\n    image: alpine\n    volumes:\n      - data:/data\n').run(
      'docker compose config',
    );
    expect(result.stderr).toBe('service "db" refers to undefined volume data: invalid compose project\n');
  });
});

// docker/compose v2.40.3 pkg/compose/create.go: ensureProjectVolumes (labels
// com.docker.compose.volume, project, version) after ensureNetworks, createVolume
// ("Volume NAME" Creating/Created, the config-hash label of VolumeHash: json.Marshal
// of types.VolumeConfig with driver "local"), buildContainerVolumes/toBindString
// (`NAME:TARGET:rw` Binds, an anonymous volume as a Mounts entry); down.go
// ensureVolumesDown and removeVolume ("Volume NAME" Removing/Removed), and
// RemoveVolumes for each container with -v.
describe('docker compose up and down with volumes', () => {
  it('creates the project volume after the network and shares it between services', () => {
    const host = composeHost(DATA);
    host.run('mkdir site && echo hello > site/index.html');
    const stderr = host.run('docker compose --progress plain up -d').stderr;
    expect(stderr.split('\n').slice(0, 4)).toEqual([
      ' Network tienda_default  Creating',
      ' Network tienda_default  Created',
      ' Volume tienda_logs  Creating',
      ' Volume tienda_logs  Created',
    ]);
    expect(host.run('docker exec tienda-web-1 cat /usr/share/nginx/html/index.html').stdout).toBe('hello\n');
    host.run("docker exec tienda-tool-1 sh -c 'echo from-tool > /logs/x.log'");
    expect(host.run('docker exec tienda-web-1 cat /var/log/nginx/x.log').stdout).toBe('from-tool\n');
    expect(
      host.run("docker inspect -f '{{json .HostConfig.Binds}} {{json .HostConfig.Mounts}}' tienda-tool-1").stdout,
    ).toBe('["tienda_logs:/logs:rw"] [{"Type":"volume","Target":"/scratch"}]\n');
    const labels = JSON.parse(host.run("docker volume inspect -f '{{json .Labels}}' tienda_logs").stdout);
    const hash = createHash('sha256').update('{"name":"tienda_logs","driver":"local"}').digest('hex');
    expect(labels).toEqual({
      'com.docker.compose.config-hash': hash,
      'com.docker.compose.project': 'tienda',
      'com.docker.compose.version': '2.40.3',
      'com.docker.compose.volume': 'logs',
    });
    expect(host.run("docker volume inspect -f '{{json .Options}}' tienda_logs").stdout).toBe('null\n');
  });

  it('keeps the volume across down and up, and removes it, with the anonymous ones, on down -v', () => {
    const host = composeHost(DATA);
    host.run('docker compose up -d');
    host.run("docker exec tienda-tool-1 sh -c 'echo kept > /logs/x.log'");
    host.run('docker compose down');
    expect(host.run('docker volume ls -q -f name=tienda_logs').stdout).toBe('tienda_logs\n');
    host.run('docker compose up -d');
    expect(host.run('docker exec tienda-web-1 cat /var/log/nginx/x.log').stdout).toBe('kept\n');
    const before = host.run('docker volume ls -q').stdout.split('\n').filter(Boolean);
    const stderr = host.run('docker compose --progress plain down -v').stderr;
    expect(
      stderr.endsWith(
        ' Network tienda_default  Removing\n Network tienda_default  Removed\n Volume tienda_logs  Removing\n Volume tienda_logs  Removed\n',
      ),
    ).toBe(true);
    // The anonymous volume of the first up's tool container stays (plain down); the second's went with -v.
    expect(host.run('docker volume ls -q').stdout.split('\n').filter(Boolean)).toHaveLength(before.length - 2);
  });

  it('uses an external volume that exists, and fails on one that does not', () => {
    const yaml =
      'services:\n  db:\n    image: alpine\n    command: sleep 1000\n    volumes:\n      - shared:/data\nvolumes:\n  shared:\n    external: true\n';
    const missing = composeHost(yaml).run('docker compose --progress plain up -d');
    expect([missing.stderr, missing.exitCode]).toEqual([
      ' Network tienda_default  Creating\n Network tienda_default  Created\nexternal volume "shared" not found\n',
      1,
    ]);
    const host = composeHost(yaml);
    host.run('docker volume create shared');
    expect(host.run('docker compose up -d').exitCode).toBe(0);
    expect(host.run("docker inspect -f '{{json .HostConfig.Binds}}' tienda-db-1").stdout).toBe('["shared:/data:rw"]\n');
  });
});

// docker/compose v2.40.3 cmd/compose/volumes.go runVol and pkg/compose/volumes.go
// Volumes: the project's volumes (its label), or those the services' containers
// mount; docker/cli's formatter.NewVolumeFormat table, -q the names.
describe('docker compose volumes', () => {
  it('lists the project volumes, those of a service, and refuses an unknown service', () => {
    const host = composeHost(
      'services:\n  db:\n    image: alpine\n    command: sleep 1000\n    volumes:\n      - data:/data\n  web:\n    image: nginx\n    volumes:\n      - logs:/var/log/nginx\nvolumes:\n  data:\n  logs:\n',
    );
    host.run('docker volume create other');
    host.run('docker compose up -d');
    expect(host.run('docker compose volumes').stdout).toBe(
      'DRIVER    VOLUME NAME\nlocal     tienda_data\nlocal     tienda_logs\n',
    );
    expect(host.run('docker compose volumes -q db').stdout).toBe('tienda_data\n');
    expect(host.run('docker compose volumes nope').stderr).toBe('no such service: nope\n');
  });
});
