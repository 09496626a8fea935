import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(5);

const DAEMON_JSON = (json: string) => `echo '${json}' | sudo tee /etc/docker/daemon.json > /dev/null`;

/**
 * systemctl as Debian 13's systemd answers for docker.service (contrib/init/systemd/docker.service
 * at docker-v29.7.2: Restart=always, Requires=docker.socket). Texts: systemctl-start-unit.c
 * (`Failed to %s %s: %s`, then `See system logs and 'systemctl status %s' for details.`),
 * bus-wait-for-jobs.c (`Job for %s failed because the control process exited with error code.`
 * and the `journalctl -xeu` pointer), check_triggering_units (`Warning: Stopping %s, but it can
 * still be activated by:`).
 */
describe('systemctl and docker.service', () => {
  it('refuses a user without root: polkit has no agent in an SSH session', () => {
    const result = hostAfter().run('systemctl restart docker');
    expect(result).toMatchObject({
      stdout: '',
      exitCode: 1,
      stderr:
        "Failed to restart docker.service: Interactive authentication required.\nSee system logs and 'systemctl status docker.service' for details.\n",
    });
  });

  it('restarts: containers stop and those with restart always or unless-stopped come back', () => {
    const host = hostAfter(
      'docker run -d --name always --restart always nginx',
      'docker run -d --name plain nginx',
      'docker run -d --name sleeper --restart unless-stopped alpine sleep 1000',
      'docker run -d --name stopped --restart unless-stopped alpine sleep 1000',
      'docker stop stopped',
    );
    expect(host.run('sudo systemctl restart docker')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    const status = (name: string) => host.run(`docker ps -a --filter name=^${name}$ --format '{{.Status}}'`).stdout;
    expect(status('always')).toMatch(/^Up /);
    expect(status('sleeper')).toMatch(/^Up /);
    // nginx quits on SIGTERM (status 0); sh as PID 1 ignores it and is killed after the 10 s grace (137).
    expect(status('plain')).toMatch(/^Exited \(0\) /);
    expect(status('stopped')).toMatch(/^Exited \(137\) /);
  });

  it('restarts on-failure containers whose shutdown left a non-zero status (restartmanager ShouldRestart)', () => {
    const host = hostAfter(
      'docker run -d --name f1 --restart on-failure alpine sleep 1000',
      'docker run -d --name f2 --restart on-failure nginx',
      'sudo systemctl restart docker',
    );
    expect(host.run("docker ps --format '{{.Names}}'").stdout).toBe('f1\n');
  });

  it('fails the job when dockerd refuses daemon.json, retries every RestartSec until the start limit, and says why in the journal', () => {
    const host = hostAfter(DAEMON_JSON('{"userland-proxy": false, "colour": "red"}'));
    expect(host.run('sudo systemctl restart docker')).toMatchObject({
      stdout: '',
      exitCode: 1,
      stderr:
        'Job for docker.service failed because the control process exited with error code.\nSee "systemctl status docker.service" and "journalctl -xeu docker.service" for details.\n',
    });
    // Restart=always, RestartSec=2, StartLimitBurst=3: three runs, then systemd gives up (service.c, unit.c unit_test_start_limit).
    const journal = host
      .run('sudo journalctl -u docker --no-pager')
      .stdout.split('\n')
      .map((line) => line.replace(/^Nov 16 09:\d\d:\d\d docker-host /, ''));
    const tail = journal.slice(
      journal.indexOf('systemd[1]: Stopped docker.service - Docker Application Container Engine.') + 1,
      -1,
    );
    expect(tail.map((line) => line.replace(/^dockerd\[\d+\]/, 'dockerd[PID]'))).toEqual([
      'systemd[1]: Starting docker.service - Docker Application Container Engine...',
      "dockerd[PID]: unable to configure the Docker daemon with file /etc/docker/daemon.json: the following directives don't match any configuration option: colour",
      'systemd[1]: docker.service: Main process exited, code=exited, status=1/FAILURE',
      "systemd[1]: docker.service: Failed with result 'exit-code'.",
      'systemd[1]: Failed to start docker.service - Docker Application Container Engine.',
      'systemd[1]: docker.service: Scheduled restart job, restart counter is at 1.',
      'systemd[1]: Stopped docker.service - Docker Application Container Engine.',
      'systemd[1]: Starting docker.service - Docker Application Container Engine...',
      "dockerd[PID]: unable to configure the Docker daemon with file /etc/docker/daemon.json: the following directives don't match any configuration option: colour",
      'systemd[1]: docker.service: Main process exited, code=exited, status=1/FAILURE',
      "systemd[1]: docker.service: Failed with result 'exit-code'.",
      'systemd[1]: Failed to start docker.service - Docker Application Container Engine.',
      'systemd[1]: docker.service: Scheduled restart job, restart counter is at 2.',
      'systemd[1]: Stopped docker.service - Docker Application Container Engine.',
      'systemd[1]: Starting docker.service - Docker Application Container Engine...',
      "dockerd[PID]: unable to configure the Docker daemon with file /etc/docker/daemon.json: the following directives don't match any configuration option: colour",
      'systemd[1]: docker.service: Main process exited, code=exited, status=1/FAILURE',
      "systemd[1]: docker.service: Failed with result 'exit-code'.",
      'systemd[1]: Failed to start docker.service - Docker Application Container Engine.',
      'systemd[1]: docker.service: Scheduled restart job, restart counter is at 3.',
      'systemd[1]: Stopped docker.service - Docker Application Container Engine.',
      'systemd[1]: docker.service: Start request repeated too quickly.',
      "systemd[1]: docker.service: Failed with result 'exit-code'.",
      'systemd[1]: Failed to start docker.service - Docker Application Container Engine.',
    ]);
    // docker.socket went down with it: nothing answers on the socket.
    expect(host.run('docker ps')).toMatchObject({
      stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
      exitCode: 1,
    });
    expect(host.run('systemctl is-active docker')).toMatchObject({ stdout: 'failed\n', exitCode: 3 });
    expect(host.run('systemctl status docker').stdout).toContain('\nTriggeredBy: × docker.socket\n');
  });

  it('refuses a fourth start within the minute until reset-failed (bus-wait-for-jobs.c, start-limit-hit)', () => {
    const host = hostAfter(DAEMON_JSON('{'), 'sudo systemctl restart docker', DAEMON_JSON('{}'));
    expect(host.run('sudo systemctl start docker')).toMatchObject({
      exitCode: 1,
      stderr:
        'Job for docker.service failed because start of the service was attempted too often.\nSee "systemctl status docker.service" and "journalctl -xeu docker.service" for details.\nTo force a start use "systemctl reset-failed docker.service"\nfollowed by "systemctl start docker.service" again.\n',
    });
    expect(host.run('systemctl status docker').stdout).toContain('Active: failed (Result: start-limit-hit) since');
    expect(host.run('sudo systemctl reset-failed docker')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(host.run('sudo systemctl start docker').exitCode).toBe(0);
    expect(host.run('docker ps').exitCode).toBe(0);
  });

  it('fails to start when bip overlaps a network, before it changes anything (daemon.go, daemon_unix.go, bridge checkConflict)', () => {
    const host = hostAfter('docker network create --subnet 10.55.0.0/16 red', DAEMON_JSON('{"bip": "10.55.0.1/24"}'));
    expect(host.run('sudo systemctl restart docker').exitCode).toBe(1);
    const journal = host.run('sudo journalctl -u docker').stdout;
    expect(journal).toMatch(
      /dockerd\[\d+\]: failed to start daemon: Error initializing network controller: error creating default "bridge" network: cannot create network [0-9a-f]{64} \(docker0\): conflicts with network [0-9a-f]{64} \(br-[0-9a-f]{12}\): networks have overlapping IPv4\n/,
    );
    expect(host.run('ip -4 -br addr show docker0').stdout).toContain('172.17.0.1/16');
  });

  it("stops with docker.socket's warning, and the next docker command starts it again", () => {
    const host = hostAfter('docker run -d --name web --restart always nginx');
    expect(host.run('sudo systemctl stop docker')).toMatchObject({
      stdout: '',
      exitCode: 0,
      stderr: 'Warning: Stopping docker.service, but it can still be activated by:\n  docker.socket\n',
    });
    expect(host.run('systemctl is-active docker')).toMatchObject({ stdout: 'inactive\n', exitCode: 3 });
    expect(host.run('ps -e -o comm').stdout).not.toContain('dockerd');
    expect(host.run("docker ps --format '{{.Names}}'").stdout).toBe('web\n');
    expect(host.run('systemctl is-active docker').stdout).toBe('active\n');
  });

  it('shows the unit as systemctl-show.c print_status_info lays it out', () => {
    const host = hostAfter();
    const lines = host.run('systemctl status docker').stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '● docker.service - Docker Application Container Engine',
      '     Loaded: loaded (/usr/lib/systemd/system/docker.service; enabled; preset: enabled)',
      // Booted at 09:28:00, dockerd up 5.4 s later; the first command comes 2 s after 09:30:00 (time-util.c: `%umin %us ago`).
      '     Active: active (running) since Mon 2026-11-16 09:28:05 UTC; 1min 56s ago',
    ]);
    expect(lines).toContain('TriggeredBy: ● docker.socket');
    expect(lines).toContain('       Docs: https://docs.docker.com');
    expect(lines).toContain('   Main PID: 702 (dockerd)');
    expect(lines).toContain(
      '             └─702 /usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock',
    );
    // The user cannot read the system journal: no log lines under the unit, unlike root's status.
    expect(lines.at(-2)).toBe(
      '             └─702 /usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock',
    );
    expect(host.run('sudo systemctl status docker').stdout).toContain(
      '\n\nNov 16 09:28:05 docker-host systemd[1]: Starting docker.service - Docker Application Container Engine...\n',
    );
  });

  it('shows the journal since the unit last left the inactive state (show_journal_by_unit, InactiveExitTimestamp)', () => {
    const host = hostAfter('sudo systemctl restart docker');
    const text = host.run('sudo systemctl status docker').stdout;
    const journal = text
      .slice(text.indexOf('\n\n') + 2)
      .split('\n')
      .filter(Boolean);
    expect(journal[0]).toMatch(/ systemd\[1\]: Starting docker\.service - Docker Application Container Engine\.\.\.$/);
    expect(journal.at(-1)).toMatch(/ systemd\[1\]: Started docker\.service - Docker Application Container Engine\.$/);
    expect(text).not.toContain('Stopping docker.service');
  });

  it('lists the docker-proxy processes dockerd spawned in its cgroup, PIDs padded to the widest (cgroup-show.c)', () => {
    const host = hostAfter('docker run -d --name web -p 8080:80 nginx');
    const tree = host
      .run('systemctl status docker')
      .stdout.split('\n')
      .filter((line) => /^ {13}[├└]─/.test(line));
    expect(tree).toHaveLength(3);
    expect(tree[0]).toBe('             ├─ 702 /usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock');
    expect(tree[1]).toMatch(
      /^ {13}├─\d{4} \/usr\/bin\/docker-proxy -proto tcp -host-ip 0\.0\.0\.0 -host-port 8080 -container-ip 172\.17\.0\.2 -container-port 80 -use-listen-fd$/,
    );
    expect(tree[2]).toMatch(
      /^ {13}└─\d{4} \/usr\/bin\/docker-proxy -proto tcp -host-ip :: -host-port 8080 -container-ip 172\.17\.0\.2 -container-port 80 -use-listen-fd$/,
    );
  });

  it('shows a failed unit with its exit status and no process tree', () => {
    const host = hostAfter(DAEMON_JSON('{'), 'sudo systemctl restart docker');
    const result = host.run('systemctl status docker');
    expect(result.exitCode).toBe(3);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('× docker.service - Docker Application Container Engine');
    expect(lines[2]).toMatch(
      /^ {5}Active: failed \(Result: exit-code\) since Mon 2026-11-16 09:\d\d:\d\d UTC; \ds ago$/,
    );
    expect(
      lines.some((line) =>
        /^ {4}Process: \d+ ExecStart=\/usr\/bin\/dockerd -H fd:\/\/ --containerd=\/run\/containerd\/containerd.sock \(code=exited, status=1\/FAILURE\)$/.test(
          line,
        ),
      ),
    ).toBe(true);
    expect(lines.some((line) => line.startsWith('     CGroup:'))).toBe(false);
    expect(host.run('sudo systemctl status docker').stdout).toContain(
      'unable to configure the Docker daemon with file /etc/docker/daemon.json: invalid JSON: unexpected end of JSON input\n',
    );
  });
});

