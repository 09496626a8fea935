import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { busyboxColumns, gnuColumns } from '../../../src/netsim/format/ls';

/**
 * Expected texts captured on Debian 12 with GNU coreutils 9.1 (LANG=C.UTF-8,
 * so quote() gives ‘…’) and BusyBox 1.35.0's applets (`busybox ls` ...): the
 * same messages as coreutils' src/mkdir.c, remove.c, copy.c, mv.c, touch.c
 * and BusyBox's coreutils/*.c and libbb/remove_file.c, copy_file.c.
 */
describe('file programs on the host (GNU coreutils)', () => {
  it('mkdir, touch, rm, cp and mv print coreutils errors', () => {
    const host = Host.create({ seed: 1 });
    host.run('mkdir -p /tmp/d/sub; echo hi > /tmp/d/f');
    expect(host.run('mkdir /tmp/d').stderr).toBe('mkdir: cannot create directory ‘/tmp/d’: File exists\n');
    expect(host.run('mkdir /nope/x/y').stderr).toBe(
      'mkdir: cannot create directory ‘/nope/x/y’: No such file or directory\n',
    );
    expect(host.run('mkdir -p /tmp/d/f/x').stderr).toBe('mkdir: cannot create directory ‘/tmp/d/f’: Not a directory\n');
    expect(host.run('rm /tmp/d').stderr).toBe("rm: cannot remove '/tmp/d': Is a directory\n");
    expect(host.run('rm /nope').stderr).toBe("rm: cannot remove '/nope': No such file or directory\n");
    expect(host.run('rm -f /nope')).toMatchObject({ stderr: '', exitCode: 0 });
    expect(host.run('rm').stderr).toBe("rm: missing operand\nTry 'rm --help' for more information.\n");
    expect(host.run('touch /nope/x').stderr).toBe("touch: cannot touch '/nope/x': No such file or directory\n");
    expect(host.run('cp /nope x').stderr).toBe("cp: cannot stat '/nope': No such file or directory\n");
    expect(host.run('cp /tmp/d x').stderr).toBe("cp: -r not specified; omitting directory '/tmp/d'\n");
    expect(host.run('cp /tmp/d/f /nope/x').stderr).toBe(
      "cp: cannot create regular file '/nope/x': No such file or directory\n",
    );
    expect(host.run('mv /tmp/d/f /nope/x').stderr).toBe(
      "mv: cannot move '/tmp/d/f' to '/nope/x': No such file or directory\n",
    );
    expect(host.run('rmdir /tmp/d').stderr).toBe("rmdir: failed to remove '/tmp/d': Directory not empty\n");
  });

  it('cp and mv into a directory, rm -r removes a tree', () => {
    const host = Host.create({ seed: 1 });
    host.run('mkdir /tmp/d; echo hi > /tmp/f; cp /tmp/f /tmp/d; mv /tmp/f /tmp/g');
    // At the terminal: columns (\ls is the program itself, past the user's ls --color=auto alias).
    expect(host.run('\\ls /tmp /tmp/d').stdout).toBe('/tmp:\nd  g\n\n/tmp/d:\nf\n');
    host.run('rm -r /tmp/d');
    expect(host.run('ls /tmp').stdout).toBe('g\n');
  });

  it('ls: a missing operand is status 2; -l aligns its columns; one name a line into a pipe', () => {
    const host = Host.create({ seed: 1 });
    expect(host.run('ls /nope')).toMatchObject({
      stderr: "ls: cannot access '/nope': No such file or directory\n",
      exitCode: 2,
    });
    host.run('mkdir /tmp/d; mkdir /tmp/d/sub; echo hi > /tmp/d/f');
    expect(host.run('\\ls -l /tmp/d').stdout).toBe(
      'total 8\n-rw-r--r-- 1 usuario usuario    3 Nov 16 09:30 f\ndrwxr-xr-x 2 usuario usuario 4096 Nov 16 09:30 sub\n',
    );
    expect(host.run('ls -a /tmp/d | cat').stdout).toBe('.\n..\nf\nsub\n');
    expect(host.run('ls /sys/class/net | cat').stdout).toBe('docker0\neth0\nlo\n');
  });

  it('seq, whoami, id, uname and which', () => {
    const host = Host.create({ seed: 1 });
    expect(host.run('seq 2 4').stdout).toBe('2\n3\n4\n');
    expect(host.run('seq 1 2 7').stdout).toBe('1\n3\n5\n7\n');
    expect(host.run('seq').stderr).toBe("seq: missing operand\nTry 'seq --help' for more information.\n");
    expect(host.run('seq x').stderr).toBe(
      "seq: invalid floating point argument: ‘x’\nTry 'seq --help' for more information.\n",
    );
    expect(host.run('whoami').stdout).toBe('usuario\n');
    expect(host.run('uname -r').stdout).toBe('6.12.57+deb13-amd64\n');
    expect(host.run('uname -z').stderr).toBe(
      "uname: invalid option -- 'z'\nTry 'uname --help' for more information.\n",
    );
    expect(host.run('which ls nope')).toMatchObject({ stdout: '/usr/bin/ls\n', exitCode: 1 });
    expect(host.run('cat /etc/os-release').stdout).toContain('PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\n');
  });
});

