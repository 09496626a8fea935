import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeFrame } from '../../../src/netsim/wire/packet-bytes';
import { decodeFrame } from '../../../src/netsim/wire/packet-decode';
import { readPcap, writePcap } from '../../../src/netsim/wire/pcap';

const pcap = (name: string) => new Uint8Array(readFileSync(resolve(import.meta.dirname, '../golden/tools', name)));

// Real frames from golden/tools/capture-tcpdump.sh: decoded into records and encoded again, byte for byte
// (IPv4 header checksum, ICMP checksum, TCP's partial checksum on veth and bridge devices, the options).
describe('frames to bytes and back, against captured pcap files', () => {
  it.each(['tcpdump-w-icmp.pcap', 'tcpdump-w-http.pcap'])('%s', (name) => {
    const file = readPcap(pcap(name));
    if ('error' in file) throw new Error(file.error);
    expect(file.records.length).toBeGreaterThan(1);
    for (const record of file.records) {
      const frame = decodeFrame(record.bytes, record.timeUs);
      if (!frame) throw new Error('undecoded frame');
      const { bytes: _kept, ...records } = frame;
      expect([...encodeFrame(records)]).toEqual([...record.bytes]);
    }
  });

  it('writes the file header and records tcpdump -w writes', () => {
    const file = readPcap(pcap('tcpdump-w-icmp.pcap'));
    if ('error' in file) throw new Error(file.error);
    expect([...writePcap(file.records)]).toEqual([...pcap('tcpdump-w-icmp.pcap')]);
  });
});
