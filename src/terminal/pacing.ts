/** One simulated second on screen: ping sends one request a second, and so does its output here. */
export const SECOND_MS = 1000;

/** A reply line of iputils or BusyBox ping: each comes a second after the one before. */
const TIMED_LINE = /\b(icmp_seq|seq)=\d+\b/;

/**
 * Splits a command's output into lines with the wait before each, so what
 * really streams (ping's replies) streams, and everything else shows at once.
 */
export function pace(output: string): { text: string; waitMs: number }[] {
  const lines = output.split(/(?<=\n)/).filter((line) => line !== '');
  let seen = 0;
  return lines.map((text) => {
    const timed = TIMED_LINE.test(text);
    const waitMs = timed && seen++ > 0 ? SECOND_MS : 0;
    return { text, waitMs };
  });
}

/** How many seconds a reader has watched: the timed lines shown so far, at least one. */
export const secondsShown = (shownLines: readonly string[]): number => Math.max(1, shownLines.filter((line) => TIMED_LINE.test(line)).length);
