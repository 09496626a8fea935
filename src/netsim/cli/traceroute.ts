import { Datapath } from '../kernel/datapath';
import { formatBusyboxTrace, formatButskoyTrace, type TraceLabel } from '../format/traceroute';
import { lookupAddress, lookupHost, type NameService } from '../userland/name-resolution';
import { trace, type TraceHop, type TraceOptions } from '../userland/traceroute';
import { formatIpv4, type Ipv4 } from '../wire/ipv4';
import { fail, ok, type ProcessContext, type Program } from './command';
import type { NameServices } from './name-service';

/** The options both traceroutes share, as their getopt strings take them; -w is seconds. */
interface Parsed {
  readonly flags: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, string>;
  readonly operands: readonly string[];
}

/** Short options, bundled or not, and which take a value: `-nq 1`, `-m5`. */
function parse(args: readonly string[], withValue: string): Parsed | { bad: string; argc: number } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const operands: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    if (!word.startsWith('-') || word === '-') {
      operands.push(word);
      continue;
    }
    for (let at = 1; at < word.length; at++) {
      const letter = word[at]!;
      if (!withValue.includes(letter)) {
        flags.add(letter);
        continue;
      }
      const value = word.slice(at + 1) || args[++index];
      if (value === undefined) return { bad: letter, argc: index };
      values.set(letter, value);
      break;
    }
  }
  return { flags, values, operands };
}

/** The responder's label: numeric with -n, else what getnameinfo finds (the address itself when no name is known). */
function labelOf(service: NameService, numeric: boolean): TraceLabel {
  return (address: Ipv4) => {
    if (numeric) return formatIpv4(address);
    return `${lookupAddress(service, address) ?? formatIpv4(address)} (${formatIpv4(address)})`;
  };
}

function integer(text: string | undefined, fallback: number, low: number, high: number): number | undefined {
  if (text === undefined) return fallback;
  const value = Number(text);
  return Number.isInteger(value) && value >= low && value <= high ? value : undefined;
}

function run(context: ProcessContext, destination: Ipv4, options: TraceOptions): TraceHop[] | undefined {
  const datapath = new Datapath(context.kernel, context.world, context.clock.now());
  const route = datapath.route(context.namespace, destination);
  if (!route) return undefined;
  return [...trace(datapath, context.namespace, route.source, destination, options, context.random).hops];
}

const answered = (hops: readonly TraceHop[]) =>
  hops.flatMap((hop) => hop.probes).filter((probe) => probe !== undefined);
const silent = (hops: readonly TraceHop[]) =>
  hops.flatMap((hop) => hop.probes).filter((probe) => probe === undefined).length;

/** Butskoy's defaults (traceroute.c): 30 hops, 3 probes, port 33434, 5 s, 16 probes in flight, 40 bytes after the IP header. */
const BUTSKOY = { maxTtl: 30, probes: 3, port: 33434, waitSeconds: 5, simultaneous: 16, packetLength: 60 };

/**
 * Debian's traceroute (Dmitry Butskoy's 2.1, package traceroute 1:2.1.6):
 * UDP probes, -n, -m, -q, -f, -p, -w. A name it cannot resolve is getaddr()'s
 * gai_strerror line, then CLIF's complaint about the "host" argument, exit 2.
 */
export function butskoyTracerouteProgram(names: NameServices): Program {
  return {
    name: 'traceroute',
    run(args, context) {
      const parsed = parse(args, 'fgimNptlwqsz');
      if ('bad' in parsed)
        return fail(
          `Option \`-${parsed.bad}' (argc ${parsed.argc}) requires an argument: \`-${parsed.bad} ${argName(parsed.bad)}'\n`,
          2,
        );
      const typed = parsed.operands[0];
      // CLIF_HELP_EMPTY prints the full option list here: its text is not modelled.
      if (typed === undefined) return fail('', 2);
      const maxTtl = integer(parsed.values.get('m'), BUTSKOY.maxTtl, 1, 255);
      const probes = integer(parsed.values.get('q'), BUTSKOY.probes, 1, 10);
      const firstTtl = integer(parsed.values.get('f'), 1, 1, 255);
      const port = integer(parsed.values.get('p'), BUTSKOY.port, 1, 65535);
      const waitSeconds = parsed.values.has('w') ? Number(parsed.values.get('w')) : BUTSKOY.waitSeconds;
      if (
        maxTtl === undefined ||
        probes === undefined ||
        firstTtl === undefined ||
        port === undefined ||
        !(waitSeconds >= 0)
      )
        return fail('', 2);
      // traceroute.c main: ex_error ("first hop out of range"), exit 2.
      if (firstTtl > maxTtl) return fail('first hop out of range\n', 2);
      const service = names(context);
      const lookup = lookupHost(service, typed);
      if (lookup.kind !== 'found') {
        const reason =
          lookup.kind === 'not-found' ? 'Name or service not known' : 'Temporary failure in name resolution';
        return fail(
          `${typed}: ${reason}\nCannot handle "host" cmdline arg \`${typed}' on position 1 (argc ${args.indexOf(typed) + 1})\n`,
          2,
        );
      }
      const destination = lookup.addresses[0]!;
      const hops = run(context, destination, {
        firstTtl,
        maxTtl,
        probesPerHop: probes,
        port,
        packetLength: BUTSKOY.packetLength,
      });
      // The probe's send() fails at once with no route: error("send") prints perror's words and exits 1.
      if (!hops) return fail('send: Network is unreachable\n', 1);
      // The probes in flight at once share one wait: each batch of 16 with a silent one costs the full wait.
      context.clock.advance(
        Math.ceil(answered(hops).reduce((sum, probe) => sum + probe.rttMs, 0)) +
          Math.ceil(silent(hops) / BUTSKOY.simultaneous) * waitSeconds * 1000,
      );
      const header = { typed, address: destination, maxTtl, packetLength: BUTSKOY.packetLength };
      return ok(formatButskoyTrace(header, hops, labelOf(service, parsed.flags.has('n'))));
    },
  };
}

