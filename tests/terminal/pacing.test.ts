import { describe, expect, it } from 'vitest';
import { pace, PULL_STEP_MS, SECOND_MS, secondsShown } from '../../src/terminal/pacing';

describe('pacing output for the eye', () => {
  it("spaces ping's replies a second apart and shows the rest at once", () => {
    const output =
      'PING 192.168.1.1 (192.168.1.1) 56(84) bytes of data.\n64 bytes from 192.168.1.1: icmp_seq=1 ttl=64 time=1.09 ms\n64 bytes from 192.168.1.1: icmp_seq=2 ttl=64 time=0.505 ms\n\n--- 192.168.1.1 ping statistics ---\n';
    expect(pace(output).map((line) => line.waitMs)).toEqual([0, 0, SECOND_MS, 0, 0]);
    expect(
      pace(output)
        .map((line) => line.text)
        .join(''),
    ).toBe(output);
  });

  it('steps through pull progress', () => {
    const output =
      "Unable to find image 'redis:latest' locally\nlatest: Pulling from library/redis\na2318d6c47ec: Pulling fs layer\na2318d6c47ec: Pull complete\nDigest: sha256:0\n";
    expect(pace(output).map((line) => line.waitMs)).toEqual([0, 0, PULL_STEP_MS, PULL_STEP_MS, 0]);
  });

  it('counts the seconds a reader watched an endless ping', () => {
    expect(secondsShown(['PING x\n'])).toBe(1);
    expect(secondsShown(['PING x\n', '64 bytes: seq=0\n', '64 bytes: seq=1\n', '64 bytes: seq=2\n'])).toBe(3);
  });
});
