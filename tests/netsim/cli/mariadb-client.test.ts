import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { DEBIAN_DOCKER_HOST } from '../../../src/netsim/profile';

/**
 * The mariadb image's client from a second container. Expected text:
 * libmariadb's client_errors[] (ma_errmsg.c: `Can't connect to local server
 * through socket '%-.64s' (%d)`, `Unknown server host '%-.100s' (%d)`), the
 * server's ER_ACCESS_DENIED_ERROR / ER_BAD_DB_ERROR / ER_DBACCESS_DENIED_ERROR
 * texts, the client's `ERROR %d (%s): %s`; the databases a fresh server shows
 * (information_schema, mysql, performance_schema, sys and MARIADB_DATABASE);
 * the image's /etc/mysql files from MariaDB/server's 50-server.cnf and
 * MariaDB/mariadb-docker's Dockerfile (bind-address commented out,
 * 05-skipcache.cnf).
 */
const host = () => Host.create({ seed: 3, profile: { ...DEBIAN_DOCKER_HOST, internet: false }, secondsPerCommand: 0 });
const withDatabase = () => {
  const h = host();
  h.run('docker network create wp');
  h.run(
    'docker run -d --name db --network wp -e MARIADB_ROOT_PASSWORD=r -e MARIADB_DATABASE=wordpress -e MARIADB_USER=wp -e MARIADB_PASSWORD=pw mariadb',
  );
  return h;
};

describe('mariadb client', () => {
  it('reaches the server by its name on a shared network; -e runs a statement, tab-separated without a terminal', () => {
    const h = withDatabase();
    expect(h.run("docker run --rm --network wp mariadb mariadb -h db -uroot -pr -e 'SHOW DATABASES'")).toMatchObject({
      stdout: 'Database\ninformation_schema\nmysql\nperformance_schema\nsys\nwordpress\n',
      exitCode: 0,
    });
    expect(h.run("docker run --rm --network wp mariadb mariadb -h db -u wp -ppw -e 'show databases;'").stdout).toBe(
      'Database\ninformation_schema\nwordpress\n',
    );
  });

  it('draws a table on a terminal', () => {
    const h = withDatabase();
    expect(
      h
        .run("docker run --rm -t --network wp mariadb mariadb -h db -u wp -ppw -e 'SELECT VERSION()'")
        .stdout.replace(/\r\n/g, '\n'),
    ).toBe(
      '+------------------------+\n| VERSION()              |\n+------------------------+\n| 12.3.2-MariaDB-ubu2404 |\n+------------------------+\n',
    );
  });

  it("says why it cannot log in: the server's words, or libmariadb's", () => {
    const h = withDatabase();
    const run = (args: string) => h.run(`docker run --rm --network wp mariadb mariadb ${args}`);
    expect(run('-h db -u wp -pbad')).toMatchObject({
      stderr: "ERROR 1045 (28000): Access denied for user 'wp'@'172.18.0.3' (using password: YES)\n",
      exitCode: 1,
    });
    expect(run('-h nodb -u wp -ppw').stderr).toBe("ERROR 2005 (HY000): Unknown server host 'nodb' (-2)\n");
    expect(run('-u wp -ppw').stderr).toBe(
      "ERROR 2002 (HY000): Can't connect to local server through socket '/run/mysqld/mysqld.sock' (2)\n",
    );
    expect(run('-h db -uroot -pr other').stderr).toBe("ERROR 1049 (42000): Unknown database 'other'\n");
    expect(run('-h db -uroot').stderr).toBe(
      "ERROR 1045 (28000): Access denied for user 'root'@'172.18.0.3' (using password: NO)\n",
    );
  });

  it('inside the server container it uses the Unix socket', () => {
    const h = withDatabase();
    expect(h.run("docker exec db mariadb -uroot -pr -e 'show databases'").stdout).toContain('wordpress\n');
    expect(h.run('docker exec db mariadb -uroot').stderr).toBe(
      "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: NO)\n",
    );
  });
});

describe("the mariadb image's configuration", () => {
  it('has bind-address commented out in 50-server.cnf, and the skip-cache file', () => {
    const h = withDatabase();
    expect(h.run('docker exec db grep bind-address /etc/mysql/mariadb.conf.d/50-server.cnf').stdout).toBe(
      '#bind-address            = 127.0.0.1\n',
    );
    expect(h.run('docker exec db cat /etc/mysql/mariadb.conf.d/05-skipcache.cnf').stdout).toBe(
      '[mariadb]\nhost-cache-size=0\nskip-name-resolve\n',
    );
  });
});
