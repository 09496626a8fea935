import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes the new text beside the file, then, right before renaming it into
 * place, checks the file still holds the bytes that were read: an edit saved
 * meanwhile is kept (nothing is written), and a file deleted meanwhile stays
 * deleted. Any failure leaves the lesson as it was and no partial file behind.
 */
export function writeUnlessChanged(
  file: string,
  mode: number,
  read: Uint8Array,
  text: string,
  tool: string,
): string | undefined {
  const partial = join(dirname(file), `.${basename(file)}.${process.pid}.${tool.replace(':', '-')}`);
  let created = false;
  try {
    // Created first, then written: a write that fails half-way (a full disk) still leaves a file to remove.
    const descriptor = openSync(partial, 'wx', mode);
    created = true;
    try {
      writeFileSync(descriptor, text);
    } finally {
      closeSync(descriptor);
    }
    if (!existsSync(file)) return `the file was deleted while ${tool} ran; nothing was written`;
    if (!Buffer.from(read).equals(readFileSync(file)))
      return `the file changed while ${tool} ran; your edit is kept and nothing was written: run it again`;
    renameSync(partial, file);
    return undefined;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return `cannot write it (${code ? `${code}: ${WRITE_ERRORS[code] ?? message}` : message}); the file is as it was`;
  } finally {
    // After a rename there is nothing left to remove; after a failure, the half-written copy goes.
    if (created) rmSync(partial, { force: true });
  }
}

const WRITE_ERRORS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  ENOENT: 'its folder is gone',
  EACCES: 'permission denied',
  EPERM: 'the file or its folder does not allow changes',
  EROFS: 'the file system is read-only',
  EDQUOT: 'disk quota exceeded',
  EEXIST: 'another lessons command is writing this file',
};
