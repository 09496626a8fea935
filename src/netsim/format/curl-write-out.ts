/**
 * curl's -w/--write-out (src/tool_writeout.c at curl-8_14_1, ourWriteOut): `%{name}`
 * variables, `%%`, and the escapes `\n`, `\r`, `\t`; anything else is copied.
 * A variable curl does not know is a warning on stderr; one it knows but this
 * transfer has no value for prints nothing.
 */

/** What one transfer leaves for the write-out variables, as curl_easy_getinfo gives it. */
export interface WriteOutInfo {
  /** CURLINFO_RESPONSE_CODE: 0 when no response came. */
  readonly httpCode: number;
  readonly remoteIp: string;
  readonly remotePort: number;
  readonly localIp: string;
  readonly localPort: number;
  readonly method: string;
  readonly exitCode: number;
  readonly errorMessage: string;
  readonly url: string;
  readonly urlEffective: string;
  readonly contentType: string | undefined;
  readonly numConnects: number;
  readonly numRedirects: number;
  readonly sizeDownload: number;
  readonly sizeHeader: number;
  readonly sizeRequest: number;
  /** Microseconds since the transfer started. */
  readonly times: {
    readonly namelookup: number;
    readonly connect: number;
    readonly pretransfer: number;
    readonly starttransfer: number;
    readonly total: number;
  };
  readonly speedDownload: number;
  /** Response headers, for %header{name}. */
  readonly headers: readonly string[];
}

type Variable = (info: WriteOutInfo) => string | undefined;

/** writeTime: seconds with six decimals (`%u.%06u`). */
const seconds = (us: number) => `${Math.floor(us / 1_000_000)}.${String(Math.floor(us % 1_000_000)).padStart(6, '0')}`;

const VARIABLES: Readonly<Record<string, Variable>> = {
  content_type: (info) => info.contentType,
  errormsg: (info) => info.errorMessage,
  exitcode: (info) => String(info.exitCode),
  // writeLong prints VAR_HTTP_CODE with %03ld: 000 when nothing answered.
  http_code: (info) => String(info.httpCode).padStart(3, '0'),
  response_code: (info) => String(info.httpCode).padStart(3, '0'),
  http_version: (info) => (info.httpCode === 0 ? '0' : '1.1'),
  local_ip: (info) => info.localIp,
  local_port: (info) => String(info.localPort),
  method: (info) => info.method,
  num_connects: (info) => String(info.numConnects),
  num_redirects: (info) => String(info.numRedirects),
  remote_ip: (info) => info.remoteIp,
  remote_port: (info) => String(info.remotePort),
  scheme: (info) => (info.httpCode === 0 && info.numConnects === 0 ? undefined : 'http'),
  size_download: (info) => String(info.sizeDownload),
  size_header: (info) => String(info.sizeHeader),
  size_request: (info) => String(info.sizeRequest),
  size_upload: () => '0',
  speed_download: (info) => String(info.speedDownload),
  speed_upload: () => '0',
  time_appconnect: () => seconds(0),
  time_connect: (info) => seconds(info.times.connect),
  time_namelookup: (info) => seconds(info.times.namelookup),
  time_pretransfer: (info) => seconds(info.times.pretransfer),
  time_redirect: () => seconds(0),
  time_starttransfer: (info) => seconds(info.times.starttransfer),
  time_total: (info) => seconds(info.times.total),
  url: (info) => info.url,
  url_effective: (info) => info.urlEffective,
};

/** The write-out text, and the warnings for unknown variables, in the order curl writes them. */
export function writeOut(format: string, info: WriteOutInfo): { stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  let index = 0;
  while (index < format.length) {
    const char = format[index]!;
    const next = format[index + 1];
    if (char === '%' && next !== undefined) {
      if (next === '%') {
        stdout += '%';
        index += 2;
      } else if (next === '{') {
        const end = format.indexOf('}', index);
        if (end < 0) {
          stdout += '%{';
          index += 2;
          continue;
        }
        const name = format.slice(index + 2, end);
        const variable = VARIABLES[name];
        if (variable) stdout += variable(info) ?? '';
        else if (!KNOWN_UNSUPPORTED.has(name)) stderr += `curl: unknown --write-out variable: '${name}'\n`;
        index = end + 1;
      } else if (format.startsWith('header{', index + 1)) {
        const end = format.indexOf('}', index);
        if (end < 0) {
          stdout += '%header{';
          index += 8;
          continue;
        }
        stdout += headerValue(info.headers, format.slice(index + 8, end)) ?? '';
        index = end + 1;
      } else {
        stdout += char + next;
        index += 2;
      }
    } else if (char === '\\' && next !== undefined) {
      stdout += next === 'n' ? '\n' : next === 'r' ? '\r' : next === 't' ? '\t' : char + next;
      index += 2;
    } else {
      stdout += char;
      index++;
    }
  }
  return { stdout, stderr };
}

/** Variables curl knows that only TLS, FTP, proxies or JSON give: they print nothing here, and no warning. */
const KNOWN_UNSUPPORTED = new Set([
  'certs',
  'conn_id',
  'filename_effective',
  'ftp_entry_path',
  'http_connect',
  'num_certs',
  'num_headers',
  'num_retries',
  'proxy_ssl_verify_result',
  'proxy_used',
  'redirect_url',
  'referer',
  'ssl_verify_result',
  'time_posttransfer',
  'time_queue',
  'tls_earlydata',
  'urlnum',
  'xfer_id',
]);

/** curl_easy_header: the last response's header of that name, case-insensitively, its value without leading blanks. */
function headerValue(headers: readonly string[], name: string): string | undefined {
  const found = headers.find((header) => header.slice(0, header.indexOf(':')).toLowerCase() === name.toLowerCase());
  return found?.slice(found.indexOf(':') + 1).trim();
}
