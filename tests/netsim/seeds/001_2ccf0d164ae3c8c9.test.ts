import { describe, expect, it } from 'vitest';
import { collapsed, inspect, seedSession } from './seed-session';

/**
 * Seed 001 ("Gerenciando a rede dos containers", LINUXtips, Docker 17 era):
 * typed as root on the host (`root@linuxtips:~#`), so host lines run asRoot.
 * <IPCONTAINER> and <IPHOST> are what netsim reports for the container and the
 * host's NIC.
 */
describe('seed 001: publishing Apache from linuxtips/apache', () => {
  const { host, run } = seedSession();
  const asRoot = { asRoot: true };
  let container = '';

  it('the image is pulled, and the shell prompt is root@<hostname>', () => {
    const result = run('docker container run -ti -p 8080:80 linuxtips/apache:1.0 /bin/bash', asRoot);
    expect(result.exitCode).toBe(0);
    container = host.currentContainer()!;
    expect(host.prompt()).toBe(`root@${container.slice(0, 12)}:/# `);
  });

  /**
   * The seed's `ps -ef` rows, whitespace collapsed (the article collapsed it, and its procps 3.3 had narrower
   * columns). Normalised where they must differ: PIDs other than 1 and the parents that name them (the seed's
   * bash forked helpers before ps, and Apache's start script ran more; netsim hands out the next PIDs), STIME
   * (the seed's clock), and TTY: the seed's old procps printed `?` for the container's terminal, procps 4 names it pts/0.
   */
  const normalised = (stdout: string) =>
    collapsed(stdout)
      .split('\n')
      .map((row) =>
        row.replace(/^(\S+) (\d+) (\d+) (\d+) \d\d:\d\d (\S+)/, (_, user, pid, ppid, c, tty) =>
          [
            user,
            pid === '1' ? '1' : 'PID',
            ['0', '1'].includes(ppid) ? ppid : 'PPID',
            c,
            'STIME',
            tty === 'pts/0' ? '?' : tty,
          ].join(' '),
        ),
      )
      .join('\n');

  it("ps -ef: the seed's rows, bash as PID 1 and ps its child", () => {
    const seed =
      'UID PID PPID C STIME TTY TIME CMD\nroot 1 0 1 18:18 ? 00:00:00 /bin/bash\nroot 6 1 0 18:18 ? 00:00:00 ps -ef\n';
    // The seed's C of 1 for bash is CPU it had used; netsim's processes use none.
    expect(normalised(run('ps -ef').stdout)).toBe(normalised(seed).replace('root 1 0 1', 'root 1 0 0'));
  });

  it("/etc/init.d/apache2 start prints the seed's lines, naming the container's address", () => {
    const { stdout, exitCode } = run('/etc/init.d/apache2 start');
    expect(exitCode).toBe(0);
    // The seed's container was 172.17.0.3 (another one held .2); here it is the only one.
    const seed =
      "[....] Starting web server: apache2AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message\n. ok\n";
    expect(collapsed(stdout)).toBe(collapsed(seed));
  });

  it('ps -ef after the start: Apache as root under PID 1 and its two www-data workers as its children', () => {
    const seed = [
      'UID       PID PPID C STIME TTY        TIME CMD',
      'root        1    0 0 18:18 ?      00:00:00 /bin/bash',
      'root       30    1 0 18:19 ?      00:00:00 /usr/sbin/apache2 -k start',
      'www-data   33   30 0 18:19 ?      00:00:00 /usr/sbin/apache2 -k start',
      'www-data   34   30 0 18:19 ?      00:00:00 /usr/sbin/apache2 -k start',
      'root      109    1 0 18:19 ?      00:00:00 ps -ef',
    ].join('\n');
    expect(normalised(run('ps -ef').stdout)).toBe(normalised(`${seed}\n`));
  });

  it("ip addr: the seed's eth0 address, in Docker 29's layout (eth0@ifN, brd, link-netnsid)", () => {
    const { stdout } = run('ip addr');
    expect(stdout).toMatch(
      /\n\d+: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n/,
    );
    expect(stdout).toContain('    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\n');
  });

  it('^P^Q leaves the container running', () => {
    run('^P^Q');
    expect(host.currentContainer()).toBeUndefined();
    expect(inspect(run, container, '{{.State.Status}}')).toBe('running');
  });

  it("curl to the container and to the published port print Apache2's welcome page, the same both times", () => {
    // Seed: "você verá o código da página de boas-vindas do Apache2" for both. The page is
    // Debian's 2.4.10 debian/index.html (11104 bytes, jessie's ETag 2b60).
    expect(run(`docker exec ${container} ss -tln`).stdout).toContain('*:80');
    const direct = run('curl 172.17.0.2:80', asRoot);
    expect(direct.exitCode).toBe(0);
    expect(direct.stdout).toContain('<title>Apache2 Debian Default Page: It works</title>');
    expect(direct.stdout).toMatch(
      /<div class="section_header section_header_red">\n\s+<div id="about"><\/div>\n\s+It works!\n/,
    );
    expect(direct.stdout).toHaveLength(11104);
    const published = run('curl 192.168.1.10:8080', asRoot);
    expect(published.stdout).toBe(direct.stdout);
    expect(published.exitCode).toBe(0);
  });

  it("iptables -L -n: Docker 29's chains (moby docker-v29.7.2 iptabler/iptabler.go: DOCKER-FORWARD, DOCKER-ISOLATION-STAGE-1...), not the seed's DOCKER-ISOLATION of Docker 17", () => {
    const { stdout } = run('iptables -L -n', asRoot);
    expect(stdout).toContain('Chain DOCKER-FORWARD (1 references)');
    expect(stdout).not.toContain('DOCKER-ISOLATION ');
    // Docker 29 accepts the published port in DOCKER for the container's address, as the seed's `ACCEPT tcp -- 0.0.0.0/0 172.17.0.3 tcp dpt:80` did.
    expect(collapsed(stdout)).toContain('ACCEPT tcp -- 0.0.0.0/0 172.17.0.2 tcp dpt:80');
  });

  it("iptables -L -n -t nat: the seed's DNAT and MASQUERADE lines, with this container's address", () => {
    const nat = collapsed(run('iptables -L -n -t nat', asRoot).stdout);
    expect(nat).toContain('DNAT tcp -- 0.0.0.0/0 0.0.0.0/0 tcp dpt:8080 to:172.17.0.2:80');
    expect(nat).toContain('MASQUERADE all -- 172.17.0.0/16 0.0.0.0/0');
    // The seed's per-port `MASQUERADE tcp -- 172.17.0.3 172.17.0.3 tcp dpt:80` is gone: Docker 29 adds it only
    // for hairpin NAT, with the userland proxy off (iptabler/port.go setPerPortNAT, `n.ipt.config.Hairpin && enable`).
    expect(nat).not.toContain('MASQUERADE tcp -- 172.17.0.2 172.17.0.2 tcp dpt:80');
    expect(nat).toContain('DOCKER all -- 0.0.0.0/0 0.0.0.0/0 ADDRTYPE match dst-type LOCAL');
    expect(nat).toContain('DOCKER all -- 0.0.0.0/0 !127.0.0.0/8 ADDRTYPE match dst-type LOCAL');
  });
});
