/**
 * The lines of lines.txt that netsim still refuses (command not found, unknown
 * option, a usage text, "not simulated") where a real Debian 13 host with Docker 29
 * runs them. learner-corpus.test.ts checks this list is exact: a line refused and
 * not listed fails it, and so does a listed line that now runs.
 */
export interface KnownRefusal {
  session: string;
  line: string;
  /** Whose work it is: host tools, shell syntax, text tools, docker subcommands. */
  owner: 'host' | 'shell' | 'text' | 'docker';
  reason: string;
}

export const KNOWN_REFUSALS: readonly KnownRefusal[] = [
];
