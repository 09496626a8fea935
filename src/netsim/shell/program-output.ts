import type { OutputChunk } from '../cli/command';

/**
 * What a line run again for a program that reads the terminal (session.ts,
 * ProgramFrame) shows now: its output past what was `shown` already; while the
 * program waits for another line, without its last unended line, which is the
 * prompt the next line is typed at (`Name: `, `telnet> `).
 */
export function programOutput(
  chunks: readonly OutputChunk[],
  shown: string,
  waits: boolean,
): { output: OutputChunk[]; shown: string; prompt: string } {
  const all = chunks.map((chunk) => chunk.text).join('');
  const from = all.startsWith(shown) ? shown.length : 0;
  const fresh = all.slice(from);
  const prompt = waits ? fresh.slice(fresh.lastIndexOf('\n') + 1) : '';
  const to = all.length - prompt.length;
  const output: OutputChunk[] = [];
  let at = 0;
  for (const chunk of chunks) {
    const text = chunk.text.slice(Math.max(from - at, 0), Math.max(to - at, 0));
    if (text !== '') output.push({ ...chunk, text });
    at += chunk.text.length;
  }
  return { output, shown: all, prompt };
}
