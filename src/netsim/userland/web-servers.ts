/**
 * What the simulated web servers answer to `GET /`. Pages are the images' own
 * defaults: nginx's docs/html/index.html as the official image ships it, and
 * httpd's htdocs/index.html. Server versions match the images' NGINX_VERSION and
 * HTTPD_VERSION in engine/images.ts.
 */
export interface WebPage {
  readonly server: string;
  readonly contentType: string;
  readonly body: string;
  /** HTTP/1.1 keeps the connection open: nginx sends `Connection: keep-alive`. */
  readonly extraHeaders: readonly string[];
}

const NGINX_WELCOME = `<!DOCTYPE html>
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

const PAGES: Record<string, WebPage> = {
  nginx: { server: 'nginx/1.31.3', contentType: 'text/html', body: NGINX_WELCOME, extraHeaders: ['Last-Modified: Tue, 28 Oct 2025 12:05:10 GMT', 'Connection: keep-alive', 'ETag: "6900b176-267"', 'Accept-Ranges: bytes'] },
  httpd: { server: 'Apache/2.4.68 (Unix)', contentType: 'text/html', body: '<html><body><h1>It works!</h1></body></html>\n', extraHeaders: ['Last-Modified: Mon, 11 Jun 2007 18:53:14 GMT', 'ETag: "2d-432a5e4a73a80"', 'Accept-Ranges: bytes'] },
};

export function webPage(server: string): WebPage | undefined {
  return PAGES[server];
}
