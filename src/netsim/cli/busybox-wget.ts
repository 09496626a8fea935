import type { Namespace } from '../kernel/namespace';
import { httpDate } from '../wire/time-text';
import { Datapath } from '../kernel/datapath';
import { httpGet, httpGet6, parseHttpUrl } from '../userland/http-get';
import { lookupHost } from '../userland/name-resolution';
import { connectError, KERNEL_CONNECT_TIMEOUT_MS } from '../userland/tcp';
import { responseHead } from '../userland/web-servers';
import { formatIpv4, parseIpv4 } from '../wire/ipv4';
import { formatIpv6, isIpv6Text, parseIpv6 } from '../wire/ipv6';
import { fail, type CommandResult, type Program } from './command';
import { getoptLong, type Libc, type OptionSpec } from './getopt';
import type { NameServices } from './name-service';

/**
 * wget_main's getopt32 table (networking/wget.c): "cqSO:o:P:Y:U:T:+t:n::" and
 * wget_longopts, as Alpine's and defconfig's builds have them (long options,
 * -T, DESKTOP's ignored --tries, --no-cache...). `n` takes an optional
 * argument glued to it (-nv, -nc), which getoptLong reads as a value of the same word.
 */
const OPTIONS: readonly OptionSpec[] = [
  { short: 'c', long: 'continue', takesValue: false },
  { short: 'q', long: 'quiet', takesValue: false },
  { short: 'S', long: 'server-response', takesValue: false },
  { short: 'O', long: 'output-document', takesValue: true },
  { short: 'o', long: 'output-file', takesValue: true },
  { short: 'P', long: 'directory-prefix', takesValue: true },
  { short: 'Y', long: 'proxy', takesValue: true },
  { short: 'U', long: 'user-agent', takesValue: true },
  { short: 'T', long: 'timeout', takesValue: true },
  { short: 't', long: 'tries', takesValue: true },
  { short: 'n', long: undefined, takesValue: false },
  ...['header', 'post-data', 'post-file'].map((long) => ({ short: undefined, long, takesValue: true })),
  ...[
    'spider',
    'no-check-certificate',
    'passive-ftp',
    'no-cache',
    'no-verbose',
    'no-clobber',
    'no-host-directories',
    'no-parent',
  ].map((long) => ({ short: undefined, long, takesValue: false })),
];

/** wget's usage (the //usage lines of wget.c, with FEATURE_WGET_LONG_OPTIONS and TIMEOUT, without OPENSSL), without the banner that names each build. */
const BUSYBOX_WGET_USAGE = `
Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
\t[--post-data STR | --post-file FILE] [-Y on/off]
\t[-P DIR] [-U AGENT] [-T SEC] URL...

Retrieve files via HTTP or FTP

\t--spider\tOnly check URL existence: $? is 0 if exists
\t--header STR\tAdd STR (of form 'header: value') to headers
\t--post-data STR\tSend STR using POST method
\t--post-file FILE\tSend FILE using POST method
\t-c\t\tContinue retrieval of aborted transfer
\t-q\t\tQuiet
\t-P DIR\t\tSave to DIR (default .)
\t-S    \t\tShow server response
\t-T SEC\t\tNetwork read timeout is SEC seconds
\t-O FILE\t\tSave to FILE ('-' for stdout)
\t-o LOGFILE\tLog messages to FILE
\t-U STR\t\tUse STR for User-Agent header
\t-Y on/off\tUse proxy
`;

interface WgetRequest {
  readonly url: string;
  readonly output: string | undefined;
  readonly serverResponse: boolean;
  readonly spider: boolean;
  readonly userAgent: string;
  /** G.timeout_seconds: 900 unless -T says otherwise; 0 sets no alarm. */
  readonly timeoutSeconds: number;
}

/** The command line as wget_main reads it, or its error: getopt's line and the usage, or xatou's `invalid number`. */
function parseWget(args: readonly string[], libc: Libc): WgetRequest | CommandResult {
  // -n's argument is optional and glued (-nv): take it as a word of its own before getopt sees it.
  const { events, operands } = getoptLong(
    'wget',
    args.map((arg) => (/^-n./.test(arg) ? '-n' : arg)),
    OPTIONS,
    libc,
  );
  const error = events.find((event) => event.kind === 'error');
  if (error) return fail(error.message + BUSYBOX_WGET_USAGE);
  const value = (name: string) =>
    events
      .flatMap((event) =>
        event.kind === 'option' && (event.spec.short ?? event.spec.long) === name ? [event.value] : [],
      )
      .at(-1);
  const has = (name: string) =>
    events.some((event) => event.kind === 'option' && (event.spec.short ?? event.spec.long) === name);
  const timeout = value('T');
  // "T:+": the argument goes through xatoi_positive (libbb/xatonum_template.c), which dies with `invalid number`.
  if (timeout !== undefined && !/^\d+$/.test(timeout ?? '')) return fail(`wget: invalid number '${timeout}'\n`);
  // "-1": at least one URL, or the usage.
  if (operands.length === 0) return fail(BUSYBOX_WGET_USAGE);
  return {
    url: operands[0]!,
    output: value('O'),
    serverResponse: has('S'),
    spider: has('spider'),
    userAgent: value('U') ?? 'Wget',
    timeoutSeconds: timeout === undefined ? 900 : Number(timeout),
  };
}

