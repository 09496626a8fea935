import { describe, expect, it } from 'vitest';
import { parsePortSpec } from '../../../src/netsim/wire/port-spec';

// go-connections nat.ParsePortSpec: everything before the last two parts is the IP, checked with
// net.ParseIP (an IPv4 dotted quad, or IPv6: at most eight groups of up to four hex digits, one `::`).
describe('the IP of a port specification', () => {
  it("refuses text net.ParseIP refuses, in nat.ParsePortSpec's words", () => {
    expect(parsePortSpec('80:80:80:80')).toEqual({ error: 'invalid IP address: 80:80' });
    expect(parsePortSpec('1:2:3:4:5:6:7:8:9:80:80')).toEqual({ error: 'invalid IP address: 1:2:3:4:5:6:7:8:9' });
    expect(parsePortSpec('1::2::3:80:80')).toEqual({ error: 'invalid IP address: 1::2::3' });
  });

  it('takes IPv6 addresses, bracketed or not', () => {
    expect(parsePortSpec('[::1]:8080:80')).toEqual([
      { hostIp: '::1', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
    ]);
    expect(parsePortSpec('fe80::1:8080:80')).toEqual([
      { hostIp: 'fe80::1', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
    ]);
    expect(parsePortSpec('1:2:3:4:5:6:7:8:8080:80')).toEqual([
      { hostIp: '1:2:3:4:5:6:7:8', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
    ]);
  });
});
