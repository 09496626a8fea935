import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

describe('ping with counts no one waits for', () => {
  it('runs -c 130000 without overflowing the stack', () => {
    const result = Host.create({ seed: 1 }).run('sudo ping -c 130000 -i 0.02 192.168.1.1', { asRoot: true });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('130000 packets transmitted, 130000 received, 0% packet loss');
  });

  it('runs -c 4294967296 as a ping without -c: until Ctrl-C', () => {
    const host = Host.create({ seed: 1 });
    const started = performance.now();
    const result = host.run('ping -c 4294967296 192.168.1.1', { interruptAfterSeconds: 3 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.output).toMatch(
      /\n\^C\n--- 192\.168\.1\.1 ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss, time \d+ms\n/,
    );
  });
});
