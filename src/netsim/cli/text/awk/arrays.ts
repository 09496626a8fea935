import { MawkTable, type Subscript } from './mawk-table';
import type { AwkValue } from './values';

export type { Subscript };

/**
 * An awk array, whose `for (k in a)` walks it in the order the implementation's
 * table gives: mawk's (mawk-table.ts), or BusyBox's hash (editors/awk.c
 * hashidx, FIRST_PRIME 61 lists, each new key at the head of its list, lists
 * walked in order, grown to the next of 251, 1021... lists past ten keys a list).
 */
export class AwkArray {
  private readonly values = new Map<string, AwkValue>();
  private readonly mawk: MawkTable | undefined;

  constructor(flavor: 'mawk' | 'busybox') {
    this.mawk = flavor === 'mawk' ? new MawkTable() : undefined;
  }

  has(key: Subscript): boolean {
    if (this.mawk) return this.mawk.find(key, false) !== undefined;
    return this.values.has(key.text);
  }

  /** The element, created empty when missing (a reference creates it, as in every awk). */
  touch(key: Subscript): AwkValue {
    if (this.mawk) return this.mawk.find(key, true)!.value;
    if (!this.values.has(key.text)) this.values.set(key.text, undefined);
    return this.values.get(key.text);
  }

  set(key: Subscript, value: AwkValue): void {
    if (this.mawk) this.mawk.find(key, true)!.value = value;
    else this.values.set(key.text, value);
  }

  delete(key: Subscript): void {
    if (this.mawk) this.mawk.delete(key);
    else this.values.delete(key.text);
  }

  clear(): void {
    this.mawk?.clear();
    this.values.clear();
  }

  /** split(): elements 1..n. */
  load(values: readonly AwkValue[]): void {
    if (this.mawk) this.mawk.load(values);
    else {
      this.values.clear();
      values.forEach((value, index) => this.values.set(String(index + 1), value));
    }
  }

  get size(): number {
    return this.mawk ? this.mawk.size : this.values.size;
  }

  keys(): string[] {
    return this.mawk ? this.mawk.keys() : busyboxWalk([...this.values.keys()]);
  }
}

const BUSYBOX_SIZES = [61, 251, 1021, 4093, 16381, 65521];

/** hashidx(): idx = c + idx*63 over the name's bytes as signed chars, in 32 bits. */
function busyboxHash(key: string): number {
  let idx = 0;
  for (let at = 0; at < key.length; at++) {
    const byte = key.charCodeAt(at) & 0xff;
    idx = ((idx << 6) - idx + (byte >= 128 ? byte - 256 : byte)) >>> 0;
  }
  return idx;
}

/** The walk of BusyBox's table after inserting `keys` in this order (deletions leave the others' places). */
function busyboxWalk(keys: readonly string[]): string[] {
  let size = BUSYBOX_SIZES[0]!;
  let next = 1;
  let lists: string[][] = Array.from({ length: size }, () => []);
  keys.forEach((key, index) => {
    // hash_find: the table grows before the new key goes in, once (++nel / csize) > 10.
    if (Math.floor((index + 1) / size) > 10 && next < BUSYBOX_SIZES.length) {
      const grown: string[][] = Array.from({ length: BUSYBOX_SIZES[next]! }, () => []);
      // hash_rebuild moves each list's items, head first, to the head of their new list.
      for (const list of lists) for (const item of list) grown[busyboxHash(item) % grown.length]!.unshift(item);
      lists = grown;
      size = grown.length;
      next++;
    }
    lists[busyboxHash(key) % size]!.unshift(key);
  });
  return lists.flat();
}
