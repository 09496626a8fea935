/** A struct hostent as getent prints it: the official name, its aliases, its addresses as text. */
export interface HostEntry {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly addresses: readonly string[];
}

/** glibc nss/getent.c print_hosts(): one line per address, `%-15s %s` and the aliases after a space each. */
export function formatHostEntry(entry: HostEntry): string {
  return entry.addresses
    .map((address) => `${address.padEnd(15)} ${[entry.name, ...entry.aliases].join(' ')}\n`)
    .join('');
}

/**
 * getent.c ahosts_keys_int(): each getaddrinfo result as `%-15s %-6s %s`, the
 * socket types STREAM, DGRAM and RAW of each address in turn (no ai_socktype
 * in the hints), the canonical name on the first result only.
 */
export function formatAddrinfo(addresses: readonly string[], canonicalName: string): string {
  let first = true;
  return addresses
    .flatMap((address) =>
      ['STREAM', 'DGRAM', 'RAW'].map((socktype) => {
        const line = `${address.padEnd(15)} ${socktype.padEnd(6)} ${first ? canonicalName : ''}\n`;
        first = false;
        return line;
      }),
    )
    .join('');
}
