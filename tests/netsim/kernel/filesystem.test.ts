import { describe, expect, it } from 'vitest';
import { emptyUpper, FileSystem, ROOT, type FileLayer } from '../../../src/netsim/kernel/filesystem';

const dir = (mode = 0o755, uid = 0) => ({ kind: 'dir' as const, mode, uid, gid: uid, mtimeMs: 0 });
const LOWER: FileLayer = {
  '/': dir(),
  '/etc': dir(),
  '/etc/os-release': { kind: 'file', mode: 0o644, uid: 0, gid: 0, mtimeMs: 0, content: 'ID=test\n' },
  '/tmp': dir(0o1777),
  '/usr': dir(),
  '/usr/bin': dir(),
  '/bin': { kind: 'symlink', mode: 0o777, uid: 0, gid: 0, mtimeMs: 0, target: 'usr/bin' },
};
const USER = { uid: 1000, gid: 1000 };
const fresh = () => new FileSystem(LOWER, emptyUpper(), {}, () => 5);

// Errno kinds as Linux returns them (open(2), mkdir(2), unlink(2), rmdir(2), rename(2) man pages).
describe('the overlay file system', () => {
  it('writes into the upper layer and reads back, appending with O_APPEND', () => {
    const fs = fresh();
    expect(fs.write('/tmp/f', 'a\n', USER)).toBeUndefined();
    expect(fs.write('/tmp/f', 'b\n', USER, true)).toBeUndefined();
    expect(fs.read('/tmp/f', USER)).toEqual({ content: 'a\nb\n' });
  });

  it('refuses a missing directory, a directory, a file as a directory, and a root-owned directory', () => {
    const fs = fresh();
    expect(fs.write('/nope/f', '', USER)).toBe('ENOENT');
    expect(fs.write('/tmp', '', USER)).toBe('EISDIR');
    expect(fs.write('/etc/os-release/x', '', ROOT)).toBe('ENOTDIR');
    expect(fs.write('/etc/f', '', USER)).toBe('EACCES');
    expect(fs.write('/etc/f', '', ROOT)).toBeUndefined();
  });

  it('follows symbolic links in the middle of a path (merged /usr)', () => {
    const fs = fresh();
    fs.write('/usr/bin/tool', 'x', ROOT);
    expect(fs.read('/bin/tool', USER)).toEqual({ content: 'x' });
  });

  it('hides a removed lower file behind a whiteout, and lists what is left', () => {
    const fs = fresh();
    expect(fs.unlink('/etc/os-release', ROOT)).toBeUndefined();
    expect(fs.read('/etc/os-release', ROOT)).toEqual({ error: 'ENOENT' });
    expect(fs.list('/etc', ROOT)).toEqual({ names: [] });
  });

  it('mkdir, rmdir and rename keep directory semantics', () => {
    const fs = fresh();
    expect(fs.mkdir('/tmp/d', USER)).toBeUndefined();
    expect(fs.mkdir('/tmp/d', USER)).toBe('EEXIST');
    fs.write('/tmp/d/f', 'x', USER);
    expect(fs.rmdir('/tmp/d', USER)).toBe('ENOTEMPTY');
    expect(fs.unlink('/tmp/d', USER)).toBe('EISDIR');
    expect(fs.rename('/tmp/d', '/tmp/e', USER)).toBeUndefined();
    expect(fs.read('/tmp/e/f', USER)).toEqual({ content: 'x' });
    expect(fs.stat('/tmp/d')).toEqual({ error: 'ENOENT' });
  });

  it('refuses writes to a read-only mount before looking at permissions', () => {
    const generated = {
      '/proc': { inode: dir(0o555) },
      '/proc/x': {
        inode: { kind: 'file' as const, mode: 0o644, uid: 0, gid: 0, mtimeMs: 0, content: '0\n' },
        readOnly: 'EROFS' as const,
      },
    };
    const fs = new FileSystem(LOWER, emptyUpper(), generated, () => 0);
    expect(fs.write('/proc/x', '1', USER)).toBe('EROFS');
    expect(fs.read('/proc/x', USER)).toEqual({ content: '0\n' });
  });
});

// mount(2): a file system mounted over a directory hides what the directory held;
// its files are the mounted one's, shared by every mount of it; MS_RDONLY makes
// writes fail EROFS; umount is the only way to remove a mount point (EBUSY).
describe('mounts', () => {
  const volumeRoot = () => {
    const upper = emptyUpper();
    upper.files['/'] = dir();
    return upper;
  };
  const mountedOver = (target: string, upper: ReturnType<typeof emptyUpper>, readOnly = false) =>
    new FileSystem(LOWER, emptyUpper(), {}, () => 5, [
      { target, fs: new FileSystem({}, upper, {}, () => 5), source: '/', readOnly },
    ]);

  it('keeps what is written under the mount in the mounted file system, seen from another mount of it', () => {
    const volume = volumeRoot();
    const first = mountedOver('/usr/bin', volume);
    expect(first.write('/usr/bin/greeting', 'hello\n', ROOT)).toBeUndefined();
    expect(Object.keys(volume.files).sort()).toEqual(['/', '/greeting']);
    const second = mountedOver('/tmp', volume);
    expect(second.read('/tmp/greeting', ROOT)).toEqual({ content: 'hello\n' });
    expect(second.list('/tmp', ROOT)).toEqual({ names: ['greeting'] });
    expect(second.read('/usr/bin/greeting', ROOT)).toEqual({ error: 'ENOENT' });
  });

  it('hides the directory it covers, removes inside it, and refuses to remove the mount point', () => {
    const volume = volumeRoot();
    const fs = mountedOver('/etc', volume);
    expect(fs.read('/etc/os-release', ROOT)).toEqual({ error: 'ENOENT' });
    expect(fs.mkdir('/etc/conf.d', ROOT)).toBeUndefined();
    expect(fs.rmdir('/etc/conf.d', ROOT)).toBeUndefined();
    expect(fs.list('/etc', ROOT)).toEqual({ names: [] });
    expect(fs.rmdir('/etc', ROOT)).toBe('EBUSY');
  });

  it('refuses writes through a read-only mount', () => {
    const volume = volumeRoot();
    volume.files['/f'] = { kind: 'file', mode: 0o644, uid: 0, gid: 0, mtimeMs: 0, content: 'x' };
    const fs = mountedOver('/tmp', volume, true);
    expect(fs.write('/tmp/f', 'y', ROOT)).toBe('EROFS');
    expect(fs.write('/tmp/new', 'y', ROOT)).toBe('EROFS');
    expect(fs.read('/tmp/f', ROOT)).toEqual({ content: 'x' });
  });

  it('shows a directory of another file system at its source (a bind mount)', () => {
    const host = new FileSystem(LOWER, emptyUpper(), {}, () => 5);
    const fs = new FileSystem({ '/': dir(), '/mnt': dir() }, emptyUpper(), {}, () => 5, [
      { target: '/mnt', fs: host, source: '/etc', readOnly: false },
    ]);
    expect(fs.read('/mnt/os-release', ROOT)).toEqual({ content: 'ID=test\n' });
    expect(fs.write('/mnt/hosts', '127.0.0.1 localhost\n', ROOT)).toBeUndefined();
    expect(host.read('/etc/hosts', ROOT)).toEqual({ content: '127.0.0.1 localhost\n' });
  });
});
