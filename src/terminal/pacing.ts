/** One simulated second on screen: ping sends one request a second, and so does its output here. */
export const SECOND_MS = 1000;

/** A reply line of iputils or BusyBox ping: each comes a second after the one before. */
const TIMED_LINE = /\b(icmp_seq|seq)=\d+\b/;

/** A layer's progress in `docker pull` (and a run that pulls): shown step by step, a moment apart, for the eye. */
const PULL_LINE =
  /^[0-9a-f]{12}: (Pulling fs layer|Waiting|Downloading|Verifying Checksum|Download complete|Extracting|Pull complete)/;
export const PULL_STEP_MS = 120;

/**
 * Splits a command's output into lines with the wait before each, so what
 * really streams (ping's replies, pull progress) streams, and everything else shows at once.
 */
export function pace(output: string): { text: string; waitMs: number }[] {
  const lines = output.split(/(?<=\n)/).filter((line) => line !== '');
  let seen = 0;
  return lines.map((text) => {
    if (PULL_LINE.test(text)) return { text, waitMs: PULL_STEP_MS };
    const timed = TIMED_LINE.test(text);
    const waitMs = timed && seen++ > 0 ? SECOND_MS : 0;
    return { text, waitMs };
  });
}

/** Whether output has lines that come a second apart: its time on screen is the simulated time. */
export const hasTimedLines = (output: string): boolean => TIMED_LINE.test(output);

/** How many seconds a reader has watched: the timed lines shown so far, at least one. */
export const secondsShown = (shownLines: readonly string[]): number =>
  Math.max(1, shownLines.filter((line) => TIMED_LINE.test(line)).length);
