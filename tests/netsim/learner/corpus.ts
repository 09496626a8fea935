import { Host, needsMoreInput } from '../../../src/netsim/index';

/**
 * The learner corpus (lines.txt): sessions of command lines a Docker-networking
 * learner types, each replayed on a fresh host, and what netsim made of each line.
 */

export interface CorpusLine {
  session: string;
  /** The command as typed, continuation lines joined with their newlines. */
  line: string;
  /** Set by a `#= real:` comment above the line: a real host refuses it too, for this reason. */
  refusedByRealHost?: string;
}

export interface CorpusSession {
  name: string;
  lines: CorpusLine[];
}

/** Why a line counts as refused: what netsim printed instead of the tool's own output. */
export type Refusal = 'command not found' | 'unknown option' | 'not simulated' | 'usage';

export interface ReplayedLine extends CorpusLine {
  stderr: string;
  exitCode: number;
  refusal?: Refusal;
  /** The first line of stderr, to say what was refused. */
  said?: string;
}

const SESSION_HEADER = /^## session (\S+)\s*$/;
const REAL_REFUSAL = /^#= real: (.+)$/;

/** Sessions of lines.txt; `#` lines are comments, a line ending in `\` or leaving bash wanting more goes on. */
export function parseCorpus(text: string): CorpusSession[] {
  const sessions: CorpusSession[] = [];
  let pending: string | undefined;
  let realReason: string | undefined;
  for (const raw of text.split('\n')) {
    if (pending === undefined) {
      const header = SESSION_HEADER.exec(raw);
      if (header) {
        sessions.push({ name: header[1]!, lines: [] });
        continue;
      }
      const real = REAL_REFUSAL.exec(raw);
      if (real) realReason = real[1];
      if (raw.trim() === '' || raw.startsWith('#')) continue;
    }
    const joined = pending === undefined ? raw : `${pending}\n${raw}`;
    if (needsMoreInput(joined)) {
      pending = joined;
      continue;
    }
    pending = undefined;
    const session = sessions.at(-1);
    if (!session) throw new Error(`lines.txt: a command before the first "## session": ${joined}`);
    session.lines.push({ session: session.name, line: joined, ...(realReason ? { refusedByRealHost: realReason } : {}) });
    realReason = undefined;
  }
  if (pending !== undefined) throw new Error(`lines.txt: the file ends inside a command: ${pending}`);
  return sessions;
}

/**
 * What marks a refusal in stderr. Shells: bash's `command not found`, dash's and
 * BusyBox's `X: not found`; tools: unknown or invalid options and flags, iproute2's
 * `is unknown, try`, iptables' `Couldn't load match` (of a module every real host has), a usage text; and netsim's own `netsim: ... not simulated` and
 * `... is not available in this simulator yet`.
 */
const REFUSALS: readonly [Refusal, RegExp][] = [
  ['not simulated', /^netsim: |not simulated|not available in this simulator/m],
  ['command not found', /: command not found$|^(?:\S+: )?(?:\d+: )?\S+: not found$/m],
  ['unknown option', /unknown (?:shorthand )?flag|unknown option|invalid option|unrecognized option|illegal option|is unknown, try|[Uu]nknown command|unknown argument|Couldn't load (?:match|target)/m],
  ['usage', /^usage:|^Usage:/m],
];

export function refusalOf(stderr: string): Refusal | undefined {
  return REFUSALS.find(([, pattern]) => pattern.test(stderr))?.[0];
}

/** Replays one session on a fresh host (sudo lines run as root, as the host's sudo does). */
export function replaySession(session: CorpusSession, seed = 1): ReplayedLine[] {
  const host = Host.create({ seed });
  return session.lines.map((entry) => {
    let result;
    try {
      result = host.run(entry.line);
    } catch (error) {
      const stderr = `netsim: the simulator failed: ${error instanceof Error ? error.message : String(error)}\n`;
      return { ...entry, stderr, exitCode: 70, refusal: 'not simulated' as const, said: stderr.trim() };
    }
    const refusal = refusalOf(result.stderr);
    return { ...entry, stderr: result.stderr, exitCode: result.exitCode, ...(refusal ? { refusal, said: result.stderr.split('\n').find((text) => refusalOf(text) !== undefined) ?? result.stderr.split('\n')[0] } : {}) };
  });
}

export function replayCorpus(text: string): ReplayedLine[] {
  return parseCorpus(text).flatMap((session) => replaySession(session));
}

/** The key a known refusal is listed under: its session and the line as typed. */
export const keyOf = (line: Pick<CorpusLine, 'session' | 'line'>): string => `${line.session} | ${line.line}`;
