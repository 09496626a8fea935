import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

/** Images whose default command runs a server listen where their own configuration says. */
describe('image servers listen', () => {
  const started = (image: string) => {
    const host = Host.create({ seed: 1 });
    const id = host.run(`docker run -d --name s ${image}`).stdout.trim();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    return host;
  };

  it.each(['josedom24/aplicacionweb:v1', 'wordpress'])('%s: Apache on *:80, backlog 511', (image) => {
    const host = started(image);
    const { stdout } = host.run('sudo nsenter -t $(docker inspect -f {{.State.Pid}} s) -n ss -tln');
    expect(stdout).toMatch(/LISTEN\s+0\s+511\s+\*:80\s/);
  });

  // Real 12.3 logs: `Server socket created on IP: '0.0.0.0', port: '3306'.` then `'::'`: two sockets.
  it('mariadb: mariadbd on 0.0.0.0:3306 and [::]:3306 (bind-address commented out), back_log 80', () => {
    const host = started('-e MARIADB_ROOT_PASSWORD=x mariadb');
    const { stdout } = host.run('sudo nsenter -t $(docker inspect -f {{.State.Pid}} s) -n ss -tln');
    expect(stdout).toMatch(/LISTEN\s+0\s+80\s+0\.0\.0\.0:3306\s/);
    expect(stdout).toMatch(/LISTEN\s+0\s+80\s+\[::\]:3306\s/);
  });

  it('curl to MariaDB: its handshake is no HTTP status line, curl 8 refuses HTTP/0.9 (lib/http.c), exit 1', () => {
    const host = started('-e MARIADB_ROOT_PASSWORD=x mariadb');
    // The first container on the default bridge.
    expect(host.run('curl 172.17.0.2:3306')).toMatchObject({
      stdout: '',
      stderr: 'curl: (1) Received HTTP/0.9 when not allowed\n',
      exitCode: 1,
    });
  });

  it('curl -I to wordpress published on 8080: the setup redirect, on the Host curl sent', () => {
    const host = Host.create({ seed: 1 });
    host.run('docker run -d --name s -p 8080:80 wordpress');
    const { stdout, exitCode } = host.run('curl -sI localhost:8080 | cat');
    expect(exitCode).toBe(0);
    expect(stdout).toContain('HTTP/1.1 302 Found\r\n');
    expect(stdout).toContain('Location: http://localhost:8080/wp-admin/setup-config.php\r\n');
  });
});
