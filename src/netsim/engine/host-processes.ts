import { DEFAULT_EPOCH_MS } from '../clock';

/**
 * What runs on the simulated Debian 13 host before anything is typed: a short,
 * fixed list, the same on every host. A real host also lists a hundred kernel
 * threads ([kthreadd], [kworker/0:0]...), udevd, logind, cron and a getty;
 * they are left out so that the Docker processes stay readable. Every entry
 * is documented by where its command line comes from; PIDs and the memory
 * figures are plausible values, not measured ones.
 */
export interface BootProcess {
  readonly pid: number;
  readonly ppid: number;
  readonly uid: number;
  readonly argv: readonly string[];
  readonly comm: string;
  /** Seconds after boot. */
  readonly startedAfter: number;
  readonly tty?: string;
  readonly stat: string;
  readonly vszKb: number;
  readonly rssKb: number;
}

/** The host booted two minutes before the simulation's epoch: daemons started then, the user logged in at the epoch. */
export const HOST_BOOT_MS = DEFAULT_EPOCH_MS - 120_000;

/** containerd and dockerd, the parents of the shims and of docker-proxy. */
export const CONTAINERD_PID = 611;
export const DOCKERD_PID = 702;

/** The user's login shell: PIDs below the first the daemon hands out (Engine.start: 1000 and up), so none is taken twice. */
export const LOGIN_SHELL_PID = 987;

export const BOOT_PROCESSES: readonly BootProcess[] = [
  // Debian's systemd-sysv: the kernel runs /sbin/init, a link to systemd, and cmdline keeps the name it was run by.
  {
    pid: 1,
    ppid: 0,
    uid: 0,
    argv: ['/sbin/init'],
    comm: 'systemd',
    startedAfter: 0,
    stat: 'Ss',
    vszKb: 24_392,
    rssKb: 14_812,
  },
  // systemd-journald.service ExecStart (systemd 257, merged /usr).
  {
    pid: 287,
    ppid: 1,
    uid: 0,
    argv: ['/usr/lib/systemd/systemd-journald'],
    comm: 'systemd-journal',
    startedAfter: 1,
    stat: 'Ss',
    vszKb: 41_456,
    rssKb: 15_104,
  },
  // containerd.service ExecStart=/usr/bin/containerd (containerd.io package; systemd-cgls shows it so on Docker hosts).
  {
    pid: CONTAINERD_PID,
    ppid: 1,
    uid: 0,
    argv: ['/usr/bin/containerd'],
    comm: 'containerd',
    startedAfter: 4,
    stat: 'Ssl',
    vszKb: 1_874_312,
    rssKb: 47_980,
  },
  // OpenSSH >= 9.8 names its listener so; Debian's ssh.service runs `/usr/sbin/sshd -D`.
  {
    pid: 652,
    ppid: 1,
    uid: 0,
    argv: ['sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups'],
    comm: 'sshd',
    startedAfter: 4,
    stat: 'Ss',
    vszKb: 11_772,
    rssKb: 7_552,
  },
  // moby contrib/init/systemd/docker.service (docker-v29.7.2): ExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock
  {
    pid: DOCKERD_PID,
    ppid: 1,
    uid: 0,
    argv: ['/usr/bin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock'],
    comm: 'dockerd',
    startedAfter: 5,
    stat: 'Ssl',
    vszKb: 2_063_464,
    rssKb: 86_216,
  },
  // The user's SSH login: OpenSSH >= 9.8 runs each session in sshd-session, privileged part and user part.
  {
    pid: 975,
    ppid: 652,
    uid: 0,
    argv: ['sshd-session: {user} [priv]'],
    comm: 'sshd-session',
    startedAfter: 120,
    stat: 'Ss',
    vszKb: 19_208,
    rssKb: 11_264,
  },
  {
    pid: 986,
    ppid: 975,
    uid: 1000,
    argv: ['sshd-session: {user}@pts/0'],
    comm: 'sshd-session',
    startedAfter: 120,
    stat: 'S',
    vszKb: 19_468,
    rssKb: 7_040,
  },
];

/** A login shell's argv[0] starts with `-` (bash: login_shell); the terminal is the SSH session's. */
export const LOGIN_SHELL = {
  pid: LOGIN_SHELL_PID,
  ppid: 986,
  argv: ['-bash'],
  comm: 'bash',
  tty: 'pts/0',
  stat: 'Ss',
  vszKb: 7_852,
  rssKb: 4_608,
} as const;

/** The host's /etc/passwd, as far as processes need it: Debian's base-passwd entries and the user (uid 1000). */
export const HOST_USERS: Readonly<Record<number, string>> = { 0: 'root', 1: 'daemon', 33: 'www-data' };

/** MemTotal of the simulated host (a 4 GiB machine less what the kernel keeps), for %MEM. */
export const HOST_MEM_TOTAL_KB = 4_018_784;

/** The simulated host's CPUs: servers that start a worker per CPU (nginx's `worker_processes auto`) start this many. */
export const HOST_CPUS = 2;

/** `uname -r` of the simulated Debian 13 host: docker version's KernelVersion, nginx's `OS:` notice. */
export const HOST_KERNEL_RELEASE = '6.12.57+deb13-amd64';
