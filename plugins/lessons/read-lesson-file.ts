import { readFileSync } from 'node:fs';
import { LessonError } from './lesson-error';

// ignoreBOM keeps a byte order mark in the text, so an update writes it back.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A lesson's text, refused when its bytes are not UTF-8: decoding them anyway
 * would turn a Latin-1 accent into U+FFFD, and an update would write that back.
 */
export function decodeLesson(path: string, bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const lines = before.split('\n');
    const byte = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
    throw new LessonError(
      path,
      lines.length,
      lines.at(-1)!.length + 1,
      `this file is not UTF-8 (byte 0x${byte} here); save it as UTF-8 and run again: nothing was read or written`,
    );
  }
}

export const readLessonFile = (path: string, file: string): string => decodeLesson(path, readFileSync(file));

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next++)
      if (index + next >= bytes.length || (bytes[index + next]! & 0xc0) !== 0x80) return index;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(index, index + length));
    } catch {
      return index;
    }
    index += length;
  }
  return bytes.length - 1;
}
