import { describe, expect, it, vi } from 'vitest';
import { withToolModules } from '../../src/netsim/cli/tool-modules';
import { TerminalSimulation } from '../../src/terminal/terminal-session';

// The terminal as the browser runs it: tools, and the modules of the layers below, come from chunks loaded on first use.
vi.mock('../../src/netsim/cli/tool-loader', () => import('../../src/netsim/cli/tool-loader.browser'));
vi.mock(
  '../../src/netsim/engine/mariadb-wordpress-loader',
  () => import('../../src/netsim/engine/mariadb-wordpress-loader.browser'),
);
vi.mock(
  '../../src/netsim/userland/apache-page-loader',
  () => import('../../src/netsim/userland/apache-page-loader.browser'),
);
vi.mock(
  '../../src/netsim/userland/public-internet-loader',
  () => import('../../src/netsim/userland/public-internet-loader.browser'),
);
vi.mock('../../src/netsim/shell/arithmetic-loader', () => import('../../src/netsim/shell/arithmetic-loader.browser'));
vi.mock(
  '../../src/netsim/shell/shell-extras-loader',
  () => import('../../src/netsim/shell/shell-extras-loader.browser'),
);
vi.mock(
  '../../src/netsim/format/ip-link-details-loader',
  () => import('../../src/netsim/format/ip-link-details-loader.browser'),
);
vi.mock(
  '../../src/netsim/format/curl-write-out-loader',
  () => import('../../src/netsim/format/curl-write-out-loader.browser'),
);
vi.mock(
  '../../src/netsim/cli/docker/mount-option-loader',
  () => import('../../src/netsim/cli/docker/mount-option-loader.browser'),
);
vi.mock(
  '../../src/netsim/engine/nginx-files-loader',
  () => import('../../src/netsim/engine/nginx-files-loader.browser'),
);
vi.mock('../../src/netsim/engine/extras-loader', () => import('../../src/netsim/engine/extras-loader.browser'));
vi.mock('../../src/netsim/userland/ipv6-loader', () => import('../../src/netsim/userland/ipv6-loader.browser'));
vi.mock('../../src/netsim/topology-loader', () => import('../../src/netsim/topology-loader.browser'));
vi.mock(
  '../../src/netsim/userland/iptables-iprange-loader',
  () => import('../../src/netsim/userland/iptables-iprange-loader.browser'),
);
const { loadToolModules } = await import('../../src/netsim/cli/tool-loader');

const fresh = () => new TerminalSimulation({ seed: 7, steps: [] });

