import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

/**
 * GNU ls --color with its built-in colours (LS_COLORS unset), as coreutils
 * 9.1 printed them under a pseudo-terminal (script -qec) on Debian 12:
 *   $ ls --color -d /dev/null /tmp
 *   \e[0m\e[01;33m/dev/null\e[0m  \e[30;42m/tmp\e[0m
 *   $ ls --color=always    (a plain file b, a link l -> b, a directory sub)
 *   b  \e[0m\e[01;36ml\e[0m  \e[01;34msub\e[0m
 *   $ ls -l --color
 *   -rw-r--r-- 1 root root    0 Dec  7 14:23 b
 *   lrwxrwxrwx 1 root root    1 Dec  7 14:23 \e[0m\e[01;36ml\e[0m -> b
 *   drwxr-xr-x 2 root root 4096 Dec  7 14:23 \e[01;34msub\e[0m
 * `\e[0m` once before the first painted name; columns padded with spaces, no
 * tabs; --color=auto paints nothing into a pipe; a bad WHEN is argmatch's
 * message, status 1.
 */
describe('ls --color', () => {
  it('paints devices, sticky world-writable directories, directories and links', () => {
    const host = Host.create({ seed: 1 });
    expect(host.run('ls --color -d /dev/null /tmp').stdout).toBe(
      '\x1b[0m\x1b[01;33m/dev/null\x1b[0m  \x1b[30;42m/tmp\x1b[0m\n',
    );
    host.run('mkdir sub; touch b; ln -s b l');
    // Captured the same way in a directory holding only these three: b is not painted, so the reset comes before l.
    expect(host.run('ls --color=always').stdout).toBe('b  \x1b[0m\x1b[01;36ml\x1b[0m  \x1b[01;34msub\x1b[0m\n');
    const long = host.run('ls -l --color').stdout.split('\n');
    expect(long[1]).toMatch(/ b$/);
    expect(long[2]).toMatch(/^lrwxrwxrwx .* \x1b\[0m\x1b\[01;36ml\x1b\[0m -> b$/);
    expect(long[3]).toMatch(/^drwxr-xr-x .* \x1b\[01;34msub\x1b\[0m$/);
  });

  it('auto paints only at a terminal; never never does', () => {
    const host = Host.create({ seed: 1 });
    expect(host.run('ls --color=auto -d /tmp | cat').stdout).toBe('/tmp\n');
    expect(host.run('ls --color=never -d /tmp').stdout).toBe('/tmp\n');
    expect(host.run('ls --color=always -d /tmp | cat').stdout).toBe('\x1b[0m\x1b[30;42m/tmp\x1b[0m\n');
  });

  it("is what a user's `ls` runs: Debian's /etc/skel/.bashrc has alias ls='ls --color=auto'; root's .bashrc has it commented out", () => {
    const host = Host.create({ seed: 1 });
    expect(host.run('alias')).toMatchObject({ stdout: "alias ls='ls --color=auto'\n", exitCode: 0 });
    expect(host.run('ls -d /tmp').stdout).toBe('\x1b[0m\x1b[30;42m/tmp\x1b[0m\n');
    // auto: not into a pipe, and not past the alias.
    expect(host.run('ls -d /tmp | cat').stdout).toBe('/tmp\n');
    expect(host.run('\\ls -d /tmp').stdout).toBe('/tmp\n');
    host.run('sudo -i');
    expect(host.run('alias').stdout).toBe('');
    expect(host.run('ls -d /tmp').stdout).toBe('/tmp\n');
  });

  it('pads painted columns with spaces where plain ones take tabs', () => {
    const host = Host.create({ seed: 1 });
    const plain = host.run('\\ls /').stdout;
    const painted = host.run('ls --color /').stdout;
    expect(painted).not.toContain('\t');
    expect(painted.replace(/\x1b\[[0-9;]*m/g, '')).toBe(plain.replace(/[^\n]+/g, (line) => expandTabs(line)));
  });

  it('says which words --color takes', () => {
    const result = Host.create({ seed: 1 }).run('ls --color=bogus');
    expect(result).toMatchObject({
      stderr:
        "ls: invalid argument ‘bogus’ for ‘--color’\nValid arguments are:\n  - ‘always’, ‘yes’, ‘force’\n  - ‘never’, ‘no’, ‘none’\n  - ‘auto’, ‘tty’, ‘if-tty’\nTry 'ls --help' for more information.\n",
      exitCode: 1,
    });
  });
});

function expandTabs(line: string): string {
  let out = '';
  for (const char of line) out += char === '\t' ? ' '.repeat(8 - (out.length % 8)) : char;
  return out;
}
