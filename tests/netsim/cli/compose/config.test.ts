import { describe, expect, it } from 'vitest';
import { composeHost, WEB_AND_DB } from './fixtures';

// compose v2.40.3 cmd/compose/config.go: the project after ToProject, marshalled by compose-go's
// Project.MarshalYAML (go-yaml v3, SetIndent(2)): struct fields in types.go order, map keys sorted,
// canonical forms (transform/ports.go, dependson.go), Normalize's default network and names.
describe('docker compose config', () => {
  it('prints the canonical model', () => {
    expect(composeHost(WEB_AND_DB).run('docker compose config').stdout).toBe(`name: tienda
services:
  db:
    command:
      - sleep
      - "1000"
    image: alpine
    networks:
      default: null
  web:
    depends_on:
      db:
        condition: service_started
        required: true
    image: nginx
    networks:
      default: null
    ports:
      - mode: ingress
        target: 80
        published: "8080"
        protocol: tcp
networks:
  default:
    name: tienda_default
`);
  });

  it('writes environment lists as mappings, resolves variables and doubles every $ of the result', () => {
    const host = composeHost(
      'services:\n  web:\n    image: nginx\n    environment:\n      - MODE=prod\n      - PRICE=$$5\n      - HOME\n    labels: ["a=b"]\n    expose: [80]\n    hostname: shop\n',
    );
    expect(host.run('docker compose config').stdout).toBe(`name: tienda
services:
  web:
    environment:
      HOME: /home/usuario
      MODE: prod
      PRICE: $$5
    expose:
      - "80"
    hostname: shop
    image: nginx
    labels:
      a: b
    networks:
      default: null
networks:
  default:
    name: tienda_default
`);
  });

  it('keeps only the networks a service uses (WithoutUnnecessaryResources), unless --all-resources', () => {
    const host = composeHost(
      'services:\n  web:\n    image: nginx\n    networks: [front]\nnetworks:\n  front:\n    ipam:\n      config:\n        - subnet: 10.5.0.0/24\n  unused:\n    internal: true\n',
    );
    expect(host.run('docker compose config --networks').stdout).toBe('front\n');
    expect(host.run('docker compose --all-resources config --networks').stdout).toBe('front\nunused\n');
    expect(host.run('docker compose config').stdout).toContain(
      'networks:\n  front:\n    name: tienda_front\n    ipam:\n      config:\n        - subnet: 10.5.0.0/24\n',
    );
  });

  it('prints JSON with json.MarshalIndent, without a final newline', () => {
    expect(composeHost('services:\n  web:\n    image: nginx\n').run('docker compose config --format json').stdout)
      .toBe(`{
  "name": "tienda",
  "networks": {
    "default": {
      "name": "tienda_default",
      "ipam": {}
    }
  },
  "services": {
    "web": {
      "command": null,
      "entrypoint": null,
      "image": "nginx",
      "networks": {
        "default": null
      }
    }
  }
}`);
  });

  it('lists the services dependencies first, -q prints nothing', () => {
    const host = composeHost(WEB_AND_DB);
    expect(host.run('docker compose config --services').stdout).toBe('db\nweb\n');
    expect(host.run('docker compose config -q')).toMatchObject({ stdout: '', exitCode: 0 });
  });
});
