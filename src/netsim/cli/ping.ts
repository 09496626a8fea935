import { Datapath } from '../kernel/datapath';
import { formatBusyboxPingReplies, formatBusyboxPingStatistics } from '../format/busybox-ping';
import {
  formatPing6Replies,
  formatPing6Statistics,
  formatPingLocalErrors,
  formatPingReplies,
  formatPingStatistics,
  type PingNames,
} from '../format/ping';
import type { Ping6Result } from '../userland/ping6';
import { ipv6Path } from '../userland/ipv6-loader';
import { formatIpv6, isIpv6Text, parseIpv6 } from '../wire/ipv6';
import { lookupAddress, lookupAddress6, lookupHost, type NameService } from '../userland/name-resolution';
import { ping, type PingResult } from '../userland/ping';
import { formatIpv4, parseIpv4, type Ipv4 } from '../wire/ipv4';
import { fail, type CommandResult, type OutputChunk, type ProcessContext, type Program } from './command';
import type { NameServices } from './name-service';

const TAKES_VALUE = new Set(['c', 'W', 'i', 'w', 's', 't', 'I']);
/** iputils' ping also reads -M's path MTU discovery mode. */
const IPUTILS_TAKES_VALUE = new Set([...TAKES_VALUE, 'M']);

/** -M's words (ping.c case 'M'): do and probe set DF (IP_PMTUDISC_DO, _PROBE); dont and want do not. */
const PMTU_MODES: Readonly<Record<string, boolean>> = { do: true, probe: true, dont: false, want: false };

/** The largest -s: an IPv4 packet's 65535 bytes less the IP and ICMP headers. */
const LARGEST_PAYLOAD = 65507;

/**
 * -s and -M (ping.c main): the data size is an int from 0 (strtol_or_err's
 * messages), and -M one of its modes; undefined when neither is given.
 */
function sizeOptions(options: Map<string, string>): { payloadBytes?: number; dontFragment?: boolean } | CommandResult {
  const mode = options.get('M');
  if (mode !== undefined && !Object.hasOwn(PMTU_MODES, mode)) return fail(`ping: invalid -M argument: ${mode}\n`, 2);
  const size = options.get('s');
  if (size === undefined) return mode === undefined ? {} : { dontFragment: PMTU_MODES[mode]! };
  if (!/^[+-]?\d+$/.test(size)) return fail(`ping: invalid argument: '${size}'\n`, 1);
  const payloadBytes = Number(size);
  if (payloadBytes < 0 || payloadBytes > 2147483647)
    return fail(`ping: invalid argument: '${size}': out of range: 0 <= value <= 2147483647\n`, 1);
  // Past 65507 bytes the kernel refuses the send, which ping reports as a lost packet: not modelled.
  if (payloadBytes > LARGEST_PAYLOAD)
    return fail(`netsim: ping -s larger than ${LARGEST_PAYLOAD} is not simulated\n`, 2);
  return { payloadBytes, ...(mode === undefined ? {} : { dontFragment: PMTU_MODES[mode]! }) };
}

interface PingArguments {
  options: Map<string, string>;
  destination: string | undefined;
}

/** getopt as both pings use it: `-c 2`, `-c2`, `-nc 2`. */
function parseArguments(
  args: readonly string[],
  flags: string,
  exitCode: number,
  takesValue: ReadonlySet<string> = TAKES_VALUE,
): PingArguments | CommandResult {
  const options = new Map<string, string>();
  let destination: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    if (!word.startsWith('-') || word === '-') {
      destination = word;
      continue;
    }
    for (let at = 1; at < word.length; at++) {
      const letter = word[at]!;
      if (!takesValue.has(letter)) {
        if (!flags.includes(letter)) return fail(`ping: invalid option -- '${letter}'\n`, exitCode);
        options.set(letter, '');
        continue;
      }
      const value = word.slice(at + 1) || args[++index];
      if (value === undefined) return fail(`ping: option requires an argument -- '${letter}'\n`, exitCode);
      options.set(letter, value);
      break;
    }
  }
  return { options, destination };
}

