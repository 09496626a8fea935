import { describe, expect, it } from 'vitest';
import { formatBusyboxPs, formatPs, startTime, type PsRecord } from '../../../src/netsim/format/ps';
import { readGolden } from '../golden';

/**
 * The records are those of the captures (golden/tools/capture.sh and capture-ps.sh):
 * their PIDs, VSZ, RSS and %CPU as ps read them; every process started at 21:23 or 22:23 UTC.
 * The capture machine's memory is large enough that every %MEM is 0.0.
 */
const at = (hour: number) => Date.UTC(2026, 10, 16, hour, 23, 10);
const clock = (hour: number) => ({ nowMs: at(hour) + 1000, memTotalKb: 64_000_000 });

const record = (pid: number, argv: string[], more: Partial<PsRecord> = {}): PsRecord => ({
  pid,
  ppid: pid === 1 ? 0 : 1,
  user: 'root',
  comm: argv[0]!.slice(argv[0]!.lastIndexOf('/') + 1).slice(0, 15),
  argv,
  startMs: at(21),
  tty: undefined,
  stat: 'S',
  vszKb: 0,
  rssKb: 0,
  cpuSeconds: 0,
  cpuTenths: 0,
  ...more,
});

// capture.sh: no terminal; pid 1 is the capture script, the servers are socat copies.
const untty = [
  record(1, ['/bin/bash', './capture.sh', 'inside'], { comm: 'capture.sh', vszKb: 4492, rssKb: 3204, cpuTenths: 4 }),
  record(19, ['./docker-proxy', 'TCP4-LISTEN:8080,bind=0.0.0.0,backlog=4096,reuseaddr,fork', '/dev/null'], {
    vszKb: 10344,
    rssKb: 4688,
  }),
  record(20, ['./docker-proxy', 'TCP6-LISTEN:8080,bind=[::],ipv6only=1,backlog=4096,reuseaddr,fork', '/dev/null'], {
    vszKb: 10344,
    rssKb: 4664,
  }),
  record(21, ['./httpd', 'TCP6-LISTEN:80,bind=[::],ipv6only=0,backlog=511,reuseaddr,fork', '/dev/null'], {
    vszKb: 10344,
    rssKb: 4652,
  }),
  record(
    22,
    ['/usr/bin/python3', 'dns-responder.py', '127.0.0.11', '53', 'my-apache-app=172.28.0.2', 'contenedor1=172.28.0.3'],
    {
      vszKb: 14228,
      rssKb: 9932,
      cpuTenths: 2,
    },
  ),
];

// capture-ps.sh: pid 1 leads a session on pts/0; perl renamed itself (its comm is the first 15 characters).
const tty = (pid: number, argv: string[], more: Partial<PsRecord>) =>
  record(pid, argv, { startMs: at(22), tty: 'pts/0', stat: 'S+', vszKb: 7888, ...more });
const onTerminal = [
  tty(1, ['/bin/bash', './capture-ps.sh', 'inside'], {
    comm: 'capture-ps.sh',
    stat: 'Ss+',
    vszKb: 4492,
    rssKb: 3228,
    cpuTenths: 8,
  }),
  tty(7, ['/usr/sbin/apache2 -k start'], { comm: '/usr/sbin/apach', rssKb: 4824 }),
  tty(8, ['/usr/sbin/apache2 -k start'], { comm: '/usr/sbin/apach', user: 'www-data', rssKb: 4960 }),
  tty(9, ['/usr/bin/dbus-daemon --system'], { comm: '/usr/bin/dbus-d', user: 'messagebus', rssKb: 4788 }),
  tty(10, ['mariadbd'], { user: '4242', rssKb: 4972 }),
  tty(11, ['/usr/bin/dockerd', 'big.py'], { comm: 'python3', vszKb: 2111136, rssKb: 8276, cpuTenths: 8 }),
];
const psItself = (pid: number, argv: string[], more: Partial<PsRecord> = {}) =>
  tty(pid, argv, { stat: 'R+', vszKb: 9764, ...more });

