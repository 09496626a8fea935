import { Datapath } from '../kernel/datapath';
import { httpDate } from '../format/http-date';
import { httpGet, responseHeaders, type HttpOutcome } from '../userland/http-get';
import { parseIpv4 } from '../wire/ipv4';
import { fail, type CommandResult, type ProcessContext, type Program } from './command';

/** Debian 13's curl; its version is in the User-Agent header, whose size the byte counters see. */
const CURL_VERSION = '8.14.1';

interface CurlOptions {
  silent: boolean;
  showError: boolean;
  includeHeaders: boolean;
  headOnly: boolean;
  maxTimeMs: number;
  url: string | undefined;
}

const SHORT_FLAGS: Record<string, keyof CurlOptions> = { s: 'silent', S: 'showError', i: 'includeHeaders', I: 'headOnly' };
const LONG_FLAGS: Record<string, keyof CurlOptions> = { '--silent': 'silent', '--show-error': 'showError', '--include': 'includeHeaders', '--head': 'headOnly' };

function parseArguments(args: readonly string[]): CurlOptions | CommandResult {
  const options: CurlOptions = { silent: false, showError: false, includeHeaders: false, headOnly: false, maxTimeMs: Number.POSITIVE_INFINITY, url: undefined };
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    if (word === '-m' || word === '--max-time') {
      const seconds = Number(args[++index]);
      if (!Number.isFinite(seconds)) return fail(`curl: option ${word}: expected a proper numerical parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, 2);
      options.maxTimeMs = seconds * 1000;
    } else if (LONG_FLAGS[word]) {
      (options[LONG_FLAGS[word]] as boolean) = true;
    } else if (/^-[A-Za-z]+$/.test(word)) {
      for (const letter of word.slice(1)) {
        const flag = SHORT_FLAGS[letter];
        if (!flag) return fail(`curl: option -${letter}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, 2);
        (options[flag] as boolean) = true;
      }
    } else if (word.startsWith('-')) {
      return fail(`curl: option ${word}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, 2);
    } else {
      options.url = word;
    }
  }
  return options;
}

/** `[http://]host[:port][/path]`, the forms lessons type. */
function parseUrl(url: string): { host: string; port: number; path: string } | undefined {
  const match = /^(?:http:\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url);
  if (!match) return undefined;
  return { host: match[1]!, port: match[2] === undefined ? 80 : Number(match[2]), path: match[3] ?? '/' };
}

/** curl's messages for a failed transfer, with its exit codes (libcurl CURLE_*). */
function failure(outcome: Exclude<HttpOutcome, { kind: 'response' }>, host: string, port: number, options: CurlOptions): CommandResult {
  const connectFailed = (ms: number) => `curl: (7) Failed to connect to ${host} port ${port} after ${ms} ms: Could not connect to server\n`;
  const [message, code] =
    outcome.kind === 'timed-out'
      ? [`curl: (28) Connection timed out after ${outcome.elapsedMs + 1} milliseconds\n`, 28]
      : outcome.kind === 'reset'
        ? ['curl: (56) Recv failure: Connection reset by peer\n', 56]
        : [connectFailed(outcome.elapsedMs), 7];
  return fail(options.silent && !options.showError ? '' : message, code);
}

/** curl for plain-HTTP GETs, with its output as a terminal shows it (no progress meter on a tty). */
export const curlProgram: Program = {
  name: 'curl',
  run(args, context: ProcessContext) {
    const options = parseArguments(args);
    if ('exitCode' in options) return options;
    if (options.url === undefined) return fail("curl: try 'curl --help' or 'curl --manual' for more information\n", 2);
    const url = parseUrl(options.url);
    if (!url) return fail(`curl: (3) URL rejected: Bad hostname\n`, 3);
    const address = url.host === 'localhost' ? parseIpv4('127.0.0.1') : parseIpv4(url.host);
    if (address === undefined) return fail(options.silent && !options.showError ? '' : `curl: (6) Could not resolve host: ${url.host}\n`, 6);
    const hostHeader = url.port === 80 ? url.host : `${url.host}:${url.port}`;
    const request = `${options.headOnly ? 'HEAD' : 'GET'} ${url.path} HTTP/1.1\r\nHost: ${hostHeader}\r\nUser-Agent: curl/${CURL_VERSION}\r\nAccept: */*\r\n\r\n`;
    const datapath = new Datapath(context.kernel, context.world, context.clock.now());
    const outcome = httpGet(datapath, context.namespace, { destination: address, port: url.port, requestBytes: request.length, timeoutMs: options.maxTimeMs }, context.random);
    context.clock.advance(outcome.elapsedMs);
    if (outcome.kind !== 'response') return failure(outcome, url.host, url.port, options);
    const head = `${responseHeaders(outcome.page, httpDate(context.clock.now())).join('\r\n')}\r\n\r\n`;
    if (options.headOnly) return { stdout: head, stderr: '', exitCode: 0 };
    return { stdout: (options.includeHeaders ? head : '') + outcome.page.body, stderr: '', exitCode: 0 };
  },
};