describe("the terminal's seldom-typed tools, loaded on first use", () => {
  // First of all: every other test that makes an nginx container would fetch the chunk before it.
  it("loads the nginx image's configuration and pages when a container of the image is first made", async () => {
    const line = 'docker run -d --name web nginx >/dev/null; docker exec web cat /etc/nginx/conf.d/default.conf';
    const first = fresh();
    expect(() => first.run(line)).toThrow(/nginxFiles tools are not loaded/);
    const retried = await withToolModules([], loadToolModules, () => first.run(line));
    expect(retried).toEqual(fresh().run(line));
    expect(retried).toMatchObject({ kind: 'done', output: expect.stringContaining('    listen  [::]:80;\n') });
  });

  it("runs the shell's seldom-typed builtins, [[ ]], arrays, brace expansion and $RANDOM from their chunk, with the functions defined on an earlier line kept across the retry", async () => {
    const lines = [
      'greet() { echo "hi $1"; }; nums=(1 2 3)',
      'greet you; type -t greet; [[ ${#nums[@]} == 3 ]] && echo three; echo {a,b}; RANDOM=42; echo $RANDOM',
      'printf "x y\\n" | while read a b; do echo $b$a; done; set -x; local v; history 1',
    ];
    const loaded = fresh();
    const direct = fresh();
    // The first line of all (its array) reaches the chunk before any other test of this file has fetched it.
    expect(() => fresh().run(lines[0]!)).toThrow(/shellExtras tools are not loaded/);
    for (const line of lines) {
      const retried = await withToolModules([], loadToolModules, () => loaded.run(line));
      expect(retried, line).toEqual(direct.run(line));
    }
    expect(loaded.run('set +x; greet again')).toMatchObject({ kind: 'done', output: '+ set +x\nhi again\n' });
  });
  it("loads ip -d's printer, curl's -w, docker's --mount and IPv6's path when a run first reaches them, as a run with them at hand shows", async () => {
    const lines = [
      'ip -d link show docker0',
      "curl -s -o /dev/null -w '%{http_code}\\n' http://192.168.1.1/ ; docker run -d --name web nginx >/dev/null; curl -s -o /dev/null -w '%{http_code} %{size_download}\\n' 172.17.0.2",
      'docker run --rm --mount type=volume,src=data,dst=/data alpine ls -d /data',
      'ping -6 -c 1 ::1; docker network create --ipv6 v6 >/dev/null; docker run -d --name w6 --network v6 nginx >/dev/null; curl -s -6 -o /dev/null -w "%{http_code}\\n" http://[fd00::2]/ ; ping6 -c 1 ::1',
    ];
    for (const line of lines) {
      const first = fresh();
      expect(() => first.run(line), line).toThrow(/not loaded/);
      const retried = await withToolModules([], loadToolModules, () => first.run(line));
      expect(retried, line).toEqual(fresh().run(line));
      expect(retried.kind, line).toBe('done');
    }
  });

  it("loads the public internet, the shell's arithmetic and docker inspect's container document when a run first reaches them, and shows what a run with them at hand shows", async () => {
    // The first line of each reaches a module not loaded yet; the others run with it there, as the reader's next lines do.
    const firsts = new Set([
      'ping -c 2 google.com',
      'echo $((6 * 7)); for i in 1 2; do echo $((i + 1)); done',
      'docker run -d --name web nginx; docker inspect web',
    ]);
    for (const line of [
      'ping -c 2 google.com',
      'docker run --rm alpine ping -c 1 deb.debian.org',
      'dig +short example.com',
      'echo $((6 * 7)); for i in 1 2; do echo $((i + 1)); done',
      'docker run -d --name web nginx; docker inspect web',
    ]) {
      const first = fresh();
      if (firsts.has(line)) expect(() => first.run(line), line).toThrow(/not loaded/);
      const retried = await withToolModules([], loadToolModules, () => first.run(line));
      expect(retried, line).toEqual(fresh().run(line));
      expect(retried.kind, line).toBe('done');
    }
  });

  it("loads iptables' iprange match when a rule first needs it, even on a line that does not name it", async () => {
    const terminal = fresh();
    const direct = fresh();
    for (const line of [
      'sudo iptables -I DOCKER-USER -m iprange -i eth0 ! --src-range 192.168.1.1-192.168.1.3 -j DROP',
      'sudo iptables -S DOCKER-USER; sudo iptables -L DOCKER-USER -n',
    ]) {
      const retried = await withToolModules([], loadToolModules, () => terminal.run(line));
      expect(retried, line).toEqual(direct.run(line));
      expect(retried.kind === 'done' && retried.output, line).not.toMatch(/not loaded|netsim/);
    }
  });

  it('a line naming a tool not loaded yet stops before showing anything', () => {
    const terminal = fresh();
    expect(() => terminal.run('hostname; netstat -tln')).toThrow(/netstat tools are not loaded/);
    expect(terminal.prompt()).toBe('$ ');
  });

  it('runs again from the same host once loaded: exactly what a run with the tool at hand shows', async () => {
    // `date` runs before `ss`: had the first, stopped run moved the clock, the second would show a later time.
    const line = 'date; ss -tln';
    const first = fresh();
    const retried = await withToolModules([], loadToolModules, () => first.run(line));
    const second = fresh();
    const direct = second.run(line);
    expect(retried).toEqual(direct);
    expect(direct.kind === 'done' && direct.output).toMatch(/^State +Recv-Q +Send-Q/m);
  });

  it("runs systemctl, docker's help and docker swarm from their own chunks, as a run with every tool at hand does", async () => {
    for (const line of [
      'sudo systemctl is-active docker',
      'docker network --help',
      'docker',
      'docker swarm init',
      'sudo nft list ruleset',
    ]) {
      const first = fresh();
      const retried = await withToolModules([line], loadToolModules, () => first.run(line));
      expect(retried, line).toEqual(fresh().run(line));
    }
  });

  it("loads the daemon's signals when a stop or kill first sends one, as a run with them at hand shows", async () => {
    const lines = [
      'docker run -d --name s alpine sleep 1d >/dev/null; docker stop -t 2 s; docker ps -a --format "{{.Status}}"',
      'docker run -d --name web nginx >/dev/null; docker kill -s HUP web; docker kill --signal=FOO web',
    ];
    // The first line reaches the chunk before any other has fetched it.
    expect(() => fresh().run(lines[0]!)).toThrow(/(dockerExtras|engineExtras) tools are not loaded/);
    for (const line of lines) {
      const first = fresh();
      const retried = await withToolModules([], loadToolModules, () => first.run(line));
      expect(retried, line).toEqual(fresh().run(line));
      expect(retried.kind, line).toBe('done');
    }
  });

  it("runs docker's seldom-typed commands from their own chunk, as a run with every tool at hand does", async () => {
    const lines = [
      'docker info',
      'docker system df',
      'docker version',
      'docker run -d --name web nginx; docker container top web; docker stats --no-stream',
      'docker image history alpine',
      'docker run -d --name a alpine sleep 1d; docker rename a b; docker ps -a',
      'docker run -d --name d alpine sleep 1d; docker exec d touch /tmp/x; docker diff d',
      'docker tag alpine tools:1; docker images; docker rmi tools:1',
    ];
    for (const line of lines) {
      const first = fresh();
      const retried = await withToolModules([], loadToolModules, () => first.run(line));
      expect(retried, line).toEqual(fresh().run(line));
      expect(retried.kind, line).toBe('done');
    }
  });

  it("runs the host's apt, dpkg, traceroute and nc, and its everyday system tools from their chunks, as a run with every tool at hand does", async () => {
    const lines = [
      'sudo apt install -y traceroute netcat-openbsd; dpkg -l traceroute; traceroute -n 8.8.8.8; nc -zv 192.168.1.1 22',
      'free -h; df -h; lsmod; pgrep -a dockerd; groups',
      'sudo usermod -aG docker $USER; sudo su - usuario -c id; id',
    ];
    for (const line of lines) {
      const first = fresh();
      const retried = await withToolModules([], loadToolModules, () => first.run(line));
      expect(retried, line).toEqual(fresh().run(line));
      expect(retried.kind === 'done' && retried.output, line).not.toMatch(/not found|not loaded|not simulated/);
    }
  });

  it("runs ip neigh, ip netns and ip link add, net-tools and the servers' programs from their chunks, as a run with every tool at hand does", async () => {
    const lines = [
      'sudo ip link add br1 type bridge; ip -br link show br1',
      'sudo ip netns add red; ip netns list; sudo ip -netns red link',
      'docker run -d --name a alpine sleep 1d >/dev/null; ping -c 1 172.17.0.2 >/dev/null; ip neigh',
      'docker run --rm busybox route -n',
      'docker run --rm busybox ifconfig eth0; docker run --rm alpine arp -n',
      'docker run -d --name web nginx; docker exec web nginx -v',
      "docker run -d --name db -e MARIADB_ROOT_PASSWORD=r mariadb; docker run --rm mariadb mariadb -h 172.17.0.2 -uroot -pr -e 'SHOW DATABASES'",
    ];
    for (const line of lines) {
      const first = fresh();
      const retried = await withToolModules([], loadToolModules, () => first.run(line));
      expect(retried, line).toEqual(fresh().run(line));
      expect(retried.kind === 'done' && retried.output, line).not.toMatch(/not found|not loaded/);
    }
  });

  it("prints ip's counters, JSON, colours and multicast memberships, netstat -i and BusyBox's ip neigh from their chunks, as a run with every tool at hand does", async () => {
    const lines = [
      'ping -c 1 172.17.0.1 >/dev/null; ip -s -s link show docker0; ip -s addr show lo',
      'ip -j -p route; ip -j a; ip -c a | cat; ip -c -br a',
      'ip maddr show dev docker0',
      'netstat -i',
      'docker run -dit --name c alpine >/dev/null; docker exec c cat /proc/net/dev /sys/class/net/lo/statistics/rx_packets',
      'docker run -dit --name shell alpine >/dev/null; docker exec shell ping -c1 172.17.0.1 >/dev/null; docker exec shell ip neigh',
    ];
    for (const line of lines) {
      const first = fresh();
      const retried = await withToolModules([], loadToolModules, () => first.run(line));
      expect(retried, line).toEqual(fresh().run(line));
      expect(retried.kind === 'done' && retried.output, line).not.toMatch(/not found|not loaded|not available/);
    }
  });

  it("starts mariadb and wordpress containers with their images' module fetched on the way, as a run with it at hand does", async () => {
    const lines = [
      'docker run -d --name db -e MARIADB_ROOT_PASSWORD=r mariadb >/dev/null 2>&1; docker logs db 2>&1 | head -n 3; docker exec db cat /etc/mysql/mariadb.conf.d/05-skipcache.cnf',
      'docker run -d --name wp -e WORDPRESS_DB_HOST=db wordpress >/dev/null 2>&1; docker logs wp 2>&1 | head -n 2; docker exec wp head -n 3 /var/www/html/wp-config.php',
    ];
    for (const line of lines) {
      const first = fresh();
      const retried = await withToolModules([], loadToolModules, () => first.run(line));
      expect(retried, line).toEqual(fresh().run(line));
      expect(retried.kind === 'done' && retried.output, line).toMatch(/^(2026-.*\[Entrypoint\]|WordPress not found)/);
    }
  });

  it("serves Debian's apache2 page, fetched when a request first reaches it, as a run with it at hand does", async () => {
    // linuxtips/apache: apache2 started from the container's shell, then the page from the host.
    const lines = [
      'docker run -ti -p 8080:80 linuxtips/apache:1.0 /bin/bash',
      '/etc/init.d/apache2 start',
      '^P^Q',
      'curl -s 172.17.0.2 | head -n 5',
    ];
    const first = fresh();
    const second = fresh();
    for (const line of lines) {
      const retried = await withToolModules([], loadToolModules, () => first.run(line));
      expect(retried, line).toEqual(second.run(line));
    }
    const page = second.run('curl -s 172.17.0.2 | grep title');
    expect(page.kind === 'done' && page.output).toBe('    <title>Apache2 Debian Default Page: It works</title>\n');
  });

  it("runs date, sort, cut, wc, the shell's test and printf, nsenter, ssh and BusyBox wget from their chunks, as a run with every tool at hand does", async () => {
    const lines = [
      'date -u',
      "printf 'b:2\\na:1\\n' | sort | cut -d: -f1; docker network ls | wc -l",
      '[ -d /etc ] && test -f /etc/hosts && echo both',
      'docker run -d --name a alpine sleep 1d >/dev/null; sudo nsenter -t "$(docker inspect -f \'{{.State.Pid}}\' a)" -n ip -br addr',
      'ssh lan-pc hostname',
      'docker run -d --name web nginx >/dev/null; docker run --rm busybox wget -qO- http://172.17.0.2/ | grep title',
    ];
    for (const line of lines) {
      const first = fresh();
      const retried = await withToolModules([], loadToolModules, () => first.run(line));
      expect(retried, line).toEqual(fresh().run(line));
      expect(retried.kind === 'done' && retried.output, line).not.toMatch(/not found|not loaded/);
    }
  });

  it("runs curl's TLS handshake, ss -s, a connected telnet and an alias read again from their chunks, as a run with every tool at hand does", async () => {
    const lines = [
      'docker run -d --name web -p 8080:80 nginx >/dev/null; curl -kv https://localhost:8080; curl -k https://localhost:8443',
      'ss -s',
      'telnet localhost 8080 < /dev/null',
      `alias dps='docker ps --format "table {{.Names}}\\t{{.Status}}"'`,
      'dps',
    ];
    const first = fresh();
    const second = fresh();
    for (const line of lines) {
      const retried = await withToolModules([], loadToolModules, () => first.run(line));
      expect(retried, line).toEqual(second.run(line));
      expect(retried.kind === 'done' && retried.output, line).not.toMatch(/not simulated|not loaded/);
    }
  });

  it("restarts the daemon with its daemon.json reader fetched on the way, and checks an exercise's goals with theirs", async () => {
    const line = 'sudo systemctl restart docker; ip -br addr show docker0';
    const first = fresh();
    const retried = await withToolModules([], loadToolModules, () => first.run(line));
    expect(retried).toEqual(fresh().run(line));
    const goals = [
      { kind: 'network', network: 'bridge', driver: 'bridge' },
      { kind: 'container', container: 'web' },
    ] as const;
    const checked = await withToolModules([], loadToolModules, () => fresh().checkGoals(goals));
    expect(checked).toEqual([{ pass: true }, expect.objectContaining({ pass: false })]);
  });

  // The typed line runs the waiting line again from the host as it was before it: a tool fetched on the way
  // (getent, named by no line typed) runs it again from there once more, and `docker run` still starts one container.
  it('fetches a tool the rest of a waiting line needs once the line typed comes, and does what came before the wait once', async () => {
    const line = 'docker run -d --name web nginx >/dev/null; read x; getent hosts localhost';
    const terminal = fresh();
    const run = (typed: string) => withToolModules([], loadToolModules, () => terminal.run(typed));
    expect(await run(line)).toMatchObject({ kind: 'done', output: '', reading: true });
    expect(() => terminal.run('go')).toThrow(/getent tools are not loaded/);
    const answered = await run('go');
    const direct = await run('getent hosts localhost');
    expect(answered).toMatchObject({ kind: 'done', prompt: '$ ', output: direct.kind === 'done' && direct.output });
    expect(await run('docker ps -aq')).toMatchObject({ output: expect.stringMatching(/^[0-9a-f]{12}\n$/) });
  });

  // The program frame's output comes from the shell's extras: a line typed to a waiting telnet fetches what it lacks and runs again.
  it('types a request to a connected telnet with its modules fetched on first use', async () => {
    const terminal = fresh();
    const run = (line: string) => withToolModules([line], loadToolModules, () => terminal.run(line));
    await run('docker run -d -p 8080:80 nginx');
    expect(await run('telnet localhost 8080')).toMatchObject({ kind: 'done', prompt: '', reading: true });
    expect(await run('GET / HTTP/1.0')).toMatchObject({ kind: 'done', output: '', reading: true });
    expect(await run('')).toMatchObject({
      kind: 'done',
      prompt: '$ ',
      output: expect.stringMatching(/^HTTP\/1\.1 200 OK\n[^]*<\/html>\nConnection closed by foreign host\.\n$/),
    });
  });
});