describe('the procps ps printer', () => {
  it('prints ps -ef as procps 4 does', () => {
    const records = [...untty.map((r) => ({ ...r, cpuTenths: 0 })), record(248, ['ps', '-ef'])];
    expect(formatPs(records, 'full', clock(21))).toBe(readGolden('tools/ps-ef.txt').stdout);
  });

  it('prints ps aux with VSZ, RSS, STAT and START', () => {
    const records = [...untty, record(256, ['ps', 'aux'], { stat: 'R', vszKb: 8548, rssKb: 4572 })];
    expect(formatPs(records, 'user', clock(21))).toBe(readGolden('tools/ps-aux.txt').stdout);
  });

  it('prints -ef with terminals, a user name cut to message+ and a uid without a name', () => {
    const records = [...onTerminal.map((r) => ({ ...r, cpuTenths: 0 })), psItself(37, ['ps', '-ef'])];
    expect(formatPs(records, 'full', clock(22))).toBe(readGolden('tools/ps-tty-ef.txt').stdout);
  });

  it('lets a 7-digit VSZ push the row right until the TTY column takes it back', () => {
    const records = [...onTerminal, psItself(45, ['ps', 'aux'], { rssKb: 5184 })];
    expect(formatPs(records, 'user', clock(22))).toBe(readGolden('tools/ps-tty-aux.txt').stdout);
  });

  it('prints ps ax, ps -e and plain ps (comm, at most 15 characters)', () => {
    expect(formatPs([...onTerminal, psItself(29, ['ps', 'ax'])], 'bsd', clock(22))).toBe(
      readGolden('tools/ps-tty-ax.txt').stdout,
    );
    expect(formatPs([...onTerminal, psItself(21, ['ps', '-e'], { comm: 'ps' })], 'default', clock(22))).toBe(
      readGolden('tools/ps-tty-e.txt').stdout,
    );
    // Plain ps selects root's processes on its terminal (the cli's choice); the printer prints what it is given.
    const roots = onTerminal.filter((r) => r.user === 'root');
    expect(formatPs([...roots, psItself(13, ['ps'])], 'default', clock(22))).toBe(
      readGolden('tools/ps-tty.txt').stdout,
    );
  });

  it('prints STIME as the hour the same day, month and day before, the year in an earlier year', () => {
    const now = Date.UTC(2026, 10, 16, 9, 30);
    expect(startTime(now - 60_000, now)).toBe('09:29');
    expect(startTime(now - 86_400_000, now)).toBe('Nov15');
    expect(startTime(Date.UTC(2025, 11, 31), now)).toBe('2025');
  });
});

describe('the BusyBox ps printer', () => {
  it('prints PID, USER and the command line', () => {
    const records = [...untty, record(264, ['busybox', 'ps'])];
    expect(formatBusyboxPs(records, { time: false })).toBe(readGolden('tools/busybox-ps.txt').stdout);
  });

  it('cuts the user to 8 characters and shows {comm} when argv[0] does not start with it', () => {
    const records = [...onTerminal, record(53, ['busybox', 'ps'])];
    expect(formatBusyboxPs(records, { time: false })).toBe(readGolden('tools/busybox-ps-tty.txt').stdout);
  });

  it('adds the TIME column of builds with FEATURE_PS_TIME, as format_time writes it', () => {
    // procps/ps.c: header "TIME" in 5 columns; "%2u:%02u" under an hour, "%2uh%02u" under a day, "%2ud%02u" under 100 days.
    const busy = (pid: number, cpuSeconds: number) => ({ ...record(pid, ['sleep', '9']), cpuSeconds });
    expect(formatBusyboxPs([busy(1, 0), busy(2, 75), busy(3, 3_725), busy(4, 90_000)], { time: true })).toBe(
      'PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 9\n    2 root      1:15 sleep 9\n    3 root      1h02 sleep 9\n    4 root      1d01 sleep 9\n',
    );
  });
});