/** CLIF's names for the values of the options modelled. */
function argName(letter: string): string {
  return { m: 'max_ttl', q: 'nqueries', f: 'first_ttl', p: 'port', w: 'MAX,HERE,NEAR' }[letter] ?? 'value';
}

/** BusyBox's defaults (traceroute.c): 30 hops, 3 probes, port 33434, waittime 5 s; probes of IP + UDP + outdata_t (2 + a 16-byte timeval on 64-bit) = 46 bytes. */
const BUSYBOX = { maxTtl: 30, probes: 3, port: 33434, waitSeconds: 5, packetLength: 46 };

/**
 * BusyBox's traceroute applet: one probe at a time, each waiting up to -w
 * seconds; getopt32's "FIlnrdvt:i:m:p:q:s:w:z:f:4". A name it cannot resolve
 * is xhost_and_af2sockaddr's `bad address`.
 */
export function busyboxTracerouteProgram(names: NameServices): Program {
  return {
    name: 'traceroute',
    run(args, context) {
      const parsed = parse(args, 'timpqswzf');
      if ('bad' in parsed) return fail(`traceroute: option requires an argument -- '${parsed.bad}'\n`, 1);
      const typed = parsed.operands[0];
      if (typed === undefined) return fail('', 1);
      // xatou_range: a value out of range is "invalid number '...'".
      const maxTtl = integer(parsed.values.get('m'), BUSYBOX.maxTtl, 1, 255);
      const probes = integer(parsed.values.get('q'), BUSYBOX.probes, 1, 2 ** 31 - 1);
      const waitSeconds = integer(parsed.values.get('w'), BUSYBOX.waitSeconds, 1, 86400);
      const port = integer(parsed.values.get('p'), BUSYBOX.port, 1, 65535);
      const bad = [
        ['m', maxTtl],
        ['q', probes],
        ['w', waitSeconds],
        ['p', port],
      ].find(([, value]) => value === undefined);
      if (bad) return fail(`traceroute: invalid number '${parsed.values.get(bad[0] as string)}'\n`, 1);
      const firstTtl = integer(parsed.values.get('f'), 1, 1, maxTtl!);
      if (firstTtl === undefined)
        return fail(`traceroute: number ${parsed.values.get('f')} is not in 1..${maxTtl} range\n`, 1);
      const service = names(context);
      const lookup = lookupHost(service, typed);
      if (lookup.kind !== 'found') return fail(`traceroute: bad address '${typed}'\n`, 1);
      const destination = lookup.addresses[0]!;
      const hops = run(context, destination, {
        firstTtl,
        maxTtl: maxTtl!,
        probesPerHop: probes!,
        port: port!,
        packetLength: BUSYBOX.packetLength,
      });
      // xconnect() of the probe socket fails before the header: bb_perror_msg_and_die("connect").
      if (!hops) return fail('traceroute: connect: Network is unreachable\n', 1);
      context.clock.advance(
        Math.ceil(answered(hops).reduce((sum, probe) => sum + probe.rttMs, 0)) + silent(hops) * waitSeconds! * 1000,
      );
      const header = { typed, address: destination, maxTtl: maxTtl!, packetLength: BUSYBOX.packetLength };
      return ok(formatBusyboxTrace(header, hops, labelOf(service, parsed.flags.has('n'))));
    },
  };
}
