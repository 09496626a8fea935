import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(47);

// docker/cli v29.7.2 cli/command/container/cp.go (splitCpArg; its own errors;
// the summary on stderr, quiet unless stdout is a terminal; copySummary's
// "(transferred ...)" when the tar stream's size differs from the content's,
// HumanSizeWithPrecision 3 digits), Go's archive/tar (a 512-byte header, content
// padded to 512, two zero blocks: 2048 bytes for a small file, the "2.05kB"
// users see), moby docker-v29.7.2 daemon/errors.go containerFileNotFound.
describe('docker cp', () => {
  it('copies a file from a container to the host, and says how much went through the tar stream', () => {
    const host = hostAfter('docker run -d --name web nginx');
    const result = host.run('docker cp web:/etc/hostname h');
    expect(result).toMatchObject({
      stdout: '',
      stderr: 'Successfully copied 13B (transferred 2.05kB) to /home/usuario/h\n',
      exitCode: 0,
    });
    const id = host.run("docker inspect -f '{{.Id}}' web").stdout.slice(0, 12);
    expect(host.run('cat h').stdout).toBe(`${id}\n`);
  });

  it('copies a host file into a directory of the container, running or not', () => {
    const host = hostAfter('docker create --name box alpine sleep 999', 'echo hola > saludo.txt');
    expect(host.run('docker cp saludo.txt box:/tmp/').stderr).toBe(
      'Successfully copied 5B (transferred 2.05kB) to box:/tmp/\n',
    );
    host.run('docker start box');
    expect(host.run('docker exec box cat /tmp/saludo.txt').stdout).toBe('hola\n');
  });

  it('says nothing when stdout is not a terminal', () => {
    const host = hostAfter('docker run -d --name web nginx');
    expect(host.run('docker cp web:/etc/hostname h | cat')).toMatchObject({ stdout: '', stderr: '' });
  });

  it('fails as the daemon and the client do', () => {
    const host = hostAfter('docker run -d --name web nginx');
    expect(host.run('docker cp web:/nope .')).toMatchObject({
      stderr: 'Error response from daemon: Could not find the file /nope in container web\n',
      exitCode: 1,
    });
    expect(host.run('docker cp nope web:/tmp').stderr).toBe('lstat /home/usuario/nope: no such file or directory\n');
    expect(host.run('docker cp a b').stderr).toBe('must specify at least one container source\n');
    expect(host.run('docker cp web:/a web:/b').stderr).toBe('copying between containers is not supported\n');
    expect(host.run('docker cp ghost:/a .').stderr).toBe('Error response from daemon: No such container: ghost\n');
  });
});
