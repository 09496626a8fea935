import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(53);

// nginx/pkg-oss e672763 debian/debian/nginx.conf, nginx.default.conf (installed as conf.d/default.conf by
// nginx.rules.in) and nginx.install; nginx/docker-nginx 0d7f438 mainline/debian/10-listen-on-ipv6-by-default.sh.
describe("the nginx image's configuration and pages", () => {
  it('has the package nginx.conf: the user, the pid file, the log format and the conf.d include', () => {
    const text = hostAfter('docker run -d --name web nginx').run('docker exec web cat /etc/nginx/nginx.conf').stdout;
    expect(
      text.startsWith(
        '\nuser  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /run/nginx.pid;\n',
      ),
    ).toBe(true);
    expect(text).toContain(`    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '\n`);
    expect(text.endsWith('    include /etc/nginx/conf.d/*.conf;\n}\n')).toBe(true);
  });

  it('has default.conf with the IPv6 listen line the entrypoint adds, and without it in a container that skipped the entrypoint', () => {
    const host = hostAfter('docker run -d --name web nginx');
    expect(host.run('docker exec web head -4 /etc/nginx/conf.d/default.conf').stdout).toBe(
      'server {\n    listen       80;\n    listen  [::]:80;\n    server_name  localhost;\n',
    );
    expect(host.run('docker run --rm nginx head -3 /etc/nginx/conf.d/default.conf').stdout).toBe(
      'server {\n    listen       80;\n    server_name  localhost;\n',
    );
  });

  it('serves the index.html the image holds, byte for byte', () => {
    const host = hostAfter('docker run -d --name web -p 8080:80 nginx');
    const file = host.run('docker exec web cat /usr/share/nginx/html/index.html').stdout;
    expect(file).toContain('<title>Welcome to nginx!</title>');
    expect(host.run('curl -s localhost:8080').stdout).toBe(file);
    expect(host.run('docker exec web cat /usr/share/nginx/html/50x.html').stdout).toContain(
      '<p><em>Faithfully yours, nginx.</em></p>\n',
    );
  });
});
