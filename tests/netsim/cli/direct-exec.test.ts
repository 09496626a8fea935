import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

/**
 * Programs that shells also have as builtins are files on PATH too, so Docker
 * execs them with no shell: BusyBox applets linked by `busybox --install`
 * (Alpine: aports main/busybox/busyboxconfig; busybox: docker-library's
 * Dockerfile-builder.template, defconfig), GNU coreutils on Debian. Without
 * them runc fails with `exec: "echo": executable file not found in $PATH`.
 */
const run = (line: string, host = Host.create({ seed: 5 })) => host.run(line);

describe('programs a container execs directly', () => {
  it.each(['alpine', 'busybox', 'debian'])('%s runs echo, true, false and pwd without a shell', (image) => {
    const host = Host.create({ seed: 5 });
    expect(run(`docker run --rm ${image} echo hi there`, host)).toMatchObject({
      stdout: 'hi there\n',
      stderr: '',
      exitCode: 0,
    });
    expect(run(`docker run --rm ${image} echo -n hi`, host).stdout).toBe('hi');
    expect(run(`docker run --rm ${image} true`, host)).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(run(`docker run --rm ${image} false`, host)).toMatchObject({ stdout: '', stderr: '', exitCode: 1 });
    expect(run(`docker run --rm -w /tmp ${image} pwd`, host).stdout).toBe('/tmp\n');
  });

  it('docker exec finds them too', () => {
    const host = Host.create({ seed: 5 });
    run('docker run -d --name box alpine sleep 3600', host);
    expect(run('docker exec box echo hello', host).stdout).toBe('hello\n');
  });

  it('/bin/echo reads -e as GNU and BusyBox do (escapes only when asked)', () => {
    expect(run("docker run --rm alpine echo 'a\\tb'").stdout).toBe('a\\tb\n');
    expect(run("docker run --rm alpine echo -e 'a\\tb'").stdout).toBe('a\tb\n');
  });

  it('sleep moves the clock by its operands, with suffixes', () => {
    const host = Host.create({ seed: 5, secondsPerCommand: 0 });
    const before = run('date +%s', host).stdout;
    expect(run('docker run --rm alpine sleep 1m 30', host)).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(Number(run('date +%s', host).stdout) - Number(before)).toBe(90);
  });

  it('sleep refuses a bad interval in each tool’s words', () => {
    // BusyBox libbb/xatonum_template.c: "invalid number '%s'"; GNU src/sleep.c: "invalid time interval %s" and usage (EXIT_FAILURE).
    expect(run('docker run --rm alpine sleep x')).toMatchObject({ stderr: "sleep: invalid number 'x'\n", exitCode: 1 });
    expect(run('docker run --rm debian sleep x')).toMatchObject({
      stderr: "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n",
      exitCode: 1,
    });
    expect(run('docker run --rm debian sleep')).toMatchObject({
      stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n",
      exitCode: 1,
    });
  });

  it('date prints the clock as `%a %b %e %H:%M:%S %Z %Y` in UTC', () => {
    // The host starts at 2026-11-16T09:30:00Z (clock.ts); no time passes between commands here.
    const host = Host.create({ seed: 5, secondsPerCommand: 0 });
    expect(run('docker run --rm alpine date', host).stdout).toBe('Mon Nov 16 09:30:00 UTC 2026\n');
    expect(run('docker run --rm debian date -u', host).stdout).toBe('Mon Nov 16 09:30:00 UTC 2026\n');
    expect(run('docker run --rm busybox date -R', host).stdout).toBe('Mon, 16 Nov 2026 09:30:00 +0000\n');
    expect(run("date '+%F %T'", host).stdout).toBe('2026-11-16 09:30:00\n');
  });

  it('date refuses an unknown option: GNU points to --help, BusyBox on musl shows its usage', () => {
    expect(run('date -x')).toMatchObject({
      stderr: "date: invalid option -- 'x'\nTry 'date --help' for more information.\n",
      exitCode: 1,
    });
    const busybox = run('docker run --rm alpine date -x');
    expect(
      busybox.stderr.startsWith('date: unrecognized option: x\n\nUsage: date [OPTIONS] [+FMT] [[-s] TIME]\n'),
    ).toBe(true);
    expect(busybox.exitCode).toBe(1);
  });

  it('a program the image lacks is still runc’s error', () => {
    expect(run('docker run --rm alpine curl')).toMatchObject({ exitCode: 127 });
    expect(run('docker run --rm alpine curl').stderr).toContain('exec: "curl": executable file not found in $PATH');
  });

  it('on the host, sudo runs /usr/bin/echo', () => {
    expect(run('sudo echo hi')).toMatchObject({ stdout: 'hi\n', exitCode: 0 });
  });
});
