import type { AwkValue } from './values';

/**
 * An awk array. `for (k in a)` walks it in the order the implementation's
 * table gives: BusyBox's hash (editors/awk.c hashidx, FIRST_PRIME 61 lists,
 * each new key at the head of its list, lists walked in order, grown to the
 * next of 251, 1021... lists past ten keys a list); mawk's split and hash
 * tables with move-to-front lists are not modelled, so mawk's walk here is the
 * order of insertion.
 */
export class AwkArray {
  private readonly values = new Map<string, AwkValue>();

  constructor(private readonly order: 'insertion' | 'busybox') {}

  has(key: string): boolean {
    return this.values.has(key);
  }

  get(key: string): AwkValue {
    return this.values.get(key);
  }

  /** The element, created empty when missing (a reference creates it, as in every awk). */
  touch(key: string): AwkValue {
    if (!this.values.has(key)) this.values.set(key, undefined);
    return this.values.get(key);
  }

  set(key: string, value: AwkValue): void {
    this.values.set(key, value);
  }

  delete(key: string): void {
    this.values.delete(key);
  }

  clear(): void {
    this.values.clear();
  }

  get size(): number {
    return this.values.size;
  }

  keys(): string[] {
    const inserted = [...this.values.keys()];
    return this.order === 'insertion' ? inserted : busyboxWalk(inserted);
  }
}

const BUSYBOX_SIZES = [61, 251, 1021, 4093, 16381, 65521];

/** hashidx(): idx = c + idx*63 over the name's bytes as signed chars, in 32 bits. */
function busyboxHash(key: string): number {
  let idx = 0;
  for (let at = 0; at < key.length; at++) {
    const byte = key.charCodeAt(at) & 0xff;
    idx = (((idx << 6) - idx) + (byte >= 128 ? byte - 256 : byte)) >>> 0;
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
