import { describe, expect, it } from 'vitest';
import { Host } from '../../../../src/netsim/index';
import { toolModulesNamedIn } from '../../../../src/netsim/cli/tool-modules';
import { BUSYBOX_USAGE } from '../../../../src/netsim/cli/text/dialect';

/**
 * What the goldens (text-goldens.test.ts) cannot show: the text tools running
 * netsim's own programs, the virtual clock, the images that ship each tool,
 * musl's getopt in Alpine, and the modules a line loads.
 */
describe('xargs, timeout and watch run netsim programs', () => {
  it('docker ps -q | xargs docker rm -f removes every container, and with none runs docker rm without arguments', () => {
    const host = Host.create({ seed: 5 });
    host.run('docker run -d --name a nginx');
    host.run('docker run -d --name b nginx');
    const ids = host.run('docker ps -q').stdout;
    expect(ids.split('\n').filter(Boolean)).toHaveLength(2);
    expect(host.run('docker ps -q | xargs docker rm -f')).toMatchObject({ stdout: ids, exitCode: 0 });
    expect(host.run('docker ps -aq').stdout).toBe('');
    const empty = host.run('docker ps -q | xargs docker rm -f');
    expect(empty.stderr).toBe(host.run('docker rm -f').stderr);
    expect(empty.exitCode).toBe(123);
  });

  it('xargs -I {} runs the command once a line, in a container too', () => {
    const host = Host.create({ seed: 5 });
    expect(host.run("printf 'web\\ndb\\n' | xargs -I {} echo 'name: {}'").stdout).toBe('name: web\nname: db\n');
    expect(host.run('docker run --rm alpine sh -c "printf \'a b\\n\' | xargs -n 1 echo"').stdout).toBe('a\nb\n');
  });

  it('timeout ends a ping that would run until Ctrl-C at its deadline, with status 124 and no statistics', () => {
    const host = Host.create({ seed: 5 });
    const result = host.run('timeout 3 ping 127.0.0.1');
    expect(result.exitCode).toBe(124);
    expect(result.stdout).toMatch(/^PING 127\.0\.0\.1 /);
    expect(result.stdout).not.toContain('statistics');
    expect(result.elapsedMs).toBe(3000);
  });

  it('timeout lets a command that ends in time end, and cuts a sleep at the deadline', () => {
    const host = Host.create({ seed: 5 });
    expect(host.run('timeout 5 sleep 1')).toMatchObject({ exitCode: 0, elapsedMs: 1000 });
    expect(host.run('timeout 1 sleep 30')).toMatchObject({ exitCode: 124, elapsedMs: 1000 });
    expect(host.run('docker run --rm alpine timeout 1 sleep 30')).toMatchObject({
      stderr: 'Terminated\n',
      exitCode: 143,
    });
  });

  it('watch runs until Ctrl-C on the virtual clock; procps leaves the screen as it was', () => {
    const host = Host.create({ seed: 5 });
    const result = host.run('watch -n 1 docker ps', { interruptAfterSeconds: 10 });
    expect(result).toMatchObject({ stdout: '', stderr: '', exitCode: 0, elapsedMs: 10_000 });
  });

  it("BusyBox's watch redraws its header and the output each period, and dies of the Ctrl-C", () => {
    const host = Host.create({ seed: 5 });
    host.run('docker run -dit --name box busybox');
    const result = host.run('docker exec box watch -n 2 echo hi', { interruptAfterSeconds: 4 });
    const screens = result.stdout.split('\x1b[H\x1b[J').filter(Boolean);
    expect(screens).toHaveLength(2);
    expect(screens[0]).toMatch(/^Every 2\.0s: echo hi {2,}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\n\nhi\n$/);
    expect(screens[0]!.split('\n')[0]).toHaveLength(79);
    expect(result.exitCode).toBe(130);
  });
});

describe('the tools each image ships, in its dialect', () => {
  it("Debian's image has sed, mawk as awk, xargs, rev and more, but not column (bsdextrautils) nor less", () => {
    const host = Host.create({ seed: 5 });
    expect(host.run('docker run --rm debian sh -c "echo a b | awk \'{print \\$2}\' | sed s/b/c/ | rev"').stdout).toBe(
      'c\n',
    );
    expect(host.run('docker run --rm debian column -t').exitCode).toBe(127);
    expect(host.run('docker run --rm debian less /etc/hostname').exitCode).toBe(127);
  });

  it("Alpine's BusyBox reports a bad option in musl's words, then its usage", () => {
    const host = Host.create({ seed: 5 });
    expect(host.run('docker run --rm alpine tr -x a b').stderr).toBe(`tr: unrecognized option: x\n${BUSYBOX_USAGE.tr}`);
    expect(host.run('docker run --rm busybox tr -x a b').stderr).toBe(`tr: invalid option -- 'x'\n${BUSYBOX_USAGE.tr}`);
  });

  it('more at a terminal shows a file that fits and exits; less at a terminal says netsim does not page', () => {
    const host = Host.create({ seed: 5 });
    expect(host.run('more /etc/hostname')).toMatchObject({ stdout: host.run('cat /etc/hostname').stdout, exitCode: 0 });
    expect(host.run('less /etc/hostname').stderr).toBe(
      'netsim: less at a terminal is not simulated; pipe it (| cat) or use cat\n',
    );
  });

  it('awk reads the docker output a lesson pipes into it, bytes counted as mawk counts them', () => {
    const host = Host.create({ seed: 5 });
    host.run('docker run -d --name web -p 8080:80 nginx');
    expect(host.run("docker ps --format '{{.Names}} {{.Image}}' | awk '{print $2}'").stdout).toBe('nginx\n');
    expect(host.run("echo '…' | awk '{print length($0)}'").stdout).toBe('3\n');
  });
});

describe('the modules the new tools live in', () => {
  it('a line naming sed or awk loads their modules; the other filters come with sort, cut and wc', () => {
    expect(toolModulesNamedIn(["docker ps | sed -n '2p'"])).toEqual(new Set(['sed']));
    expect(toolModulesNamedIn(["docker ps | awk '{print $1}'", 'mawk -f x'])).toEqual(new Set(['awk']));
    expect(
      toolModulesNamedIn([
        'docker ps -q | xargs docker rm -f',
        'tr a-z A-Z',
        'uniq -c',
        'timeout 5 curl x',
        'watch -n 1 docker ps',
        'column -t',
      ]),
    ).toEqual(new Set(['textTools']));
  });
});
