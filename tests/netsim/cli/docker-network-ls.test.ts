import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

/**
 * A host with the networks of docker/cli's network_ls.md examples: foo, foobar
 * and dev (bridge), foo labelled usage=prod, and c1 running on foobar.
 */
function docsHost() {
  const host = Host.create({ seed: 11 });
  const id = (line: string) => host.run(line).stdout.trim();
  const ids = {
    foo: id('docker network create --label usage=prod foo'),
    foobar: id('docker network create foobar'),
    dev: id('docker network create --label usage dev'),
  };
  host.run('docker run -dit --name c1 --network foobar alpine');
  return { host, ids, short: (name: keyof typeof ids) => ids[name].slice(0, 12) };
}

/** Columns of the default table: tabwriter minwidth 10, padding 3 (docker/cli formatter_test.go TestNetworkContextWrite). */
const row = (id: string, name: string, driver: string) => `${id}   ${name.padEnd(7)}   ${driver.padEnd(7)}   local\n`;
const HEADER = 'NETWORK ID     NAME      DRIVER    SCOPE\n';

// Expected behaviour: docker/cli v29.7.2 docs/reference/commandline/network_ls.md and
// moby docker-v29.7.2 daemon/network/filter.go (Filter.Matches).
describe('docker network ls --filter', () => {
  it('matches part of a name, as a regular expression (name=foo lists foo and foobar)', () => {
    const { host, short } = docsHost();
    expect(host.run('docker network ls --filter name=foo').stdout).toBe(
      HEADER + row(short('foo'), 'foo', 'bridge') + row(short('foobar'), 'foobar', 'bridge'),
    );
    expect(host.run('docker network ls -f name=^foo$ -q').stdout).toBe(`${short('foo')}\n`);
  });

  it('matches all or part of an ID', () => {
    const { host, ids, short } = docsHost();
    expect(host.run(`docker network ls -q --filter id=${ids.dev}`).stdout).toBe(`${short('dev')}\n`);
    expect(host.run(`docker network ls -q --filter id=${ids.dev.slice(0, 3)}`).stdout).toContain(`${short('dev')}\n`);
  });

  it('matches a label by key, or by key and value', () => {
    const { host, short } = docsHost();
    expect(host.run('docker network ls -q -f label=usage').stdout).toBe(`${short('dev')}\n${short('foo')}\n`);
    expect(host.run('docker network ls -q -f label=usage=prod').stdout).toBe(`${short('foo')}\n`);
  });

  it('tells built-in networks from custom ones, and the driver exactly', () => {
    const { host } = docsHost();
    const names = (line: string) => host.run(line).stdout.split('\n').filter(Boolean);
    expect(names("docker network ls -f type=builtin --format '{{.Name}}'")).toEqual(['bridge', 'host', 'none']);
    expect(names("docker network ls -f type=custom --format '{{.Name}}'")).toEqual(['dev', 'foo', 'foobar']);
    expect(names("docker network ls -f driver=null --format '{{.Name}}'")).toEqual(['none']);
    expect(names("docker network ls -f driver=bridg --format '{{.Name}}'")).toEqual([]);
    expect(names("docker network ls -f scope=local --format '{{.Name}}'")).toHaveLength(6);
  });

  it('lists custom networks no container uses as dangling, and the rest as not', () => {
    const { host } = docsHost();
    const names = (line: string) => host.run(line).stdout.split('\n').filter(Boolean);
    expect(names("docker network ls -f dangling=true --format '{{.Name}}'")).toEqual(['dev', 'foo']);
    expect(names("docker network ls -f dangling=0 --format '{{.Name}}'")).toEqual(['bridge', 'foobar', 'host', 'none']);
  });

  // Errors: opts.FilterOpt.Set and pflag (status 125), daemon/internal/filters/errors.go and
  // daemon/network/filter.go (the daemon's 400, status 1).
  it.each([
    [
      'docker network ls -f foo',
      '',
      'invalid argument "foo" for "-f, --filter" flag: bad format of filter (expected name=value)\n\nUsage:  docker network ls [OPTIONS]\n\nRun \'docker network ls --help\' for more information\n',
      125,
    ],
    ['docker network ls -f foo=bar', '', "Error response from daemon: invalid filter 'foo'\n", 1],
    ['docker network ls -f Type=x', '', "Error response from daemon: invalid filter: 'type'='x'\n", 1],
    [
      'docker network ls -f dangling=maybe',
      '',
      'Error response from daemon: invalid value for filter \'dangling\', must be "true" (or "1"), or "false" (or "0")\n',
      1,
    ],
    [
      'docker network ls -f dangling=true -f dangling=false',
      '',
      'Error response from daemon: got more than one value for filter key "dangling"\n',
      1,
    ],
  ])('%s', (line, stdout, stderr, exitCode) => {
    expect(docsHost().host.run(line)).toMatchObject({ stdout, stderr, exitCode });
  });
});

describe('docker network ls output', () => {
  it('sorts names naturally (net2 before net10) and prints full IDs with --no-trunc', () => {
    const host = Host.create({ seed: 4 });
    const net10 = host.run('docker network create net10').stdout.trim();
    host.run('docker network create net2');
    expect(host.run("docker network ls --format '{{.Name}}' -f type=custom").stdout).toBe('net2\nnet10\n');
    expect(host.run('docker network ls --no-trunc -f name=net10').stdout).toBe(
      `NETWORK ID${' '.repeat(57)}NAME      DRIVER    SCOPE\n${net10}   net10     bridge    local\n`,
    );
  });

  it('prints json with the networkContext methods as sorted keys', () => {
    const { host } = docsHost();
    const line = host.run('docker network ls --format json -f name=^foo$').stdout;
    // network_ls.md's example keys, plus IPv4 (networkContext.IPv4, Docker 28+).
    expect(Object.keys(JSON.parse(line))).toEqual([
      'CreatedAt',
      'Driver',
      'ID',
      'IPv4',
      'IPv6',
      'Internal',
      'Labels',
      'Name',
      'Scope',
    ]);
    expect(JSON.parse(line)).toMatchObject({
      Driver: 'bridge',
      IPv6: 'false',
      Internal: 'false',
      Labels: 'usage=prod',
      Name: 'foo',
      Scope: 'local',
    });
    expect(JSON.parse(line).CreatedAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,9})? \+0000 UTC$/);
  });

  it('fills a custom table with its own titles, and -q does not shorten a custom format', () => {
    const { host } = docsHost();
    expect(
      host.run("docker network ls -q --format 'table {{.Name}}\\t{{.Internal}}\\t{{.Labels}}' -f label=usage").stdout,
    ).toBe('NAME      INTERNAL   LABELS\ndev       false      usage=\nfoo       false      usage=prod\n');
  });

  it('reports a field networks do not have, naming the row type as text/template does', () => {
    expect(docsHost().host.run("docker network ls --format '{{.Foo}}'")).toMatchObject({
      stdout: '',
      stderr:
        'template parsing error: template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *network.networkContext\n',
      exitCode: 1,
    });
  });
});
