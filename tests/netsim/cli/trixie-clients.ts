import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The steps of golden/linux/session.trixie-clients.txt: `$ COMMAND`, its output, then `[exit N]`,
 * or `[end]` after a run under a pseudo-terminal (whose bytes end with a newline the script added).
 */
const transcript = readFileSync(resolve(import.meta.dirname, '../golden/linux/session.trixie-clients.txt'), 'utf8');

export function captured(command: string): { output: string; exitCode: number | undefined } {
  const block = transcript
    .slice(transcript.indexOf('\n# ---\n') + 7)
    .split(/^\$ /m)
    .find((candidate) => candidate.startsWith(`${command}\n`));
  if (block === undefined) throw new Error(`no capture of ${command}`);
  const body = block.slice(command.length + 1);
  const end = /^\[(?:exit (\d+)|end)\]\n/m.exec(body)!;
  const output = body.slice(0, end.index);
  return end[1] === undefined
    ? { output: output.slice(0, -1), exitCode: undefined }
    : { output, exitCode: Number(end[1]) };
}

/** The ephemeral ports curl -v and ss name, which the kernel draws: `port N` as `port *`. */
export const anyPort = (text: string) => text.replace(/ port \d+ failed/g, ' port * failed');
