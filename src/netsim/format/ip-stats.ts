import type { LinkRecord } from '../kernel/dump';

/**
 * iproute2's print_stats64 (ip/ipaddress.c, v6.15.0; 6.1 prints the same): a
 * header and a row of numbers for RX, then for TX, each column as wide as its
 * header or its widest number (size_columns), every number followed by a space
 * (print_num). With `-s -s` (level 2) each direction gets its error counters
 * too, and TX ends with the carrier changes (`transns`).
 */
export function formatStats64(link: LinkRecord, level: number): string {
  const s = link.stats;
  // Counters a virtual device never moves: errors, missed, carrier, collisions and the detailed errors.
  const rx = [s.rxBytes, s.rxPackets, 0, s.rxDropped, 0, s.multicast, 0, 0];
  const tx = [s.txBytes, s.txPackets, 0, s.txDropped, 0, 0, 0, 0];
  const cols = ['*X errors:', 'packets', 'errors', 'dropped', 'heartbt', 'overrun', 'compressed', 'otherhost'].map(
    (header) => header.length,
  );
  const size = (values: readonly number[]) =>
    values.forEach((value, index) => (cols[index] = Math.max(cols[index]!, String(value).length)));
  size(rx);
  if (level > 1) size([0, 0, 0, 0, 0, 0, 0, 0]);
  size(tx);
  // The carrier changes are sized in the seventh column and printed in the sixth, as print_stats64 does.
  if (level > 1) size([0, 0, 0, 0, 0, 0, link.carrierChanges, 0]);
  const pad = (width: number, text: string) => text.padStart(width);
  const numbers = (values: readonly number[], from: number, to: number) =>
    values
      .slice(from, to)
      .map((value, index) => `${pad(cols[from + index]!, String(value))} `)
      .join('');
  const header = (direction: string, names: readonly string[]) =>
    `    ${direction}: ${pad(cols[0]! - 4, 'bytes')} ${names.map((name, index) => pad(cols[index + 1]!, name)).join(' ')} ${pad(cols[6]!, '')}\n`;
  const errorsIndent = ' '.repeat(cols[0]! + 5);
  let text = header('RX', ['packets', 'errors', 'dropped', 'missed', 'mcast']) + `    ${numbers(rx, 0, 6)}\n`;
  if (level > 1)
    text +=
      `    RX errors:${pad(cols[0]! - 10, '')} ${['length', 'crc', 'frame', 'fifo', 'overrun'].map((name, index) => pad(cols[index + 1]!, name)).join(' ')}\n` +
      `${errorsIndent}${numbers([0, 0, 0, 0, 0, 0], 1, 6)}\n`;
  text += header('TX', ['packets', 'errors', 'dropped', 'carrier', 'collsns']) + `    ${numbers(tx, 0, 6)}\n`;
  if (level > 1)
    text +=
      `    TX errors:${pad(cols[0]! - 10, '')} ${['aborted', 'fifo', 'window', 'heartbt', 'transns'].map((name, index) => pad(cols[index + 1]!, name)).join(' ')}\n` +
      `${errorsIndent}${numbers([0, 0, 0, 0, 0, link.carrierChanges], 1, 6)}\n`;
  return text;
}
