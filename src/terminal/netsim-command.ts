/**
 * The terminal's own command, `netsim`: not a Linux tool and not part of the
 * simulated host, so the terminal answers it before a line reaches netsim.
 * `netsim trace` shows what the network did with the last command's packets;
 * `netsim`, `netsim help` and `netsim --help` say what it is; anything else
 * gets the usage, with status 2 as a getopt error would.
 */
export type NetsimCommand = { kind: 'trace' } | { kind: 'help' } | { kind: 'usage' };

export function parseNetsimCommand(line: string): NetsimCommand | undefined {
  const words = line.trim().split(/\s+/);
  if (words[0] !== 'netsim') return undefined;
  const rest = words.slice(1);
  if (rest.length === 0 || (rest.length === 1 && (rest[0] === 'help' || rest[0] === '--help' || rest[0] === '-h')))
    return { kind: 'help' };
  if (rest.length === 1 && rest[0] === 'trace') return { kind: 'trace' };
  return { kind: 'usage' };
}
