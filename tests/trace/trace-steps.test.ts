import { describe, expect, it } from 'vitest';
import { Host, type CommandTrace, type HopRecord } from '../../src/netsim/index';
import { packetText, traceSteps } from '../../src/trace/trace-steps';

function traced(setup: readonly string[], command: string): CommandTrace {
  const host = Host.create({ seed: 4 });
  for (const line of setup) host.run(line);
  return host.run(command, { trace: true }).trace!;
}

describe('traceSteps', () => {
  it('leaves out chains that have no rules and let the packet through, and keeps every other hop', () => {
    const trace = traced(['docker run -dit --name c1 alpine'], 'ping -c 1 172.17.0.2');
    const steps = traceSteps(trace);
    const silent = trace.hops.filter((hop) => hop.kind === 'policy' && hop.policy === 'ACCEPT' && hop.rules === 0);
    expect(silent.length).toBeGreaterThan(0);
    expect(steps).toHaveLength(trace.hops.length - silent.length);
    const decided = trace.hops.filter((hop) => hop.kind === 'policy' && hop.rules > 0);
    expect(steps.filter((step) => step.kind === 'policy')).toHaveLength(decided.length);
  });

  it('tells a later packet of a connection already told as a repeat, and the first packet each way in full', () => {
    const steps = traceSteps(traced(['docker run -dit --name c1 alpine'], 'ping -c 2 -i 0.2 172.17.0.2'));
    const sends = steps.filter((step) => step.kind === 'send');
    expect(sends.map((step) => [step.text.values.packet, step.repeat])).toEqual([
      ['ICMP echo request 172.17.0.1 → 172.17.0.2', false],
      ['ICMP echo reply 172.17.0.2 → 172.17.0.1', false],
      ['ICMP echo request 172.17.0.1 → 172.17.0.2', true],
      ['ICMP echo reply 172.17.0.2 → 172.17.0.1', true],
    ]);
    // A packet is a repeat as a whole: its send and every step after it until the next packet.
    for (const packet of new Set(steps.map((step) => step.packet)))
      expect(new Set(steps.filter((step) => step.packet === packet).map((step) => step.repeat)).size).toBe(1);
  });

  it('ends a packet where a rule drops it, with the rule as iptables -S prints it', () => {
    const host = Host.create({ seed: 4 });
    host.run('docker run -dit --name c1 alpine');
    host.run('sudo iptables -I DOCKER-USER -p icmp -j DROP');
    host.run('docker run -dit --name c2 alpine');
    // Traffic between two containers of one bridge meets FORWARD only with br_netfilter: from the host it is OUTPUT.
    host.run('sudo iptables -I OUTPUT -d 172.17.0.3 -p icmp -j REJECT');
    const steps = traceSteps(host.run('ping -c 1 172.17.0.3', { trace: true }).trace!);
    const last = steps.at(-1)!;
    expect([last.kind, last.ends, last.code, last.text.key]).toEqual([
      'drop',
      true,
      '-A OUTPUT -d 172.17.0.3/32 -p icmp -j REJECT --reject-with icmp-port-unreachable',
      'rule.reject',
    ]);
  });

  it('writes packets in no language: addresses, ports and TCP flags', () => {
    const syn = {
      protocol: 'tcp',
      tcp: 'syn',
      source: 0xc0a8010a,
      destination: 0xac110002,
      sourcePort: 39173,
      destinationPort: 80,
      length: 60,
      ttl: 64,
    } as Extract<HopRecord, { kind: 'send' }>['packet'];
    expect(packetText(syn)).toBe('TCP 192.168.1.10:39173 → 172.17.0.2:80 [SYN]');
    const { tcp: _flags, ...header } = syn;
    expect(packetText({ ...header, protocol: 'udp', destinationPort: 53 })).toBe(
      'UDP 192.168.1.10:39173 → 172.17.0.2:53',
    );
  });
});
