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
  { session: "troubleshoot-curl", line: "docker logs --since 1m web", owner: 'docker', reason: "docker subcommands and their flags are another branch's work" },
  { session: "troubleshoot-ping-and-ports", line: "sudo apt install -y traceroute", owner: 'host', reason: "apt on the host itself is not simulated (only in containers)" },
  { session: "troubleshoot-ping-and-ports", line: "traceroute -n 8.8.8.8", owner: 'host', reason: "needs apt on the host to install it first" },
  { session: "troubleshoot-ping-and-ports", line: "sudo apt install -y netcat-openbsd", owner: 'host', reason: "apt on the host itself is not simulated (only in containers)" },
  { session: "troubleshoot-ping-and-ports", line: "nc -zv localhost 8080", owner: 'host', reason: "needs apt on the host to install it first" },
  { session: "troubleshoot-ping-and-ports", line: "nc -zv 172.17.0.2 80", owner: 'host', reason: "needs apt on the host to install it first" },
  { session: "troubleshoot-ping-and-ports", line: "nc -vz -w 2 172.17.0.2 81", owner: 'host', reason: "needs apt on the host to install it first" },
  { session: "troubleshoot-ping-and-ports", line: "nc -z localhost 8080 && echo open", owner: 'host', reason: "needs apt on the host to install it first" },
  { session: "troubleshoot-ping-and-ports", line: "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc localhost 8080", owner: 'host', reason: "needs apt on the host to install it first" },
  { session: "troubleshoot-system", line: "lsmod | grep br_netfilter", owner: 'host', reason: "not simulated: lsmod (an everyday system tool, not a network one)" },
  { session: "troubleshoot-system", line: "pgrep -a dockerd", owner: 'host', reason: "not simulated: pgrep (an everyday system tool, not a network one)" },
  { session: "troubleshoot-system", line: "groups", owner: 'host', reason: "not simulated: groups (an everyday system tool, not a network one)" },
  { session: "troubleshoot-system", line: "sudo usermod -aG docker $USER", owner: 'host', reason: "not simulated: usermod (an everyday system tool, not a network one)" },
  { session: "troubleshoot-system", line: "free -h", owner: 'host', reason: "not simulated: free (an everyday system tool, not a network one)" },
  { session: "troubleshoot-system", line: "df -h", owner: 'host', reason: "not simulated: df (an everyday system tool, not a network one)" },
  { session: "troubleshoot-system", line: "sudo apt install -y net-tools", owner: 'host', reason: "apt on the host itself is not simulated (only in containers)" },
];
