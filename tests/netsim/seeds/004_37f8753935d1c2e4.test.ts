import { describe, expect, it } from 'vitest';
import { collapsed, inspect, seedSession } from './seed-session';

/**
 * Seed 004 ("Fonctionnement et manipulation du réseau dans Docker", a French
 * course of about 2020): every command line in order. Addresses are the ones
 * netsim's daemon hands out (the article's machine already had other networks,
 * so its mon-bridge was 172.21.0.0/16).
 */
describe('seed 004: creating, inspecting, connecting and removing networks', () => {
  const { run } = seedSession();

  it('creates mon-bridge and lists it among the defaults, sorted by name', () => {
    expect(run('docker network create --driver bridge mon-bridge').stdout).toMatch(/^[0-9a-f]{64}\n$/);
    const rows = collapsed(run('docker network ls').stdout)
      .split('\n')
      .slice(1, -1)
      .map((row) => row.split(' ').slice(1).join(' '));
    expect(rows).toEqual(['bridge bridge local', 'host host local', 'mon-bridge bridge local', 'none null local']);
  });

  it('inspect shows the IPAM config as in the seed: default driver, a subnet and its gateway', () => {
    const json = run('docker network inspect mon-bridge').stdout;
    expect(json).toContain('        "Name": "mon-bridge",\n');
    expect(json).toMatch(
      /"IPAM": \{\n\s+"Driver": "default",\n\s+"Options": \{\},\n\s+"Config": \[\n\s+\{\n\s+"Subnet": "172\.18\.0\.0\/16",\n\s+"Gateway": "172\.18\.0\.1"\n\s+\}\n\s+\]\n\s+\},/,
    );
  });

  it("the seed's `docker network create bridge ... mon-bridge` has two names: cobra refuses it (cli/required.go ExactArgs)", () => {
    const result = run('docker network create bridge --subnet=172.16.86.0/24 --gateway=172.16.86.1 mon-bridge');
    expect(result.stderr).toBe(
      "docker: 'docker network create' requires 1 argument\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nRun 'docker network create --help' for more information\n",
    );
    expect(result.exitCode).toBe(1);
  });

  let alpine1 = '';
  let alpine2 = '';
  it('two alpine containers join mon-bridge and appear in its inspect', () => {
    run('docker run -dit --name alpine1 --network mon-bridge alpine');
    run('docker run -dit --name alpine2 --network mon-bridge alpine');
    const json = run('docker network inspect mon-bridge').stdout;
    expect(json).toMatch(
      /"Name": "alpine1",\n\s+"EndpointID": "[0-9a-f]{64}",\n\s+"MacAddress": "([0-9a-f]{2}:){5}[0-9a-f]{2}",\n\s+"IPv4Address": "172\.18\.0\.2\/16",\n\s+"IPv6Address": ""/,
    );
    alpine1 = inspect(run, 'alpine1', '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}');
    alpine2 = inspect(run, 'alpine2', '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}');
  });

  it("they ping each other in BusyBox's words, as in the seed", () => {
    // Seed: "PING 172.21.0.3 (172.21.0.3): 56 data bytes" / "64 bytes from 172.21.0.3: seq=0 ttl=64 time=0.101 ms".
    const one = run(`docker exec alpine1 ping -c 1 ${alpine2}`).stdout;
    expect(one).toMatch(
      new RegExp(
        `^PING ${alpine2} \\(${alpine2}\\): 56 data bytes\\n64 bytes from ${alpine2}: seq=0 ttl=64 time=\\d+\\.\\d{3} ms\\n`,
      ),
    );
    const two = run(`docker exec alpine2 ping -c 1 ${alpine1}`).stdout;
    expect(two).toMatch(
      new RegExp(
        `^PING ${alpine1} \\(${alpine1}\\): 56 data bytes\\n64 bytes from ${alpine1}: seq=0 ttl=64 time=\\d+\\.\\d{3} ms\\n`,
      ),
    );
  });

  it("a second host network is refused with the seed's words", () => {
    expect(run('docker network create --driver host mon-host')).toMatchObject({
      stderr: 'Error response from daemon: only one instance of "host" network is allowed\n',
      exitCode: 1,
    });
  });

  it('httpd on the host network, found by netstat as in the seed, then stopped and removed', () => {
    expect(run('docker run --rm -d --network host --name my_httpd httpd').stdout).toMatch(/^[0-9a-f]{64}\n$/);
    // Seed: "tcp6       0      0 :::80                   :::*                    LISTEN      11133/httpd         " (httpd.conf's
    // `Listen 80` is one dual-stack socket, so only tcp6); its other lines were the author's own php and docker-proxy.
    expect(run('sudo netstat -tulpn | grep :80').stdout).toMatch(
      /^tcp6       0      0 :::80                   :::\*                    LISTEN      \d+\/httpd +\n$/,
    );
    expect(run('docker container stop my_httpd').stdout).toBe('my_httpd\n');
    expect(run('docker ps -a --format "{{.Names}}"').stdout).not.toContain('my_httpd');
  });

  it("disconnected, a container keeps only lo: BusyBox ip's lines as in the seed", () => {
    run('docker network disconnect mon-bridge alpine1');
    run('docker network disconnect mon-bridge alpine2');
    const ip = run('docker exec alpine1 ip a').stdout;
    // Seed: "lo: mtu 65536 qdisc noqueue state UNKNOWN qlen 1000" (its flags were eaten as HTML) and the loopback lines.
    expect(ip).toMatch(
      /^1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000\n    link\/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127\.0\.0\.1\/8 scope host lo\n       valid_lft forever preferred_lft forever\n/,
    );
    expect(ip).not.toContain('eth0');
  });

  it("mon-bridge is removed, and both containers rejoin the default bridge with the seed's addresses", () => {
    expect(run('docker network rm mon-bridge').stdout).toBe('mon-bridge\n');
    run('docker network connect bridge alpine1');
    run('docker network connect bridge alpine2');
    const result = run(
      "docker inspect -f '{{.Name}} - {{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' $(docker ps -aq)",
    );
    expect(result.stdout).toBe('/alpine2 - 172.17.0.3\n/alpine1 - 172.17.0.2\n');
  });
});
