import { describe, expect, it } from 'vitest';
import { composeHost, plain, WEB_AND_DB } from './fixtures';

// docker/compose v2.40.3: pkg/compose/create.go (ensureNetworks: "Network NAME" Creating/Created),
// convergence.go (createContainer: "Container NAME" Creating/Created; startService: Starting/Started),
// written by pkg/progress/plain.go (fmt.Fprintln(prefix, ID, Text, StatusText)) on stderr when it is not a terminal.
describe('docker compose up -d, its progress in a pipe or with --progress plain', () => {
  it('creates the project network, then each service in dependency order, then starts them', () => {
    const result = composeHost(WEB_AND_DB).run('docker compose up -d 2>&1 | cat');
    expect(result.stdout).toBe(
      [
        ' Network tienda_default  Creating',
        ' Network tienda_default  Created',
        ' Container tienda-db-1  Creating',
        ' Container tienda-db-1  Created',
        ' Container tienda-web-1  Creating',
        ' Container tienda-web-1  Created',
        ' Container tienda-db-1  Starting',
        ' Container tienda-db-1  Started',
        ' Container tienda-web-1  Starting',
        ' Container tienda-web-1  Started',
        '',
      ].join('\n'),
    );
    expect(result.exitCode).toBe(0);
  });

  it('says Running for a container already up to date (convergence.go RunningEvent)', () => {
    const host = composeHost(WEB_AND_DB);
    host.run('docker compose up -d');
    expect(host.run('docker compose --progress plain up -d').stderr).toBe(
      ' Container tienda-db-1  Running\n Container tienda-web-1  Running\n',
    );
  });

  it('recreates a container whose configuration changed (mustRecreate: the config hash)', () => {
    const host = composeHost(WEB_AND_DB);
    host.run('docker compose up -d');
    host.run(`cat > compose.yaml <<'EOF'\n${WEB_AND_DB.replace('8080:80', '8081:80')}EOF`);
    const stderr = host.run('docker compose --progress plain up -d').stderr;
    expect(stderr).toBe(
      ' Container tienda-db-1  Running\n Container tienda-web-1  Recreate\n Container tienda-web-1  Recreated\n Container tienda-web-1  Starting\n Container tienda-web-1  Started\n',
    );
    expect(host.run('docker port tienda-web-1').stdout).toContain('0.0.0.0:8081');
  });

  it('pulls a missing image first: the service, its layers under it, then Pulled (pull.go)', () => {
    const stderr = composeHost(
      'services:\n  db:\n    image: mariadb\n    environment:\n      MARIADB_ROOT_PASSWORD: secret\n',
    ).run('docker compose --progress plain up -d').stderr;
    const lines = stderr.split('\n');
    expect(lines[0]).toBe(' db Pulling ');
    expect(lines[1]).toMatch(/^ [0-9a-f]{12} Pulling fs layer $/);
    expect(lines).toContain(' db Pulled ');
    expect(lines.indexOf(' db Pulled ')).toBeLessThan(lines.indexOf(' Network tienda_default  Creating'));
  });
});

// pkg/progress/tty.go: at a terminal the display is redrawn every 100 ms; what stays is its last frame,
// `[+] Running done/total` and a line per resource, the status aligned and the timer at the right edge.
describe('docker compose up -d at a terminal', () => {
  it('leaves the last frame of the TTY display, as wide as the terminal', () => {
    const result = composeHost(WEB_AND_DB).run('docker compose up -d');
    // align(): each line fills the 80 columns, the timer (`0.1s `) ending it.
    const line = (text: string, timer: string) => `${text}${' '.repeat(80 - text.length - timer.length)}${timer}`;
    expect(plain(result.stderr)).toBe(
      [
        '[+] Running 3/3',
        line(' ✔ Network tienda_default  Created', '0.1s '),
        line(' ✔ Container tienda-db-1   Started', '0.4s '),
        line(' ✔ Container tienda-web-1  Started', '0.6s '),
        '',
      ].join('\n'),
    );
    expect(result.stderr).toContain('\x1b[32m✔\x1b[0m Network tienda_default  \x1b[32mCreated\x1b[0m');
    expect(result.stdout).toBe('');
  });

  it('still draws on stderr when only stdout is piped, without a width to align to (goterm.Width asks stdout)', () => {
    expect(plain(composeHost(WEB_AND_DB).run('docker compose up -d | cat').stderr)).toContain(
      ' ✔ Network tienda_default  Created0.1s \n',
    );
  });
});

