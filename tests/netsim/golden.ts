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
  return {
    header,
    command: field('command'),
    exitCode: exitCode === undefined ? undefined : Number(exitCode),
    stdout: stdout.slice(1),
    stderr,
  };
}

/** One command of a captured session: where it ran (`m1$ ...`; undefined for a bare `$ `), its output, its exit status. */
export interface SessionStep {
  where: string | undefined;
  command: string;
  output: string;
  exitCode: number;
}

/** The steps of a session transcript: `[NS]$ command`, its stdout and stderr as printed, `[exit N]`. */
export function sessionSteps(transcript: string): SessionStep[] {
  const steps: SessionStep[] = [];
  let current: SessionStep | undefined;
  for (const line of transcript.split('\n')) {
    const start = /^(\w*)\$ (.*)$/.exec(line);
    const exit = /^\[exit (\d+)\]$/.exec(line);
    if (start && !current) current = { where: start[1] || undefined, command: start[2]!, output: '', exitCode: 0 };
    else if (exit && current) {
      steps.push({ ...current, exitCode: Number(exit[1]) });
      current = undefined;
    } else if (current) current.output += `${line}\n`;
  }
  return steps;
}

/** `$ command`, its output, `[exit N]`: the steps of a captured session. */
export function stepsOf(transcript: string): { command: string; output: string; exitCode: number }[] {
  const steps: { command: string; output: string; exitCode: number }[] = [];
  for (const block of transcript.split(/^\$ /m).slice(1)) {
    const lines = block.split('\n');
    const exitLine = lines.findIndex((line) => /^\[exit \d+\]$/.test(line));
    steps.push({
      command: lines[0]!,
      output: lines
        .slice(1, exitLine)
        .map((line) => `${line}\n`)
        .join(''),
      exitCode: Number(/\d+/.exec(lines[exitLine]!)![0]),
    });
  }
  return steps;
}
