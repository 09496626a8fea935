import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { hasGlob, matchesGlob } from '../../../src/netsim/shell/glob';
import { expandGlob } from '../../../src/netsim/shell/pathname-expansion';

/**
 * Pathname expansion as the bash manual's "Pathname Expansion" and "Pattern
 * Matching" describe it (dotglob, nullglob and failglob off; C.UTF-8 byte
 * order); bash.json holds what real bash 5.2 printed for the cases it can
 * share with this machine.
 */
describe('pathname expansion', () => {
  const tree: Record<string, string[]> = {
    '/': ['etc', 'tmp'],
    '/etc': ['hosts', 'hostname', '.hidden', 'b.conf', 'a.conf'],
    '/tmp': [],
  };
  const files = {
    list: (directory: string) => tree[directory],
    exists: (path: string) =>
      path in tree ||
      Object.entries(tree).some(([dir, names]) => names.some((name) => `${dir === '/' ? '' : dir}/${name}` === path)),
  };

  it('matches *, ? and brackets, sorted, and never a leading dot without one in the pattern', () => {
    expect(expandGlob('/etc/*', '/', files)).toEqual(['/etc/a.conf', '/etc/b.conf', '/etc/hostname', '/etc/hosts']);
    expect(expandGlob('/etc/.*', '/', files)).toEqual(['/etc/.hidden']);
    expect(expandGlob('/etc/host?', '/', files)).toEqual(['/etc/hosts']);
    expect(expandGlob('/etc/[!a]*.conf', '/', files)).toEqual(['/etc/b.conf']);
    expect(expandGlob('host*', '/etc', files)).toEqual(['hostname', 'hosts']);
    expect(expandGlob('/*/hosts', '/', files)).toEqual(['/etc/hosts']);
  });

  it('an escaped or unclosed bracket is no pattern', () => {
    expect(hasGlob('/etc/\\*')).toBe(false);
    expect(hasGlob('a[b')).toBe(false);
    expect(matchesGlob('[[:digit:]]x', '7x')).toBe(true);
    expect(matchesGlob('a\\*', 'ab')).toBe(false);
  });

  it('reaches the host: a no-match word stays as typed, and sysfs attributes read back', () => {
    const host = Host.create({ seed: 1 });
    expect(host.run('echo /etc/host*').stdout).toBe('/etc/hostname /etc/hosts\n');
    expect(host.run('echo /etc/*.nosuch "/etc/host*"').stdout).toBe('/etc/*.nosuch /etc/host*\n');
    // Linux net-sysfs.c: address is %pM, operstate lower case ("unknown" for lo, as a netns shows it).
    const addresses = host.run('cat /sys/class/net/*/address').stdout.split('\n');
    expect(addresses).toHaveLength(4);
    expect(addresses[2]).toBe('00:00:00:00:00:00');
    expect(host.run('cat /sys/class/net/lo/operstate /sys/class/net/lo/mtu').stdout).toBe('unknown\n65536\n');
  });
});
