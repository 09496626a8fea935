import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Host } from '../../src/netsim/index';

/** A host after `lines`, and what the last one printed. */
function session(...lines: string[]) {
  const host = Host.create({ seed: 5 });
  const results = lines.map((line) => host.run(line));
  return { host, results, last: results.at(-1)! };
}

const idOf = (host: Host, name: string) => host.run(`docker inspect -f '{{.Id}}' ${name}`).stdout.trim();

describe('prompts', () => {
  it.each([
    ['the host user', [], '$ '],
    [
      'debian bash, root@<hostname>:<cwd># (Debian bash.bashrc PS1)',
      ['docker run -it --name c debian bash'],
      /^root@[0-9a-f]{12}:\/# $/,
    ],
    ['ubuntu with its default command', ['docker run -it --name c ubuntu'], /^root@[0-9a-f]{12}:\/# $/],
    ['a custom hostname', ['docker run -it --hostname web1 debian'], 'root@web1:/# '],
    ['bash after cd, home as ~', ['docker run -it debian bash', 'cd /etc'], /:\/etc# $/],
    ['bash in /root', ['docker run -it debian bash', 'cd'], /:~# $/],
    ['alpine, BusyBox ash', ['docker run -it alpine'], '/ # '],
    ['busybox sh after cd', ['docker run -it busybox sh', 'cd /tmp'], '/tmp # '],
    ['dash, sh on Debian', ['docker run -dit --name c debian', 'docker exec -it c sh'], '# '],
    ['back on the host after exit', ['docker run -it debian bash', 'exit'], '$ '],
    ['back on the host after detaching', ['docker run -it debian bash', '^P^Q'], '$ '],
  ] as const)('%s', (_name, lines, expected) => {
    const prompt = session(...lines).host.prompt();
    if (typeof expected === 'string') expect(prompt).toBe(expected);
    else expect(prompt).toMatch(expected);
  });

  it('shows a root prompt for a line typed at # and runs it as root', () => {
    const host = Host.create({ seed: 5 });
    expect(host.prompt({ asRoot: true })).toBe('# ');
    const result = host.run('iptables -S FORWARD', { asRoot: true });
    expect(result.prompt).toBe('# ');
    expect(result.exitCode).toBe(0);
  });

  it('the container hostname is the first 12 hex digits of its ID', () => {
    const { host } = session('docker run -it --name c debian bash', '^P^Q');
    const id = idOf(host, 'c');
    host.run('docker attach c');
    expect(host.prompt()).toBe(`root@${id.slice(0, 12)}:/# `);
  });
});

describe('inside a container', () => {
  it.each([
    ['bash: a tool the image lacks', ['docker run -it debian bash', 'ip a'], '', 'bash: ip: command not found\n', 127],
    ['ash: a tool the image lacks', ['docker run -it alpine', 'dig x'], '', '/bin/sh: dig: not found\n', 127],
    ['busybox sh names itself sh', ['docker run -it busybox', 'curl x'], '', 'sh: curl: not found\n', 127],
    [
      'dash counts lines',
      ['docker run -dit --name c debian', 'docker exec -it c sh', 'true', 'ip a'],
      '',
      'sh: 2: ip: not found\n',
      127,
    ],
    ['no sudo in an image', ['docker run -it debian bash', 'sudo ls'], '', 'bash: sudo: command not found\n', 127],
    [
      'no docker in an image',
      ['docker run -it debian bash', 'docker ps'],
      '',
      'bash: docker: command not found\n',
      127,
    ],
    ['the hostname file', ['docker run -it --hostname web1 debian bash', 'cat /etc/hostname'], 'web1\n', '', 0],
    [
      'variables of the container',
      ['docker run -it -e GREETING=hola debian bash', 'echo $GREETING $HOME'],
      'hola /root\n',
      '',
      0,
    ],
    ['pipes and substitutions', ['docker run -it alpine', 'echo $(cat /etc/hostname | wc -c)'], '13\n', '', 0],
  ] as const)('%s', (_name, lines, stdout, stderr, exitCode) => {
    const { last } = session(...lines);
    expect({ stdout: last.stdout, stderr: last.stderr, exitCode: last.exitCode }).toEqual({ stdout, stderr, exitCode });
  });

  it('runs ip in the container network namespace', () => {
    const { last } = session(
      'docker network create red1',
      'docker run -it --network red1 alpine',
      'ip -4 addr show eth0',
    );
    expect(last.stdout).toContain('172.18.0.2/16');
  });

  it('exit in a container shell prints what interactive bash prints (the captured `exit 3`)', () => {
    const { cases } = JSON.parse(readFileSync(resolve(import.meta.dirname, 'golden/shell/bash.json'), 'utf8')) as {
      cases: { name: string; stderr: string; exitCode: number }[];
    };
    const captured = cases.find((c) => c.name === 'exit')!;
    const { last } = session('docker run -it debian bash', 'exit 3');
    expect({ stderr: last.stderr, exitCode: last.exitCode }).toEqual({
      stderr: captured.stderr,
      exitCode: captured.exitCode,
    });
  });
});

describe('leaving a container shell', () => {
  it('exit of a run -it shell stops the container with the shell status, and $? on the host is it', () => {
    const { host, last } = session('docker run -it --name c debian bash', 'false', 'exit', 'echo $?');
    expect(last.stdout).toBe('1\n');
    expect(host.run("docker ps -a --format '{{.Status}}'").stdout).toMatch(/^Exited \(1\) /);
  });

  it('exit of a run -it --rm shell removes the container', () => {
    const { host } = session('docker run -it --rm --name c alpine', 'exit');
    expect(host.run('docker ps -aq').stdout).toBe('');
  });

  it('exit of an exec shell leaves the container running', () => {
    const { host } = session('docker run -dit --name c debian', 'docker exec -it c bash', 'exit');
    expect(host.run("docker ps --format '{{.Names}}'").stdout).toBe('c\n');
  });

  it('^P^Q after docker run -it detaches quietly; the container keeps running', () => {
    const { host, last } = session('docker run -it --name c debian bash', '^P^Q');
    expect(last).toMatchObject({ stdout: '', stderr: '', exitCode: 0, prompt: expect.stringMatching(/^root@/) });
    expect(host.run("docker ps --format '{{.Names}}'").stdout).toBe('c\n');
  });

  it('^P^Q after docker attach reports the escape as docker attach does, status 1', () => {
    const { last } = session('docker run -it --name c debian bash', '^P^Q', 'docker attach c', '^P^Q');
    expect({ output: last.output, exitCode: last.exitCode }).toEqual({ output: 'read escape sequence\n', exitCode: 1 });
  });

  it('attach to a stopped container fails as the CLI does', () => {
    const { last } = session('docker run -it --name c debian bash', 'exit', 'docker attach c');
    expect({ stderr: last.stderr, exitCode: last.exitCode }).toEqual({
      stderr: 'cannot attach to a stopped container, start it first\n',
      exitCode: 1,
    });
  });

  it('the seed 000 sequence: run -it, exit, connect, start, attach, ip a shows both networks', () => {
    const { last } = session(
      'docker network create --subnet 172.28.0.0/16 --gateway 172.28.0.1 red1',
      'docker network create red2',
      'docker run -it --name contenedor1 --network red1 nicolaka/netshoot bash',
      'exit',
      'docker network connect red2 contenedor1',
      'docker start contenedor1',
      'docker attach contenedor1',
      'ip a',
    );
    expect(last.stdout).toContain('inet 172.28.0.2/16');
    expect(last.stdout).toContain('inet 172.18.0.2/16');
  });
});

describe('docker exec without a terminal', () => {
  it.each([
    [
      'a program of the image',
      ['docker run -d --name web nginx', 'docker exec web cat /etc/hostname'],
      /^[0-9a-f]{12}\n$/,
      '',
      0,
    ],
    [
      'a shell with -c',
      ['docker run -dit --name c alpine', "docker exec c sh -c 'echo $HOSTNAME; nosuch'"],
      /^[0-9a-f]{12}\n$/,
      'sh: nosuch: not found\n',
      127,
    ],
    [
      'bash -c names the line',
      ['docker run -dit --name c debian', 'docker exec c bash -c "ip a"'],
      /^$/,
      'bash: line 1: ip: command not found\n',
      127,
    ],
    [
      'a program the image lacks',
      ['docker run -dit --name c debian', 'docker exec c ip a'],
      /^$/,
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "ip": executable file not found in $PATH: unknown\n',
      127,
    ],
    ['-e adds variables', ['docker run -dit --name c alpine', "docker exec -e X=1 c sh -c 'echo $X'"], /^1\n$/, '', 0],
  ] as const)('%s', (_name, lines, stdout, stderr, exitCode) => {
    const { last } = session(...lines);
    expect(last.stdout).toMatch(stdout);
    expect({ stderr: last.stderr, exitCode: last.exitCode }).toEqual({ stderr, exitCode });
  });

  it('refuses a stopped container with the daemon error', () => {
    const { host, last } = session('docker run --name c alpine', 'docker exec c ls');
    expect(last).toMatchObject({
      stderr: `Error response from daemon: container ${idOf(host, 'c')} is not running\n`,
      exitCode: 1,
    });
  });

  it('docker run of a command that ends runs it in the container and keeps its output as logs', () => {
    const { host, last } = session('docker run --name c alpine cat /etc/hostname');
    expect(last.stdout).toMatch(/^[0-9a-f]{12}\n$/);
    expect(host.run('docker logs c').stdout).toBe(last.stdout);
  });
});

describe('the WordPress command of seed 000, with its missing backslash', () => {
  it('runs its first line as a docker run without an image, then `wordpress` as a command of its own', () => {
    const line = [
      'docker run -d --name servidor_wp \\',
      '             --network red_wp \\',
      '             -e WORDPRESS_DB_NAME=bd_wp \\',
      '             -p 80:80  ',
      '             wordpress',
    ].join('\n');
    const { last } = session('docker network create red_wp', line);
    expect(last.output).toBe(
      "docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information\nbash: wordpress: command not found\n",
    );
    expect(last.exitCode).toBe(127);
  });
});

describe('nsenter through the shell (seed 002)', () => {
  it('enters the namespace of the PID docker inspect reports', () => {
    const { last } = session(
      'docker run -d --name web nginx',
      "sudo nsenter -t $(docker inspect -f '{{.State.Pid}}' web) -n ip addr | grep 'inet '",
    );
    expect(last.stdout).toBe(
      '    inet 127.0.0.1/8 scope host lo\n    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\n',
    );
  });
});

describe('seed lines through the shell', () => {
  it('a comment typed at a root prompt does nothing (seed 001)', () => {
    const host = Host.create({ seed: 5 });
    const result = host.run('# docker container run -ti -p 8080:80 linuxtips/apache:1.0 /bin/bash', { asRoot: true });
    expect({ prompt: result.prompt, output: result.output, exitCode: result.exitCode }).toEqual({
      prompt: '# ',
      output: '',
      exitCode: 0,
    });
  });

  it('docker inspect of every container through $(docker ps -aq), split into words (seed 004)', () => {
    const { last } = session(
      'docker run -d --name a nginx',
      'docker run -d --name b nginx',
      "docker inspect -f '{{.Name}} - {{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' $(docker ps -aq)",
    );
    expect(last.stdout).toBe('/b - 172.17.0.3\n/a - 172.17.0.2\n');
  });
});

describe('Ctrl-C for commands that never end', () => {
  it.each([
    [4, 4],
    [2, 2],
    [1, 1],
  ] as const)('ping without -c after %i s shows %i replies, then ^C and the statistics', (seconds, replies) => {
    const host = Host.create({ seed: 5 });
    host.run('docker run -d --name web nginx');
    const result = host.run('ping 172.17.0.2', { interruptAfterSeconds: seconds });
    expect(result.output.match(/^64 bytes/gm)).toHaveLength(replies);
    expect(result.output).toContain('ms\n^C\n--- 172.17.0.2 ping statistics ---\n');
    expect(result.stdout).not.toContain('^C');
    expect(result.exitCode).toBe(0);
  });

  it('a foreground nginx stops at ^C with its SIGINT lines and status 0; the clock has moved', () => {
    const { host, last } = session('docker run --name web nginx');
    expect(last.output).toMatch(
      /\^C\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] 1#1: signal 2 \(SIGINT\) received, exiting\n(.*\n)*.*\[notice\] 1#1: exit\n$/,
    );
    expect(last.exitCode).toBe(0);
    expect(host.run("docker ps -a --format '{{.Status}}'").stdout).toMatch(/^Exited \(0\) /);
  });

  it("a foreground ping in a container handles ^C itself: its statistics, and its status is the container's and the client's", () => {
    const { host, last } = session('docker run -d --name web nginx', 'docker run --name p alpine ping 172.17.0.2');
    expect(last.output).toContain('^C\n--- 172.17.0.2 ping statistics ---\n');
    expect(last.exitCode).toBe(0);
    expect(host.run("docker ps -a -f name=p --format '{{.Status}}'").stdout).toMatch(/^Exited \(0\) /);
  });

  it('docker logs -f prints the logs, waits, and exits 130 at ^C without a message', () => {
    const { last } = session(
      'docker run -d --name c alpine sh -c "echo hi"',
      'docker run -d --name web nginx',
      'docker logs -f web',
    );
    expect(last.output.endsWith('^C')).toBe(true);
    expect(last.exitCode).toBe(130);
  });

  it('^C in the first stage of a pipeline reaches the whole pipeline: status 130', () => {
    const { last } = session('docker run -d --name web nginx', 'ping 172.17.0.2 | grep bytes');
    expect(last.output).toMatch(/ms\n\^C$/);
    expect(last.exitCode).toBe(130);
  });
});

describe('snapshots keep the shells', () => {
  it('a host restored inside a container shell types into that shell, with its variables and directory', () => {
    const { host } = session('docker run -it --name c alpine', 'cd /etc; X=kept');
    const snapshot = host.snapshot();
    const other = Host.create({ seed: 9 });
    other.restore(snapshot);
    expect(other.prompt()).toBe('/etc # ');
    expect(other.run('echo $X').stdout).toBe('kept\n');
    expect(other.run('exit').exitCode).toBe(0);
    expect(other.prompt()).toBe('$ ');
  });

  it('keeps the attach that ^P^Q reports', () => {
    const { host } = session('docker run -it --name c debian', '^P^Q', 'docker attach c');
    const other = Host.create({ seed: 9 });
    other.restore(host.snapshot());
    expect(other.run('^P^Q').output).toBe('read escape sequence\n');
  });
});
