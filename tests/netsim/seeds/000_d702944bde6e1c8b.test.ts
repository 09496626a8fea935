import { describe, expect, it } from 'vitest';
import { inspect, seedSession } from './seed-session';

/**
 * Seed 000 ("Redes en docker", a Spanish course of about 2018): every command
 * line, in order, on one host. Its outputs come from Docker before 23 (20-column
 * tables, 02:42 MACs, images that still shipped iproute2), so most are checked
 * against what Docker 29 and today's images print, with the source named.
 */
describe('seed 000: networks, DNS between containers, WordPress', () => {
  const { run } = seedSession();

  it('debian has no ip today: bash -c reports it at line 1 (bash 5.2), exit 127', () => {
    // The debian image has been built from debootstrap's minbase without iproute2 (docker-library/debian; packages.debian.org: ip is in iproute2).
    const result = run('docker run -it --rm debian bash -c "ip a"');
    expect(result.stderr).toBe('bash: line 1: ip: command not found\n');
    expect(result.exitCode).toBe(127);
  });

  it('ip a on the host shows docker0 with 172.17.0.1/16 as in the seed', () => {
    // Seed: "inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0". Docker 28+ gives bridges a random MAC, not 02:42:...
    const { stdout } = run('ip a');
    expect(stdout).toMatch(
      /\n\d+: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default \n/,
    );
    expect(stdout).toContain('    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0\n');
  });

  it('docker network ls: the same three networks, in Docker 29 columns (tabwriter padding 3, docker/cli formatter)', () => {
    const { stdout } = run('docker network ls');
    expect(stdout).toMatch(
      /^NETWORK ID {5}NAME {6}DRIVER {4}SCOPE\n[0-9a-f]{12} {3}bridge {4}bridge {4}local\n[0-9a-f]{12} {3}host {6}host {6}local\n[0-9a-f]{12} {3}none {6}null {6}local\n$/,
    );
  });

  it('a server on the host network: docker ps shows no ports, the command cut at 20 with …', () => {
    expect(run('docker run -d --name mi_servidor --network host josedom24/aplicacionweb:v1').stdout).toMatch(
      /^[0-9a-f]{64}\n$/,
    );
    const { stdout } = run('docker ps');
    expect(stdout).toMatch(/^CONTAINER ID {3}IMAGE {24}COMMAND {18}CREATED {9}STATUS {9}PORTS {5}NAMES\n/);
    // Seed row: 135c742af1ff  josedom24/aplicacionweb:v1  "/usr/sbin/apache2ct…"  3 seconds ago  Up 2 seconds  mi_servidor
    expect(stdout).toMatch(
      /\n[0-9a-f]{12} {3}josedom24\/aplicacionweb:v1 {3}"\/usr\/sbin\/apache2ct…" {3}\d+ seconds ago {3}Up \d+ seconds {13}mi_servidor\n$/,
    );
  });

  it('"Prueba acceder directamente al puerto 80 del servidor": the host\'s own port 80 is the container\'s Apache', () => {
    // The seed shows no output for this step: only that Debian's Apache answers on the host's address.
    const { stdout, exitCode } = run('curl -sI localhost:80');
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^HTTP\/1\.1 200 OK\r\nDate: .*\r\nServer: Apache\/2\.4\.\d+ \(Debian\)\r\n/);
  });

  it('two user networks and a published httpd', () => {
    expect(run('docker network create --subnet 172.28.0.0/16 --gateway 172.28.0.1 red1').stdout).toMatch(
      /^[0-9a-f]{64}\n$/,
    );
    expect(run('docker network create red2').stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(run('docker run -d --name my-apache-app --network red1 -p 8080:80 httpd:2.4').stdout).toMatch(
      /^[0-9a-f]{64}\n$/,
    );
  });

  it('a debian shell on red1, dnsutils installed, and dig answers as in the seed through 127.0.0.11', () => {
    expect(run('docker run -it --name contenedor1 --network red1 debian bash').prompt).toBe('$ ');
    const install = run('apt update && apt install dnsutils -y');
    expect(install.prompt).toMatch(/^root@[0-9a-f]{12}:\/# $/);
    expect(install.exitCode).toBe(0);
    // apt 3.0 (Debian 13): bind9-dnsutils provides dnsutils; the seed elides apt's output.
    expect(install.stdout).toContain('Setting up bind9-dnsutils (');
    const dig = run('dig my-apache-app').stdout;
    // Seed lines, byte for byte (BIND 9.20 adds the transport, " (UDP)", after the server).
    expect(dig).toContain('\n;; ANSWER SECTION:\nmy-apache-app.\t\t600\tIN\tA\t172.28.0.2\n');
    expect(dig).toContain('\n;; SERVER: 127.0.0.11#53(127.0.0.11) (UDP)\n');
  });

  it('connecting red2: the seed left the shell (its next prompt is $, and it starts the container again)', () => {
    expect(run('exit').exitCode).toBe(0);
    expect(run('docker network connect red2 contenedor1')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(run('docker start contenedor1').stdout).toBe('contenedor1\n');
  });

  it("attached again: two interfaces, one per network (the seed's ip a needs iproute2, which dnsutils did not bring)", () => {
    run('docker attach contenedor1');
    const ip = run('ip a');
    expect(ip.stderr).toBe('bash: ip: command not found\n');
    // The addresses the seed shows on eth0 (172.28.0.0/16) and eth1 (172.18.0.0/16), as the daemon's /etc/hosts lists them.
    const hosts = run('cat /etc/hosts').stdout;
    expect(hosts).toMatch(/\n172\.28\.0\.\d+\t[0-9a-f]{12}\n172\.18\.0\.\d+\t[0-9a-f]{12}\n$/);
    run('exit');
  });

  it('WordPress: mariadb starts; the wordpress line lacks its backslash, so docker run gets no image and bash runs `wordpress`', () => {
    expect(run('docker network create red_wp').exitCode).toBe(0);
    const mysql = run(
      'docker run -d --name servidor_mysql \\\n             --network red_wp \\\n             -v /opt/mysql_wp:/var/lib/mysql \\\n             -e MYSQL_DATABASE=bd_wp \\\n             -e MYSQL_USER=user_wp \\\n             -e MYSQL_PASSWORD=asdasd \\\n             -e MYSQL_ROOT_PASSWORD=asdasd \\\n             mariadb',
    );
    expect(mysql.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    const wp = run(
      'docker run -d --name servidor_wp \\\n             --network red_wp \\\n             -v /opt/wordpress:/var/www/html/wp-content \\\n             -e WORDPRESS_DB_HOST=servidor_mysql \\\n             -e WORDPRESS_DB_USER=user_wp \\\n             -e WORDPRESS_DB_PASSWORD=asdasd \\\n             -e WORDPRESS_DB_NAME=bd_wp \\\n             -p 80:80  ',
    );
    // docker/cli v29.7.2 cli/required.go RequiresMinArgs; run's Use line from cli/command/container/run.go.
    expect(wp.stderr).toBe(
      "docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information\n",
    );
    expect(wp.exitCode).toBe(1);
    expect(run('             wordpress')).toMatchObject({
      stderr: 'bash: wordpress: command not found\n',
      exitCode: 127,
    });
  });

  it('docker ps: mariadb as in the seed (3306/tcp, docker-entrypoint.s…), and no servidor_wp', () => {
    const { stdout } = run('docker ps');
    expect(stdout).toMatch(
      /\n[0-9a-f]{12} {3}mariadb {3,}"docker-entrypoint\.s…" {3}\d+ seconds ago {3,}Up \d+ seconds {3,}3306\/tcp {3,}servidor_mysql\n/,
    );
    expect(stdout).not.toContain('servidor_wp');
    expect(inspect(run, 'servidor_mysql', '{{.State.Status}}')).toBe('running');
  });
});