function positiveNumber(text: string | undefined, fallback: number): number | undefined {
  if (text === undefined) return fallback;
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** An hour of one-a-second requests: past this, a ping is one a reader interrupts, not one that finishes. */
const LONGEST_FINITE_PING_SECONDS = 3600;

/** How many requests go out and how long replies are awaited: -c, or until Ctrl-C. */
interface Run {
  count: number;
  intervalSeconds: number;
  waitSeconds: number | undefined;
  /** Ctrl-C after this long: the statistics follow `^C`. */
  interruptedAtMs: number | undefined;
}

function runOf(
  options: Map<string, string>,
  context: ProcessContext,
  defaultWait: number | undefined,
): Run | CommandResult {
  const count = positiveNumber(options.get('c'), Number.NaN);
  if (count === undefined || (options.has('c') && !Number.isInteger(count)))
    return fail(`ping: invalid argument: '${options.get('c')}'\n`, 1);
  const intervalSeconds = positiveNumber(options.get('i'), 1);
  const wait = options.has('W') ? positiveNumber(options.get('W'), 1) : defaultWait;
  if (intervalSeconds === undefined || (options.has('W') && wait === undefined))
    return fail(`ping: invalid argument: '${options.get('i') ?? options.get('W')}'\n`, 1);
  // A count that would take longer than anyone waits (`-c 4294967296`) runs as if it had none: until
  // Ctrl-C. netsim's work stays proportional to what is shown, however large the count typed.
  if (!Number.isNaN(count) && (count - 1) * intervalSeconds <= LONGEST_FINITE_PING_SECONDS)
    return { count, intervalSeconds, waitSeconds: wait, interruptedAtMs: undefined };
  const interruptMs = context.interruptAfterMs;
  if (interruptMs === undefined) return fail('ping: runs until interrupted; give a count with -c\n', 2);
  // One request at 0 s, then one per interval until Ctrl-C; replies come within the same second.
  const sent = Math.max(1, Math.ceil(interruptMs / (intervalSeconds * 1000)));
  return {
    count: sent,
    intervalSeconds,
    waitSeconds: (interruptMs - (sent - 1) * intervalSeconds * 1000) / 1000,
    interruptedAtMs: interruptMs,
  };
}

/**
 * -q keeps the header and drops the reply and error lines: "Nothing is displayed
 * except the summary lines at startup time and when finished" (iputils ping(8));
 * BusyBox: "Quiet, only display output at start/finish".
 */
const shownReplies = (replies: string, options: Map<string, string>): string =>
  options.has('q') ? replies.slice(0, replies.indexOf('\n') + 1) : replies;

/** What the terminal shows: the replies, `^C` when interrupted, the statistics. */
function finished(replies: string, statistics: string, run: Run, exitCode: number, errors = ''): CommandResult {
  const output: OutputChunk[] = [{ stream: 'stdout', text: replies }];
  if (errors !== '') output.push({ stream: 'stderr', text: errors });
  if (run.interruptedAtMs !== undefined) output.push({ stream: 'tty', text: '^C' });
  output.push({ stream: 'stdout', text: statistics });
  return {
    stdout: replies + statistics,
    stderr: errors,
    exitCode,
    ...(run.interruptedAtMs !== undefined || errors !== '' ? { output } : {}),
  };
}

function sendPings(
  context: ProcessContext,
  address: Ipv4,
  run: Run & { firstWireSequence?: number; payloadBytes?: number; dontFragment?: boolean },
): PingResult | 'network-unreachable' {
  const datapath = new Datapath(context.kernel, context.world, context.clock.now());
  const result = ping(datapath, context.namespace, address, run, context.random);
  if (result !== 'network-unreachable') context.clock.advance(run.interruptedAtMs ?? result.durationMs);
  return result;
}

/**
 * pr_addr(): a typed name makes ping look up each sender's name (getnameinfo); a typed address keeps it numeric.
 * The header and statistics name the host by getaddrinfo's ai_canonname (AI_CANONNAME, ping.c main):
 * the end of a CNAME chain, else the name typed.
 */
function namesOf(service: NameService, typed: string, numeric: boolean): PingNames {
  const label = (address: Ipv4) => {
    const name = numeric ? undefined : lookupAddress(service, address);
    return name && name !== formatIpv4(address) ? `${name} (${formatIpv4(address)})` : formatIpv4(address);
  };
  return { target: typed, label };
}

/**
 * `ping -V` (ping.c case 'V': IPUTILS_VERSION("ping") then print_config() of
 * iputils_common.c) for Debian 13's iputils-ping 3:20240905, built with libcap
 * and libidn2, without NLS: the flags Debian 12's build prints too.
 */
const IPUTILS_PING_VERSION =
  'ping from iputils 20240905\nlibcap: yes, IDN: yes, NLS: no, error.h: yes, getrandom(): yes, __fpending(): yes\n';

/** Which family -4 and -6 (or the name ping6) ask for; undefined lets the destination decide. */
function familyOf(options: Map<string, string>, forced: 6 | undefined): 4 | 6 | undefined {
  return forced ?? (options.has('6') ? 6 : options.has('4') ? 4 : undefined);
}

/** An IPv6 destination, given as an address: the family must allow it, and an IPv4 address is refused under -6. */
type Family6 = { kind: 'ipv6'; address: string } | { kind: 'ipv4' } | { kind: 'mismatch' } | { kind: 'name6' };

function destinationFamily(destination: string, family: 4 | 6 | undefined): Family6 {
  const v6 = isIpv6Text(destination);
  if (v6) return family === 4 ? { kind: 'mismatch' } : { kind: 'ipv6', address: formatIpv6(parseIpv6(destination)!) };
  if (family !== 6) return { kind: 'ipv4' };
  return parseIpv4(destination) !== undefined ? { kind: 'mismatch' } : { kind: 'name6' };
}

function sendPings6(context: ProcessContext, address: string, run: Run): Ping6Result | 'network-unreachable' {
  const result = ipv6Path().ping6(context.kernel, context.namespace, address, run, context.random);
  if (result !== 'network-unreachable') context.clock.advance(run.interruptedAtMs ?? result.durationMs);
  return result;
}

/** iputils ping over IPv6: an address typed is printed as typed, in the header's `target(address)`. */
function iputilsPing6(
  parsed: PingArguments,
  address: string,
  run: Run,
  context: ProcessContext,
  label: string | undefined,
): CommandResult {
  const result = sendPings6(context, address, run);
  if (result === 'network-unreachable') return fail('ping: connect: Network is unreachable\n', 2);
  const target = parsed.destination!;
  return finished(
    shownReplies(formatPing6Replies(result, target, label), parsed.options),
    formatPing6Statistics(result, target),
    run,
    result.replies.length > 0 ? 0 : 1,
  );
}

/**
 * iputils ping (Debian's iputils-ping): IPv4, or IPv6 for an IPv6 address or
 * under -6; `ping6` is the same program (Debian's iputils-ping installs
 * /usr/bin/ping6 beside ping), which is ping -6.
 */
export function iputilsPingProgram(names: NameServices, name: 'ping' | 'ping6' = 'ping'): Program {
  const ping = iputilsPing(names, name);
  if (name === 'ping') return ping;
  // error() prefixes each message with program_invocation_short_name (captured: `ping6: 1.2.3.4: Address family for hostname not supported`).
  return {
    name,
    run: (args, context) => {
      const result = ping.run(args, context);
      return { ...result, stderr: result.stderr.replace(/^ping: /gm, 'ping6: ') };
    },
  };
}

function iputilsPing(names: NameServices, name: 'ping' | 'ping6'): Program {
  return {
    name,
    run(args, context) {
      const parsed = parseArguments(args, 'qnvD46V', 2, IPUTILS_TAKES_VALUE);
      if ('exitCode' in parsed) return parsed;
      const sizes = sizeOptions(parsed.options);
      if ('exitCode' in sizes) return sizes;
      if (parsed.options.has('V')) return { stdout: IPUTILS_PING_VERSION, stderr: '', exitCode: 0 };
      if (parsed.destination === undefined) return fail('ping: usage error: Destination address required\n', 1);
      if (parsed.options.has('4') && parsed.options.has('6'))
        return fail('ping: only one -4 or -6 option may be specified\n', 2);
      const run = runOf(parsed.options, context, undefined);
      if ('exitCode' in run) return run;
      const family = destinationFamily(parsed.destination, familyOf(parsed.options, name === 'ping6' ? 6 : undefined));
      // getaddrinfo with the family asked for: EAI_ADDRFAMILY, exit 2 (ping.c main).
      if (family.kind === 'mismatch')
        return fail(`ping: ${parsed.destination}: Address family for hostname not supported\n`, 2);
      if (family.kind === 'ipv6') return iputilsPing6(parsed, family.address, run, context, undefined);
      if (family.kind === 'name6') {
        const service = names(context);
        const lookup = lookupHost(service, parsed.destination);
        if (lookup.kind === 'not-found') return fail(`ping: ${parsed.destination}: Name or service not known\n`, 2);
        if (lookup.kind === 'no-answer')
          return fail(`ping: ${parsed.destination}: Temporary failure in name resolution\n`, 2);
        // getaddrinfo(AF_INET6) of a name with IPv4 addresses only (captured with /etc/hosts).
        if (lookup.ipv6.length === 0)
          return fail(`ping: ${parsed.destination}: Address family for hostname not supported\n`, 2);
        const address = lookup.ipv6[0]!;
        const name = parsed.options.has('n') ? undefined : lookupAddress6(service, address);
        return iputilsPing6(parsed, address, run, context, name === undefined ? address : `${name} (${address})`);
      }
      const service = names(context);
      const lookup = lookupHost(service, parsed.destination);
      // gai_strerror(EAI_NONAME) and gai_strerror(EAI_AGAIN), exit 2 (ping.c main).
      if (lookup.kind === 'not-found') return fail(`ping: ${parsed.destination}: Name or service not known\n`, 2);
      if (lookup.kind === 'no-answer')
        return fail(`ping: ${parsed.destination}: Temporary failure in name resolution\n`, 2);
      const address = lookup.addresses[0]!;
      const result = sendPings(context, address, { ...run, ...sizes });
      if (result === 'network-unreachable') return fail('ping: connect: Network is unreachable\n', 2);
      const numeric = parseIpv4(parsed.destination) !== undefined || parsed.options.has('n');
      const pingNames = namesOf(service, lookup.canonicalName ?? parsed.destination, numeric);
      // -q silences the local errors too (they are printed with the replies).
      const localErrors = parsed.options.has('q') ? '' : formatPingLocalErrors(result);
      return finished(
        shownReplies(formatPingReplies(result, pingNames), parsed.options),
        formatPingStatistics(result, pingNames),
        run,
        result.replies.length > 0 ? 0 : 1,
        localErrors,
      );
    },
  };
}

/**
 * BusyBox 1.36+'s usage text for ping (networking/ping.c). The banner line above
 * it names the build (`BusyBox v1.37.0 (<build date>) multi-call binary.`),
 * which differs per image and is left out.
 */
const BUSYBOX_PING_USAGE = `Usage: ping [OPTIONS] HOST

Send ICMP ECHO_REQUESTs to HOST

\t-4,-6\t\tForce IP or IPv6 name resolution
\t-c CNT\t\tSend only CNT pings
\t-s SIZE\t\tSend SIZE data bytes in packets (default 56)
\t-i SECS\t\tInterval
\t-A\t\tPing as soon as reply is received
\t-t TTL\t\tSet TTL
\t-I IFACE/IP\tSource interface or IP address
\t-W SEC\t\tSeconds to wait for the first response (default 10)
\t\t\t(after all -c CNT packets are sent)
\t-w SEC\t\tSeconds until ping exits (default:infinite)
\t\t\t(can exit earlier with -c CNT)
\t-q\t\tQuiet, only display output at start/finish
\t-p HEXBYTE\tPayload pattern
`;

/**
 * BusyBox's ping over IPv6 (networking/ping.c ping6()): the same header and
 * replies as over IPv4; ICMPv6 errors are not printed, only counted as lost.
 */
function busyboxPing6(parsed: PingArguments, address: string, run: Run, context: ProcessContext): CommandResult {
  const target = parsed.destination!;
  const header = `PING ${target} (${address}): 56 data bytes\n`;
  const result = sendPings6(context, address, run);
  if (result === 'network-unreachable')
    return { stdout: header, stderr: 'ping: sendto: Network is unreachable\n', exitCode: 1 };
  return finished(
    shownReplies(formatBusyboxPingReplies(result, target), parsed.options),
    formatBusyboxPingStatistics(result, target),
    run,
    result.replies.length > 0 ? 0 : 1,
  );
}

/** BusyBox's ping applet (Alpine, busybox): its own getopt, `bad address`, 10 s of -W by default; `ping6` is ping -6. */
export function busyboxPingProgram(names: NameServices, name: 'ping' | 'ping6' = 'ping'): Program {
  return {
    name,
    run(args, context) {
      const parsed = parseArguments(args, 'qvAn46', 1);
      if ('exitCode' in parsed) return parsed;
      if (parsed.destination === undefined) return fail(BUSYBOX_PING_USAGE, 1);
      const run = runOf(parsed.options, context, 10);
      if ('exitCode' in run) return run;
      const family = destinationFamily(parsed.destination, familyOf(parsed.options, name === 'ping6' ? 6 : undefined));
      // xhost2sockaddr() with the family asked for: anything it cannot read is `bad address`.
      if (family.kind === 'mismatch') return fail(`ping: bad address '${parsed.destination}'\n`, 1);
      if (family.kind === 'ipv6') return busyboxPing6(parsed, family.address, run, context);
      if (family.kind === 'name6') {
        const lookup = lookupHost(names(context), parsed.destination);
        if (lookup.kind !== 'found' || lookup.ipv6.length === 0)
          return fail(`ping: bad address '${parsed.destination}'\n`, 1);
        return busyboxPing6(parsed, lookup.ipv6[0]!, run, context);
      }
      const lookup = lookupHost(names(context), parsed.destination);
      // xhost2sockaddr(): any failed lookup is `bad address` (libbb/xconnect.c).
      if (lookup.kind !== 'found') return fail(`ping: bad address '${parsed.destination}'\n`, 1);
      const result = sendPings(context, lookup.addresses[0]!, { ...run, firstWireSequence: 0 });
      const header = `PING ${parsed.destination} (${formatIpv4(lookup.addresses[0]!)}): 56 data bytes\n`;
      // The header is out before the first sendto() fails, and xsendto() dies with errno's text.
      if (result === 'network-unreachable')
        return { stdout: header, stderr: 'ping: sendto: Network is unreachable\n', exitCode: 1 };
      return finished(
        shownReplies(formatBusyboxPingReplies(result, parsed.destination), parsed.options),
        formatBusyboxPingStatistics(result, parsed.destination),
        run,
        result.replies.length > 0 ? 0 : 1,
      );
    },
  };
}
