import { expect } from 'vitest';
import { Host, type RunOptions } from '../../../src/netsim/index';
import { stripSgr } from '../../../src/practice/sgr';

/**
 * One host typing a seed's command lines in order. Every line must run without
 * the simulator throwing; `run` returns what the terminal showed, as the articles
 * copied it from their terminals: text, without the escapes that made it bold.
 */
export function seedSession(seed = 1) {
  const host = Host.create({ seed });
  const run = (line: string, options: RunOptions = {}) => {
    const result = host.run(line, options);
    expect(result.command).toBe(line);
    return { ...result, stdout: stripSgr(result.stdout), output: stripSgr(result.output) };
  };
  return { host, run };
}

/** Runs of spaces and tabs as one space, trailing ones dropped: the seeds' articles collapsed whitespace. */
export const collapsed = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n');

/** Container and network IDs (full and short) as <ID>, for comparing with a seed. */
export const normalised = (text: string): string =>
  text.replace(/\b[0-9a-f]{64}\b/g, '<ID>').replace(/\b[0-9a-f]{12}\b/g, '<ID>');

/** What `docker inspect -f` says of a container. */
export const inspect = (run: (line: string) => { stdout: string }, container: string, template: string): string =>
  run(`docker inspect -f '${template}' ${container}`).stdout.trim();
