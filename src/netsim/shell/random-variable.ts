import type { ShellKind } from './dialect';
import type { ShellState } from './interpreter';

/**
 * $RANDOM's generator state: bash's seed and last value (variables.c), or
 * BusyBox ash's four words (shell/random.c random_t). Plain numbers, so a
 * shell's state stays data.
 */
export type RandomState =
  | { readonly seed: number; readonly last: number }
  | { readonly galois: number; readonly lcg: number; readonly x: number; readonly y: number };

/** Assigning RANDOM seeds it: bash's sbrand, ash's change_random (INIT_RANDOM_T with the value, 1 for 0). */
export function seedRandom(value: number, kind: ShellKind): RandomState {
  const seed = value >>> 0;
  return kind === 'ash' ? { galois: seed || 1, x: seed || 1, lcg: seed, y: seed } : { seed, last: 0 };
}

/** The next $RANDOM, 0 to 32767, and the state after it. */
export function nextRandom(state: RandomState, kind: ShellKind): { value: number; next: RandomState } {
  if ('galois' in state || kind === 'ash') return nextAsh('galois' in state ? state : seedAshFrom(state.seed));
  let { seed } = state;
  let value: number;
  // bash 5.2 brand(): Park and Miller's minimal standard generator, its halves xored; never the same value twice running.
  do {
    seed = parkMiller(seed);
    value = ((seed >>> 16) ^ (seed & 0xffff)) & 0x7fff;
  } while (value === state.last);
  return { value, next: { seed, last: value } };
}

/** x(n+1) = 16807 * x(n) mod (2^31 - 1), computed as bash's intrand32 does to stay in 32 bits. */
function parkMiller(last: number): number {
  const x = last === 0 ? 123459876 : last;
  const high = Math.floor(x / 127773);
  const low = x - 127773 * high;
  const t = 16807 * low - 2836 * high;
  return t < 0 ? t + 0x7fffffff : t;
}

function seedAshFrom(seed: number): Extract<RandomState, { galois: number }> {
  return { galois: seed || 1, x: seed || 1, lcg: seed, y: seed };
}

/** BusyBox's next_random: an LCG, a Galois LFSR and xorshift64, combined. */
function nextAsh(state: Extract<RandomState, { galois: number }>): { value: number; next: RandomState } {
  const lcg = (Math.imul(1664525, state.lcg) + 1013904223) >>> 0;
  let galois = (state.galois << 1) | 0;
  if (state.galois < 0 || state.galois >= 0x80000000) galois = (galois ^ 0x8000000b) | 0;
  let { x, y } = state;
  do {
    const t = (x ^ (x << 2)) >>> 0;
    x = y;
    y = (y ^ (y >>> 3) ^ t ^ (t >>> 7)) >>> 0;
  } while (y === 0 && x <= 2);
  const value = ((galois | 0) - lcg + y) & 0x7fff;
  return { value, next: { galois: galois | 0, lcg, x, y } };
}

/** $RANDOM's next value, the shell's generator seeded from the machine's random source the first time (bash's variables.c seedrand). */
export function random(state: ShellState, kind: ShellKind, seed: () => number): string {
  const { value, next } = nextRandom((state.random ??= seedRandom(seed(), kind)), kind);
  state.random = next;
  return String(value);
}
