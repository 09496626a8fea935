/**
 * What the simulated web servers answer. Pages are the images' own defaults:
 * nginx's docs/html/index.html as the official image ships it, and httpd's
 * htdocs/index.html, Debian's apache2 default page, WordPress's setup redirect.
 * Server versions match the images' NGINX_VERSION and HTTPD_VERSION in
 * engine/images.ts and the apache2 of each Debian release. A path the server has no file for gets the
 * server's own 404 page.
 */

import { apachePage } from './apache-page-loader';

/** One HTTP/1.1 response as the server writes it; `Date` is the only header that depends on when. */
export interface HttpResponse {
  /** `200 OK`, `404 Not Found`, `302 Found`. */
  readonly status: string;
  /** The Server header; BusyBox httpd sends none. */
  readonly server: string | undefined;
  /** Apache writes `Date` before `Server` (http_filters.c, basic_http_header); nginx after (ngx_http_header_filter_module.c). */
  readonly dateFirst: boolean;
  /** The headers after `Server` and `Date`, in the server's order. */
  readonly headers: readonly string[];
  readonly body: string;
}

/** What a request names: the method, the path and the Host header, which Apache's signature and redirects echo. */
export interface HttpRequestLine {
  /** GET and HEAD from every client; another method only from `curl -X`. */
  readonly method: string;
  readonly path: string;
  readonly host: string;
  /** The header lines after the request line, as the client sent them (Host first); absent when a model does not need them. */
  readonly headers?: readonly string[];
  /** The client's address and port as the server's socket sees it (`172.17.0.1:41234`). */
  readonly remote?: string;
}

/** A web server: a function of the request; `unsimulated` for a method its model does not answer. */
export type WebServer = (request: HttpRequestLine) => HttpResponse | 'unsimulated';

/** The servers modelled from GET alone: another method is said to be unsimulated rather than answered as a GET. */
const getOnly =
  (server: (request: HttpRequestLine) => HttpResponse): WebServer =>
  (request) =>
    request.method === 'GET' || request.method === 'HEAD' ? server(request) : 'unsimulated';

/** The image's NGINX_VERSION as nginx names itself (Server header, error pages, its start-up notice). */
export const NGINX_VERSION = 'nginx/1.31.3';

export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** ngx_http_special_response.c: ngx_http_error_404_page, then ngx_http_error_full_tail (server_tokens on), CRLF line ends. */
const NGINX_NOT_FOUND = `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>${NGINX_VERSION}</center>\r\n</body>\r\n</html>\r\n`;

/** ngx_http_special_response.c: ngx_http_error_405_page, then the same tail. */
const NGINX_NOT_ALLOWED = `<html>\r\n<head><title>405 Not Allowed</title></head>\r\n<body>\r\n<center><h1>405 Not Allowed</h1></center>\r\n<hr><center>${NGINX_VERSION}</center>\r\n</body>\r\n</html>\r\n`;

const isIndex = (path: string) => path === '/' || path === '/index.html';

const nginxError = (status: string, body: string): HttpResponse => ({
  status,
  server: NGINX_VERSION,
  dateFirst: false,
  headers: ['Content-Type: text/html', `Content-Length: ${body.length}`, 'Connection: keep-alive'],
  body,
});

/**
 * nginx's static and index modules (ngx_http_static_module.c, ngx_http_index_module.c):
 * a method other than GET, HEAD or POST is 405 before anything else; POST finds the
 * file, then is refused with 405 (a missing file is 404 first).
 */
const nginx: WebServer = ({ method, path }) => {
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST')
    return nginxError('405 Not Allowed', NGINX_NOT_ALLOWED);
  if (method === 'POST' && isIndex(path)) return nginxError('405 Not Allowed', NGINX_NOT_ALLOWED);
  return nginxGet(path);
};

const nginxGet = (path: string): HttpResponse =>
  isIndex(path)
    ? {
        status: '200 OK',
        server: NGINX_VERSION,
        dateFirst: false,
        headers: [
          'Content-Type: text/html',
          `Content-Length: ${NGINX_WELCOME.length}`,
          'Last-Modified: Tue, 28 Oct 2025 12:05:10 GMT',
          'Connection: keep-alive',
          'ETag: "6900b176-267"',
          'Accept-Ranges: bytes',
        ],
        body: NGINX_WELCOME,
      }
    : nginxError('404 Not Found', NGINX_NOT_FOUND);

