import { describe, expect, it } from 'vitest';
import { schemaProblem } from '../../../../src/netsim/cli/compose/schema';
import { readYaml, type Raw } from '../../../../src/netsim/cli/compose/yaml-read';

const model = (text: string): Raw => {
  const read = readYaml(text);
  if ('error' in read) throw new Error(read.error.message);
  return read.documents[0]!;
};

// compose-go v2.9.1 loader/loader_test.go and schema/schema_test.go: the schema's most specific error, in schema.go's words.
describe('the compose-spec schema, as compose-go words its refusals', () => {
  it.each([
    ['services:\n  - foo:\n      image: busybox\n', 'services must be a mapping'],
    ['services:\n  foo: busybox\n', 'services.foo must be a mapping'],
    ['networks:\n  - default:\n      driver: bridge\n', 'networks must be a mapping'],
    // The tests check a prefix: the network and volume schemas take null too (humanReadableType sorts and joins).
    ['networks:\n  default: bridge\n', 'networks.default must be a mapping or null'],
    ['volumes:\n  data: local\n', 'volumes.data must be a mapping or null'],
    ['services:\n  foo:\n    image: ["busybox", "latest"]\n', 'services.foo.image must be a string'],
    [
      'services:\n  dict-env:\n    image: busybox\n    environment:\n      FOO: ["1"]\n',
      'services.dict-env.environment.FOO must be a boolean, null, number or string',
    ],
    [
      'services:\n  dict-env:\n    image: busybox\n    environment: "FOO=1"\n',
      'services.dict-env.environment must be a mapping',
    ],
    [
      'services:\n  foo:\n    image: busybox\n    deploy:\n      resources:\n        impossible:\n          x: 1\n',
      "services.foo.deploy.resources additional properties 'impossible' not allowed",
    ],
  ])('%j', (text, expected) => {
    expect(schemaProblem(model(text))).toBe(expected);
  });

  it('accepts a valid file', () => {
    expect(
      schemaProblem(
        model(
          'services:\n  web:\n    image: nginx\n    ports: ["8080:80"]\n    networks: [front]\nnetworks:\n  front: {}\n',
        ),
      ),
    ).toBeUndefined();
  });

  it('names a misspelt service key, the error one level deeper than the type errors beside it', () => {
    expect(schemaProblem(model('services:\n  web:\n    image: nginx\n    port: 80\n'))).toBe(
      "services.web additional properties 'port' not allowed",
    );
    expect(
      schemaProblem(
        model(
          'services:\n  web:\n    image: nginx\n    networks:\n      front:\n        alias: [x]\nnetworks:\n  front:\n',
        ),
      ),
    ).toBe("services.web.networks.front additional properties 'alias' not allowed");
  });
});
