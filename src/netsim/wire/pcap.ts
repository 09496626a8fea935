/**
 * The classic pcap file format (libpcap sf-pcap.c; pcap-savefile(5)) as
 * tcpdump -w writes it on a little-endian machine: the 24-byte file header
 * (magic 0xa1b2c3d4, version 2.4, snapshot length 262144, link type 1 for
 * Ethernet), then per packet its time in seconds and microseconds, its
 * captured and original lengths, and its bytes.
 */

export const SNAPSHOT_LENGTH = 262144;
const LINKTYPE_ETHERNET = 1;

export interface PcapRecord {
  /** Microseconds since the Unix epoch. */
  readonly timeUs: number;
  readonly bytes: Uint8Array;
}

export function writePcap(records: readonly PcapRecord[]): Uint8Array {
  const size = 24 + records.reduce((total, record) => total + 16 + record.bytes.length, 0);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0xa1b2c3d4, true);
  view.setUint16(4, 2, true);
  view.setUint16(6, 4, true);
  view.setUint32(16, SNAPSHOT_LENGTH, true);
  view.setUint32(20, LINKTYPE_ETHERNET, true);
  let at = 24;
  for (const record of records) {
    view.setUint32(at, Math.floor(record.timeUs / 1_000_000), true);
    view.setUint32(at + 4, record.timeUs % 1_000_000, true);
    view.setUint32(at + 8, record.bytes.length, true);
    view.setUint32(at + 12, record.bytes.length, true);
    bytes.set(record.bytes, at + 16);
    at += 16 + record.bytes.length;
  }
  return bytes;
}

/** What reading a file gives: its records, or libpcap's complaint (sf-pcap.c, savefile.c pcap_open_offline). */
export type PcapRead =
  | { readonly records: PcapRecord[]; readonly snapshotLength: number; readonly linkType: number }
  | { readonly error: string };

export function readPcap(bytes: Uint8Array): PcapRead {
  // pcap_fopen_offline_with_tstamp_precision: "truncated dump file; tried to read %zu file header bytes, only got %zu".
  if (bytes.length < 4)
    return { error: `truncated dump file; tried to read 4 file header bytes, only got ${bytes.length}` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = view.getUint32(0, true) === 0xa1b2c3d4;
  if (!little && view.getUint32(0, false) !== 0xa1b2c3d4) return { error: 'unknown file format' };
  if (bytes.length < 24)
    return { error: `truncated dump file; tried to read 20 file header bytes, only got ${bytes.length - 4}` };
  const records: PcapRecord[] = [];
  for (let at = 24; at + 16 <= bytes.length;) {
    const seconds = view.getUint32(at, little);
    const micros = view.getUint32(at + 4, little);
    const length = view.getUint32(at + 8, little);
    records.push({ timeUs: seconds * 1_000_000 + micros, bytes: bytes.slice(at + 16, at + 16 + length) });
    at += 16 + length;
  }
  return { records, snapshotLength: view.getUint32(16, little), linkType: view.getUint32(20, little) };
}

/** Bytes kept in the simulated file system's text, one character each. */
export function bytesToText(bytes: Uint8Array): string {
  let text = '';
  for (let at = 0; at < bytes.length; at += 4096) text += String.fromCharCode(...bytes.subarray(at, at + 4096));
  return text;
}
export const textToBytes = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