describe('journalctl -u docker', () => {
  it("shows a user outside adm and systemd-journal only journalctl's hint", () => {
    const result = hostAfter().run('journalctl -u docker');
    expect(result).toMatchObject({ stdout: '-- No entries --\n', exitCode: 0 });
    expect(result.stderr).toBe(
      "Hint: You are currently not seeing messages from other users and the system.\n      Users in groups 'adm', 'systemd-journal' can see all messages.\n      Pass -q to turn off this notice.\n",
    );
  });

  it("shows root the daemon's start in the short format", () => {
    const lines = hostAfter().run('sudo journalctl -u docker.service').stdout.split('\n');
    expect(lines[0]).toBe(
      'Nov 16 09:28:05 docker-host systemd[1]: Starting docker.service - Docker Application Container Engine...',
    );
    expect(lines[1]).toMatch(
      /^Nov 16 09:28:05 docker-host dockerd\[702\]: time="2026-11-16T09:28:05\.\d{9}Z" level=info msg="Starting up"$/,
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        / level=info msg="Docker daemon" commit=6a43e3d containerd-snapshotter=true storage-driver=overlayfs version=29\.7\.2$/,
      ),
    );
    expect(lines).toContainEqual(expect.stringMatching(/ level=info msg="API listen on \/run\/docker\.sock"$/));
  });

  it("explains systemd's lines with -x, as the catalog words them (journalctl -xeu captures on Debian hosts)", () => {
    const host = hostAfter(DAEMON_JSON('{'), 'sudo systemctl restart docker');
    const text = host.run('sudo journalctl -xeu docker.service').stdout;
    expect(text).toMatch(
      /systemd\[1\]: docker\.service: Main process exited, code=exited, status=1\/FAILURE\n░░ Subject: Unit process exited\n░░ Defined-By: systemd\n░░ Support: https:\/\/www\.debian\.org\/support\n░░ \n░░ An ExecStart= process belonging to unit docker\.service has exited\.\n░░ \n░░ The process' exit code is 'exited' and its exit status is 1\.\n/,
    );
    expect(text).toMatch(
      /systemd\[1\]: Failed to start docker\.service - Docker Application Container Engine\.\n░░ Subject: A start job for unit docker\.service has failed\n░░ Defined-By: systemd\n░░ Support: https:\/\/www\.debian\.org\/support\n░░ \n░░ A start job for unit docker\.service has finished with a failure\.\n░░ \n░░ The job identifier is \d+ and the job result is failed\.\n/,
    );
    expect(text).toContain(
      '░░ Subject: Automatic restarting of a unit has been scheduled\n░░ Defined-By: systemd\n░░ Support: https://www.debian.org/support\n░░ \n░░ Automatic restarting of the unit docker.service has been scheduled, as the result for\n░░ the configured Restart= setting for the unit.\n',
    );
    expect(text).toContain('docker.service: Start request repeated too quickly.\nNov 16');
    // dockerd's own lines have no catalog entry.
    expect(text).toMatch(
      /dockerd\[\d+\]: unable to configure the Docker daemon with file \/etc\/docker\/daemon\.json: invalid JSON: unexpected end of JSON input\nNov 16/,
    );
  });
});

describe('service docker (init-system-helpers)', () => {
  it('passes restart and status to systemctl', () => {
    const host = hostAfter('docker run -d --name web --restart always nginx');
    expect(host.run('sudo service docker restart')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(host.run('sudo service docker status').stdout).toMatch(
      /^● docker\.service - Docker Application Container Engine\n/,
    );
  });

  it('stops docker.socket too, so no docker command starts dockerd again until service docker start', () => {
    const host = hostAfter('docker run -d --name web --restart always nginx');
    expect(host.run('sudo service docker stop')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(host.run('docker ps')).toMatchObject({
      stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
      exitCode: 1,
    });
    expect(host.run('systemctl status docker').stdout).toContain('\nTriggeredBy: ○ docker.socket\n');
    expect(host.run('sudo service docker start').exitCode).toBe(0);
    expect(host.run("docker ps --format '{{.Names}}'").stdout).toBe('web\n');
  });

  it("is not on a user's PATH (/usr/sbin)", () => {
    expect(hostAfter().run('service docker restart')).toMatchObject({
      stderr: 'bash: service: command not found\n',
      exitCode: 127,
    });
  });
});
