import { describe, expect, it } from 'vitest';
import { DEFAULT_DAEMON_CONFIG } from '../../../src/netsim/engine/daemon-config';
import { readDaemonConfig } from '../../../src/netsim/engine/daemon-config-reader';
import { parseCidr } from '../../../src/netsim/wire/cidr';
import { parseIpv4 } from '../../../src/netsim/wire/ipv4';

const PREFIX = 'unable to configure the Docker daemon with file /etc/docker/daemon.json: ';

/**
 * moby docker-v29.7.2 daemon/config/config.go: Reload wraps every error in
 * `unable to configure the Docker daemon with file %s`; getConflictFreeConfiguration
 * returns `invalid JSON: %w` for json.Unmarshal's errors; findConfigurationConflicts
 * names unknown keys and keys the unit's flags already set (`%s: (from flag: %v, from file: %v)`).
 */
describe('daemon.json as dockerd reads it', () => {
  it('is the defaults when missing, empty or null', () => {
    expect(readDaemonConfig(undefined)).toEqual({ config: DEFAULT_DAEMON_CONFIG });
    expect(readDaemonConfig(' \n')).toEqual({ config: DEFAULT_DAEMON_CONFIG });
    expect(readDaemonConfig('null')).toEqual({ config: DEFAULT_DAEMON_CONFIG });
  });

  it('reads the keys the simulator acts on, and keeps ipv6 and fixed-cidr-v6', () => {
    const read = readDaemonConfig(
      '{"userland-proxy": false, "iptables": false, "bip": "10.55.0.1/24", "ip": "127.0.0.1", "dns": ["9.9.9.9"], "default-address-pools": [{"base": "10.200.0.0/16", "size": 24}], "ipv6": true, "fixed-cidr-v6": "fd00::/80", "log-level": "debug"}',
    );
    expect(read).toEqual({
      config: {
        userlandProxy: false,
        iptables: false,
        bip: parseCidr('10.55.0.1/24'),
        ip: parseIpv4('127.0.0.1'),
        dns: [parseIpv4('9.9.9.9')],
        defaultAddressPools: [{ base: parseCidr('10.200.0.0/16'), size: 24 }],
        ipv6: true,
        fixedCidrV6: 'fd00::/80',
      },
    });
  });

  it("refuses a syntax error with Go's words", () => {
    expect(readDaemonConfig('{"userland-proxy": false,}')).toEqual({
      error: `${PREFIX}invalid JSON: invalid character '}' looking for beginning of object key string`,
    });
  });

  it('refuses keys that match no option, and options nested in an object (configValuesSet flattens them)', () => {
    expect(readDaemonConfig('{"userland-proxi": false}')).toEqual({
      error: `${PREFIX}the following directives don't match any configuration option: userland-proxi`,
    });
    expect(readDaemonConfig('{"network": {"bip": "10.1.0.1/16", "colour": "red"}}')).toEqual({
      error: `${PREFIX}the following directives don't match any configuration option: colour`,
    });
  });

  it('refuses what docker.service already passes as flags (-H fd://, --containerd)', () => {
    expect(readDaemonConfig('{"hosts": ["unix:///var/run/docker.sock"]}')).toEqual({
      error: `${PREFIX}the following directives are specified both as a flag and in the configuration file: hosts: (from flag: [fd://], from file: [unix:///var/run/docker.sock])`,
    });
  });

  it('refuses a value of the wrong type as json.UnmarshalTypeError words it', () => {
    expect(readDaemonConfig('{"iptables": "no"}')).toEqual({
      error: `${PREFIX}invalid JSON: json: cannot unmarshal string into Go struct field Config.iptables of type bool`,
    });
    expect(readDaemonConfig('[]')).toEqual({
      error: `${PREFIX}invalid JSON: json: cannot unmarshal array into Go value of type map[string]interface {}`,
    });
  });

  it('reports a file it cannot read', () => {
    expect(readDaemonConfig({ readError: 'read /etc/docker/daemon.json: is a directory' })).toEqual({
      error: `${PREFIX}read /etc/docker/daemon.json: is a directory`,
    });
  });
});