describe('file programs in containers', () => {
  it('docker run busybox echo, alpine sleep and alpine env (moby CreateDaemonEnvironment, then runc sets HOME)', () => {
    const host = Host.create({ seed: 1 });
    expect(host.run('docker run busybox echo hello')).toMatchObject({ stdout: 'hello\n', exitCode: 0 });
    expect(host.run('docker run alpine sleep 1')).toMatchObject({ stdout: '', exitCode: 0 });
    expect(host.run('docker run alpine env').stdout).toMatch(
      /^PATH=\/usr\/local\/sbin:\/usr\/local\/bin:\/usr\/sbin:\/usr\/bin:\/sbin:\/bin\nHOSTNAME=[0-9a-f]{12}\nHOME=\/root\n$/,
    );
    expect(host.run('docker run -t alpine env').stdout).toMatch(/\nTERM=xterm\nHOME=\/root\n$/);
  });

  it("BusyBox's messages in alpine", () => {
    const host = Host.create({ seed: 1 });
    host.run('docker run -d --name a alpine sleep 1000');
    expect(host.run('docker exec a ls /nope')).toMatchObject({
      stderr: 'ls: /nope: No such file or directory\n',
      exitCode: 1,
    });
    expect(host.run('docker exec a mkdir /tmp').stderr).toBe("mkdir: can't create directory '/tmp': File exists\n");
    expect(host.run('docker exec a rm /tmp').stderr).toBe("rm: '/tmp' is a directory\n");
    expect(host.run('docker exec a rm /nope').stderr).toBe("rm: can't remove '/nope': No such file or directory\n");
    expect(host.run('docker exec a cp /nope x').stderr).toBe("cp: can't stat '/nope': No such file or directory\n");
    expect(host.run('docker exec a id').stdout).toBe('uid=0(root) gid=0(root)\n');
    expect(host.run('docker exec a which ls wc').stdout).toBe('/bin/ls\n/usr/bin/wc\n');
    expect(host.run('docker exec a cat /etc/os-release').stdout).toContain('PRETTY_NAME="Alpine Linux v3.24"\n');
    expect(host.run('docker exec a ls /sys/class/net').stdout).toBe('eth0\nlo\n');
  });
});

describe('ls columns at an 80-column terminal', () => {
  const root = [
    'bin',
    'dev',
    'etc',
    'home',
    'lib',
    'media',
    'mnt',
    'opt',
    'proc',
    'root',
    'run',
    'sbin',
    'srv',
    'sys',
    'tmp',
    'usr',
    'var',
  ];
  it('BusyBox: every column the longest name + 2 wide, (80 - 1) / 7 = 11 columns (coreutils/ls.c display_files)', () => {
    expect(busyboxColumns(root, 80)).toBe(
      'bin    etc    lib    mnt    proc   run    srv    tmp    var\ndev    home   media  opt    root   sbin   sys    usr\n',
    );
  });
  it('GNU: columns as narrow as their names (ls.c calculate_columns)', () => {
    // What GNU ls 9.1 prints for these names with `ls -C --width=80`, tabs included (its tabsize is 8).
    expect(gnuColumns(root, 80)).toBe(
      'bin  etc   lib\t  mnt  proc  run   srv\ttmp  var\ndev  home  media  opt  root  sbin  sys\tusr\n',
    );
  });
});
