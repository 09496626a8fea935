import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFrames, type TcpdumpDisplay } from '../../../src/netsim/format/tcpdump';
import { decodeFrame } from '../../../src/netsim/wire/packet-decode';
import { readPcap } from '../../../src/netsim/wire/pcap';
import type { Frame } from '../../../src/netsim/wire/frame';
import { readGolden } from '../golden';

function framesOf(name: string): Frame[] {
  const file = readPcap(new Uint8Array(readFileSync(resolve(import.meta.dirname, '../golden/tools', name))));
  if ('error' in file) throw new Error(file.error);
  return file.records.map((record) => decodeFrame(record.bytes, record.timeUs)!);
}

/** readGolden's stdout loses its last newline to the `# --- stderr` line that follows it. */
const stdoutOf = (name: string) => `${readGolden(`tools/${name}.txt`).stdout}\n`;

const display = (flags: Partial<TcpdumpDisplay>): TcpdumpDisplay => ({
  numeric: false,
  linkHeader: false,
  cooked: false,
  ...flags,
});

// print-ip.c ip_print (-v: tos, ttl, id, offset, flags, proto, length), print-icmp.c, print-tcp.c (-v: the
// checksum), print-ascii.c ascii_print (-A), print-http.c: what tcpdump -r printed for the captured files.
describe('tcpdump -r of captured files, printed as tcpdump 4.99.5 printed them', () => {
  it.each([
    ['tcpdump-r-icmp', {}],
    ['tcpdump-r-icmp-vv', { verbose: 2 }],
    ['tcpdump-r-icmp-A', { ascii: true }],
  ] as const)('%s', (name, flags) => {
    expect(formatFrames(framesOf('tcpdump-w-icmp.pcap'), display(flags))).toBe(stdoutOf(name));
  });

  it.each([
    ['tcpdump-r-http', {}],
    ['tcpdump-r-http-A', { ascii: true }],
    ['tcpdump-r-http-n-v', { numeric: true, verbose: 1 }],
  ] as const)('%s', (name, flags) => {
    expect(formatFrames(framesOf('tcpdump-w-http.pcap'), display(flags))).toBe(stdoutOf(name));
  });
});
