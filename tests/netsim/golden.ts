import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A golden transcript: `# ` header lines naming the source, `# ---`, then the raw output. */
export interface Golden {
  header: string[];
  /** The `# command:` header line. */
  command: string | undefined;
  /** The `# exit code:` header line. */
  exitCode: number | undefined;
  stdout: string;
  stderr: string | undefined;
}

export function readGolden(relativePath: string): Golden {
  const text = readFileSync(resolve(import.meta.dirname, 'golden', relativePath), 'utf8');
  const lines = text.split('\n');
  const separator = lines.indexOf('# ---');
  if (separator < 0) throw new Error(`${relativePath}: no "# ---" line after the header`);
  const header = lines.slice(0, separator);
  const field = (name: string) => header.find((line) => line.startsWith(`# ${name}: `))?.slice(name.length + 4);
  const body = `\n${lines.slice(separator + 1).join('\n')}`;
  const [stdout = '', stderr] = body.split('\n# --- stderr\n');
  const exitCode = field('exit code');
  return { header, command: field('command'), exitCode: exitCode === undefined ? undefined : Number(exitCode), stdout: stdout.slice(1), stderr };
}
