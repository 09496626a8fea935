import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(23);
const endpointOn = (host: ReturnType<typeof hostAfter>, container: string, network: string) =>
  JSON.parse(
    host.run(`docker inspect -f '{{json .NetworkSettings.Networks.${network}}}' ${container}`).stdout,
  ) as Record<string, unknown>;
const daemonError = (message: string) => ({
  stdout: '',
  stderr: `Error response from daemon: ${message}\n`,
  exitCode: 1,
});

// docker/cli v29.7.2 cli/command/network/connect.go (flags, their pflag types and
// runConnect's EndpointConfig: IPAMConfig, Aliases and DriverOpts always sent),
// cli/cobra.go usageTemplate with pflag FlagUsagesWrapped at 79 columns; moby
// docker-v29.7.2 daemon/container_operations.go updateNetworkConfig ->
// validateEndpointSettings, libnetwork endpoint.go CreateOptionIPAM (link-local /16),
// sandbox.go Endpoint.Less (gw-priority) and ResolveName (link aliases).
describe('docker network connect', () => {
  it('prints its cobra help', () => {
    expect(hostAfter().run('docker network connect --help')).toMatchObject({
      stdout: [
        'Usage:  docker network connect [OPTIONS] NETWORK CONTAINER',
        '',
        'Connect a container to a network',
        '',
        'Options:',
        '      --alias strings           Add network-scoped alias for the container',
        '      --driver-opt strings      driver options for the network',
        '      --gw-priority int         Highest gw-priority provides the default',
        '                                gateway. Accepts positive and negative values.',
        '      --ip ip                   IPv4 address (e.g., "172.30.100.104")',
        '      --ip6 ip                  IPv6 address (e.g., "2001:db8::33")',
        '      --link list               Add link to another container',
        '      --link-local-ip ipSlice   Add a link-local address for the',
        '                                container (default [])',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });

  it('sends an empty IPAMConfig, Aliases and DriverOpts, which inspect shows', () => {
    const host = hostAfter(
      'docker network create red',
      'docker run -dit --name c1 alpine',
      'docker network connect red c1',
    );
    expect(endpointOn(host, 'c1', 'red')).toMatchObject({
      IPAMConfig: {},
      Links: null,
      Aliases: [],
      DriverOpts: {},
      GwPriority: 0,
    });
  });

  it('takes --ip, --alias, --link, --link-local-ip, --driver-opt and --gw-priority', () => {
    const host = hostAfter(
      'docker network create --subnet 10.9.0.0/24 blue',
      'docker run -dit --name c1 alpine',
      'docker network connect --ip 10.9.0.50 --alias db,database --link web:front --link-local-ip 169.254.10.10 --driver-opt com.example.x=1 --gw-priority 10 blue c1',
    );
    expect(endpointOn(host, 'c1', 'blue')).toMatchObject({
      IPAMConfig: { IPv4Address: '10.9.0.50', LinkLocalIPs: ['169.254.10.10'] },
      Links: ['web:front'],
      Aliases: ['db', 'database'],
      DriverOpts: { 'com.example.x': '1' },
      GwPriority: 10,
      IPAddress: '10.9.0.50',
    });
    const addresses = host.run('docker exec c1 ip -4 addr show eth1').stdout;
    expect(addresses).toContain(
      '    inet 10.9.0.50/24 brd 10.9.0.255 scope global eth1\n       valid_lft forever preferred_lft forever\n    inet 169.254.10.10/16 brd 169.254.255.255 scope global eth1\n',
    );
    // The higher priority takes the default gateway from the default bridge.
    expect(host.run('docker exec c1 ip route').stdout.split('\n')[0]).toBe('default via 10.9.0.1 dev eth1 ');
  });

  it('keeps the first gateway for an equal priority', () => {
    const host = hostAfter(
      'docker network create red',
      'docker run -dit --name c1 alpine',
      'docker network connect red c1',
    );
    expect(host.run('docker exec c1 ip route').stdout.split('\n')[0]).toBe('default via 172.17.0.1 dev eth0 ');
  });

  it('answers an --alias on that network only', () => {
    const host = hostAfter(
      'docker network create red',
      'docker run -dit --name c1 alpine',
      'docker run -dit --name c2 --network red alpine',
      'docker network connect --alias db red c1',
    );
    expect(host.run('docker exec c2 ping -c1 db').stdout).toContain('PING db (172.18.0.3)');
    expect(host.run('docker exec c1 ping -c1 c2').stdout).toContain('PING c2 (172.18.0.2)');
  });

  it.each([
    ['--ip6 2001:db8::33 red', 'invalid endpoint settings:\nno configured subnet contains IP address 2001:db8::33'],
    [
      '--ip 10.0.0.5 bridge',
      'invalid endpoint settings:\n* user-specified IP address is supported on user-defined networks only\n* no configured subnet contains IP address 10.0.0.5',
    ],
    [
      '--ip 172.17.0.50 bridge',
      'invalid endpoint settings:\nuser-specified IP address is supported on user-defined networks only',
    ],
    [
      '--alias x bridge',
      'invalid endpoint settings:\nnetwork-scoped aliases are only supported for user-defined networks',
    ],
    [
      '--ip 2001:db8::1 red',
      'invalid endpoint settings:\n* invalid IPv4 address: 2001:db8::1\n* no configured subnet contains IP address 2001:db8::1',
    ],
    ['--ip 10.1.2.3 red', 'invalid endpoint settings:\nno configured subnet contains IP address 10.1.2.3'],
  ])('refuses %s as the daemon does', (args, message) => {
    const host = hostAfter(
      'docker network create red',
      'docker run -dit --name c2 --network none alpine',
      'docker run -dit --name c1 alpine',
    );
    expect(host.run(`docker network connect ${args} c1`)).toMatchObject(daemonError(message));
  });

  it('refuses values the client cannot parse, with pflag and runConnect words', () => {
    const host = hostAfter('docker network create red', 'docker run -dit --name c1 alpine');
    const usage =
      "\n\nUsage:  docker network connect [OPTIONS] NETWORK CONTAINER\n\nRun 'docker network connect --help' for more information\n";
    expect(host.run('docker network connect --ip nope red c1')).toMatchObject({
      stdout: '',
      stderr: `invalid argument "nope" for "--ip" flag: failed to parse IP: "nope"${usage}`,
      exitCode: 125,
    });
    expect(host.run('docker network connect --gw-priority x red c1').stderr).toBe(
      `invalid argument "x" for "--gw-priority" flag: strconv.ParseInt: parsing "x": invalid syntax${usage}`,
    );
    expect(host.run('docker network connect --link-local-ip 1.2.3 red c1').stderr).toBe(
      `invalid argument "1.2.3" for "--link-local-ip" flag: invalid string being converted to IP address: 1.2.3${usage}`,
    );
    expect(host.run('docker network connect --driver-opt foo red c1')).toMatchObject({
      stdout: '',
      stderr: 'invalid key/value pair format in driver options\n',
      exitCode: 1,
    });
  });

  it('lets a container off none join a bridge once disconnected from none', () => {
    const host = hostAfter('docker run -dit --name n1 --network none alpine');
    expect(host.run('docker network connect bridge n1')).toMatchObject(
      daemonError('container cannot be connected to multiple networks with one of the networks in private (none) mode'),
    );
    expect(host.run('docker network disconnect none n1').exitCode).toBe(0);
    expect(host.run('docker network connect bridge n1').exitCode).toBe(0);
    expect(host.run('docker exec n1 ip -4 addr show eth0').stdout).toContain('inet 172.17.0.');
  });
});
