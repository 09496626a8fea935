/**
 * bridge-utils 1.7.1's brctl (brctl/brctl_cmd.c, brctl_disp.c), as Debian
 * ships it; the usage text is brctl's own (golden/linux/session.ip-details.txt).
 */
export const BRCTL_USAGE = `Usage: brctl [commands]
commands:
\taddbr     \t<bridge>\t\tadd bridge
\tdelbr     \t<bridge>\t\tdelete bridge
\taddif     \t<bridge> <device>\tadd interface to bridge
\tdelif     \t<bridge> <device>\tdelete interface from bridge
\thairpin   \t<bridge> <port> {on|off}\tturn hairpin on/off
\tsetageing \t<bridge> <time>\t\tset ageing time
\tsetbridgeprio\t<bridge> <prio>\t\tset bridge priority
\tsetfd     \t<bridge> <time>\t\tset bridge forward delay
\tsethello  \t<bridge> <time>\t\tset hello time
\tsetmaxage \t<bridge> <time>\t\tset max message age
\tsetpathcost\t<bridge> <port> <cost>\tset path cost
\tsetportprio\t<bridge> <port> <prio>\tset port priority
\tshow      \t[ <bridge> ]\t\tshow a list of bridges
\tshowmacs  \t<bridge>\t\tshow a list of mac addrs
\tshowstp   \t<bridge>\t\tshow bridge stp info
\tstp       \t<bridge> {on|off}\tturn stp on/off
`;

/** A bridge as `brctl show` lists it: its id (priority and MAC), whether STP runs, its ports by name. */
export interface BrctlBridgeRecord {
  readonly name: string;
  readonly priority: number;
  readonly mac: string;
  readonly stp: boolean;
  readonly ports: readonly string[];
}

export const BRCTL_SHOW_HEADER = 'bridge name\tbridge id\t\tSTP enabled\tinterfaces\n';

/** show_bridge: the name, the id as `%.4x.%s` of the MAC's bare hex digits, `no`/`yes`, then the ports, one a line under the first. */
export function formatBrctlBridge(bridge: BrctlBridgeRecord): string {
  const id = `${bridge.priority.toString(16).padStart(4, '0')}.${bridge.mac.replaceAll(':', '')}`;
  const [first = '', ...others] = bridge.ports;
  return `${bridge.name}\t\t${id}\t${bridge.stp ? 'yes' : 'no'}\t\t${first}\n${others.map((port) => `\t\t\t\t\t\t\t${port}\n`).join('')}`;
}

/** One line of `brctl showmacs`: the port number, the MAC, whether it is the port's own, and how long since it was seen, in hundredths. */
export interface BrctlMacRecord {
  readonly portNo: number;
  readonly mac: string;
  readonly local: boolean;
  readonly ageCentiseconds: number;
}

/** br_cmd_showmacs and __dump_fdb_entry: `%3i\t%s\t%s\t\t` then br_show_timer's `%4i.%.2i`. */
export function formatBrctlShowmacs(entries: readonly BrctlMacRecord[]): string {
  const timer = (cs: number) => `${String(Math.floor(cs / 100)).padStart(4)}.${String(cs % 100).padStart(2, '0')}`;
  return `port no\tmac addr\t\tis local?\tageing timer\n${entries.map((entry) => `${String(entry.portNo).padStart(3)}\t${entry.mac}\t${entry.local ? 'yes' : 'no'}\t\t${timer(entry.ageCentiseconds)}\n`).join('')}`;
}
