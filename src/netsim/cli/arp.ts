import { dumpNeighbours } from '../kernel/dump';
import { formatArpBsd, formatArpTable, type ArpRow } from '../format/arp';
import { lookupAddress, lookupHost } from '../userland/name-resolution';
import { formatIpv4, parseIpv4 } from '../wire/ipv4';
import { fail, ok, type CommandResult, type ProcessContext, type Program } from './command';
import type { NameServices } from './name-service';

type Dialect = 'net-tools' | 'busybox';

interface ArpOptions {
  numeric: boolean;
  bsd: boolean;
  verbose: boolean;
  device: string | undefined;
  host: string | undefined;
}

/**
 * `arp` showing the ARP cache (net-tools arp.c arp_show, BusyBox
 * networking/arp.c arp_show): /proc/net/arp, filtered by `-i DEV` and a host,
 * each address named by getnameinfo unless -n. net-tools prints its table
 * unless -a asks for BSD style; BusyBox prints only BSD style. Changing the
 * cache (-s, -d, -f) is not simulated.
 */
export function arpProgram(dialect: Dialect, names: NameServices): Program {
  return {
    name: 'arp',
    run(args, context) {
      const options = parseOptions(args);
      if ('exitCode' in options) return options;
      return show(options, dialect, names, context);
    },
  };
}

function parseOptions(args: readonly string[]): ArpOptions | CommandResult {
  const options: ArpOptions = { numeric: false, bsd: false, verbose: false, device: undefined, host: undefined };
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    if (word === '--numeric') options.numeric = true;
    else if (word === '--device') options.device = args[++index];
    else if (word.startsWith('-') && word.length > 1) {
      for (let at = 1; at < word.length; at++) {
        const letter = word[at]!;
        if (letter === 'n') options.numeric = true;
        else if (letter === 'a') options.bsd = true;
        else if (letter === 'e') options.bsd = false;
        else if (letter === 'v') options.verbose = true;
        else if (letter === 'i') {
          options.device = word.slice(at + 1) || args[++index];
          break;
        } else return fail(`arp: -${letter} is not available in this simulator yet.\n`, 1);
      }
    } else options.host = word;
  }
  return options;
}

function show(options: ArpOptions, dialect: Dialect, names: NameServices, context: ProcessContext): CommandResult {
  const service = names(context);
  let host: string | undefined;
  if (options.host !== undefined) {
    // ap->input resolves the operand first: a name that does not resolve is herror's "Unknown host".
    const found = parseIpv4(options.host) ? undefined : lookupHost(service, options.host);
    const address =
      found === undefined ? parseIpv4(options.host) : found.kind === 'found' ? found.addresses[0] : undefined;
    if (address === undefined) return fail(`${options.host}: Unknown host\n`, 255);
    host = formatIpv4(address);
  }
  const entries = dumpNeighbours(context.namespace, context.clock.now());
  const rows: ArpRow[] = entries
    .filter(
      (entry) =>
        (host === undefined || entry.address === host) &&
        (options.device === undefined || entry.device === options.device),
    )
    .map((entry) => ({
      name: options.numeric ? undefined : nameOf(service, entry.address),
      address: entry.address,
      lladdr: entry.state === 'INCOMPLETE' || entry.state === 'FAILED' ? undefined : entry.lladdr,
      permanent: entry.state === 'PERMANENT',
      device: entry.device,
    }));
  let stdout = dialect === 'busybox' || options.bsd ? formatArpBsd(rows, dialect) : formatArpTable(rows);
  if (options.verbose)
    stdout += `Entries: ${entries.length}\tSkipped: ${entries.length - rows.length}\tFound: ${rows.length}\n`;
  if (rows.length === 0) stdout += noMatch(options, dialect, host, entries.length);
  return ok(stdout);
}

/** What each arp says when nothing was shown for a host or a device. */
function noMatch(options: ArpOptions, dialect: Dialect, host: string | undefined, entries: number): string {
  if (host === undefined && options.device === undefined) return '';
  if (dialect === 'busybox') return `No match found in ${entries} entries\n`;
  if (host !== undefined && !options.bsd) return `${options.host} (${host}) -- no entry\n`;
  return `arp: in ${entries} entries no match found.\n`;
}

/** INET_rresolve through getnameinfo: an address with no name is written as the address, which arp turns into `?`. */
function nameOf(service: ReturnType<NameServices>, address: string): string | undefined {
  const parsed = parseIpv4(address);
  return parsed === undefined ? undefined : lookupAddress(service, parsed);
}
