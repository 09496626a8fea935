import { fail, type CommandResult } from './command';

/**
 * curl's command line (src/tool_getparam.c at curl-8_14_1, the aliases table):
 * the options the simulator knows. Short letters combine (`-sSL`); one that
 * takes a value takes the rest of the word or the next one (`-so /dev/null`).
 */
export interface CurlOptions {
  silent: boolean;
  showError: boolean;
  includeHeaders: boolean;
  headOnly: boolean;
  verbose: boolean;
  location: boolean;
  /** -k: TLS is not simulated, so it changes nothing on http://. */
  insecure: boolean;
  version: boolean;
  output: string | undefined;
  maxTimeMs: number;
  connectTimeoutMs: number;
  /** -w: printed on stdout once the transfer is done (tool_writeout.c). */
  writeOut: string | undefined;
  /** -X: the request line's method, nothing else (the transfer stays a GET or HEAD). */
  method: string | undefined;
  /** -H, in order. */
  headers: string[];
  /** -4 / -6 (CURL_IPRESOLVE_V4 / V6): the later wins. */
  ipVersion: 4 | 6 | undefined;
  /** --resolve host:port:address entries, in order. */
  resolve: string[];
  url: string | undefined;
}

type BooleanOption =
  'silent' | 'showError' | 'includeHeaders' | 'headOnly' | 'verbose' | 'location' | 'insecure' | 'version';
type ValueOption = 'output' | 'maxTime' | 'connectTimeout' | 'writeOut' | 'method' | 'header' | 'resolve';

const SHORT_FLAGS: Record<string, BooleanOption> = {
  s: 'silent',
  S: 'showError',
  i: 'includeHeaders',
  I: 'headOnly',
  v: 'verbose',
  L: 'location',
  k: 'insecure',
  V: 'version',
};
const SHORT_VALUES: Record<string, ValueOption> = {
  o: 'output',
  m: 'maxTime',
  w: 'writeOut',
  X: 'method',
  H: 'header',
};
const LONG_FLAGS: Record<string, BooleanOption> = {
  '--silent': 'silent',
  '--show-error': 'showError',
  '--include': 'includeHeaders',
  '--head': 'headOnly',
  '--verbose': 'verbose',
  '--location': 'location',
  '--insecure': 'insecure',
  '--version': 'version',
};
const LONG_VALUES: Record<string, ValueOption> = {
  '--output': 'output',
  '--max-time': 'maxTime',
  '--connect-timeout': 'connectTimeout',
  '--write-out': 'writeOut',
  '--request': 'method',
  '--header': 'header',
  '--resolve': 'resolve',
};

export const usage = (problem: string): CommandResult =>
  fail(`curl: ${problem}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, 2);

/** A value option: a file name, seconds as curl's str2udouble reads them, or a string. */
function setValue(
  options: CurlOptions,
  option: ValueOption,
  name: string,
  value: string | undefined,
): CommandResult | undefined {
  if (value === undefined) return usage(`option ${name}: requires parameter`);
  switch (option) {
    case 'output':
      options.output = value;
      return undefined;
    case 'writeOut':
      options.writeOut = value;
      return undefined;
    case 'method':
      options.method = value;
      return undefined;
    case 'header':
      options.headers.push(value);
      return undefined;
    case 'resolve':
      options.resolve.push(value);
      return undefined;
    case 'maxTime':
    case 'connectTimeout': {
      const seconds = Number(value);
      if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0)
        return usage(`option ${name}: expected a proper numerical parameter`);
      if (option === 'maxTime') options.maxTimeMs = seconds * 1000;
      else options.connectTimeoutMs = seconds * 1000;
      return undefined;
    }
  }
}

function parseShort(word: string, next: () => string | undefined, options: CurlOptions): CommandResult | undefined {
  for (let index = 1; index < word.length; index++) {
    const letter = word[index]!;
    const value = SHORT_VALUES[letter];
    if (value) return setValue(options, value, `-${letter}`, index + 1 < word.length ? word.slice(index + 1) : next());
    if (letter === '4' || letter === '6') {
      options.ipVersion = letter === '4' ? 4 : 6;
      continue;
    }
    const flag = SHORT_FLAGS[letter];
    if (!flag) return usage(`option -${letter}: is unknown`);
    options[flag] = true;
  }
  return undefined;
}

export function parseCurlArguments(args: readonly string[]): CurlOptions | CommandResult {
  const options: CurlOptions = {
    silent: false,
    showError: false,
    includeHeaders: false,
    headOnly: false,
    verbose: false,
    location: false,
    insecure: false,
    version: false,
    output: undefined,
    maxTimeMs: Number.POSITIVE_INFINITY,
    connectTimeoutMs: Number.POSITIVE_INFINITY,
    writeOut: undefined,
    method: undefined,
    headers: [],
    ipVersion: undefined,
    resolve: [],
    url: undefined,
  };
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    const next = () => args[++index];
    let problem: CommandResult | undefined;
    if (LONG_VALUES[word]) problem = setValue(options, LONG_VALUES[word], word, next());
    else if (LONG_FLAGS[word]) options[LONG_FLAGS[word]] = true;
    else if (word === '--ipv4' || word === '--ipv6') options.ipVersion = word === '--ipv4' ? 4 : 6;
    else if (/^-[A-Za-z0-9]/.test(word)) problem = parseShort(word, next, options);
    else if (word.startsWith('-')) problem = usage(`option ${word}: is unknown`);
    else options.url = word;
    if (problem) return problem;
  }
  return options;
}
