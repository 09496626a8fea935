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
  { session: "troubleshoot-ip", line: "ip -c a", owner: 'host', reason: "ip -color (ANSI colours per field) is not simulated" },
  { session: "troubleshoot-ip", line: "ip -s link show docker0", owner: 'host', reason: "ip -s: links keep no packet counters here" },
  { session: "troubleshoot-ip", line: "ip -s -s link show eth0", owner: 'host', reason: "ip -s: links keep no packet counters here" },
  { session: "troubleshoot-ip", line: "ip maddr", owner: 'host', reason: "ip maddress (multicast memberships) is not simulated" },
  { session: "troubleshoot-ip", line: "ip -j a", owner: 'host', reason: "ip -json is not simulated" },
  { session: "troubleshoot-ip", line: "ip -j -p route", owner: 'host', reason: "ip -json is not simulated" },
  { session: "troubleshoot-ip", line: "docker exec shell ip neigh", owner: 'host', reason: "BusyBox ip neigh is not simulated" },
  { session: "troubleshoot-sockets", line: "netstat -i", owner: 'host', reason: "netstat -i: links keep no packet counters here" },
  { session: "troubleshoot-sockets", line: "netstat -s", owner: 'host', reason: "netstat -s (protocol statistics) is not simulated" },
];
