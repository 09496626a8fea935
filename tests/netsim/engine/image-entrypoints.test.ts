import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { DEBIAN_DOCKER_HOST } from '../../../src/netsim/profile';

/**
 * The mariadb and wordpress images' docker-entrypoint.sh as `docker logs` shows
 * them. Expected text: MariaDB/mariadb-docker 12.3/docker-entrypoint.sh (mysql_note,
 * mysql_warn, mysql_error and docker_verify_minimum_env's message), real logs of
 * 12.3.1/12.3.2-MariaDB-ubu2404 under Docker (memory.pressure warning, io_uring EPERM,
 * socket lines), docker-library/wordpress latest/php8.3/apache/docker-entrypoint.sh
 * and a real `docker compose logs wordpress` (AH00558 twice, AH00163, AH00094).
 */
const host = () => Host.create({ seed: 3, profile: { ...DEBIAN_DOCKER_HOST, internet: false }, secondsPerCommand: 0 });
const stamp = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+00:00 /;

describe('mariadb entrypoint', () => {
  it('refuses an empty datadir without a root password option: exit 1, the [ERROR] and its tab-indented second line', () => {
    const h = host();
    h.run('docker run -d --name bad mariadb');
    expect(h.run("docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' bad").stdout).toBe('exited 1\n');
    const lines = h.run('docker logs bad').output.split('\n');
    expect(lines.map((line) => line.replace(stamp, ''))).toEqual([
      '[Note] [Entrypoint]: Entrypoint script for MariaDB Server 1:12.3.2+maria~ubu2404 started.',
      '[Warn] [Entrypoint]: /sys/fs/cgroup///memory.pressure not writable, functionality unavailable to MariaDB',
      "[Note] [Entrypoint]: Switching to dedicated user 'mysql'",
      '[Note] [Entrypoint]: Entrypoint script for MariaDB Server 1:12.3.2+maria~ubu2404 started.',
      '[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
      '\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD',
      '',
    ]);
  });

  it('takes MYSQL_* when MARIADB_* is unset, and logs the database, user and grant it creates', () => {
    const h = host();
    h.run(
      'docker run -d --name db -e MYSQL_ROOT_PASSWORD=r -e MYSQL_DATABASE=wordpress -e MARIADB_USER=wpuser -e MARIADB_PASSWORD=p mariadb',
    );
    const out = h.run('docker logs db').output;
    expect(out).toContain('[Note] [Entrypoint]: Creating database wordpress\n');
    expect(out).toContain('[Note] [Entrypoint]: Creating user wpuser\n');
    expect(out).toContain('[Note] [Entrypoint]: Giving user wpuser access to schema wordpress\n');
    expect(out).toContain('[Note] [Entrypoint]: MariaDB init process done. Ready for start up.\n');
    expect(out).toMatch(
      /port: 0 {2}mariadb\.org binary distribution\n[\s\S]*port: 3306 {2}mariadb\.org binary distribution\n$/,
    );
    expect(out).toContain("0 [Note] Server socket created on IP: '::', port: '3306'.\n");
  });
});

