import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { readGolden, stepsOf } from '../golden';

/**
 * `ip link add NAME link eth0 type macvlan [mode M]` typed on the host, as
 * golden/linux/session.host-tools.txt captured it from iproute2 and the
 * kernel (MACs are random and the capture's host has one more link before
 * them, so MACs and indexes are left out of the comparison). ipvlan could not
 * be captured (no CONFIG_IPVLAN there): its options follow iplink_ipvlan.c.
 */
const all = stepsOf(readGolden('linux/session.host-tools.txt').stdout);
const steps = all.slice(all.findIndex((step) => step.command.startsWith('ip link add mv0')));
const normalise = (text: string) =>
  text
    .replace(/([0-9a-f]{2}:){5}[0-9a-f]{2}/g, (mac) => (mac === 'ff:ff:ff:ff:ff:ff' ? mac : 'MAC'))
    .replace(/^\d+: /gm, 'N: ');

describe('macvlan links made with ip link add ... link eth0', () => {
  const host = Host.create({ seed: 1 });
  it.each(steps.map((step, index) => [index + 1, step.command, step] as const))('step %i: %s', (_, command, step) => {
    const result = host.run(`sudo ${command}`);
    expect({ output: normalise(result.stdout + result.stderr), exitCode: result.exitCode }).toEqual({
      output: normalise(step.output),
      exitCode: step.exitCode,
    });
  });

  it("ipvlan: l3 and bridge unless told, the parent's MAC, and never beside a macvlan (EBUSY)", () => {
    const fresh = Host.create({ seed: 1 });
    expect(fresh.run('sudo ip link add iv0 link eth0 type ipvlan mode l9').stderr).toBe(
      'Error: argument of "mode" must be either "l2", "l3" or "l3s"\n',
    );
    expect(fresh.run('sudo ip link add iv0 link eth0 type ipvlan mode l2 private').exitCode).toBe(0);
    const mac = (name: string) => /link\/ether (\S+)/.exec(fresh.run(`ip link show ${name}`).stdout)![1];
    expect(mac('iv0')).toBe(mac('eth0'));
    expect(fresh.run('sudo ip link add mv0 link eth0 type macvlan').stderr).toBe(
      'RTNETLINK answers: Device or resource busy\n',
    );
  });
});
