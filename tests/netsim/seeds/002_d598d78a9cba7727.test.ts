import { describe, expect, it } from 'vitest';
import { collapsed, inspect, seedSession } from './seed-session';

/** nginx's welcome page as the seed shows it: the article dropped the page's two blank lines (nginx docs/html/index.html has them). */
const SEED_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>
<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>
<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const withoutBlankLines = (text: string) => text.replace(/\n\n+/g, '\n');

/**
 * Seed 002 ("Red de Docker", 2024, Docker 25): its outputs are whitespace-collapsed
 * by the article, so lines are compared collapsed. The article runs the first
 * host-network nginx in another terminal; one terminal here stops it at Ctrl-C.
 */
describe('seed 002: none, host and bridge networks seen from namespaces', () => {
  const { run } = seedSession();

  it('nginx on the none and host networks run in the foreground until Ctrl-C', () => {
    expect(run('docker run --network none nginx').exitCode).toBe(0);
    expect(run('docker run --network host nginx').exitCode).toBe(0);
  });

  it('with that terminal interrupted, nothing listens on :80 any more', () => {
    // curl's words for a refused port (curl 8.x lib/connect.c), as the curl goldens captured.
    expect(run('curl localhost').stderr).toMatch(
      /^curl: \(7\) Failed to connect to localhost port 80 after \d+ ms: Could not connect to server\n$/,
    );
  });

  it("a host-network nginx left running (the seed's other terminal) serves the page, and a second one cannot bind :80", () => {
    run('docker run -d --network host nginx');
    expect(withoutBlankLines(run('curl localhost').stdout)).toBe(SEED_WELCOME);
    // The seed's log ends "nginx: [emerg] still could not bind()" and nginx exits 1. The startup and
    // bind() lines are not modelled yet: only the exit status is checked.
    expect(run('docker run --network host nginx').exitCode).toBe(1);
  });

  it('docker network ls: bridge, host and none (Docker 29 columns; the seed collapsed them)', () => {
    const lines = collapsed(run('docker network ls').stdout).split('\n');
    expect(lines.slice(0, 4).map((line) => line.replace(/^[0-9a-f]{12}/, '<ID>'))).toEqual([
      'NETWORK ID NAME DRIVER SCOPE',
      '<ID> bridge bridge local',
      '<ID> host host local',
      '<ID> none null local',
    ]);
  });

  it("ip link and ip addr show docker0 as the seed's lines, down while no container uses it", () => {
    // Seed: "8: docker0: <BROADCAST,MULTICAST,UP,LOWER_UP> ... state UP mode DEFAULT group default" with one container
    // up in the article's machine; here no container is on the bridge yet, so the kernel reports NO-CARRIER and DOWN.
    expect(collapsed(run('ip link show docker0').stdout)).toMatch(
      /^\d+: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default\nlink\/ether ([0-9a-f]{2}:){5}[0-9a-f]{2} brd ff:ff:ff:ff:ff:ff\n$/,
    );
    expect(collapsed(run('ip addr show docker0').stdout)).toContain(
      '\ninet 172.17.0.1/16 brd 172.17.255.255 scope global docker0\nvalid_lft forever preferred_lft forever\n',
    );
  });

  let id = '';
  let pid = '';
  it('docker run -d nginx prints the ID, and inspect the fields the seed points at', () => {
    id = run('docker run -d nginx').stdout.trim();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    const json = run(`docker inspect ${id}`).stdout;
    expect(json).toContain(`        "Id": "${id}",\n`);
    expect(json).toContain(
      '        "Path": "/docker-entrypoint.sh",\n        "Args": [\n            "nginx",\n            "-g",\n            "daemon off;"\n        ],\n',
    );
    expect(json).toMatch(/"SandboxKey": "\/var\/run\/docker\/netns\/[0-9a-f]{12}",/);
    // API v1.52 (Docker 29) no longer returns NetworkSettings' top-level Gateway, IPAddress, MacAddress...
    // (moby docker-v29.7.2 api/docs/CHANGELOG.md): only the per-network ones remain.
    expect(json.match(/"IPAddress": "172\.17\.0\.2"/g)).toHaveLength(1);
    expect(json).toContain(
      '                    "Gateway": "172.17.0.1",\n                    "IPAddress": "172.17.0.2",\n',
    );
    pid = inspect(run, id, '{{.State.Pid}}');
  });

  it('curl to the container address serves the page', () => {
    expect(withoutBlankLines(run('curl 172.17.0.2').stdout)).toBe(SEED_WELCOME);
  });

  it("ip addr | grep docker: docker0 up and the container's veth on it, as the seed's lines", () => {
    const lines = collapsed(run('ip addr | grep docker').stdout).split('\n');
    expect(lines[0]).toMatch(
      /^\d+: docker0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default$/,
    );
    expect(lines[1]).toBe('inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0');
    expect(lines[2]).toMatch(
      /^\d+: veth[0-9a-f]{7}@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP group default$/,
    );
  });

  it("nsenter into the container's namespace with the PID inspect reported: the seed's lo and eth0", () => {
    const ip = collapsed(run(`sudo nsenter -t ${pid} -n ip addr`).stdout);
    expect(ip).toContain(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\nlink/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\ninet 127.0.0.1/8 scope host lo\nvalid_lft forever preferred_lft forever\n',
    );
    expect(ip).toMatch(
      /\n\d+: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default\nlink\/ether ([0-9a-f]{2}:){5}[0-9a-f]{2} brd ff:ff:ff:ff:ff:ff link-netnsid 0\ninet 172\.17\.0\.2\/16 brd 172\.17\.255\.255 scope global eth0\nvalid_lft forever preferred_lft forever\n/,
    );
  });

  it('rm --force echoes the ID, and docker0 loses its carrier, as in the seed', () => {
    expect(run(`docker container rm ${id} --force`).stdout).toBe(`${id}\n`);
    const lines = collapsed(run('ip addr | grep docker').stdout).split('\n');
    expect(lines.slice(0, 2).map((line) => line.replace(/^\d+:/, '8:'))).toEqual([
      '8: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default',
      'inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0',
    ]);
  });

  let nginxId = '';
  it("a named nginx, and grep IPAddress finds one line now (the seed's Docker 25 had three)", () => {
    // The seed types it at a zsh prompt, `~ `.
    nginxId = run('docker run -d --name=nginx nginx').stdout.trim();
    expect(nginxId).toMatch(/^[0-9a-f]{64}$/);
    expect(run(`docker inspect ${nginxId.slice(0, 5)} | grep "IPAddress"`).stdout).toBe(
      '                    "IPAddress": "172.17.0.2",\n',
    );
  });

  it('an ubuntu shell installs iputils-ping and pings the nginx container until Ctrl-C', () => {
    run('docker run -it --name ubuntu ubuntu bash');
    const install = run('apt update; apt install iputils-ping -y');
    expect(install.exitCode).toBe(0);
    expect(install.stdout).toContain('Setting up iputils-ping (');
    const ping = run('ping 172.17.0.2');
    // The seed's first lines (iputils' ping.c / ping_common.c formats); times differ.
    expect(ping.stdout).toMatch(
      /^PING 172\.17\.0\.2 \(172\.17\.0\.2\) 56\(84\) bytes of data\.\n64 bytes from 172\.17\.0\.2: icmp_seq=1 ttl=64 time=\d+\.\d{3} ms\n64 bytes from 172\.17\.0\.2: icmp_seq=2 ttl=64 time=\d+\.\d{3} ms\n/,
    );
    run('exit');
  });

  it("a published nginx answers on localhost:8080, and its DNAT rule is the seed's with this container's address", () => {
    const published = run('docker run -d -p 8080:80 nginx').stdout.trim();
    expect(withoutBlankLines(run('curl http://localhost:8080').stdout)).toBe(SEED_WELCOME);
    const address = inspect(run, published, '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}');
    // Seed: "0 0 DNAT tcp -- !docker0 * 0.0.0.0/0 0.0.0.0/0 tcp dpt:8080 to:172.17.0.2:80"; localhost goes through docker-proxy, so the counters stay 0.
    expect(collapsed(run('sudo iptables -nvL -t nat | grep 8080').stdout)).toBe(
      `0 0 DNAT tcp -- !docker0 * 0.0.0.0/0 0.0.0.0/0 tcp dpt:8080 to:${address}:80\n`,
    );
  });
});
