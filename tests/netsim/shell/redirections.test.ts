import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

/**
 * Expected outputs captured on Debian 12 with GNU bash 5.2.15, dash 0.5.12 and
 * BusyBox 1.35.0's ash (`busybox sh`), running `echo x > /nope/f` and friends:
 * bash redir.c prints the name and strerror; dash's errmsg() (src/error.c) and
 * ash's (shell/ash.c) replace ENOENT with "Directory nonexistent" /
 * "nonexistent directory" for a file they create, "No such file" / "no such
 * file" for one they open.
 */
describe('redirections write files that programs read back', () => {
  it('> creates, >> appends, 2> takes stderr, and cat reads them', () => {
    const host = Host.create({ seed: 1 });
    host.run('echo x > /tmp/f');
    host.run('echo y >> /tmp/f');
    expect(host.run('cat /tmp/f').stdout).toBe('x\ny\n');
    host.run('nosuch 2> /tmp/e');
    expect(host.run('cat /tmp/e').stdout).toBe('bash: nosuch: command not found\n');
    host.run('nosuch > /tmp/both 2>&1');
    expect(host.run('cat /tmp/both').stdout).toBe('bash: nosuch: command not found\n');
    host.run('echo z &> /tmp/amp');
    expect(host.run('cat /tmp/amp').stdout).toBe('z\n');
  });

  it('tee writes its input to the file and to stdout; -a appends', () => {
    const host = Host.create({ seed: 1 });
    expect(host.run('echo one | tee /tmp/t').stdout).toBe('one\n');
    host.run('echo two | tee -a /tmp/t');
    expect(host.run('cat /tmp/t').stdout).toBe('one\ntwo\n');
  });

  it('here-documents: expanded without quotes, as typed with a quoted delimiter', () => {
    const host = Host.create({ seed: 1 });
    host.run('cat > /tmp/h <<EOF\nhome $HOME\n$(echo sub)\nEOF');
    expect(host.run('cat /tmp/h').stdout).toBe('home /home/usuario\nsub\n');
    expect(host.run("cat <<'EOF'\nhome $HOME\nEOF").stdout).toBe('home $HOME\n');
  });

  it("bash's errors for a missing directory, a directory and a root-owned place", () => {
    const host = Host.create({ seed: 1 });
    expect(host.run('echo x > /nope/f')).toMatchObject({
      stderr: 'bash: /nope/f: No such file or directory\n',
      exitCode: 1,
    });
    expect(host.run('echo x > /tmp').stderr).toBe('bash: /tmp: Is a directory\n');
    expect(host.run('echo x > /etc/passwd').stderr).toBe('bash: /etc/passwd: Permission denied\n');
    expect(host.run('cat < /nope').stderr).toBe('bash: /nope: No such file or directory\n');
  });

  it("dash's and ash's wording in containers", () => {
    const host = Host.create({ seed: 1 });
    host.run('docker run -d --name d debian sleep 1000');
    host.run('docker run -d --name a alpine sleep 1000');
    expect(host.run("docker exec d sh -c 'echo x > /nope/f; cat < /nope'").stderr).toBe(
      'sh: 1: cannot create /nope/f: Directory nonexistent\nsh: 1: cannot open /nope: No such file\n',
    );
    expect(host.run("docker exec a sh -c 'echo x > /nope/f; cat < /nope; echo x > /tmp'").stderr).toBe(
      "sh: can't create /nope/f: nonexistent directory\nsh: can't open /nope: no such file\nsh: can't create /tmp: Is a directory\n",
    );
  });

  it("a container's files live until it is removed; --rm throws them away; the host never sees them", () => {
    const host = Host.create({ seed: 1 });
    host.run('docker run -d --name c alpine sleep 1000');
    host.run("docker exec c sh -c 'echo kept > /tmp/x'");
    host.run('docker restart c');
    expect(host.run('docker exec c cat /tmp/x').stdout).toBe('kept\n');
    expect(host.run('cat /tmp/x').stderr).toBe('cat: /tmp/x: No such file or directory\n');
    host.run('docker rm -f c');
    host.run('docker run -d --name c alpine sleep 1000');
    // The new container starts from the image's files again (what cat then prints is its own matter).
    expect(host.run('docker exec c cat /tmp/x')).toMatchObject({ stdout: '', exitCode: 1 });
  });

  it('/proc/sys is read-only in a container (runc ReadonlyPaths)', () => {
    const host = Host.create({ seed: 1 });
    host.run('docker run -d --name c alpine sleep 1000');
    expect(host.run("docker exec c sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'").stderr).toBe(
      "sh: can't create /proc/sys/net/ipv4/ip_forward: Read-only file system\n",
    );
  });

  it('a snapshot keeps what was written, on the host and in containers', () => {
    const host = Host.create({ seed: 1 });
    host.run('echo kept > /tmp/h');
    host.run('docker run -d --name c alpine sleep 1000');
    host.run("docker exec c sh -c 'echo inside > /tmp/c'");
    const copy = Host.fromSnapshot(host.snapshot());
    expect(copy.run('cat /tmp/h').stdout).toBe('kept\n');
    expect(copy.run('docker exec c cat /tmp/c').stdout).toBe('inside\n');
  });
});
