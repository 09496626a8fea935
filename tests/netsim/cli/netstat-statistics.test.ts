import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stepsOf } from '../golden';
import { countersLab } from '../counters-lab';

/**
 * `netstat -s` against part 2 of golden/linux/session.counters.txt (net-tools
 * 2.10 on Linux 6.18): namespace c1b after its pings (two to its gateway, one
 * from the host, one to itself), c1 here. The capture's c1b also received the
 * IGMPv3 report docker0 sent (an IP packet of 40 bytes, received but not
 * delivered), which netsim does not send: it is taken out of InReceives,
 * InOctets and InNoECTPkts.
 */
const transcript = readFileSync(resolve(import.meta.dirname, '../golden/linux/session.counters.txt'), 'utf8');
const captured = (command: string) => stepsOf(transcript).find((step) => step.command === command)!.output;

describe('netstat -s', () => {
  const host = countersLab();
  host.run('sudo apt-get install -y net-tools');

  it('prints the protocol counters of the pings that reached and left the namespace', () => {
    const expected = captured('ip netns exec c1b netstat -s')
      .replace('    6 total packets received\n', '    5 total packets received\n')
      .replace('    InOctets: 460\n', '    InOctets: 420\n')
      .replace('    InNoECTPkts: 6\n', '    InNoECTPkts: 5\n');
    expect(host.run('sudo ip netns exec c1 netstat -s').stdout).toBe(expected);
  });

  it('counts forwarded packets where the namespace routes them, and says it forwards', () => {
    const fresh = countersLab(false);
    fresh.run('docker run -dit --name shell alpine');
    fresh.run('docker exec shell ping -c1 -W1 192.168.1.1');
    const text = fresh.run('netstat -s').stdout;
    expect(text).toMatch(/^Ip:\n {4}Forwarding: 1\n/);
    expect(text).toContain('    2 forwarded\n');
  });

  it('keeps to the protocols asked for; the sections it does not know always print their titles', () => {
    const text = host.run('sudo ip netns exec c1 netstat -s -t').stdout;
    expect(text).not.toContain('Ip:');
    expect(text).toMatch(/^IcmpMsg:\n {4}InType0: 3\n/);
    expect(text).toContain('Tcp:\n    0 active connection openings\n');
  });
});
