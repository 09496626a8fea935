import { describe, expect, it } from 'vitest';
import { bytesSize } from '../../../src/netsim/format/docker-info';

// docker/go-units size.go BytesSize: CustomSize("%.4g", size, 1024.0, binaryAbbrs).
describe('go-units BytesSize', () => {
  it('prints four significant digits in binary units', () => {
    expect(bytesSize(4_018_784 * 1024)).toBe('3.833GiB');
    expect(bytesSize(512)).toBe('512B');
    expect(bytesSize(2 * 1024 * 1024)).toBe('2MiB');
    expect(bytesSize(15.63 * 1024 ** 3)).toBe('15.63GiB');
  });
});
