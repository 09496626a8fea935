import { describe, expect, it } from 'vitest';
import {
  AGEING_TIME_MS,
  forwardDelayTimerMs,
  gcTimerMs,
  learnMac,
  liveLearned,
} from '../../../src/netsim/kernel/bridge-fdb';
import type { Link } from '../../../src/netsim/kernel/link';
import type { Mac } from '../../../src/netsim/wire/mac';

/** A bridge that came up at t=0, as br_dev_open leaves it. */
function bridge(): Link {
  return {
    index: 2,
    name: 'docker0',
    kind: 'bridge',
    mac: '02:42:6f:1c:3a:01' as Mac,
    mtu: 1500,
    up: true,
    master: undefined,
    peer: undefined,
    lower: undefined,
    addresses: [],
    ipv6Disabled: false,
    txqlen: 1000,
    qdisc: 'noqueue',
    openedMs: 0,
  };
}

describe('the bridge FDB garbage collection timer (br_fdb_cleanup)', () => {
  it('first runs 100 ms after the bridge comes up (br_dev_open queues it HZ / 10 later)', () => {
    expect(gcTimerMs(bridge(), 10)).toBe(90);
  });

  it('then waits an ageing time: 284.00 s left some 16 s after the bridge came up, as session.ip-details.txt shows', () => {
    expect(Math.floor(gcTimerMs(bridge(), 16_100) / 10)).toBe(28_400);
  });

  it('runs again when its oldest learned entry expires, not a whole ageing time after its last run', () => {
    const br = bridge();
    learnMac(br, 3, '02:42:ac:11:00:02' as Mac, 50_000);
    // Runs at 0.1 s, 300.1 s (the entry, seen at 50 s, lives on), then at 350 s when it expires.
    expect(gcTimerMs(br, 310_000)).toBe(40_000);
    expect(gcTimerMs(br, 360_000)).toBe(350_000 + AGEING_TIME_MS - 360_000);
  });

  it('is zero on a bridge that is down', () => {
    expect(gcTimerMs({ ...bridge(), up: false }, 1000)).toBe(0);
  });
});

describe('learned MACs (br_fdb_update)', () => {
  it('puts a new MAC first and refreshes a known one where it is, moving it to the port it came by', () => {
    const br = bridge();
    learnMac(br, 3, 'aa:aa:aa:aa:aa:aa' as Mac, 1000);
    learnMac(br, 5, 'bb:bb:bb:bb:bb:bb' as Mac, 2000);
    learnMac(br, 7, 'aa:aa:aa:aa:aa:aa' as Mac, 3000);
    expect(br.fdb).toEqual([
      { mac: 'bb:bb:bb:bb:bb:bb', port: 5, updatedMs: 2000 },
      { mac: 'aa:aa:aa:aa:aa:aa', port: 7, updatedMs: 3000 },
    ]);
  });

  it('forgets an entry once an ageing time (300 s) has passed since it was last seen', () => {
    const br = bridge();
    learnMac(br, 3, 'aa:aa:aa:aa:aa:aa' as Mac, 1000);
    expect(liveLearned(br, 300_999)).toHaveLength(1);
    expect(liveLearned(br, 301_000)).toHaveLength(0);
  });
});

describe('the forward delay timer (br_make_forwarding)', () => {
  it('counts 15 s down from when the port was enabled, then reads 0.00 as in the capture', () => {
    const port = { ...bridge(), kind: 'veth' as const, portEnabledMs: 1000 };
    expect(forwardDelayTimerMs(port, 1010)).toBe(14_990);
    expect(forwardDelayTimerMs(port, 17_000)).toBe(0);
  });
});
