// Captures what real bash, coreutils, grep and sudo print for each case in cases.mjs,
// as an interactive bash reading the case from its stdin, and writes bash.json.
// Run as root on Debian with sudo installed: node tests/netsim/golden/shell/capture.mjs
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CASES, SH_CASES } from './cases.mjs';

const version = (command, args) => execFileSync(command, args, { encoding: 'utf8' }).split('\n')[0];
const dpkg = (name) => execFileSync('dpkg-query', ['-W', '-f=${Version}', name], { encoding: 'utf8' });
const cwd = mkdtempSync(join(tmpdir(), 'shell-golden-'));
const env = { HOME: '/home/usuario', USER: 'usuario', LOGNAME: 'usuario', PATH: '/usr/local/bin:/usr/bin:/bin', LANG: 'C.UTF-8', PS1: '', PS2: '' };

/** Interactive bash without a terminal says so first and `exit` at the end of its input: not part of the case. */
function clean(stderr, exits) {
  return (exits ? stderr : stderr.replace(/exit\n$/, ''))
    .replace(/^bash: cannot set terminal process group \(\d+\): Inappropriate ioctl for device\nbash: no job control in this shell\n/, '')
    // A failing first stage of a pipeline makes a job-control-less bash complain about the missing terminal.
    .replace(/^bash: \[\d+: \d+ \(\d+\)\] tcsetattr: Inappropriate ioctl for device\n/gm, '');
}

const cases = CASES.map(({ name, input, exits = false }) => {
  const run = spawnSync('bash', ['--norc', '--noprofile', '--noediting', '-i'], { input: `${input}\n`, cwd, env, encoding: 'utf8' });
  return { name, input, stdout: run.stdout, stderr: clean(run.stderr, exits), exitCode: run.status };
});

const header = {
  source: `${version('bash', ['--version'])}; ${version('grep', ['-V'])}; ${version('cat', ['--version'])} (coreutils ${dpkg('coreutils')}); ${version('sudo', ['-V'])}; Debian ${execFileSync('cat', ['/etc/debian_version'], { encoding: 'utf8' }).trim()}`,
  shell: 'bash --norc --noprofile --noediting -i, the case on stdin, in an empty directory, as root (sudo cases) with HOME=/home/usuario LANG=C.UTF-8',
  note: 'stderr without the two job-control lines bash prints when its stdin is not a terminal, and without the `exit` it prints at end of input (kept for cases marked exits, where the exit builtin prints it); exitCode is the status of the last command',
};
writeFileSync(new URL('./bash.json', import.meta.url), `${JSON.stringify({ header, cases }, null, 1)}\n`);
console.log(`${cases.length} cases`);

// dash and BusyBox ash, each named as a container starts it: `sh` (dash, busybox) and `/bin/sh` (alpine).
const shells = [
  { name: 'dash', argv0: 'sh', command: 'dash' },
  { name: 'busybox', argv0: 'sh', command: 'busybox' },
  { name: 'alpine', argv0: '/bin/sh', command: 'busybox' },
];
const shCases = shells.flatMap((shell) =>
  SH_CASES.map((input) => {
    // argv[0] names the applet, so busybox runs sh with only -i.
    const run = spawnSync(shell.command, ['-i'], { argv0: shell.argv0, input: `${input}\n`, cwd, env: { ...env, HOME: '/root' }, encoding: 'utf8' });
    // Without a terminal both shells say so first, and BusyBox prints its banner: not part of the case.
    // Both shells end an interactive session at end of input with a newline on stderr.
    const stderr = run.stderr.replace(/^.*can't access tty; job control turned off\n/, '').replace(/\n$/, '');
    const stdout = run.stdout.replace(/^\n\nBusyBox v[^\n]*\nEnter 'help'[^\n]*\n\n/, '');
    return { shell: shell.name, input, stdout, stderr, exitCode: run.status };
  }),
);
const shHeader = {
  source: `dash ${dpkg('dash')}; ${execFileSync('busybox', { encoding: 'utf8' }).split('\n')[0]}; Debian ${execFileSync('cat', ['/etc/debian_version'], { encoding: 'utf8' }).trim()}`,
  shell: 'dash -i and busybox sh -i with argv[0] sh or /bin/sh, the case on stdin, PS1 and PS2 empty',
  note: "stderr without the job-control line and the newline both print at end of input, stdout without BusyBox's banner; exitCode is the shell's status at end of input",
};
writeFileSync(new URL('./sh.json', import.meta.url), `${JSON.stringify({ header: shHeader, cases: shCases }, null, 1)}\n`);
console.log(`${shCases.length} sh cases`);
