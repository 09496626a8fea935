import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

// moby daemon/container_operations.go validateEndpointSettings and validateEndpointIPAddress
// (docker-v29.7.2; the texts since 1b5b00c98c "user-(defined|specified)"): --ip is checked at create time.
describe('docker run --ip', () => {
  // validateNetworkingConfig finds the bridge network, so the range check runs too and multierror.Join lists both.
  it('is refused on a predefined network, as the daemon refuses it', () => {
    const result = Host.create({ seed: 1 }).run('docker run --ip 8.8.8.8 alpine');
    expect(result).toMatchObject({
      exitCode: 125,
      stdout: '',
      stderr:
        "docker: Error response from daemon: invalid config for network bridge: invalid endpoint settings:\n* user-specified IP address is supported on user-defined networks only\n* no configured subnet contains IP address 8.8.8.8\n\nRun 'docker run --help' for more information\n",
    });
  });

  it("is refused outside the network's subnets and taken inside them", () => {
    const host = Host.create({ seed: 1 });
    host.run('docker network create --subnet 10.5.0.0/24 n1');
    expect(host.run('docker run -d --network n1 --ip 8.8.8.8 alpine').stderr).toContain(
      'invalid config for network n1: invalid endpoint settings:\nno configured subnet contains IP address 8.8.8.8\n',
    );
    expect(host.run('docker run -dit --name ok --network n1 --ip 10.5.0.9 alpine').exitCode).toBe(0);
    expect(host.run("docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' ok").stdout).toBe(
      '10.5.0.9\n',
    );
  });

  // libnetwork endpoint.go assignAddressVersion: RequestAddress with the address
  // asked for fails with defaultipam's ErrIPAlreadyAllocated, returned as it is.
  it.each([
    ['the gateway', '10.5.0.1'],
    ['a running container', '10.5.0.2'],
  ])('fails at start when the pool already holds it: %s', (_, address) => {
    const host = Host.create({ seed: 1 });
    host.run('docker network create --subnet 10.5.0.0/24 n1');
    host.run('docker run -dit --name first --network n1 alpine');
    expect(host.run(`docker run -dit --network n1 --ip ${address} alpine`)).toMatchObject({
      exitCode: 125,
      stderr:
        "docker: Error response from daemon: failed to set up container networking: Address already in use\n\nRun 'docker run --help' for more information\n",
    });
  });
});
