import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { formatDf, type MountRecord } from '../../../src/netsim/format/df';
import { formatFree } from '../../../src/netsim/format/free';
import { formatLsmod } from '../../../src/netsim/format/lsmod';
import { aptGolden } from './host-apt-goldens';

function session(...lines: string[]) {
  const host = Host.create({ seed: 3 });
  const results = lines.map((line) => host.run(line));
  return { host, last: results.at(-1)! };
}

/** The two tables of a capture that ran `X; X -h`: the first, in KiB, gives the figures the second shows scaled. */
function tables(golden: string): [string, string] {
  const { stdout } = aptGolden(golden);
  const word = stdout.trimStart().split(' ')[0]!;
  const second = stdout.indexOf(`\n${word === 'total' ? stdout.split('\n')[0]! : word}`) + 1;
  return [stdout.slice(0, second), stdout.slice(second)];
}

describe("procps' free (captured: free; free -h)", () => {
  it('prints KiB and the -h sizes of the same figures as procps 4.0.4 does', () => {
    const [kib, human] = tables('free-h');
    const [mem, swap] = kib
      .split('\n')
      .slice(1, 3)
      .map((line) => line.split(/\s+/).slice(1).map(Number));
    const record = {
      totalKb: mem![0]!,
      usedKb: mem![1]!,
      freeKb: mem![2]!,
      sharedKb: mem![3]!,
      buffCacheKb: mem![4]!,
      availableKb: mem![5]!,
      swapTotalKb: swap![0]!,
      swapUsedKb: swap![1]!,
    };
    expect(formatFree(record, false)).toBe(kib);
    expect(formatFree(record, true)).toBe(human);
  });

  it('shows the simulated host: a 4 GiB VM', () => {
    const { stdout } = session('free -h').last;
    expect(stdout.split('\n')[1]).toBe(
      'Mem:           3.8Gi       486Mi       2.3Gi       1.2Mi       1.0Gi       3.4Gi',
    );
  });
});

describe("coreutils' df (captured: df; df -h, with tmpfs mounts of a small VM's sizes)", () => {
  it('prints 1K blocks and -h sizes, columns as wide as their cells', () => {
    const [blocks, human] = tables('df-h');
    const mounts: MountRecord[] = blocks
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [source, size, used, available, , target] = line.split(/\s+/);
        return { source: source!, target: target!, sizeKb: +size!, usedKb: +used!, availableKb: +available! };
      });
    expect(formatDf(mounts, false)).toBe(blocks);
    expect(formatDf(mounts, true)).toBe(human);
  });

  it("lists the simulated host's mounts, and the one a path lies on", () => {
    const { host } = session();
    expect(host.run('df -h').stdout.split('\n')[3]).toBe('/dev/sda1        30G  4.4G   24G  16% /');
    expect(host.run('df -h /var/lib/docker').stdout.split('\n').slice(1)).toEqual([
      '/dev/sda1        30G  4.4G   24G  16% /',
      '',
    ]);
  });
});

describe('kmod\'s lsmod (tools/lsmod.c: printf("%-19s %8ld  %d"), holders after a space, comma-separated)', () => {
  it('lays out the fixed header and each module', () => {
    expect(
      formatLsmod([
        { name: 'br_netfilter', size: 32_768, useCount: 0, holders: [] },
        { name: 'bridge', size: 409_600, useCount: 1, holders: ['br_netfilter'] },
      ]),
    ).toBe(
      'Module                  Size  Used by\nbr_netfilter           32768  0\nbridge                409600  1 br_netfilter\n',
    );
  });

  it('lists br_netfilter only once something loaded it: Docker does not by default', () => {
    const { last } = session('lsmod | grep br_netfilter');
    expect([last.stdout, last.exitCode]).toEqual(['', 1]);
    expect(session('lsmod').last.stdout).toMatch(/\nbridge {16}409600  0\n/);
  });
});

describe("procps' pgrep", () => {
  it('finds dockerd with its command line (-a), its PID alone otherwise', () => {
    const { host } = session();
    expect(host.run('pgrep -a dockerd').stdout).toBe(
      '702 /usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock\n',
    );
    expect(host.run('pgrep dockerd').stdout).toBe('702\n');
    expect(host.run('pgrep nosuchprocess').exitCode).toBe(1);
  });

  it('refuses an unknown option with getopt and its usage (captured), exit 2', () => {
    const captured = aptGolden('pgrep-unknown-option');
    const { last } = session('pgrep --bogus');
    expect([last.stderr, last.exitCode]).toEqual([captured.stderr, captured.exitCode]);
  });
});

describe("groups and shadow's usermod (captured: groups, usermod -aG, then a new login's groups and id)", () => {
  it('groups prints the login group alone on a fresh host', () => {
    expect(session('groups').last.stdout).toBe(aptGolden('groups').stdout);
  });

  it('usermod needs root, and a group that exists', () => {
    const user = aptGolden('usermod-user');
    const { host, last } = session('/usr/sbin/usermod -aG docker usuario');
    expect([last.stderr, last.exitCode]).toEqual([user.stderr, user.exitCode]);
    const unknown = aptGolden('usermod-unknown-group');
    const missing = host.run('sudo usermod -aG nosuchgroup usuario');
    expect([missing.stderr, missing.exitCode]).toEqual([unknown.stderr, unknown.exitCode]);
    expect(host.run('usermod -aG docker usuario').stderr).toBe('bash: usermod: command not found\n');
  });

  it('the new group shows in a new login only, as real logins read /etc/group when they start', () => {
    const { host, last } = session('sudo usermod -aG docker $USER');
    expect([last.stdout, last.stderr, last.exitCode]).toEqual(['', '', aptGolden('usermod').exitCode]);
    expect(host.run('groups').stdout).toBe('usuario\n');
    expect(host.run('id').stdout).toBe('uid=1000(usuario) gid=1000(usuario) groups=1000(usuario)\n');
    host.run('sudo su - usuario');
    // The captures added usuario to sudo (27); the host's docker group is 999.
    expect(host.run('groups').stdout).toBe(aptGolden('groups-after-usermod').stdout.replace('sudo', 'docker'));
    expect(host.run('id').stdout).toBe(aptGolden('id-after-usermod').stdout.replace('27(sudo)', '999(docker)'));
    host.run('exit');
    expect(host.run('groups').stdout).toBe('usuario\n');
  });
});
