import type { AwkValue } from './values';

/**
 * mawk's arrays (mawk 1.3.4 array.c, from array.w): a split array (what
 * split() loads, cells 1..n), or a hash table of 2^n lists reached two ways,
 * by integer value (ilists) and by string (slists, FNV-1 of the bytes). Every
 * lookup moves what it finds to the front of its list, and `for (k in a)`
 * walks the slists in order, so the order of a walk depends on every access
 * before it; this models all of them to give the same order.
 */
interface Node {
  sval: string | undefined;
  hval: number;
  ival: number | undefined;
  value: AwkValue;
}

/** A subscript: its text, and its integer value when it was a number with no fraction (mawk's C_DOUBLE path). */
export interface Subscript {
  readonly text: string;
  readonly integer?: number;
}

const STARTING_HMASK = 63;
const MAX_AVE_LIST_LENGTH = 12;
const limitOf = (hmask: number) => (hmask + 1) * MAX_AVE_LIST_LENGTH;

/** hash2(): FNV-1 over the bytes, in 32 bits. */
function fnv1(text: string): number {
  let h = 2166136261;
  for (let at = 0; at < text.length; at++) {
    h = (h ^ (text.charCodeAt(at) & 0xff)) >>> 0;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

export class MawkTable {
  private kind: 'null' | 'split' | 'table' = 'null';
  private hasInt = false;
  private hasStr = false;
  private cells: Node[] = [];
  private hmask = STARTING_HMASK;
  private limit = limitOf(STARTING_HMASK);
  private ilists: Node[][] = [];
  private slists: Node[][] = [];
  size = 0;

  find(subscript: Subscript, create: boolean): Node | undefined {
    if (this.size === 0 && !create) return undefined;
    if (subscript.integer === undefined) return this.findBySval(subscript.text, create);
    const ival = subscript.integer;
    if (this.kind === 'split') {
      if (ival >= 1 && ival <= this.size) return this.cells[ival - 1];
      if (!create) return undefined;
      this.convertSplit();
    } else if (this.kind === 'null') this.makeEmpty('int');
    return this.findByIval(ival, create);
  }

  delete(subscript: Subscript): void {
    if (this.size === 0) return;
    if (subscript.integer !== undefined) {
      const ival = subscript.integer;
      if (this.kind === 'split') {
        if (ival < 1 || ival > this.size) return;
        this.convertSplit();
      }
      const node = this.findByIval(ival, false);
      if (!node) return;
      this.ilists[(ival >>> 0) & this.hmask]!.shift();
      if (node.sval !== undefined) remove(this.slists[node.hval & this.hmask]!, node);
    } else {
      const node = this.findBySval(subscript.text, false);
      if (!node) return;
      this.slists[node.hval & this.hmask]!.shift();
      if (node.ival !== undefined) remove(this.ilists[(node.ival >>> 0) & this.hmask]!, node);
    }
    if (--this.size === 0) this.clear();
  }

  clear(): void {
    this.kind = 'null';
    this.hasInt = this.hasStr = false;
    this.cells = [];
    this.ilists = [];
    this.slists = [];
    this.size = 0;
  }

  /** split()'s array_load: cells 1..n. */
  load(values: readonly AwkValue[]): void {
    this.clear();
    this.kind = 'split';
    this.cells = values.map((value, index) => ({ sval: undefined, hval: 0, ival: index + 1, value }));
    this.size = values.length;
  }

  /** array_loop_vector: the string keys, walking the slists in order. */
  keys(): string[] {
    if (this.size === 0) return [];
    if (!this.hasStr) this.addStringAssociations();
    return this.slists.flatMap((list) => list.map((node) => node.sval!));
  }

  private makeEmpty(kind: 'int' | 'str'): void {
    this.kind = 'table';
    this.hasInt = kind === 'int';
    this.hasStr = kind === 'str';
    this.hmask = STARTING_HMASK;
    this.limit = limitOf(STARTING_HMASK);
    this.ilists = Array.from({ length: STARTING_HMASK + 1 }, () => []);
    this.slists = Array.from({ length: STARTING_HMASK + 1 }, () => []);
  }

  private findByIval(ival: number, create: boolean): Node | undefined {
    let index = (ival >>> 0) & this.hmask;
    const list = this.ilists[index]!;
    const found = list.findIndex((node) => node.ival === ival);
    if (found >= 0) return toFront(list, found);
    let node: Node | undefined;
    if (this.hasStr) {
      node = this.findBySval(String(ival), create);
      if (!node) return undefined;
    } else if (create) {
      node = { sval: undefined, hval: 0, ival: undefined, value: undefined };
      if (++this.size > this.limit) {
        this.double();
        index = (ival >>> 0) & this.hmask;
      }
    } else return undefined;
    node.ival = ival;
    this.hasInt = true;
    // After a lookup by string that grew the table, mawk keeps the list index it had computed.
    this.ilists[index]!.unshift(node);
    return node;
  }

  private findBySval(sval: string, create: boolean): Node | undefined {
    const hval = fnv1(sval);
    if (!this.hasStr) this.addStringAssociations();
    const list = this.slists[hval & this.hmask]!;
    const found = list.findIndex((node) => node.hval === hval && node.sval === sval);
    if (found >= 0) return toFront(list, found);
    if (!create) return undefined;
    const node: Node = { sval, hval, ival: undefined, value: undefined };
    if (++this.size > this.limit) this.double();
    this.slists[hval & this.hmask]!.unshift(node);
    return node;
  }

  private addStringAssociations(): void {
    if (this.kind === 'null') {
      this.makeEmpty('str');
      return;
    }
    if (this.kind === 'split') this.convertSplit();
    for (const list of this.ilists) {
      for (const node of list) {
        node.sval = String(node.ival);
        node.hval = fnv1(node.sval);
        this.slists[node.hval & this.hmask]!.unshift(node);
      }
    }
    this.hasStr = true;
  }

  private convertSplit(): void {
    const cells = this.cells;
    this.hmask = STARTING_HMASK;
    this.limit = limitOf(STARTING_HMASK);
    while (this.size > this.limit) {
      this.hmask = this.hmask * 2 + 1;
      this.limit = limitOf(this.hmask);
    }
    this.ilists = Array.from({ length: this.hmask + 1 }, () => []);
    this.slists = Array.from({ length: this.hmask + 1 }, () => []);
    let list = 1;
    for (const cell of cells) {
      this.ilists[list]!.unshift(cell);
      list = (list + 1) & this.hmask;
    }
    this.cells = [];
    this.kind = 'table';
    this.hasInt = true;
    this.hasStr = false;
  }

  /** double_the_hash_table: each list keeps, in order, the nodes that stay; those that move go, in order, to the new list. */
  private double(): void {
    const mask = this.hmask * 2 + 1;
    const split = (lists: Node[][], hashOf: (node: Node) => number) => {
      const grown: Node[][] = Array.from({ length: mask + 1 }, () => []);
      lists.forEach((list, index) => {
        for (const node of list) grown[(hashOf(node) & mask) === index ? index : index + this.hmask + 1]!.push(node);
      });
      return grown;
    };
    if (this.hasStr) this.slists = split(this.slists, (node) => node.hval);
    else this.slists = Array.from({ length: mask + 1 }, () => []);
    if (this.hasInt) this.ilists = split(this.ilists, (node) => node.ival! >>> 0);
    else this.ilists = Array.from({ length: mask + 1 }, () => []);
    this.hmask = mask;
    this.limit = limitOf(mask);
  }
}

function toFront(list: Node[], index: number): Node {
  const [node] = list.splice(index, 1);
  list.unshift(node!);
  return node!;
}

function remove(list: Node[], node: Node): void {
  const at = list.indexOf(node);
  if (at >= 0) list.splice(at, 1);
}
