import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

/**
 * `docker run --network` with docker/cli v29.7.2's advanced syntax
 * (opts/network.go NetworkOpt.Set: CSV fields, lowercased, keys name, alias,
 * ip, ip6, mac-address...) and `--ip6` (cli/command/container/opts.go: an
 * IPVar, then applyContainerOptions/parseNetworkAttachmentOpt). The daemon
 * checks static addresses at create (moby docker-v29.7.2 daemon/create.go
 * validateNetworkingConfig, container_operations.go validateEndpointSettings):
 * a network without an IPv6 subnet contains no IPv6 address.
 */
const HELP = "\n\nRun 'docker run --help' for more information\n";
const USAGE =
  "\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n";

function withAppNet(): Host {
  const host = Host.create({ seed: 3 });
  host.run('docker network create --subnet 10.30.0.0/24 app-net');
  return host;
}

describe('--network name=...,ip=...,alias=...', () => {
  it('attaches to the named network with the address and the alias', () => {
    const host = withAppNet();
    expect(
      host.run('docker run -d --name a --network name=app-net,ip=10.30.0.9,alias=x alpine sleep 1d').exitCode,
    ).toBe(0);
    expect(
      host.run(
        "docker inspect -f '{{.HostConfig.NetworkMode}} {{range .NetworkSettings.Networks}}{{.IPAddress}} {{.Aliases}}{{end}}' a",
      ).stdout,
    ).toBe('app-net 10.30.0.9 [x]\n');
    expect(host.run('docker run --rm --network app-net alpine ping -c1 x').stdout).toContain('PING x (10.30.0.9)');
  });

  it('lowercases the fields, as NetworkOpt.Set does', () => {
    expect(withAppNet().run('docker run --rm --network NAME=App-Net alpine true').exitCode).toBe(0);
  });

  it.each([
    ['name=app-net,foo=bar', 'invalid field key foo'],
    ['alias=y', 'network name/id is not specified'],
    ['name=app-net,ip=10.30.0.300', 'ParseAddr("10.30.0.300"): IPv4 field has value >255'],
    // encoding/csv readRecord: pos.col starts at 1 and moves past each field and comma; the error is at pos.col + j.
    ['name=app-net,al"ias=y', 'parse error on line 1, column 16: bare " in non-quoted-field'],
  ])('refuses %s while parsing the flag', (value, problem) => {
    expect(withAppNet().run(`docker run --rm --network '${value}' alpine true`)).toMatchObject({
      stderr: `invalid argument ${JSON.stringify(value)} for "--network" flag: ${problem}${USAGE}`,
      exitCode: 125,
    });
  });

  it.each([
    [
      '--network name=app-net,alias=y --network-alias z',
      'conflicting options: cannot specify both --network-alias and per-network alias',
    ],
    [
      '--network name=app-net,ip=10.30.0.9 --ip 10.30.0.8',
      'conflicting options: cannot specify both --ip and per-network IPv4 address',
    ],
    ['--network name=bridge,alias=y', 'network-scoped aliases are only supported for user-defined networks'],
    ['--network name=app-net,mac-address=zz', 'zz is not a valid mac address'],
    ['--network app-net --network app-net', 'network "app-net" is specified multiple times'],
    [
      '--network app-net --network bridge',
      'conflicting options: cannot attach both user-defined and non-user-defined network-modes',
    ],
  ])('docker run %s: parse() refuses it', (options, message) => {
    expect(withAppNet().run(`docker run --rm ${options} alpine true`)).toMatchObject({
      stderr: `docker: ${message}${HELP}`,
      exitCode: 125,
    });
  });
});

describe('--ip6', () => {
  it('is a flag of docker run; a network without IPv6 contains no IPv6 address', () => {
    expect(withAppNet().run('docker run --rm --network app-net --ip6 2001:db8::33 alpine true')).toMatchObject({
      stderr: `docker: Error response from daemon: invalid config for network app-net: invalid endpoint settings:\nno configured subnet contains IP address 2001:db8::33${HELP}`,
      exitCode: 125,
    });
  });

  it('on the default bridge: both problems, multierror-joined', () => {
    expect(withAppNet().run('docker run --rm --ip6 2001:db8::33 alpine true').stderr).toBe(
      `docker: Error response from daemon: invalid config for network bridge: invalid endpoint settings:\n* user-specified IP address is supported on user-defined networks only\n* no configured subnet contains IP address 2001:db8::33${HELP}`,
    );
  });

  it('an IPv4 text arrives mapped (To16), is refused, then checked unmapped', () => {
    expect(withAppNet().run('docker run --rm --network app-net --ip6 10.0.0.1 alpine true').stderr).toBe(
      `docker: Error response from daemon: invalid config for network app-net: invalid endpoint settings:\n* invalid IPv6 address: ::ffff:10.0.0.1\n* no configured subnet contains IP address 10.0.0.1${HELP}`,
    );
  });

  it("a text net.ParseIP refuses is pflag's error; ip6= and --ip6 together conflict", () => {
    const host = withAppNet();
    expect(host.run('docker run --rm --ip6 zz alpine true').stderr).toBe(
      `invalid argument "zz" for "--ip6" flag: failed to parse IP: "zz"${USAGE}`,
    );
    expect(
      host.run('docker run --rm --network name=app-net,ip6=2001:db8::2 --ip6 2001:db8::3 alpine true').stderr,
    ).toBe(`docker: conflicting options: cannot specify both --ip6 and per-network IPv6 address${HELP}`);
  });
});
