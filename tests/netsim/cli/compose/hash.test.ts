import { describe, expect, it } from 'vitest';
import { networkHash, serviceHash, sha256Hex } from '../../../../src/netsim/cli/compose/hash';
import { composeHost } from './fixtures';

describe('the config-hash labels (pkg/compose/hash.go)', () => {
  it('SHA-256 as FIPS 180-4 gives it', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  // NetworkHash: json.Marshal(types.NetworkConfig): name, then ipam (a struct: never omitted), the rest empty.
  it('hashes the network as encoding/json marshals NetworkConfig', () => {
    const network = new Map([['name', 'tienda_default']]);
    expect(networkHash(network)).toBe(sha256Hex('{"name":"tienda_default","ipam":{}}'));
    expect(
      composeHost('services:\n  web:\n    image: nginx\n').run(
        'docker compose up -d >/dev/null 2>&1; docker network inspect -f \'{{index .Labels "com.docker.compose.config-hash"}}\' tienda_default',
      ).stdout,
    ).toBe('37749b7baacdd5d28d450dc7c72d392de00991661fa92cc50a360e1c91635eb7\n');
  });

  // ServiceHash: json.Marshal(types.ServiceConfig) without build, pull_policy, scale, depends_on, profiles;
  // command and entrypoint are marshalled even when nil (no omitempty), networks' nil configs as null.
  it('hashes the service as encoding/json marshals ServiceConfig', () => {
    const service = new Map<string, never>([
      ['image', 'nginx' as never],
      ['networks', new Map([['default', null]]) as never],
      ['depends_on', new Map() as never],
    ]);
    expect(serviceHash(service)).toBe(
      sha256Hex('{"command":null,"entrypoint":null,"image":"nginx","networks":{"default":null}}'),
    );
  });
});