/**
 * Apache's canned 404 (http_protocol.c, ap_send_error_response): 2.4.39 and
 * later no longer echo the URL; `signature` is ap_psignature's `<hr>\n<address>`
 * line, empty unless ServerSignature is on.
 */
function apacheNotFound(server: string, body: string): HttpResponse {
  return {
    status: '404 Not Found',
    server,
    dateFirst: true,
    headers: [`Content-Length: ${body.length}`, 'Content-Type: text/html; charset=iso-8859-1'],
    body,
  };
}

function apacheErrorPage(title: string, message: string, signature = ''): string {
  return `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${title}</title>\n</head><body>\n<h1>${title.slice(4)}</h1>\n${message}${signature}</body></html>\n`;
}

/** The httpd image's HTTPD_VERSION as ServerTokens Full signs it (Server header, its start-up notice). */
export const HTTPD_VERSION = 'Apache/2.4.68 (Unix)';
const HTTPD_INDEX = '<html><body><h1>It works!</h1></body></html>\n';

const httpd = getOnly(({ path }) =>
  isIndex(path)
    ? {
        status: '200 OK',
        server: HTTPD_VERSION,
        dateFirst: true,
        headers: [
          'Last-Modified: Mon, 11 Jun 2007 18:53:14 GMT',
          'ETag: "2d-432a5e4a73a80"',
          'Accept-Ranges: bytes',
          `Content-Length: ${HTTPD_INDEX.length}`,
          'Content-Type: text/html',
        ],
        body: HTTPD_INDEX,
      }
    : apacheNotFound(
        HTTPD_VERSION,
        apacheErrorPage('404 Not Found', '<p>The requested URL was not found on this server.</p>\n'),
      ),
);

/**
 * `<hr>\n<address>...` as ap_psignature writes it with Debian's `ServerSignature On`
 * (conf-available/security.conf): with `UseCanonicalName Off` the name and port are the Host
 * header's, port 80 when it names none.
 */
function debianSignature(server: string, host: string): string {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host);
  return `<hr>\n<address>${server} Server at ${match?.[1] ?? host} Port ${match?.[2] ?? '80'}</address>\n`;
}

/** Before 2.4.39 Apache's 404 echoes the path; Debian's security.conf turns the signature on. */
function debianNotFound(server: string, { path, host }: HttpRequestLine): HttpResponse {
  return apacheNotFound(
    server,
    apacheErrorPage(
      '404 Not Found',
      `<p>The requested URL ${path} was not found on this server.</p>\n`,
      debianSignature(server, host),
    ),
  );
}

/**
 * A static file as Debian's Apache serves it (core's default handler, then mod_deflate, on in
 * Debian, adding Vary): the order of a real Apache/2.4.7 (Ubuntu) capture of the same page kind.
 * ETag is FileETag's default `MTime Size` in hex, size then mtime in microseconds.
 */
function debianStaticPage(server: string, lastModified: string, etag: string, body: string): HttpResponse {
  return {
    status: '200 OK',
    server,
    dateFirst: true,
    headers: [
      `Last-Modified: ${lastModified}`,
      `ETag: "${etag}"`,
      'Accept-Ranges: bytes',
      `Content-Length: ${body.length}`,
      'Vary: Accept-Encoding',
      'Content-Type: text/html',
    ],
    body,
  };
}

/**
 * linuxtips/apache:1.0: Debian 8's apache2 2.4.10 with its default page. Last-Modified and ETag
 * (0x2b60 = 11104 bytes, 0x51cd7f8b96800 µs = that date) are a jessie server's in a w3af capture
 * (owtf/ptp tests/tools/w3af/w3af_http_reports_1_6_51.py); ~: the image's own apache2 build may
 * have given the file another date.
 */
