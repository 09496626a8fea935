import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A golden transcript: `# ` header lines naming the source, `# ---`, then the raw output. */
export interface Golden {
  header: string[];
  stdout: string;
  stderr: string | undefined;
}

export function readGolden(relativePath: string): Golden {
  const text = readFileSync(resolve(import.meta.dirname, 'golden', relativePath), 'utf8');
  const lines = text.split('\n');
  const separator = lines.indexOf('# ---');
  if (separator < 0) throw new Error(`${relativePath}: no "# ---" line after the header`);
  const body = lines.slice(separator + 1).join('\n');
  const [stdout, stderr] = body.split('\n# --- stderr\n');
  return { header: lines.slice(0, separator), stdout: stdout ?? '', stderr };
}
