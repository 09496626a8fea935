import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(23);

// docker/cli v29.7.2 cli/command/volume/{create,list,inspect,remove,prune}.go and
// formatter/volume.go (table `{{.Driver}}\t{{.Name}}`, sorted by sortorder.NaturalLess),
// with its goldens (testdata/volume-list-without-format.golden, volume-prune-yes.golden,
// volume-prune.deletedVolumes.golden); moby docker-v29.7.2 daemon/volume/service
// (errors.go OpErr "OP NAME: ERR - [REFS]", service.go AnonymousLabel and prune's
// anonymous-only default), daemon/volume/local/local.go validateName, and
// docs/reference/commandline/volume_inspect.md for the inspect object.
describe('docker volume', () => {
  it('creates a volume, prints its name, and lists and inspects it as the local driver does', () => {
    const host = hostAfter();
    expect(host.run('docker volume create data').stdout).toBe('data\n');
    expect(host.run('docker volume create data').stdout).toBe('data\n');
    host.run('docker volume create --label env=dev app10');
    host.run('docker volume create app9');
    expect(host.run('docker volume ls').stdout).toBe(
      'DRIVER    VOLUME NAME\nlocal     app9\nlocal     app10\nlocal     data\n',
    );
    expect(host.run('docker volume ls -q -f label=env').stdout).toBe('app10\n');
    const inspected = JSON.parse(host.run('docker volume inspect data').stdout);
    expect(Object.keys(inspected[0])).toEqual([
      'CreatedAt',
      'Driver',
      'Labels',
      'Mountpoint',
      'Name',
      'Options',
      'Scope',
    ]);
    expect(inspected[0]).toMatchObject({
      Driver: 'local',
      Labels: {},
      Mountpoint: '/var/lib/docker/volumes/data/_data',
      Name: 'data',
      Options: {},
      Scope: 'local',
    });
    expect(inspected[0].CreatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(host.run("docker volume inspect -f '{{.Mountpoint}}' app10").stdout).toBe(
      '/var/lib/docker/volumes/app10/_data\n',
    );
  });

  it('refuses names the local driver does not take, and reports a missing volume', () => {
    const host = hostAfter();
    expect(host.run('docker volume create x').stderr).toBe(
      'Error response from daemon: create x: volume name is too short, names should be at least two alphanumeric characters\n',
    );
    expect(host.run('docker volume create my/vol').stderr).toBe(
      'Error response from daemon: create my/vol: "my/vol" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path\n',
    );
    const missing = host.run('docker volume inspect nope');
    expect([missing.stdout, missing.stderr, missing.exitCode]).toEqual([
      '[]\n',
      'Error response from daemon: get nope: no such volume\n',
      1,
    ]);
    expect(host.run('docker volume rm nope').stderr).toBe('Error response from daemon: get nope: no such volume\n');
    expect(host.run('docker volume rm -f nope').exitCode).toBe(0);
    expect(host.run('docker volume create a1 a2').stderr).toBe(
      "docker: 'docker volume create' requires at most 1 argument\n\nUsage:  docker volume create [OPTIONS] [VOLUME]\n\nRun 'docker volume create --help' for more information\n",
    );
  });

  // daemon/create.go runs cleanupContainer when registerMountPoints fails, so no container is left behind.
  it('refuses a one-letter volume in docker run and leaves no container', () => {
    const host = hostAfter();
    const refused = host.run('docker run -v d:/data alpine');
    expect([refused.stdout, refused.stderr, refused.exitCode]).toEqual([
      '',
      "docker: Error response from daemon: create d: volume name is too short, names should be at least two alphanumeric characters\n\nRun 'docker run --help' for more information\n",
      125,
    ]);
    expect(host.run('docker ps -aq').stdout).toBe('');
    expect(host.run('docker volume ls -q').stdout).toBe('');
  });

  it('keeps files across containers that mount the same named volume', () => {
    const host = hostAfter('docker run -d --name writer -v shared:/data alpine sleep 1000');
    expect(host.run("docker exec writer sh -c 'echo hello > /data/greeting'").exitCode).toBe(0);
    host.run('docker rm -f writer');
    expect(host.run('docker run --rm -v shared:/srv alpine cat /srv/greeting').stdout).toBe('hello\n');
    // Another container without the volume does not see the file.
    expect(host.run("docker run --rm alpine sh -c 'test -e /srv/greeting'").exitCode).toBe(1);
    // A read-only mount (`:ro`) refuses writes with EROFS.
    expect(host.run("docker run --rm -v shared:/data:ro alpine sh -c 'echo x > /data/other'").stderr).toBe(
      "sh: can't create /data/other: Read-only file system\n",
    );
  });

  it('refuses to remove a volume a container uses, naming the container', () => {
    const host = hostAfter('docker volume create data', 'docker create --name user -v data:/data alpine');
    const id = host.run("docker inspect -f '{{.Id}}' user").stdout.trim();
    const refused = host.run('docker volume rm data');
    expect([refused.stderr, refused.exitCode]).toEqual([
      `Error response from daemon: remove data: volume is in use - [${id}]\n`,
      1,
    ]);
    host.run('docker rm user');
    expect(host.run('docker volume rm data').stdout).toBe('data\n');
  });

  it('prunes anonymous volumes no container uses, and all of them with -a', () => {
    const host = hostAfter('docker volume create named', 'docker run -d --name cache -v /cache alpine sleep 1000');
    const anonymous = host
      .run('docker volume ls -q')
      .stdout.split('\n')
      .find((name) => /^[0-9a-f]{64}$/.test(name))!;
    expect(host.run("docker volume inspect -f '{{json .Labels}}' " + anonymous).stdout).toBe(
      '{"com.docker.volume.anonymous":""}\n',
    );
    expect(host.run('docker volume prune -f').stdout).toBe('Total reclaimed space: 0B\n');
    host.run('docker rm -f cache');
    const pruned = host.run('echo y | docker volume prune');
    expect(pruned.stdout).toBe(
      `WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] Deleted Volumes:\n${anonymous}\n\nTotal reclaimed space: 0B\n`,
    );
    expect(host.run('echo n | docker volume prune -a').stdout).toBe(
      'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ',
    );
    expect(host.run('docker volume prune -af').stdout).toBe('Deleted Volumes:\nnamed\n\nTotal reclaimed space: 0B\n');
  });

  it('counts the bytes of the files a pruned volume held', () => {
    const host = hostAfter('docker run --rm -v notes:/n alpine sh -c "echo 0123456789 > /n/a"');
    expect(host.run('docker volume prune -af').stdout).toBe('Deleted Volumes:\nnotes\n\nTotal reclaimed space: 11B\n');
  });

  it("removes a container's anonymous volumes with docker rm -v and with --rm", () => {
    const host = hostAfter('docker create --name a -v /tmpdata alpine', 'docker run --rm -v /scratch alpine true');
    expect(host.run('docker volume ls -q').stdout.split('\n').filter(Boolean)).toHaveLength(1);
    host.run('docker rm -v a');
    expect(host.run('docker volume ls -q').stdout).toBe('');
  });

  it('prints its help as docker/cli does without swarm: no cluster flags, no update', () => {
    const help = hostAfter().run('docker volume create --help').stdout;
    expect(help).toBe(
      'Usage:  docker volume create [OPTIONS] [VOLUME]\n\nCreate a volume\n\nOptions:\n  -d, --driver string   Specify volume driver name (default "local")\n      --label list      Set metadata for a volume\n  -o, --opt map         Set driver specific options (default map[])\n',
    );
    expect(hostAfter().run('docker volume').stderr).not.toContain('update');
  });
});

// docker/cli v29.7.2 cli/command/system/inspect.go inspectAll: volumes after containers,
// images and networks; with --type volume the daemon's own error is returned.
describe('docker inspect and volumes', () => {
  it("finds a volume by name, and passes the daemon's error on with --type volume", () => {
    const host = hostAfter('docker volume create data');
    expect(host.run("docker inspect -f '{{.Name}} {{.Driver}}' data").stdout).toBe('data local\n');
    expect(host.run('docker inspect --type volume nope').stderr).toBe(
      'Error response from daemon: get nope: no such volume\n',
    );
    expect(host.run('docker inspect nope').stderr).toBe('error: no such object: nope\n');
  });
});

// docker/cli v29.7.2 opts/mount.go MountOpt.Set and opts/mount_utils.go (the type
// defaults to volume; errors under `invalid argument ... for "--mount" flag`); moby
// daemon/volume/mounts/linux_parser.go validateMountConfigImpl and validate.go
// errMountConfig (`invalid mount config for type "volume": ...`); api/types/mount
// Mount's JSON (Source, ReadOnly omitempty) in HostConfig.Mounts.
describe('docker run --mount', () => {
  it('mounts a named volume, shared with -v mounts of it, and records it in HostConfig.Mounts', () => {
    const host = hostAfter(
      'docker run -d --name m1 --mount type=volume,source=vdata,target=/data alpine sleep 1000',
      "docker exec m1 sh -c 'echo hi > /data/x'",
    );
    expect(host.run('docker run --rm --mount source=vdata,target=/d,readonly alpine cat /d/x').stdout).toBe('hi\n');
    expect(host.run('docker run --rm -v vdata:/v alpine cat /v/x').stdout).toBe('hi\n');
    expect(host.run("docker inspect -f '{{json .HostConfig.Mounts}}' m1").stdout).toBe(
      '[{"Type":"volume","Source":"vdata","Target":"/data"}]\n',
    );
    expect(
      host.run("docker inspect -f '{{range .Mounts}}{{.Type}} {{.Name}} {{.Destination}} {{.RW}}{{end}}' m1").stdout,
    ).toBe('volume vdata /data true\n');
  });

  it('refuses what the CLI and the daemon refuse', () => {
    const host = hostAfter();
    expect(host.run('docker run --rm --mount type=volume,foo=bar,target=/x alpine true').stderr).toBe(
      "invalid argument \"type=volume,foo=bar,target=/x\" for \"--mount\" flag: unknown option 'foo' in 'foo=bar'\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n",
    );
    expect(host.run('docker run --rm --mount type=volume,src=v1 alpine true').stderr).toBe(
      'docker: Error response from daemon: invalid mount config for type "volume": field Target must not be empty\n\nRun \'docker run --help\' for more information\n',
    );
    expect(host.run('docker run --rm --mount target=rel alpine true').stderr).toContain(
      'invalid mount config for type "volume": invalid mount path: \'rel\' mount path must be absolute\n',
    );
    expect(host.run('docker run --rm --mount type=bind,target=/x,volume-nocopy alpine true').stderr).toContain(
      "for \"--mount\" flag: cannot mix 'volume-*' options with mount type 'bind'\n",
    );
  });
});

// Bind mounts: the host's directory itself, both ways (moby daemon/volumes_unix.go setupMounts).
describe('bind mounts', () => {
  it('shows the host directory in the container, and what the container writes on the host', () => {
    const host = hostAfter('sudo mkdir -p /srv/site', "echo '<h1>hi</h1>' | sudo tee /srv/site/index.html");
    expect(
      host.run('docker run --rm -v /srv/site:/usr/share/site:ro alpine cat /usr/share/site/index.html').stdout,
    ).toBe('<h1>hi</h1>\n');
    host.run("docker run --rm --mount type=bind,src=/srv/site,dst=/w alpine sh -c 'echo new > /w/new.txt'");
    expect(host.run('cat /srv/site/new.txt').stdout).toBe('new\n');
  });
});

// docker/cli v29.7.2 cli/command/formatter/disk_usage.go: Local Volumes counts the
// volumes, the active ones (RefCount > 0), their size, the unused ones' as reclaimable;
// the verbose table VOLUME NAME, LINKS, SIZE.
describe('docker system df and volumes', () => {
  it('counts the volumes, the ones in use, and the bytes of the unused ones', () => {
    const host = hostAfter(
      'docker volume create a1',
      'docker run --rm -v a1:/x alpine sh -c "echo 0123456789 > /x/y"',
      'docker create --name user -v data:/d alpine',
    );
    expect(host.run('docker system df').stdout).toContain('Local Volumes   2         1         11B       11B (100%)\n');
    expect(host.run('docker system df -v').stdout).toContain(
      'Local Volumes space usage:\n\nVOLUME NAME   LINKS     SIZE\na1            0         11B\ndata          1         0B\n',
    );
  });
});

// moby's archive endpoints (daemon/archive.go) work on the container's mounted
// file system: a path under a volume is the volume's.
describe('docker cp and volumes', () => {
  it('copies into the volume mounted at the path, which another container then reads', () => {
    const host = hostAfter('docker run -d --name w -v data:/data alpine sleep 1000', 'echo hello > f.txt');
    expect(host.run('docker cp f.txt w:/data/').exitCode).toBe(0);
    expect(host.run('docker run --rm -v data:/d alpine cat /d/f.txt').stdout).toBe('hello\n');
  });
});

// A VOLUME of the image (mariadb's Dockerfile: VOLUME /var/lib/mysql; wordpress's: VOLUME
// /var/www/html): moby docker-v29.7.2 daemon/commit.go merge adds it to Config.Volumes, and
// daemon/create_unix.go createContainerOSSpecificSettings gives it an anonymous volume
// (AnonymousLabel) unless a mount already covers the destination; `docker rm -v` and --rm
// remove it (RemoveVolume), a plain rm leaves it dangling.
describe('volumes the image declares', () => {
  const mariadb = 'docker run -d --name db -e MARIADB_ROOT_PASSWORD=secret mariadb';

  it("get an anonymous volume, listed and in the container's Mounts", () => {
    const host = hostAfter(mariadb);
    const names = host.run('docker volume ls -q').stdout.split('\n').filter(Boolean);
    expect(names).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect(JSON.parse(host.run("docker inspect -f '{{json .Mounts}}' db").stdout)).toEqual([
      {
        Type: 'volume',
        Name: names[0],
        Source: `/var/lib/docker/volumes/${names[0]}/_data`,
        Destination: '/var/lib/mysql',
        Driver: 'local',
        Mode: '',
        RW: true,
        Propagation: '',
      },
    ]);
    expect(host.run("docker inspect -f '{{json .Config.Volumes}}' db").stdout).toBe('{"/var/lib/mysql":{}}\n');
    expect(host.run(`docker volume inspect -f '{{json .Labels}}' ${names[0]}`).stdout).toBe(
      '{"com.docker.volume.anonymous":""}\n',
    );
  });

  it('are not made when a volume is mounted there, and stay in Config.Volumes', () => {
    const host = hostAfter('docker run -d --name db -v dbdata:/var/lib/mysql -e MARIADB_ROOT_PASSWORD=secret mariadb');
    expect(host.run('docker volume ls -q').stdout).toBe('dbdata\n');
    expect(host.run("docker inspect -f '{{json .Config.Volumes}}' db").stdout).toBe('{"/var/lib/mysql":{}}\n');
  });

  it('go with docker rm -v, and stay dangling after a plain rm', () => {
    const host = hostAfter(mariadb);
    host.run('docker rm -fv db');
    expect(host.run('docker volume ls -q').stdout).toBe('');
    host.run(mariadb);
    host.run('docker rm -f db');
    expect(host.run('docker volume ls -q --filter dangling=true').stdout).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('hold what the entrypoint writes under them', () => {
    const host = hostAfter('docker run -d --name web -e WORDPRESS_DB_HOST=db wordpress');
    const name = host.run('docker volume ls -q').stdout.trim();
    expect(host.run(`docker inspect -f '{{range .Mounts}}{{.Name}} {{.Destination}}{{end}}' web`).stdout).toBe(
      `${name} /var/www/html\n`,
    );
    expect(host.run('docker exec web cat /var/www/html/wp-config.php').stdout).toContain(
      "define( 'DB_HOST', getenv_docker('WORDPRESS_DB_HOST', 'mysql') );",
    );
  });
});
