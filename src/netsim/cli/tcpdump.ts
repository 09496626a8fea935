import type { ProcessApi } from '../engine/api/processes';
import { captureFull, closeCapture, matches, openCapture, type Capture } from '../kernel/capture';
import type { Kernel } from '../kernel/kernel';
import { linkNamed } from '../kernel/namespace';
import {
  ANY_PROMISCUOUS_WARNING,
  formatDevices,
  formatFrames,
  formatListening,
  formatReading,
  formatStatistics,
} from '../format/tcpdump';
import { captureDevices } from './tcpdump-devices';
import { decodeFrame } from '../wire/packet-decode';
import { encodeFrame } from '../wire/packet-bytes';
import { bytesToText, readPcap, textToBytes, writePcap } from '../wire/pcap';
import type { Frame } from '../wire/frame';
import {
  collect,
  fail,
  ok,
  readThrough,
  type BackgroundJob,
  type CommandResult,
  type OutputChunk,
  type ProcessContext,
  type Program,
} from './command';
import { parseCaptureFilter } from './tcpdump-filter';
import { STRERROR } from '../wire/strerror';

/** Options lessons use; the others are refused by name rather than ignored. */
const FLAGS = new Set(['n', 'e', 'p', 'l', 'q', 'A', 'D', 'v']);
const WITH_VALUE = new Set(['i', 'c', 's', 'w', 'r']);

interface Arguments {
  readonly flags: Set<string>;
  /** How many -v. */
  readonly verbose: number;
  readonly device: string | undefined;
  readonly count: number | undefined;
  readonly writeFile: string | undefined;
  readonly readFile: string | undefined;
  readonly filterWords: readonly string[];
}

/** tcpdump's getopt: bundled letters (`-nni`, `-c4`), then the filter expression. */
function parseArguments(args: readonly string[]): Arguments | CommandResult {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  let verbose = 0;
  let index = 0;
  for (; index < args.length; index++) {
    const word = args[index]!;
    if (word === '--') {
      index++;
      break;
    }
    if (!word.startsWith('-') || word === '-') break;
    for (let at = 1; at < word.length; at++) {
      const letter = word[at]!;
      if (WITH_VALUE.has(letter)) {
        const value = word.slice(at + 1) || args[++index];
        if (value === undefined) return fail(`tcpdump: option requires an argument -- '${letter}'\n`, 1);
        values.set(letter, value);
        break;
      }
      if (letter === 'v') verbose++;
      if (!FLAGS.has(letter)) return fail(`tcpdump: invalid option -- '${letter}'\n`, 1);
      flags.add(letter);
    }
  }
  const countText = values.get('c');
  const count = countText === undefined ? undefined : Number(countText);
  // tcpdump.c: -c takes a positive integer ("invalid packet count %s").
  if (count !== undefined && !(Number.isInteger(count) && count > 0))
    return fail(`tcpdump: invalid packet count ${countText}\n`, 1);
  return {
    flags,
    verbose,
    device: values.get('i'),
    count,
    writeFile: values.get('w'),
    readFile: values.get('r'),
    filterWords: args.slice(index),
  };
}

/** tcpdump -r: the file's packets that pass the filter, up to -c, printed as a live capture prints them. */
function readCapture(parsed: Arguments, path: string, context: ProcessContext): CommandResult {
  const filter = parseCaptureFilter(parsed.filterWords);
  if ('error' in filter) return fail(`tcpdump: ${filter.error}\n`, 1);
  const read = context.files ? readThrough(context.files, path) : { error: 'ENOENT' as const };
  // pcap_open_offline: fopen's strerror after the name.
  if ('error' in read) return fail(`tcpdump: ${path}: ${STRERROR[read.error]}\n`, 1);
  const file = readPcap(textToBytes(read.content));
  if ('error' in file) return fail(`tcpdump: ${file.error}\n`, 1);
  const frames = file.records
    .map((record) => decodeFrame(record.bytes, record.timeUs))
    .filter((frame): frame is Frame => frame !== undefined && (!filter.filter || matches(filter.filter, frame)))
    .slice(0, parsed.count);
  const display = displayOf(parsed, false);
  return collect(
    [
      { stream: 'stderr', text: formatReading(path) },
      { stream: 'stdout', text: formatFrames(frames, display) },
    ],
    0,
  );
}

function displayOf(parsed: Arguments, cooked: boolean): BackgroundJob['display'] {
  return {
    numeric: parsed.flags.has('n'),
    linkHeader: parsed.flags.has('e'),
    cooked,
    verbose: parsed.verbose,
    ascii: parsed.flags.has('A'),
  };
}

/**
 * tcpdump (4.99.5 with libpcap 1.10.5, Debian 13's): a live capture on one device
 * or on "any", printing each frame the datapath moves past it. Run in the
 * foreground nothing else sends meanwhile, so it waits for Ctrl-C; started with
 * `&` it becomes a job that records while later commands make traffic.
 */