const APACHE_JESSIE = 'Apache/2.4.10 (Debian)';
const apacheDebianJessie = getOnly((request) =>
  isIndex(request.path)
    ? debianStaticPage(
        APACHE_JESSIE,
        'Sun, 09 Aug 2015 02:53:20 GMT',
        '2b60-51cd7f8b96800',
        apachePage().DEBIAN_JESSIE_APACHE2_INDEX,
      )
    : debianNotFound(APACHE_JESSIE, request),
);

/**
 * josedom24/aplicacionweb:v1: Apache 2.4.38 of its Debian 10 base (~: the base is an estimate,
 * see the catalog). The course article never shows the page it serves, so this is a minimal
 * stand-in, not the image's file; its date is the image's creation.
 */
const APACHE_BUSTER = 'Apache/2.4.38 (Debian)';
const APLICACIONWEB_INDEX = '<html><body><h1>Aplicacion web</h1></body></html>\n';
const aplicacionweb = getOnly((request) =>
  isIndex(request.path)
    ? debianStaticPage(APACHE_BUSTER, 'Mon, 12 Oct 2020 16:27:59 GMT', '32-5b17bc80de1c0', APLICACIONWEB_INDEX)
    : debianNotFound(APACHE_BUSTER, request),
);

/**
 * The official wordpress image with no WORDPRESS_* variables: its docker-entrypoint.sh writes
 * wp-config.php only when some are set, so wp-load.php finds none and sends
 * `Location: wp_guess_url() . '/wp-admin/setup-config.php'` (PHP makes that a 302), with no body.
 * The .htaccess it ships sends every path to index.php. X-Powered-By: the php image has no
 * php.ini, so expose_php keeps its default On. Header order as in a real capture of WordPress's
 * redirect (Apache/2.4.41 (Ubuntu), there without X-Powered-By). ~: trixie's apache2 version.
 */
const APACHE_TRIXIE = 'Apache/2.4.66 (Debian)';

/**
 * wp-admin/setup-config.php itself runs without wp-config.php: it answers 200 with the set-up
 * wizard, titled by setup_config_display_header() `WordPress &rsaquo; Setup Configuration File`.
 * ~: the wizard's body (a language list fetched from api.wordpress.org) is not reproduced; this
 * stand-in keeps its title, so `curl -L` ends where the real one does rather than looping.
 */
const SETUP_CONFIG_PATH = '/wp-admin/setup-config.php';
const WORDPRESS_SETUP_PAGE =
  '<!DOCTYPE html>\n<html lang="en-US">\n<head>\n\t<meta charset="utf-8" />\n\t<title>WordPress &rsaquo; Setup Configuration File</title>\n</head>\n<body class="wp-core-ui">\n</body>\n</html>\n';

const wordpress = getOnly(({ host, path }) =>
  path.split('?')[0] === SETUP_CONFIG_PATH
    ? {
        status: '200 OK',
        server: APACHE_TRIXIE,
        dateFirst: true,
        headers: [
          'X-Powered-By: PHP/8.3.33',
          `Content-Length: ${WORDPRESS_SETUP_PAGE.length}`,
          'Content-Type: text/html; charset=utf-8',
        ],
        body: WORDPRESS_SETUP_PAGE,
      }
    : wordpressRedirect(host),
);

const wordpressRedirect = (host: string): HttpResponse => ({
  status: '302 Found',
  server: APACHE_TRIXIE,
  dateFirst: true,
  headers: [
    'X-Powered-By: PHP/8.3.33',
    `Location: http://${host}/wp-admin/setup-config.php`,
    'Content-Length: 0',
    'Content-Type: text/html; charset=UTF-8',
  ],
  body: '',
});

/**
 * WordPress with the wp-config.php its entrypoint wrote from WORDPRESS_* and a database with no
 * tables yet: wp-settings.php calls wp_not_installed() (wp-includes/load.php), which sends
 * nocache_headers() and wp_redirect() to `wp_guess_url() . '/wp-admin/install.php'` (302, with
 * X-Redirect-By). The header set adds up to the 349 bytes Apache logged for such a `GET /` in a
 * real `docker logs` of the image (Apache/2.4.62, PHP/8.2.28, Host localhost:8000): no
 * Content-Length. ~: their order is PHP's header() order, not captured.
 */