/**
 * BusyBox's wget applet (networking/wget.c). The body goes to -O's file (`-`:
 * stdout), or to the last part of the URL's path (index.html for `/`); -S
 * shows the response head on stderr, each line after two spaces; --spider
 * fetches nothing; -T bounds the connection (the alarm says `download timed
 * out`). Its messages when the name does not resolve (`bad address`) or the
 * connection fails are its own. Without -q it would also say where it
 * connects and draw a progress bar, which the simulator does not.
 */
export function busyboxWgetProgram(names: NameServices, libc: Libc = 'glibc'): Program {
  return {
    name: 'wget',
    run(args, context) {
      const request = parseWget(args, libc);
      if ('exitCode' in request) return request;
      const target = parseHttpUrl(request.url);
      if (!target) return fail(`wget: not an http or ftp url: ${request.url}\n`, 1);
      const { host, port, path } = target;
      // An IPv6 literal (`http://[2001:db8::2]/`) needs no lookup: xhost2sockaddr reads it as it is.
      const literal6 = isIpv6Text(host) ? formatIpv6(parseIpv6(host)!) : undefined;
      const lookup = literal6 === undefined ? lookupHost(names(context), host) : undefined;
      if (lookup && lookup.kind !== 'found') return fail(`wget: bad address '${host}'\n`, 1);
      const address = lookup?.kind === 'found' ? lookup.addresses[0]! : parseIpv4('127.0.0.1')!;
      // xconnect (libbb/xconnect.c) names the address only for AF_INET: `can't connect to remote host: Connection refused` over IPv6.
      const shownAddress = literal6 === undefined ? ` (${formatIpv4(address)})` : '';
      // parse_url keeps the brackets of an IPv6 host (strip_ipv6_scope_id looks for them), so the Host header has them.
      const hostHeader = literal6 === undefined ? host : `[${host}]`;
      const requestText = `GET ${path} HTTP/1.1\r\nHost: ${hostHeader}\r\nUser-Agent: ${request.userAgent}\r\nConnection: close\r\n\r\n`;
      const datapath = new Datapath(context.kernel, context.world, context.clock.now());
      const timeoutMs = request.timeoutSeconds === 0 ? Number.POSITIVE_INFINITY : request.timeoutSeconds * 1000;
      const httpRequest = {
        method: 'GET',
        path,
        host: hostHeader,
        headers: requestText.split('\r\n').slice(1, -2),
        destination: address,
        port,
        requestBytes: requestText.length,
        timeoutMs,
        resolverAt: (namespace: Namespace) => names({ ...context, namespace }),
      } as const;
      const outcome =
        literal6 === undefined
          ? httpGet(datapath, context.namespace, httpRequest, context.random)
          : httpGet6(context.kernel, datapath, context.namespace, literal6, httpRequest, context.random);
      context.clock.advance(outcome.elapsedMs);
      const head =
        outcome.kind === 'response' && request.serverResponse
          ? responseHead(outcome.response, httpDate(context.clock.now()))
          : [];
      // wget.c: anything but 2xx (and the redirects it follows) is `server returned error: <status line>`, after -S showed that line.
      if (outcome.kind === 'response' && !outcome.response.status.startsWith('2'))
        return fail(
          `${head
            .slice(0, 1)
            .map((line) => `  ${line}\n`)
            .join('')}wget: server returned error: HTTP/1.1 ${outcome.response.status}\n`,
          1,
        );
      if (outcome.kind === 'response') {
        // get_sanitized_hdr prints the empty line that ends the head too.
        const shown = head.length > 0 ? [...head, ''].map((line) => `  ${line}\n`).join('') : '';
        if (request.spider) return { stdout: '', stderr: shown, exitCode: 0 };
        const body = outcome.response.body;
        const output = request.output ?? (path.split('/').at(-1) || 'index.html');
        if (output === '-') return { stdout: body, stderr: shown, exitCode: 0 };
        return { stdout: '', stderr: shown, exitCode: 0, files: [{ path: output, content: body }] };
      }
      if (outcome.kind === 'reset') return fail('wget: error getting response: Connection reset by peer\n', 1);
      // A MariaDB handshake starts 0x60 0 0 0 0x0a (payload length 96, sequence 0, protocol 10):
      // wget.c's fgets_trim_sanitize reads up to that newline, the C string is "`", atoi gives 0,
      // so `server returned error: <line>`. ~: derived from the source, not captured.
      if (outcome.kind === 'not-http') return fail('wget: server returned error: `\n', 1);
      // wget asks with GET, which every server model answers.
      if (outcome.kind === 'unsimulated' || outcome.kind === 'bad-request')
        return fail('netsim: this request is not simulated\n', 1);
      // The alarm (set_alarm around connect) fires before the kernel gives up; a frozen server's silence lasts until it fires.
      if (outcome.kind === 'no-answer' || (outcome.kind === 'timed-out' && timeoutMs < KERNEL_CONNECT_TIMEOUT_MS))
        return fail('wget: download timed out\n', 1);
      return fail(`wget: can't connect to remote host${shownAddress}: ${connectError(outcome.kind)}\n`, 1);
    },
  };
}
