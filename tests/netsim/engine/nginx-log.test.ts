import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { DEBIAN_DOCKER_HOST } from '../../../src/netsim/profile';

/**
 * The official nginx image's start in `docker logs`: the entrypoint's lines from
 * nginxinc/docker-nginx (mainline/debian/docker-entrypoint.sh and the
 * /docker-entrypoint.d/ scripts' entrypoint_log calls), then nginx's notices
 * (ngx_event.c ngx_event_module_init, ngx_posix_init.c ngx_os_status,
 * ngx_linux_init.c, ngx_process_cycle.c and ngx_process.c `start %s %P`), and
 * its bind failure (ngx_connection.c ngx_open_listening_sockets: 5 tries 500 ms
 * apart; ngx_log.c echoes [emerg] as `nginx: [emerg]` while starting). No
 * capture: these are the sources' format strings with the simulated host's
 * values (2 CPUs, kernel 6.12.57+deb13-amd64, the image's nginx 1.31.3).
 */
const ENTRYPOINT = `/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration
/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/
/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh
10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf
10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf
/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh
/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh
/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh
/docker-entrypoint.sh: Configuration complete; ready for start up
`;

const host = () => Host.create({ seed: 3, profile: { ...DEBIAN_DOCKER_HOST, internet: false }, secondsPerCommand: 0 });
const times = (text: string) => text.replace(/\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /g, 'T ');

describe('nginx in docker logs', () => {
  it('shows the entrypoint on stdout and the notices on stderr', () => {
    const h = host();
    h.run('docker run -d --name web nginx');
    const logs = h.run('docker logs web');
    expect(logs.stdout).toBe(ENTRYPOINT);
    expect(times(logs.stderr)).toBe(
      [
        'T [notice] 1#1: using the "epoll" event method',
        'T [notice] 1#1: nginx/1.31.3',
        'T [notice] 1#1: built by gcc 14.2.0 (Debian 14.2.0-19) ',
        'T [notice] 1#1: OS: Linux 6.12.57+deb13-amd64',
        'T [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1024:524288',
        'T [notice] 1#1: start worker processes',
        'T [notice] 1#1: start worker process 29',
        'T [notice] 1#1: start worker process 30',
        '',
      ].join('\n'),
    );
  });

  it('stops on ^C in the foreground with the workers it started', () => {
    const result = host().run('docker run nginx');
    expect(result.output.startsWith(ENTRYPOINT)).toBe(true);
    expect(times(result.output)).toContain(
      'T [notice] 1#1: start worker process 30\n^CT [notice] 1#1: signal 2 (SIGINT) received, exiting\n',
    );
    expect(result.output).toContain('worker process 29 exited with code 0');
  });

  it('gives up when port 80 is taken on the host network', () => {
    const h = host();
    h.run('docker run -d --network host --name first nginx');
    h.run('docker run -d --network host --name second nginx');
    const logs = h.run('docker logs second');
    expect(logs.stdout).toBe(ENTRYPOINT);
    const attempt = [
      'T [emerg] 1#1: bind() to 0.0.0.0:80 failed (98: Address already in use)',
      'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)',
      'T [emerg] 1#1: bind() to [::]:80 failed (98: Address already in use)',
      'nginx: [emerg] bind() to [::]:80 failed (98: Address already in use)',
      'T [notice] 1#1: try again to bind() after 500ms',
    ];
    expect(times(logs.stderr)).toBe(
      [
        ...attempt,
        ...attempt,
        ...attempt,
        ...attempt,
        ...attempt,
        'T [emerg] 1#1: still could not bind()',
        'nginx: [emerg] still could not bind()',
        '',
      ].join('\n'),
    );
    expect(h.run("docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' second").stdout).toBe('exited 1\n');
  });
});
