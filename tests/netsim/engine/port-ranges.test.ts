import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

// Publishing used to check each port against every other one (and every socket): a full
// range took minutes. These finish in about a second and publish what Docker publishes.
describe('publishing whole port ranges', () => {
  it('publishes -p 1-65535:1-65535 on both address families', () => {
    const host = Host.create({ seed: 1 });
    expect(host.run('docker run -d --name big -p 1-65535:1-65535 nginx').exitCode).toBe(0);
    expect(host.run('docker port big | wc -l').stdout).toBe('131070\n');
    expect(host.run('docker port big 65535').stdout).toBe('0.0.0.0:65535\n[::]:65535\n');
  });

  it('runs out of ephemeral ports for --expose 1-65535 -P, as the range holds 28,232', () => {
    const result = Host.create({ seed: 1 }).run('docker run -d --expose 1-65535 -P nginx');
    expect(result.exitCode).toBe(125);
    expect(result.stderr).toContain('no available ports in the ephemeral range');
  });
});
