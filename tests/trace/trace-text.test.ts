import { describe, expect, it } from 'vitest';
import { Host } from '../../src/netsim/index';
import { traceSteps, type TraceStep } from '../../src/trace/trace-steps';
import { templateTranslator, traceItems, traceText } from '../../src/trace/trace-text';

const templates = {
  'trace.terminal.heading': 'Trace of {{command}}:',
  'trace.where.host': 'host {{name}}',
  'trace.where.container': 'container {{name}}',
  'trace.where.beyond': 'beyond',
  'trace.repeats_one': '{{count}} more packet',
  'trace.repeats_other': '{{count}} more packets',
  'trace.step.send': 'sends {{packet}}',
  'trace.step.counter_one': '{{count}} packet, {{bytes}} bytes',
  'trace.step.counter_other': '{{count}} packets, {{bytes}} bytes',
};

describe('templateTranslator', () => {
  it("fills in values and picks the plural form of the locale's CLDR rules", () => {
    expect(templateTranslator(templates, 'en')('trace.repeats', { count: 1 })).toBe('1 more packet');
    expect(templateTranslator(templates, 'en')('trace.repeats', { count: 0 })).toBe('0 more packets');
    // French counts 0 as one (CLDR: i = 0,1).
    expect(templateTranslator(templates, 'fr-FR')('trace.repeats', { count: 0 })).toBe('0 more packet');
    expect(templateTranslator(templates, 'en')('trace.where.host', {})).toBe('host {{name}}');
  });
});

describe('traceItems and traceText', () => {
  const step = (packet: number, repeat: boolean): TraceStep => ({
    kind: 'send',
    where: { id: 0, kind: 'host', name: 'docker-host' },
    text: { key: 'send', values: { packet: `p${packet}` } },
    packet,
    repeat,
    ends: false,
    devices: [],
  });

  it('folds each run of repeated packets into one item that counts them', () => {
    const items = traceItems([
      step(1, false),
      step(2, true),
      step(2, true),
      step(3, true),
      step(4, false),
      step(5, true),
    ]);
    expect(
      items.map((item) =>
        item.kind === 'step' ? item.step.packet : `${item.packets} packets, ${item.steps.length} steps`,
      ),
    ).toEqual([1, '2 packets, 3 steps', 4, '1 packets, 1 steps']);
  });

  it('numbers the items, puts each rule under its step and is the same text for the same trace', () => {
    const host = Host.create({ seed: 4 });
    host.run('docker run -d --name web -p 8080:80 nginx');
    const steps = traceSteps(host.run('curl -s -o /dev/null http://192.168.1.10:8080/', { trace: true }).trace!);
    const translate = templateTranslator(
      { ...templates, 'trace.step.rule.nat': '{{table}} {{hook}} {{target}} ({{counter}})' },
      'en',
    );
    const text = traceText('curl http://192.168.1.10:8080/', steps, translate);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Trace of curl http://192.168.1.10:8080/:');
    expect(lines[1]).toMatch(
      /^ {3}1\. \[host docker-host\] sends TCP 192\.168\.1\.10:\d+ → 192\.168\.1\.10:8080 \[SYN\]$/,
    );
    const nat = lines.findIndex((line) => line.includes('nat OUTPUT DNAT (1 packet, 60 bytes)'));
    expect(lines[nat + 1]).toBe(
      '      -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
    );
    // After the handshake: ACK and request, response, ACK, curl's FIN, nginx's FIN, last ACK (golden/tools/tcpdump-curl-close.txt).
    expect(lines.at(-2)).toMatch(/^ {2}\d+\. 7 more packets$/);
    expect(traceText('curl http://192.168.1.10:8080/', steps, translate)).toBe(text);
  });
});
