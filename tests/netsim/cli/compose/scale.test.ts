import { describe, expect, it } from 'vitest';
import { composeHost } from './fixtures';

const REPLICAS = `services:
  web:
    image: traefik/whoami
  client:
    image: alpine
    command: sleep 1000
`;

// docker/compose v2.40.3 cmd/compose/create.go applyScaleOpts (--scale SERVICE=NUM),
// cmd/compose/scale.go parseServicesReplicasArgs, pkg/compose/convergence.go
// ensureService (replicas -1, -2, -3; scale down removes the highest numbers:
// Stopping, Stopped, Removing, Removed), compose-go GetScale/SetScale and
// GetService ("no such service: NAME: not found"); moby docker-v29.7.2
// daemon/libnetwork/resolver.go handleIPQuery (the answer shuffled, rand.Shuffle).
describe('docker compose up --scale and docker compose scale', () => {
  it('creates replicas -1 to -3, each answering to the service name', () => {
    const host = composeHost(REPLICAS);
    const stderr = host.run('docker compose --progress plain up -d --scale web=3').stderr;
    expect(stderr).toContain(
      ' Container tienda-web-1  Created\n Container tienda-web-2  Creating\n Container tienda-web-2  Created\n Container tienda-web-3  Creating\n Container tienda-web-3  Created\n',
    );
    expect(host.run("docker compose ps --format '{{.Name}}'").stdout).toBe(
      'tienda-client-1\ntienda-web-1\ntienda-web-2\ntienda-web-3\n',
    );
    const addresses = (text: string) => [...text.matchAll(/Address: (172\.\d+\.\d+\.\d+)/g)].map((m) => m[1]);
    const first = addresses(host.run('docker compose exec client nslookup -type=a web').stdout);
    expect([...first].sort()).toEqual(['172.18.0.3', '172.18.0.4', '172.18.0.5']);
    // Round robin: the order changes from one answer to the next.
    const orders = new Set([
      first.join(),
      ...Array.from({ length: 5 }, () =>
        addresses(host.run('docker compose exec client nslookup -type=a web').stdout).join(),
      ),
    ]);
    expect(orders.size).toBeGreaterThan(1);
  });

  it('scales down from the highest number, and back up after the highest left', () => {
    const host = composeHost(REPLICAS);
    host.run('docker compose up -d --scale web=3');
    expect(host.run('docker compose --progress plain scale web=1').stderr).toBe(
      ' Container tienda-web-1  Running\n Container tienda-web-2  Stopping\n Container tienda-web-2  Stopped\n Container tienda-web-2  Removing\n Container tienda-web-2  Removed\n Container tienda-web-3  Stopping\n Container tienda-web-3  Stopped\n Container tienda-web-3  Removing\n Container tienda-web-3  Removed\n',
    );
    host.run('docker compose up -d --scale web=2');
    expect(host.run("docker compose ps --format '{{.Name}}' web").stdout).toBe('tienda-web-1\ntienda-web-2\n');
  });

  it('refuses malformed counts and unknown services', () => {
    const host = composeHost(REPLICAS);
    expect(host.run('docker compose up -d --scale web').stderr).toBe(
      'invalid --scale option "web". Should be SERVICE=NUM\n',
    );
    expect(host.run('docker compose scale web=x').stderr).toBe(
      "invalid scale specifier: can't parse replica value as int: web=x\n",
    );
    expect(host.run('docker compose scale nope=2').stderr).toBe('no such service: nope\n');
  });
});
