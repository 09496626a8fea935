import { describe, expect, it } from 'vitest';
import { readGolden } from '../golden';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(5);

/** BusyBox prints its times as `time=0.087 ms` and `= a/b/c ms`: the only random part of its output. */
const withoutTimes = (text: string) =>
  text.replace(/time=[\d.]+ ms/g, 'time=T ms').replace(/= [\d.]+\/[\d.]+\/[\d.]+ ms/g, '= T ms');

/** c1 (alpine) and web (nginx) on the default bridge; c3 (alpine) and c4 (nginx) on the user network net1. */
const layout = () =>
  hostAfter(
    'docker run -d --name c1 alpine sleep 1d',
    'docker run -d --name web nginx',
    'docker network create net1',
    'docker run -d --network net1 --name c3 alpine sleep 1d',
    'docker run -d --network net1 --name c4 --add-host my-apache-app:172.28.0.2 nginx',
    'docker run -d --network net1 --name c5 --add-host my-apache-app:172.28.0.2 alpine sleep 1d',
  );

// The captures ran BusyBox 1.35 (Debian 12); Alpine's 1.37 prints these lines the same way (networking/ping.c).
describe('BusyBox ping in an Alpine container', () => {
  it.each([
    ['busybox-ping-bad-address.txt', 'c1'],
    ['busybox-ping-loopback.txt', 'c1'],
    ['busybox-ping-unreachable.txt', 'c1'],
    ['busybox-ping-name.txt', 'c5'],
  ])('%s', (file, where) => {
    const golden = readGolden(`tools/${file}`);
    const result = layout().run(`docker exec ${where} ${golden.command!.replace(/^busybox /, '')}`);
    expect({ stdout: withoutTimes(result.stdout), stderr: result.stderr, exitCode: result.exitCode }).toEqual({
      stdout: withoutTimes(golden.stdout),
      stderr: golden.stderr ?? '',
      exitCode: golden.exitCode,
    });
  });

  it('cannot resolve a container name on the default bridge', () => {
    expect(layout().run('docker exec c1 ping -c 1 web')).toMatchObject({
      stdout: '',
      stderr: "ping: bad address 'web'\n",
      exitCode: 1,
    });
  });

  it('reaches a container by name on a user network through 127.0.0.11, numbering from seq=0', () => {
    const result = layout().run('docker exec c3 ping -c 2 c4');
    expect(result.exitCode).toBe(0);
    expect(withoutTimes(result.stdout)).toBe(
      'PING c4 (172.18.0.3): 56 data bytes\n64 bytes from 172.18.0.3: seq=0 ttl=64 time=T ms\n64 bytes from 172.18.0.3: seq=1 ttl=64 time=T ms\n\n--- c4 ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min/avg/max = T ms\n',
    );
  });

  it('averages in whole microseconds, as print_stats_and_exit does', () => {
    const output = layout().run('docker exec c3 ping -c 3 c4').stdout;
    const times = [...output.matchAll(/time=(\d+)\.(\d{3}) ms/g)].map(
      (match) => Number(match[1]) * 1000 + Number(match[2]),
    );
    const summary = /= (\d+\.\d{3})\/(\d+\.\d{3})\/(\d+\.\d{3}) ms/.exec(output)!.slice(1);
    const millis = (us: number) => `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;
    expect(summary).toEqual([
      millis(Math.min(...times)),
      millis(Math.floor(times.reduce((a, b) => a + b) / 3)),
      millis(Math.max(...times)),
    ]);
  });
});

describe('iputils ping resolves names where it runs', () => {
  it('says the name is unknown, as the capture shows', () => {
    const golden = readGolden('tools/ping-bad-address.txt');
    expect(hostAfter().run(golden.command!)).toMatchObject({
      stdout: '',
      stderr: golden.stderr,
      exitCode: golden.exitCode,
    });
  });

  it('names each reply by its PTR record, as pr_addr() does for a typed name', () => {
    const host = layout();
    const pid = host.snapshot().engine.containers.find((c) => c.name === 'c4')!.pid!;
    const output = host.run(`sudo nsenter -t ${pid} -n ping -c 1 c3`).stdout;
    expect(output).toMatch(
      /^PING c3 \(172\.18\.0\.2\) 56\(84\) bytes of data\.\n64 bytes from c3\.net1 \(172\.18\.0\.2\): icmp_seq=1 ttl=64 /,
    );
    expect(output).toContain('\n--- c3 ping statistics ---\n');
  });
});