// What Compose asks the daemon for (create.go, pkg/api/labels.go), seen through the engine's own commands.
describe('what docker compose up creates', () => {
  const host = composeHost(WEB_AND_DB);
  host.run('docker compose up -d');

  it('names containers <project>-<service>-1 and the network <project>_default, a bridge', () => {
    expect(host.run("docker ps -a --format '{{.Names}}'").stdout).toBe('tienda-web-1\ntienda-db-1\n');
    expect(host.run("docker network ls --filter name=tienda --format '{{.Name}} {{.Driver}}'").stdout).toBe(
      'tienda_default bridge\n',
    );
  });

  it('labels the network as prepareNetworks does', () => {
    const labels = JSON.parse(host.run("docker network inspect -f '{{json .Labels}}' tienda_default").stdout);
    expect(Object.keys(labels).sort()).toEqual([
      'com.docker.compose.config-hash',
      'com.docker.compose.network',
      'com.docker.compose.project',
      'com.docker.compose.version',
    ]);
    expect(labels).toMatchObject({
      'com.docker.compose.network': 'default',
      'com.docker.compose.project': 'tienda',
      'com.docker.compose.version': '2.40.3',
    });
  });

  it('labels each container with the project, service, number, files and its dependencies', () => {
    const labels = JSON.parse(host.run("docker inspect -f '{{json .Config.Labels}}' tienda-web-1").stdout);
    expect(labels).toMatchObject({
      'com.docker.compose.project': 'tienda',
      'com.docker.compose.service': 'web',
      'com.docker.compose.container-number': '1',
      'com.docker.compose.oneoff': 'False',
      'com.docker.compose.project.working_dir': '/home/usuario/tienda',
      'com.docker.compose.project.config_files': '/home/usuario/tienda/compose.yaml',
      'com.docker.compose.depends_on': 'db:service_started:false',
      'com.docker.compose.version': '2.40.3',
    });
    expect(labels['com.docker.compose.config-hash']).toMatch(/^[0-9a-f]{64}$/);
    expect(labels['com.docker.compose.image']).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('gives each container its name and its service as aliases, which the embedded DNS answers', () => {
    expect(
      host.run("docker inspect -f '{{json .NetworkSettings.Networks.tienda_default.Aliases}}' tienda-db-1").stdout,
    ).toBe('["tienda-db-1","db"]\n');
    expect(host.run('docker exec tienda-db-1 ping -c 1 web').stdout).toContain('PING web (172.18.0.3)');
  });

  it('publishes ports as the service says', () => {
    expect(host.run('docker port tienda-web-1').stdout).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n');
  });
});

describe('networks a compose file declares', () => {
  const file = `services:
  web:
    image: nginx
    expose: ["8000"]
    networks:
      front:
        aliases: [www]
      back:
        ipv4_address: 10.5.0.10
  db:
    image: alpine
    command: sleep 1000
    networks: [back]
networks:
  front:
    driver: bridge
  back:
    internal: true
    ipam:
      config:
        - subnet: 10.5.0.0/24
`;

  it('creates each with its driver, IPAM and internal flag, and connects services to theirs', () => {
    const host = composeHost(file, { dir: 'app' });
    expect(host.run('docker compose --progress plain up -d').stderr.split('\n').slice(0, 4)).toEqual([
      ' Network app_back  Creating',
      ' Network app_back  Created',
      ' Network app_front  Creating',
      ' Network app_front  Created',
    ]);
    expect(
      host.run("docker network inspect -f '{{.Internal}} {{range .IPAM.Config}}{{.Subnet}}{{end}}' app_back").stdout,
    ).toBe('true 10.5.0.0/24\n');
    expect(host.run("docker inspect -f '{{.NetworkSettings.Networks.app_back.IPAddress}}' app-web-1").stdout).toBe(
      '10.5.0.10\n',
    );
    expect(host.run("docker inspect -f '{{json .NetworkSettings.Networks.app_front.Aliases}}' app-web-1").stdout).toBe(
      '["app-web-1","web","www"]\n',
    );
    // db is on back only: www, an alias on front, is not a name there.
    expect(host.run('docker exec app-db-1 ping -c 1 www').stderr).toBe("ping: bad address 'www'\n");
    expect(host.run("docker ps --format '{{.Names}} {{.Ports}}'").stdout).toContain('app-web-1 80/tcp, 8000/tcp');
  });

  it('refuses an external network that does not exist (resolveExternalNetwork)', () => {
    const host = composeHost(
      'services:\n  web:\n    image: nginx\n    networks: [shared]\nnetworks:\n  shared:\n    external: true\n',
    );
    expect(host.run('docker compose up -d')).toMatchObject({
      stderr: 'network shared declared as external, but could not be found\n',
      exitCode: 1,
    });
    host.run('docker network create shared');
    expect(host.run('docker compose --progress plain up -d').stderr).toBe(
      ' Container tienda-web-1  Creating\n Container tienda-web-1  Created\n Container tienda-web-1  Starting\n Container tienda-web-1  Started\n',
    );
  });

  it('warns about and refuses a network of that name it did not create (resolveOrCreateNetwork)', () => {
    const host = composeHost('services:\n  web:\n    image: nginx\n');
    host.run('docker network create tienda_default');
    expect(host.run('docker compose --progress plain up -d 2>&1 | cat').stdout).toMatch(
      /^time="[^"]+" level=warning msg="a network with name tienda_default exists but was not created by compose.\\nSet `external: true` to use an existing network"\nnetwork tienda_default was found but has incorrect label com.docker.compose.network set to "" \(expected: "default"\)\n$/,
    );
  });
});

describe('network_mode', () => {
  it('host and none: no project network for such services', () => {
    const host = composeHost(
      'services:\n  a:\n    image: nginx\n    network_mode: host\n  b:\n    image: alpine\n    command: sleep 1000\n    network_mode: none\n',
    );
    expect(host.run('docker compose --progress plain up -d').stderr).not.toContain('Network');
    expect(host.run("docker inspect -f '{{.HostConfig.NetworkMode}}' tienda-a-1 tienda-b-1").stdout).toBe(
      'host\nnone\n',
    );
  });

  it("service:x joins x's first container, which starts first (Normalize adds the dependency)", () => {
    const host = composeHost(
      'services:\n  app:\n    image: alpine\n    command: sleep 1000\n    network_mode: service:net\n  net:\n    image: nginx\n',
    );
    const stderr = host.run('docker compose --progress plain up -d').stderr;
    expect(stderr.indexOf('Container tienda-net-1  Created')).toBeLessThan(
      stderr.indexOf('Container tienda-app-1  Creating'),
    );
    const id = host.run("docker inspect -f '{{.Id}}' tienda-net-1").stdout.trim();
    expect(host.run("docker inspect -f '{{.HostConfig.NetworkMode}}' tienda-app-1").stdout).toBe(`container:${id}\n`);
  });
});

// pkg/compose/up.go without -d: create with progress, then attach.go's `Attaching to`, the containers' output
// through the log consumer, printer.go's `exited with code`; Ctrl-C: `Gracefully Stopping...`, the stop's
// events through the mixed writer (plain lines on stderr when it is not a terminal), exit 130 (AdaptCmd).
describe('docker compose up, attached', () => {
  it('ends by itself once every container has exited', () => {
    const result = composeHost('services:\n  once:\n    image: alpine\n').run('docker compose up 2>/dev/null | cat');
    expect(result.stdout).toBe('Attaching to once-1\n\r\x1b[Konce-1 exited with code 0\n');
    expect(result.exitCode).toBe(0);
  });

  it("shows the services' output until Ctrl-C, then stops them", () => {
    const result = composeHost('services:\n  web:\n    image: nginx\n').run('docker compose up 2>&1 | cat', {
      interruptAfterSeconds: 2,
    });
    expect(result.stdout).toContain(
      ' Container tienda-web-1  Created\nAttaching to web-1\nweb-1  | /docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\n',
    );
    expect(result.stdout).toContain(
      'Gracefully Stopping... press Ctrl+C again to force\n Container tienda-web-1  Stopping\n\r\x1b[Kweb-1 exited with code 0\n Container tienda-web-1  Stopped\n\n',
    );
    expect(result.exitCode).toBe(130);
  });
});
