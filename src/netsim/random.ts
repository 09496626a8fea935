import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';

/**
 * The simulator's only source of randomness: IDs, MACs, names and timings all come
 * from here, so one seed always gives the same bytes. Its state is plain numbers,
 * so a host snapshot can carry it.
 */
export class SeededRandom {
  private generator;

  private constructor(generator: ReturnType<typeof xoroshiro128plus>) {
    this.generator = generator;
  }

  static fromSeed(seed: number): SeededRandom {
    return new SeededRandom(xoroshiro128plus(seed | 0));
  }

  static fromState(state: readonly number[]): SeededRandom {
    return new SeededRandom(xoroshiro128plusFromState(state));
  }

  state(): readonly number[] {
    return this.generator.getState();
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return uniformInt(this.generator, min, max);
  }

  bytes(count: number): number[] {
    return Array.from({ length: count }, () => this.int(0, 255));
  }

  /** `count` lowercase hex digits, as Docker IDs are. */
  hex(count: number): string {
    let text = '';
    while (text.length < count) text += this.int(0, 0xffff).toString(16).padStart(4, '0');
    return text.slice(0, count);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }
}
