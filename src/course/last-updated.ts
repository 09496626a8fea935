import { execFileSync } from 'node:child_process';

/** Runs git with these arguments in the project and returns what it prints; throws when git is missing or fails. */
export type GitRunner = (args: string[]) => string;

const git: GitRunner = (args) =>
  execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });

/**
 * The date of the last commit that touched each file, from `git log` read once:
 * `\0<ISO date>` lines, each followed by the files that commit changed, newest first.
 */
export function parseGitLog(log: string): Map<string, string> {
  const dates = new Map<string, string>();
  let date: string | undefined;
  for (const line of log.split('\n')) {
    if (line.startsWith('\0')) date = line.slice(1).trim();
    else if (line.trim() !== '' && date && !dates.has(line)) dates.set(line, date);
  }
  return dates;
}

/**
 * When each lesson file last changed, by git (`git log -1 --format=%cI -- file`, for
 * every file in one call). Without git, outside a repository, or in a shallow clone
 * (where the oldest commit there would claim every file it holds) there are no dates,
 * and pages leave the line out rather than print a wrong one.
 */
export function lastCommitDates(folder: string, run: GitRunner = git): Map<string, string> {
  try {
    if (run(['rev-parse', '--is-shallow-repository']).trim() !== 'false') return new Map();
    return parseGitLog(run(['log', '--format=%x00%cI', '--name-only', '--relative', '--', folder]));
  } catch {
    return new Map();
  }
}

let cached: Map<string, string> | undefined;

/** The ISO date of the last commit to a file under content/ (a path from the project root), if git knows one. */
export function lastUpdated(filePath: string): string | undefined {
  cached ??= lastCommitDates('content');
  return cached.get(filePath.replaceAll('\\', '/'));
}
