import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { DEBIAN_DOCKER_HOST } from '../../../src/netsim/profile';

/**
 * An image's entrypoint script runs the command it is given with `exec "$@"`.
 * Expected behaviour from each script's text: nginx/docker-nginx
 * mainline/debian/docker-entrypoint.sh (#!/bin/sh, dash on Debian; the
 * /docker-entrypoint.d/ lines only for `nginx`/`nginx-debug`; `exec "$@"` on
 * line 47), MariaDB/mariadb-docker 12.3/docker-entrypoint.sh (#!/bin/bash;
 * `exec "$@"` on line 720 of /usr/local/bin/docker-entrypoint.sh), and the
 * shells' own words for a failed exec: dash's error.c exvwarning2
 * (`%s: %d: %s: `), bash's `line N:` prefix.
 */
const host = () => Host.create({ seed: 3, profile: { ...DEBIAN_DOCKER_HOST, internet: false }, secondsPerCommand: 0 });

describe('entrypoint scripts exec the command given', () => {
  it('runs a command that is not the server, with nothing printed first', () => {
    const h = host();
    expect(h.run('docker run --rm nginx echo hi')).toMatchObject({ stdout: 'hi\n', exitCode: 0 });
    expect(h.run('docker run --rm mariadb echo hi')).toMatchObject({ stdout: 'hi\n', exitCode: 0 });
    expect(h.run('docker run --rm wordpress echo hi')).toMatchObject({ stdout: 'hi\n', exitCode: 0 });
  });

  it("a program the image lacks: the script's shell says so, status 127", () => {
    const h = host();
    h.run('docker pull -q mariadb');
    expect(h.run('docker run --rm nginx foo')).toMatchObject({
      stdout: '',
      stderr: '/docker-entrypoint.sh: 47: exec: foo: not found\n',
      exitCode: 127,
    });
    expect(h.run('docker run --rm mariadb foo')).toMatchObject({
      stderr: '/usr/local/bin/docker-entrypoint.sh: line 720: exec: foo: not found\n',
      exitCode: 127,
    });
  });

  it('`nginx ...` first runs the /docker-entrypoint.d/ scripts, which print to stdout', () => {
    const out = host().run('docker run --rm nginx nginx -v').stdout.split('\n');
    expect(out[0]).toBe(
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    );
    expect(out.at(-2)).toBe('/docker-entrypoint.sh: Configuration complete; ready for start up');
  });
});
