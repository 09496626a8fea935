import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { DEBIAN_DOCKER_HOST } from '../../../src/netsim/profile';

/**
 * The nginx binary of the nginx image. Expected text: nginx's src/core/nginx.c
 * (ngx_show_version_info: `nginx version: nginx/<NGINX_VERSION>` and the usage;
 * ngx_get_options' `invalid option` messages), src/core/ngx_cycle.c (`the
 * configuration file %s syntax is ok`, ngx_signal_process's `signal process
 * started`), src/core/nginx.c main (`configuration file %s test is
 * successful`), src/os/unix/ngx_process.c ngx_signal_handler (`signal %d (%s)
 * received from %P%s`); the image's /run/nginx.pid (its nginx.conf as `docker
 * cp` shows it); real captures of `nginx -t` in the image (linuxserver/docker-swag
 * issue #57) and of a reload with no master running (nginx-proxy issue #547:
 * the notice, the [error] line, then `nginx: [error] ...`).
 */
const host = () => Host.create({ seed: 3, profile: { ...DEBIAN_DOCKER_HOST, internet: false }, secondsPerCommand: 0 });
const time = /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /;

describe('nginx in the nginx image', () => {
  it('-v names the image NGINX_VERSION on stderr', () => {
    const h = host();
    h.run('docker run -d --name web nginx');
    const version = h
      .run("docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' web")
      .stdout.match(/^NGINX_VERSION=(.*)$/m)![1];
    expect(h.run('docker exec web nginx -v')).toMatchObject({
      stdout: '',
      stderr: `nginx version: nginx/${version}\n`,
      exitCode: 0,
    });
  });

  it('-t: the two lines on stderr; -q keeps them quiet', () => {
    const h = host();
    h.run('docker run -d --name web nginx');
    expect(h.run('docker exec web nginx -t')).toMatchObject({
      stdout: '',
      stderr:
        'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n',
      exitCode: 0,
    });
    expect(h.run('docker exec web nginx -tq')).toMatchObject({ stderr: '', exitCode: 0 });
  });

  it('refuses an unknown option or signal', () => {
    const h = host();
    h.run('docker run -d --name web nginx');
    expect(h.run('docker exec web nginx -x')).toMatchObject({ stderr: 'nginx: invalid option: "x"\n', exitCode: 1 });
    expect(h.run('docker exec web nginx -s restart')).toMatchObject({
      stderr: 'nginx: invalid option: "-s restart"\n',
      exitCode: 1,
    });
    expect(h.run('docker exec web nginx -s')).toMatchObject({
      stderr: 'nginx: option "-s" requires parameter\n',
      exitCode: 1,
    });
  });

  it('-s reload: the signaller notes it started; the master logs SIGHUP, new workers, and the old ones leave', () => {
    const h = host();
    h.run('docker run -d --name web nginx');
    const reload = h.run('docker exec web nginx -s reload');
    expect(reload.exitCode).toBe(0);
    const sender = /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] (\d+)#\1: signal process started\n$/.exec(
      reload.stderr,
    )![1];
    const logs = h
      .run('docker logs web')
      .stderr.split('\n')
      .map((line) => line.replace(time, ''));
    expect(logs).toContain(`[notice] 1#1: signal 1 (SIGHUP) received from ${sender}, reconfiguring`);
    expect(logs).toContain('[notice] 1#1: reconfiguring');
    expect(logs.filter((line) => line === '[notice] 1#1: start worker processes')).toHaveLength(2);
    expect(logs.some((line) => /^\[notice\] (\d+)#\1: gracefully shutting down$/.test(line))).toBe(true);
    expect(h.run("docker inspect -f '{{.State.Status}}' web").stdout).toBe('running\n');
  });

  it('-s quit ends the master, and the container with status 0', () => {
    const h = host();
    h.run('docker run -d --name web nginx');
    h.run('docker exec web nginx -s quit');
    expect(h.run("docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' web").stdout).toBe('exited 0\n');
    expect(h.run('docker logs web').stderr.split('\n').at(-2)!.replace(time, '')).toBe('[notice] 1#1: exit');
  });

  it('with no master running there is no /run/nginx.pid', () => {
    const result = host().run('docker run --rm nginx nginx -s reload');
    expect(result.exitCode).toBe(1);
    expect(result.stderr.split('\n').map((line) => line.replace(time, ''))).toEqual([
      '[notice] 1#1: signal process started',
      '[error] 1#1: open() "/run/nginx.pid" failed (2: No such file or directory)',
      'nginx: [error] open() "/run/nginx.pid" failed (2: No such file or directory)',
      '',
    ]);
  });
});
