import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

describe('ping -q', () => {
  // iputils ping(8): "-q Quiet output. Nothing is displayed except the summary lines at startup time and when finished."
  it('keeps iputils header and statistics and drops the reply lines', () => {
    const result = Host.create({ seed: 1 }).run('ping -q -c 3 192.168.1.1');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain('icmp_seq=');
    expect(result.stdout.split('\n').slice(0, 4)).toEqual([
      'PING 192.168.1.1 (192.168.1.1) 56(84) bytes of data.',
      '',
      '--- 192.168.1.1 ping statistics ---',
      expect.stringMatching(/^3 packets transmitted, 3 received, 0% packet loss, time \d+ms$/),
    ]);
  });

  // BusyBox networking/ping.c usage: "-q Quiet, only display output at start/finish".
  it('keeps BusyBox header and statistics and drops the reply lines', () => {
    const result = Host.create({ seed: 1 }).run('docker run --rm alpine ping -q -c 2 172.17.0.1');
    expect(result.stdout.split('\n').slice(0, 4)).toEqual([
      'PING 172.17.0.1 (172.17.0.1): 56 data bytes',
      '',
      '--- 172.17.0.1 ping statistics ---',
      '2 packets transmitted, 2 packets received, 0% packet loss',
    ]);
  });
});

describe('a ping from the host to its own docker0 address', () => {
  /*
   * It leaves through lo, and Docker's `-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE`
   * matches it. MASQUERADE asks inet_select_addr(lo, universe scope): lo has only
   * 127.0.0.1 (host scope), so the kernel takes the first global address of another
   * device, eth0's (net/ipv4/devinet.c, nf_nat_masquerade_ipv4), and the reply comes back.
   */
  it('is answered, masqueraded once for the whole ICMP echo flow', () => {
    const host = Host.create({ seed: 1 });
    expect(host.run('ping -c 2 172.17.0.1').stdout).toContain('2 packets transmitted, 2 received, 0% packet loss');
    expect(host.run('sudo iptables -t nat -L POSTROUTING -v -n').stdout).toMatch(
      /\n +1 +84 MASQUERADE +all +-- +\* +!docker0 +172\.17\.0\.0\/16 +0\.0\.0\.0\/0 +\n/,
    );
  });
});
