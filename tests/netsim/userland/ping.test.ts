import { describe, expect, it } from 'vitest';
import { readGolden } from '../golden';
import { capturedLayout, withoutTimes } from '../traffic-fixtures';

/**
 * Each capture ran in the namespace its name starts with (host., c1., c3.); the
 * simulated run goes through the same kernel path and must print the same text,
 * round-trip times aside.
 */
const CASES = [
  'c1.ping-c2-172.17.0.3.full.txt',
  'c1.ping-unreachable-172.17.0.99.full.txt',
  'c1.ping-c3-unreachable-172.17.0.99.full.txt',
  'c1.ping-gateway-172.17.0.1.full.txt',
  'c1.ping-lan-192.168.1.1.full.txt',
  'c1.ping-internet-8.8.8.8.full.txt',
  'c3.ping-c1-172.17.0.2.full.txt',
  'host.ping-c1-172.17.0.2.full.txt',
];

describe('ping through the simulated datapath matches real captures', () => {
  it.each(CASES)('%s', (file) => {
    const golden = readGolden(`linux/${file}`);
    const { host, inside } = capturedLayout();
    const [where] = file.split('.');
    const result = where === 'host' ? host.run(`sudo ${golden.command}`) : inside(where!, golden.command!);
    expect({ stdout: withoutTimes(result.stdout), exitCode: result.exitCode }).toEqual({
      stdout: withoutTimes(golden.stdout),
      exitCode: golden.exitCode,
    });
  });

  it('prints round-trip statistics that agree with the replies', () => {
    const { inside } = capturedLayout();
    const output = inside('c1', 'ping -c 3 172.17.0.3').stdout;
    const times = [...output.matchAll(/time=([\d.]+) ms/g)].map((match) => Number(match[1]));
    const [min, avg, max] = /= ([\d.]+)\/([\d.]+)\/([\d.]+)\//.exec(output)!.slice(1).map(Number);
    expect(times).toHaveLength(3);
    expect([min, max]).toEqual([Math.min(...times), Math.max(...times)]);
    expect(avg).toBeCloseTo(times.reduce((a, b) => a + b) / 3, 2);
  });

  it('fails at once without a route, as iputils does', () => {
    const { inside, host } = capturedLayout();
    host.run('docker network create --internal quiet');
    host.run('docker run -d --network quiet --name lonely nginx');
    expect(inside('lonely', 'ping -c 1 8.8.8.8')).toMatchObject({
      stdout: '',
      stderr: 'ping: connect: Network is unreachable\n',
      exitCode: 2,
    });
  });
});

describe('rules a user adds change where packets go', () => {
  it('a DROP in DOCKER-USER stops forwarded pings and counts them', () => {
    const { host, inside } = capturedLayout();
    host.run('sudo iptables -I DOCKER-USER -d 192.168.1.1 -j DROP');
    expect(inside('c1', 'ping -c 2 -W 1 192.168.1.1').exitCode).toBe(1);
    expect(host.run('sudo iptables-save -c -t filter').stdout).toContain(
      '[2:168] -A DOCKER-USER -d 192.168.1.1/32 -j DROP\n',
    );
  });

  it('an SNAT rule ahead of MASQUERADE takes the connection instead', () => {
    const { host, inside } = capturedLayout();
    host.run('sudo iptables -t nat -I POSTROUTING -s 172.17.0.0/16 -o eth0 -j SNAT --to-source 192.168.1.10');
    expect(inside('c1', 'ping -c 2 -W 1 192.168.1.1').exitCode).toBe(0);
    const nat = host.run('sudo iptables-save -c -t nat').stdout;
    expect(nat).toContain('[1:84] -A POSTROUTING -s 172.17.0.0/16 -o eth0 -j SNAT --to-source 192.168.1.10\n');
    expect(nat).toContain('[0:0] -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE\n');
  });
});