export function tcpdumpProgram(processes: ProcessApi): Program {
  return {
    name: 'tcpdump',
    run(args, context) {
      const parsed = parseArguments(args);
      if ('exitCode' in parsed) return parsed;
      // tcpdump.c main: -D lists the devices and exits, before any capture.
      if (parsed.flags.has('D')) return ok(formatDevices(captureDevices(context)));
      if (parsed.readFile !== undefined) return readCapture(parsed, parsed.readFile, context);
      // pcap_findalldevs lists the NIC first: what tcpdump opens without -i.
      const device = parsed.device ?? 'eth0';
      // pcap-linux.c setup_socket: socket(PF_PACKET) fails with EPERM without CAP_NET_RAW, reported by
      // tcpdump.c open_interface as "%s: %s\n(%s)" (pcap_statustostr(PCAP_ERROR_PERM_DENIED) and the error buffer).
      if (!context.isRoot)
        return fail(
          `tcpdump: ${device}: You don't have permission to perform this capture on that device\n(Attempt to create packet socket failed - CAP_NET_RAW may be required)\n`,
          1,
        );
      const cooked = device === 'any';
      const link = cooked ? undefined : linkNamed(context.namespace, device);
      // pcap_activate fills an empty error buffer with pcap_statustostr (pcap.c), so both halves say the same.
      if (!cooked && !link) return fail(`tcpdump: ${device}: No such device exists\n(No such device exists)\n`, 1);
      const filter = parseCaptureFilter(parsed.filterWords);
      if ('error' in filter) return fail(`tcpdump: ${filter.error}\n`, 1);
      const promiscuous = !cooked && !parsed.flags.has('p');
      // Printing nothing (-w) or everything (-v), tcpdump has no hint to give.
      const quiet = parsed.verbose === 0 && parsed.writeFile === undefined;
      const header =
        (cooked && !parsed.flags.has('p') ? ANY_PROMISCUOUS_WARNING : '') + formatListening(device, cooked, quiet);
      const display = displayOf(parsed, cooked);
      const writeFile = parsed.writeFile;
      const capture = openCapture(context.kernel.captures, {
        namespace: context.namespace.id,
        ifindex: link?.index,
        promiscuous,
        filter: filter.filter,
        limit: parsed.count,
      });
      if (context.background) {
        const job: BackgroundJob = {
          pid: processes.spawn(),
          captureId: capture.id,
          display,
          ...(writeFile === undefined ? {} : { writeFile }),
        };
        return { stdout: '', stderr: header, exitCode: 0, output: [{ stream: 'stderr', text: header }], job };
      }
      // In the foreground nothing else runs: no frame comes, and only Ctrl-C ends the capture.
      closeCapture(context.kernel.captures, capture.id);
      if (context.interruptAfterMs === undefined)
        return fail('tcpdump: runs until interrupted; run it in the background with &\n', 1);
      context.clock.advance(context.interruptAfterMs);
      if (writeFile !== undefined) context.files?.fs.write(writeFile, bytesToText(writePcap([])), context.files.who);
      // tcpdump.c main: after pcap_breakloop, an extra newline "just in case" (none when writing a file, as captured), then info(1).
      return collect(
        [
          { stream: 'stderr', text: header },
          { stream: 'tty', text: '^C' },
          ...(writeFile === undefined ? [{ stream: 'stdout' as const, text: '\n' }] : []),
          { stream: 'stderr', text: formatStatistics(0, 0) },
        ],
        0,
      );
    },
  };
}

/** What a background tcpdump printed since it was last asked, and whether it has ended (-c reached). */
export function pollCapture(
  kernel: Kernel,
  job: BackgroundJob,
  printed: number,
  write?: (path: string, content: string) => void,
): { output: OutputChunk[]; printed: number; done: boolean } {
  const capture = kernel.captures.captures.find((candidate) => candidate.id === job.captureId);
  if (!capture) return { output: [], printed, done: true };
  // -w: the packets go to the file, written whole when the capture ends (pcap_dump, then pcap_dump_close).
  const lines = job.writeFile === undefined ? frameLines(capture, job) : [];
  if (job.writeFile !== undefined && captureFull(capture))
    write?.(
      job.writeFile,
      bytesToText(writePcap(capture.frames.map((frame) => ({ timeUs: frame.timeUs, bytes: encodeFrame(frame) })))),
    );
  const output: OutputChunk[] =
    lines.length > printed ? [{ stream: 'stdout', text: lines.slice(printed).join('') }] : [];
  if (!captureFull(capture)) return { output, printed: lines.length, done: false };
  closeCapture(kernel.captures, capture.id);
  // pcap_loop returned after -c packets: no extra newline, then info(1) (tcpdump.c main).
  output.push({ stream: 'stderr', text: formatStatistics(capture.frames.length, capture.frames.length) });
  return { output, printed: lines.length, done: true };
}

function frameLines(capture: Capture, job: BackgroundJob): string[] {
  const text = formatFrames(capture.frames, job.display);
  return text === '' ? [] : text.split(/(?<=\n)/);
}