const INSTALL_PATH = '/wp-admin/install.php';
const NO_CACHE = [
  'Expires: Wed, 11 Jan 1984 05:00:00 GMT',
  'Cache-Control: no-cache, must-revalidate, max-age=0, no-store, private',
];

/**
 * install.php's first step: display_header() titles it `WordPress &rsaquo; Installation`.
 * ~: the page's body (the language chooser) is not reproduced; this stand-in keeps the title.
 */
const WORDPRESS_INSTALL_PAGE =
  '<!DOCTYPE html>\n<html lang="en-US">\n<head>\n\t<meta name="viewport" content="width=device-width" />\n\t<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />\n\t<title>WordPress &rsaquo; Installation</title>\n</head>\n<body class="wp-core-ui">\n</body>\n</html>\n';

const wordpressConfigured = getOnly(({ host, path }) =>
  path.split('?')[0] === INSTALL_PATH
    ? {
        status: '200 OK',
        server: APACHE_TRIXIE,
        dateFirst: true,
        headers: [
          'X-Powered-By: PHP/8.3.33',
          ...NO_CACHE,
          `Content-Length: ${WORDPRESS_INSTALL_PAGE.length}`,
          'Content-Type: text/html; charset=utf-8',
        ],
        body: WORDPRESS_INSTALL_PAGE,
      }
    : {
        status: '302 Found',
        server: APACHE_TRIXIE,
        dateFirst: true,
        headers: [
          'X-Powered-By: PHP/8.3.33',
          ...NO_CACHE,
          'X-Redirect-By: WordPress',
          `Location: http://${host}${INSTALL_PATH}`,
          'Content-Type: text/html; charset=UTF-8',
        ],
        body: '',
      },
);

/**
 * WordPress whose database does not answer (unknown host, nothing listening, wrong
 * account): wpdb::db_connect fails quietly (show_errors is off without WP_DEBUG), and
 * dead_db() ends the request with wp_die( '<h1>Error establishing a database
 * connection</h1>', 'Database Error' ), which _default_wp_die_handler sends with
 * status_header( 500 ), nocache_headers() and `Content-Type: text/html; charset=utf-8`
 * (wp-includes/functions.php). ~: the handler's page (its inline style sheet) is not
 * reproduced: this stand-in keeps its title and message; with no output buffering
 * Apache would send it chunked, which is not modelled.
 */
const WORDPRESS_DATABASE_ERROR_PAGE =
  '<!DOCTYPE html>\n<html lang="en-US">\n<head>\n\t<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />\n\t<title>Database Error</title>\n</head>\n<body id="error-page">\n\t<div class="wp-die-message"><h1>Error establishing a database connection</h1></div></body>\n</html>\n';

const wordpressNoDatabase = getOnly(() => ({
  status: '500 Internal Server Error',
  server: APACHE_TRIXIE,
  dateFirst: true,
  headers: [
    'X-Powered-By: PHP/8.3.33',
    ...NO_CACHE,
    `Content-Length: ${WORDPRESS_DATABASE_ERROR_PAGE.length}`,
    'Content-Type: text/html; charset=utf-8',
  ],
  body: WORDPRESS_DATABASE_ERROR_PAGE,
}));

/**
 * traefik/whoami's `/` (app.go whoamiHandler): `Hostname:`, an `IP:` line per
 * address of each interface (getIPs: net.Interfaces in index order, each one's
 * IPv4 then IPv6 addresses as netlink dumps them), `RemoteAddr:`, then the
 * request as Go's Request.Write puts it back on the wire: the request line,
 * Host, User-Agent, the other headers sorted by name, a blank line, CRLF line
 * ends. Go's server adds Date, Content-Length and Content-Type in that order
 * (net/http extraHeader.Write) and no Server header. `ips` are the server's addresses.
 * ~: the other paths (/api, /data, /health...) are not modelled.
 */
