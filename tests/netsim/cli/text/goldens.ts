import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Host } from '../../../../src/netsim/index';

/** One capture of golden/text: who printed it, the line, and what came out. */
export interface TextGolden {
  readonly file: string;
  readonly dialect: 'gnu' | 'busybox';
  readonly command: string;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const GOLDEN_DIRECTORY = resolve(import.meta.dirname, '../../golden/text');

/** The fixtures each capture ran beside (capture.sh copies them into its scratch directory). */
export const FIXTURES = ['ps.txt', 'names.txt', 'passwd.txt', 'counts.txt'];

/** A golden file: the header, then stdout and stderr sliced by their byte counts. */
export function readGolden(file: string): TextGolden {
  const bytes = readFileSync(resolve(GOLDEN_DIRECTORY, file));
  const text = bytes.toString('utf8');
  const header = (name: string) => new RegExp(`^# ${name}: (.*)$`, 'm').exec(text)?.[1] ?? '';
  const [, out, err] = /^# stdout: (\d+) bytes; stderr: (\d+) bytes$/m.exec(text)!.map(Number);
  const start = bytes.indexOf('# ---\n') + '# ---\n'.length;
  const stdout = bytes.subarray(start, start + out!).toString('utf8');
  const errStart = err! > 0 ? bytes.indexOf('# --- stderr\n', start + out!) + '# --- stderr\n'.length : 0;
  const stderr = bytes.subarray(errStart, errStart + err!).toString('utf8');
  // The banner names the build that was captured (Debian's BusyBox); netsim's applets leave it out (see dialect.ts).
  const withoutBanner = stderr.replace(/^BusyBox v[^\n]* multi-call binary\.\n/gm, '');
  return {
    file,
    dialect: file.startsWith('busybox-') ? 'busybox' : 'gnu',
    command: header('command'),
    exitCode: Number(header('exit code')),
    stdout,
    stderr: withoutBanner,
  };
}

/** The captures of one tool: `gnu-TOOL-*.txt` and `busybox-TOOL-*.txt`. */
export const goldenFiles = (tool: string) =>
  readdirSync(GOLDEN_DIRECTORY).filter((file) => new RegExp(`^(gnu|busybox)-${tool}(-.*)?\\.txt$`).test(file));

/**
 * A host with the fixtures in the working directory of the shell the golden
 * ran in: the host's bash for GNU, a busybox container's sh for BusyBox.
 */
export function hostFor(golden: TextGolden): Host {
  const host = Host.create({ seed: 3 });
  if (golden.dialect === 'busybox') {
    host.run('docker run -dit --name box busybox');
    host.run('docker exec -it box sh');
    host.run('cd /tmp');
  }
  for (const fixture of FIXTURES) {
    const content = readFileSync(resolve(GOLDEN_DIRECTORY, fixture), 'utf8');
    host.run(`cat > ${fixture} <<'FIXTURE'\n${content}FIXTURE`);
  }
  return host;
}
