import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/host';
import { readGolden } from '../golden';

const rows = (stdout: string) => stdout.split('\n').slice(1, -1);
const commands = (stdout: string, from: number) => rows(stdout).map((row) => row.slice(from));

describe('ps in a container: its own PID namespace', () => {
  it('shows the shell as PID 1 and ps as its child, then Apache and its www-data workers once the init script ran', () => {
    const host = Host.create({ seed: 1 });
    host.run('docker run -ti -p 8080:80 linuxtips/apache:1.0 /bin/bash', { asRoot: true });
    const before = host.run('ps -ef').stdout;
    expect(before.split('\n')[0]).toBe('UID          PID    PPID  C STIME TTY          TIME CMD');
    expect(rows(before)).toEqual([
      expect.stringMatching(/^root {11}1 {7}0 {2}0 \d\d:\d\d pts\/0 {4}00:00:00 \/bin\/bash$/),
      expect.stringMatching(/^root +\d+ {7}1 {2}0 \d\d:\d\d pts\/0 {4}00:00:00 ps -ef$/),
    ]);
    host.run('/etc/init.d/apache2 start');
    const after = rows(host.run('ps -ef').stdout);
    expect(after.map((row) => row.split(/ +/)[0])).toEqual(['root', 'root', 'www-data', 'www-data', 'root']);
    const apache = after[1]!.split(/ +/)[1];
    expect(after[2]).toMatch(new RegExp(`^www-data +\\d+ +${apache} .* \\? +00:00:00 /usr/sbin/apache2 -k start$`));
  });

  it('lists a shell entered with docker exec -it, on the next terminal, and BusyBox prints its own table', () => {
    const host = Host.create({ seed: 2 });
    host.run('docker run -dit --name c1 alpine');
    host.run('docker exec -it c1 sh');
    const { stdout } = host.run('ps aux');
    // Alpine's BusyBox has FEATURE_PS_TIME (aports busyboxconfig), so its default columns are pid,user,time,args (procps/ps.c).
    expect(stdout).toBe(
      'PID   USER     TIME  COMMAND\n    1 root      0:00 /bin/sh\n    2 root      0:00 sh\n    3 root      0:00 ps aux\n',
    );
  });

  it.each(['', '--network host '])('docker run %salpine ps: ps is PID 1 and lists only itself', (options) => {
    const host = Host.create({ seed: 2 });
    expect(host.run(`docker run --rm ${options}alpine ps`)).toMatchObject({
      stdout: 'PID   USER     TIME  COMMAND\n    1 root      0:00 ps\n',
      exitCode: 0,
    });
    expect(host.run(`docker run --rm ${options}busybox ps -ef`).stdout).toBe(
      'PID   USER     TIME  COMMAND\n    1 root      0:00 ps -ef\n',
    );
  });

  it("numbers nginx's workers as the log it wrote at start-up does, with their master's comm", () => {
    // The official image's entrypoint runs its scripts before exec'ing nginx, so the workers are not PIDs 2 and 3:
    // `docker logs` says which they are, and the same numbers must come back from ps inside the container.
    const host = Host.create({ seed: 3 });
    host.run('docker run -d --name web nginx');
    const logged = [...host.run('docker logs web').output.matchAll(/start worker process (\d+)/g)].map(
      (match) => match[1],
    );
    expect(logged).toHaveLength(2);
    host.run('docker exec web apt-get update');
    host.run('docker exec web apt-get install -y procps');
    const listed = rows(host.run('docker exec web ps -e').stdout).map((row) => row.trim().split(/ +/));
    expect(listed.filter((row) => row[3] === 'nginx').map((row) => row[0])).toEqual(['1', ...logged]);
  });

  it('BusyBox refuses an unknown option with musl getopt words on Alpine', () => {
    const host = Host.create({ seed: 3 });
    host.run('docker run -dit --name c1 alpine');
    const { stderr, exitCode } = host.run('docker exec c1 ps -x');
    expect(exitCode).toBe(1);
    // The capture is glibc BusyBox 1.35: the same usage text after getopt's line, less the build banner.
    const captured = readGolden('tools/busybox-ps-unknown.txt').stderr!;
    expect(stderr).toBe(`ps: unrecognized option: x\n${captured.split('\n').slice(2).join('\n')}`);
  });

  it('is not in the debian image: bash says command not found', () => {
    const host = Host.create({ seed: 4 });
    host.run('docker run -it debian bash');
    const { stderr, exitCode } = host.run('ps');
    expect(exitCode).toBe(127);
    expect(stderr).toBe('bash: ps: command not found\n');
  });

  it('comes with apt install procps', () => {
    const host = Host.create({ seed: 5 });
    host.run('docker run -it debian bash');
    host.run('apt update');
    host.run('apt install -y procps');
    expect(commands(host.run('ps').stdout, 26)).toEqual(['bash', 'ps']);
  });
});

describe('ps on the host', () => {
  const host = Host.create({ seed: 6 });
  host.run('docker run -d -p 8080:80 nginx');
  const table = host.run('ps -ef').stdout;

  it("lists the host's daemons, the user's login shell and ps as its child", () => {
    expect(table).toContain(' /usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock\n');
    expect(table).toMatch(/\nusuario {6}987 {5}986 {2}0 \d\d:\d\d pts\/0 {4}00:00:00 -bash\n/);
    expect(table).toMatch(/\nusuario +\d+ {5}987 {2}0 \d\d:\d\d pts\/0 {4}00:00:00 ps -ef\n$/);
  });

  it('shows docker-proxy with the argv dockerd gives it, a shim per container and nginx with its workers under host PIDs', () => {
    const cmds = commands(table, 52);
    expect(cmds).toContain(
      '/usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 -container-port 80 -use-listen-fd',
    );
    expect(cmds).toContain(
      '/usr/bin/docker-proxy -proto tcp -host-ip :: -host-port 8080 -container-ip 172.17.0.2 -container-port 80 -use-listen-fd',
    );
    expect(cmds.filter((c) => c.startsWith('/usr/bin/containerd-shim-runc-v2 -namespace moby -id '))).toHaveLength(1);
    expect(cmds.filter((c) => c === 'nginx: worker process')).toHaveLength(2);
    // nginx's uid 101 has no name on the host.
    expect(
      rows(table)
        .filter((row) => row.endsWith('worker process'))
        .every((row) => row.startsWith('101 ')),
    ).toBe(true);
  });

  it('gives every process its own PID', () => {
    const pids = rows(host.run('ps aux').stdout).map((row) => row.split(/ +/)[1]);
    expect(new Set(pids).size).toBe(pids.length);
  });

  it("plain ps shows the terminal user's own processes on that terminal", () => {
    expect(commands(host.run('ps').stdout, 26)).toEqual(['bash', 'ps']);
  });

  it('refuses unknown options as procps 4 does', () => {
    for (const [line, golden] of [
      ['ps -Q', 'ps-unknown-sysv'],
      ['ps Q', 'ps-unknown-bsd'],
      ['ps --foo', 'ps-unknown-long'],
    ] as const) {
      const result = host.run(line);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toBe(readGolden(`tools/${golden}.txt`).stderr);
    }
  });
});