export function whoamiResponse(
  hostname: string,
  ips: readonly string[],
  request: HttpRequestLine,
): HttpResponse | 'unsimulated' {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || request.path.split('?')[0] !== '/')
    return 'unsimulated';
  const headers = (request.headers ?? [`Host: ${request.host}`]).map((line) => {
    const colon = line.indexOf(':');
    return { name: canonicalHeaderKey(line.slice(0, colon)), value: line.slice(colon + 1).trim() };
  });
  const agent = headers.find((header) => header.name === 'User-Agent');
  const others = headers
    .filter((header) => !['Host', 'User-Agent', 'Content-Length', 'Transfer-Encoding', 'Trailer'].includes(header.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const written = [
    `${request.method} ${request.path} HTTP/1.1`,
    `Host: ${request.host}`,
    ...(agent ? [`User-Agent: ${agent.value}`] : []),
    ...others.map((header) => `${header.name}: ${header.value}`),
  ];
  const body =
    [`Hostname: ${hostname}`, ...ips.map((ip) => `IP: ${ip}`), `RemoteAddr: ${request.remote ?? ''}`].join('\n') +
    '\n' +
    written.join('\r\n') +
    '\r\n\r\n';
  return {
    status: '200 OK',
    server: undefined,
    dateFirst: true,
    headers: [`Content-Length: ${body.length}`, 'Content-Type: text/plain; charset=utf-8'],
    body,
  };
}

/** Go's textproto.CanonicalMIMEHeaderKey: each dash-separated word capitalised, the rest lower case. */
function canonicalHeaderKey(name: string): string {
  return name
    .trim()
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join('-');
}

/**
 * BusyBox httpd's error response (networking/httpd.c send_headers): the
 * status line, Date (FEATURE_HTTPD_DATE, default y), `Connection: close`,
 * `Content-type: text/html` for anything but 200, no Server header and no
 * Content-Length, then the canned page built from http_response[]'s name
 * and info strings.
 */
function busyboxHttpdError(code: number, name: string, info: string): HttpResponse {
  return {
    status: `${code} ${name}`,
    server: undefined,
    dateFirst: true,
    headers: ['Connection: close', 'Content-type: text/html'],
    body: `<HTML><HEAD><TITLE>${code} ${name}</TITLE></HEAD>\n<BODY><H1>${code} ${name}</H1>\n${info}\n</BODY></HTML>\n`,
  };
}

/**
 * BusyBox httpd serving the busybox image's `/` (its default home is the
 * working directory): a directory URL gets index.html, which is not there,
 * and with CGI support (default y) no /cgi-bin/index.cgi either, so 404
 * (handle_incoming_and_exit). Other paths would be files of the image's own
 * tree: not modelled.
 */
const busyboxHttpd: WebServer = ({ method, path }) => {
  if (method !== 'GET' && method !== 'HEAD') return 'unsimulated';
  return isIndex(path) ? busyboxHttpdError(404, 'Not Found', 'The requested URL was not found') : 'unsimulated';
};

const SERVERS = new Map<string, WebServer>([
  ['busybox-httpd', busyboxHttpd],
  ['nginx', nginx],
  ['httpd', httpd],
  ['apache2-debian', apacheDebianJessie],
  ['aplicacionweb', aplicacionweb],
  ['wordpress', wordpress],
  ['wordpress-configured', wordpressConfigured],
  ['wordpress-no-database', wordpressNoDatabase],
]);

export function webServer(name: string): WebServer | undefined {
  return SERVERS.get(name);
}

/** Status line and headers as the server writes them, without the blank line that ends them. */
export function responseHead(response: HttpResponse, date: string): string[] {
  const server = response.server === undefined ? [] : [`Server: ${response.server}`];
  const dated = `Date: ${date}`;
  return [
    `HTTP/1.1 ${response.status}`,
    ...(response.dateFirst ? [dated, ...server] : [...server, dated]),
    ...response.headers,
  ];
}

/** The response in bytes on the wire, head and body; any IMF-fixdate is 29 characters. */
export function responseSize(response: HttpResponse, method: HttpRequestLine['method']): number {
  return (
    responseHead(response, 'Thu, 01 Jan 1970 00:00:00 GMT').join('\r\n').length +
    4 +
    (method === 'HEAD' ? 0 : response.body.length)
  );
}

/** The redirect target of a 3xx response, when it has one. */
export function locationOf(response: HttpResponse): string | undefined {
  if (!response.status.startsWith('3')) return undefined;
  return response.headers.find((header) => header.toLowerCase().startsWith('location: '))?.slice('location: '.length);
}
