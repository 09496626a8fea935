import { Datapath } from '../kernel/datapath';
import { formatPing } from '../format/ping';
import { ping } from '../userland/ping';
import { parseIpv4 } from '../wire/ipv4';
import { fail, type CommandResult, type ProcessContext, type Program } from './command';

const TAKES_VALUE = new Set(['c', 'W', 'i', 'w', 's', 't', 'I']);

interface PingArguments {
  options: Map<string, string>;
  destination: string | undefined;
}

/** iputils' getopt: `-c 2`, `-c2`, `-nc 2`. */
function parseArguments(args: readonly string[]): PingArguments | CommandResult {
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
      if (!TAKES_VALUE.has(letter)) {
        if (!'qnvD4'.includes(letter)) return fail(`ping: invalid option -- '${letter}'\n`, 2);
        options.set(letter, '');
        continue;
      }
      const value = word.slice(at + 1) || args[++index];
      if (value === undefined) return fail(`ping: option requires an argument -- '${letter}'\n`, 2);
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

/**
 * A ping stopped by Ctrl-C: the terminal echoes `^C` where the cursor is (after
 * the last reply), then ping's SIGINT handler prints the statistics as at the
 * end of a counted run (iputils ping_common.c: sigexit, finish). Its status is 0
 * if any reply came.
 */
export function interrupted(text: string, exitCode: number): CommandResult {
  const statistics = text.indexOf('\n--- ');
  const before = text.slice(0, statistics);
  const after = text.slice(statistics);
  return { stdout: before + after, stderr: '', exitCode, output: [{ stream: 'stdout', text: before }, { stream: 'tty', text: '^C' }, { stream: 'stdout', text: after }] };
}

/** iputils ping (Debian's iputils-ping), for IPv4 destinations. */
export const pingProgram: Program = {
  name: 'ping',
  run(args, context: ProcessContext) {
    const parsed = parseArguments(args);
    if ('exitCode' in parsed) return parsed;
    if (parsed.destination === undefined) return fail('ping: usage error: Destination address required\n', 1);
    const count = positiveNumber(parsed.options.get('c'), Number.NaN);
    if (count === undefined || (!Number.isNaN(count) && !Number.isInteger(count))) return fail(`ping: invalid argument: '${parsed.options.get('c')}'\n`, 1);
    const untilInterrupted = Number.isNaN(count);
    if (untilInterrupted && context.interruptAfterMs === undefined) return fail('ping: runs until interrupted; give a count with -c\n', 2);
    const address = parsed.destination === 'localhost' ? parseIpv4('127.0.0.1') : parseIpv4(parsed.destination);
    if (address === undefined) return fail(`ping: ${parsed.destination}: Name or service not known\n`, 2);
    const interval = positiveNumber(parsed.options.get('i'), 1);
    const wait = parsed.options.has('W') ? positiveNumber(parsed.options.get('W'), 1) : undefined;
    if (interval === undefined || (parsed.options.has('W') && wait === undefined)) return fail(`ping: invalid argument: '${parsed.options.get('i') ?? parsed.options.get('W')}'\n`, 1);
    const datapath = new Datapath(context.kernel, context.world, context.clock.now());
    // Without -c, requests go out every interval until Ctrl-C: those sent before it are the run.
    const interruptMs = context.interruptAfterMs ?? 0;
    const sent = untilInterrupted ? Math.max(1, Math.ceil(interruptMs / (interval * 1000))) : count;
    const result = ping(datapath, context.namespace, address, { count: sent, intervalSeconds: interval, waitSeconds: untilInterrupted ? (interruptMs - (sent - 1) * interval * 1000) / 1000 : wait }, context.random);
    if (result === 'network-unreachable') return fail('ping: connect: Network is unreachable\n', 2);
    const exitCode = result.replies.length > 0 ? 0 : 1;
    if (!untilInterrupted) {
      context.clock.advance(result.durationMs);
      return { stdout: formatPing(result), stderr: '', exitCode };
    }
    context.clock.advance(interruptMs);
    return interrupted(formatPing(result), exitCode);
  },
};