describe('mariadb entrypoint, MARIADB_RANDOM_ROOT_PASSWORD', () => {
  // docker_setup_db: pwgen's 32 characters become root's password, and mysql_note prints them.
  it('notes the generated password after the temporary server starts; root logs in with it', () => {
    const h = host();
    h.run('docker network create n');
    h.run('docker run -d --name db --network n -e MARIADB_RANDOM_ROOT_PASSWORD=yes mariadb');
    const lines = h
      .run('docker logs db')
      .stdout.split('\n')
      .map((line) => line.replace(stamp, ''));
    const generated = lines.find((line) => line.startsWith('[Note] [Entrypoint]: GENERATED ROOT PASSWORD: '))!;
    expect(lines.indexOf(generated)).toBe(lines.indexOf('[Note] [Entrypoint]: Temporary server started.') + 1);
    const password = generated.slice('[Note] [Entrypoint]: GENERATED ROOT PASSWORD: '.length);
    expect(password).toMatch(/^[^'\\]{32}$/);
    expect(
      h.run(`docker run --rm --network n mariadb mariadb -h db -uroot '-p${password}' -e 'select version()'`).exitCode,
    ).toBe(0);
  });
});

describe('wordpress entrypoint', () => {
  it('copies WordPress and wp-config-docker.php, naming the WORDPRESS_* variables sorted, then Apache starts', () => {
    const h = host();
    h.run('docker network create wp-net');
    h.run('docker run -d --name web --network wp-net -e WORDPRESS_DB_USER=u -e WORDPRESS_DB_HOST=db wordpress');
    const lines = h.run('docker logs web').output.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'WordPress not found in /var/www/html - copying now...',
      'Complete! WordPress has been successfully copied to /var/www/html',
      "No 'wp-config.php' found in /var/www/html, but 'WORDPRESS_...' variables supplied; copying 'wp-config-docker.php' (WORDPRESS_DB_HOST WORDPRESS_DB_USER)",
      "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 172.18.0.2. Set the 'ServerName' directive globally to suppress this message",
      "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 172.18.0.2. Set the 'ServerName' directive globally to suppress this message",
    ]);
    expect(lines[5]).toMatch(
      /^\[\w{3} \w{3} \d\d \d\d:\d\d:\d\d\.\d{6} \d{4}\] \[mpm_prefork:notice\] \[pid 1:tid 1\] AH00163: Apache\/2\.4\.66 \(Debian\) PHP\/8\.3\.33 configured -- resuming normal operations$/,
    );
    expect(lines[6]).toMatch(/\[core:notice\] \[pid 1:tid 1\] AH00094: Command line: 'apache2 -D FOREGROUND'$/);
  });

  it('writes wp-config.php from wp-config-docker.php: getenv_docker lines, unique phrases replaced', () => {
    const h = host();
    h.run('docker run -d --name web -e WORDPRESS_DB_HOST=db wordpress');
    const config = h.run('docker exec web cat /var/www/html/wp-config.php').stdout;
    expect(config).toContain("define( 'DB_HOST', getenv_docker('WORDPRESS_DB_HOST', 'mysql') );\n");
    expect(config).not.toContain('put your unique phrase here');
    expect(config).toMatch(/define\( 'AUTH_KEY', {9}getenv_docker\('WORDPRESS_AUTH_KEY', {9}'[0-9a-f]{40}'\) \);/);
  });

  it('with wp-config.php and its database answering, / redirects to install.php (302), which answers 200 with the installer title', () => {
    const h = host();
    h.run('docker network create wp-net');
    h.run(
      'docker run -d --name db --network wp-net -e MARIADB_ROOT_PASSWORD=r -e MARIADB_DATABASE=wp -e MARIADB_USER=u -e MARIADB_PASSWORD=p mariadb',
    );
    h.run(
      'docker run -d --name web --network wp-net -p 8080:80 -e WORDPRESS_DB_HOST=db -e WORDPRESS_DB_USER=u -e WORDPRESS_DB_PASSWORD=p -e WORDPRESS_DB_NAME=wp wordpress',
    );
    const head = h.run('curl -sI http://localhost:8080/ | cat').stdout;
    expect(head).toMatch(/^HTTP\/1\.1 302 Found\r\n/);
    expect(head).toContain('Location: http://localhost:8080/wp-admin/install.php\r\n');
    expect(head).toContain('X-Redirect-By: WordPress\r\n');
    expect(h.run("curl -s -o /dev/null -w '%{http_code}' http://localhost:8080/wp-admin/install.php").stdout).toBe(
      '200',
    );
    expect(h.run('curl -s http://localhost:8080/wp-admin/install.php').stdout).toContain(
      '<title>WordPress &rsaquo; Installation</title>',
    );
  });

  /**
   * wpdb::db_connect fails, dead_db() calls wp_die( '<h1>Error establishing a database
   * connection</h1>', 'Database Error' ), whose default handler answers 500
   * (wp-includes/functions.php, _default_wp_die_handler: status_header, nocache_headers).
   */
  it('with a database that does not answer (no such host, wrong password, stopped): 500, Error establishing a database connection', () => {
    const h = host();
    h.run('docker network create wp-net');
    h.run(
      'docker run -d --name db --network wp-net -e MARIADB_ROOT_PASSWORD=r -e MARIADB_DATABASE=wp -e MARIADB_USER=u -e MARIADB_PASSWORD=p mariadb',
    );
    h.run(
      'docker run -d --name nohost --network wp-net -p 8081:80 -e WORDPRESS_DB_HOST=mysql -e WORDPRESS_DB_USER=u -e WORDPRESS_DB_PASSWORD=p -e WORDPRESS_DB_NAME=wp wordpress',
    );
    h.run(
      'docker run -d --name badpass --network wp-net -p 8082:80 -e WORDPRESS_DB_HOST=db -e WORDPRESS_DB_USER=u -e WORDPRESS_DB_PASSWORD=x -e WORDPRESS_DB_NAME=wp wordpress',
    );
    h.run(
      'docker run -d --name good --network wp-net -p 8083:80 -e WORDPRESS_DB_HOST=db -e WORDPRESS_DB_USER=u -e WORDPRESS_DB_PASSWORD=p -e WORDPRESS_DB_NAME=wp wordpress',
    );
    const code = (port: number) => h.run(`curl -s -o /dev/null -w '%{http_code}' http://localhost:${port}/`).stdout;
    const page = h.run('curl -si http://localhost:8081/').stdout;
    expect(page).toMatch(/^HTTP\/1\.1 500 Internal Server Error\r\n/);
    expect(page).toContain('<h1>Error establishing a database connection</h1>');
    expect(page).toContain('<title>Database Error</title>');
    expect(code(8082)).toBe('500');
    expect(code(8083)).toBe('302');
    h.run('docker stop db');
    expect(code(8083)).toBe('500');
  });

  it('without WORDPRESS_* there is no wp-config.php: / still goes to setup-config.php', () => {
    const h = host();
    h.run('docker run -d --name web -p 8080:80 wordpress');
    expect(h.run('curl -sI http://localhost:8080/ | cat').stdout).toContain(
      'Location: http://localhost:8080/wp-admin/setup-config.php\r\n',
    );
    expect(h.run('docker logs web').output).not.toContain("No 'wp-config.php'");
  });
});
