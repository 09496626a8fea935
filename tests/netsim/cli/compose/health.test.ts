import { describe, expect, it } from 'vitest';
import { composeHost } from './fixtures';

const HEALTHY = `services:
  web:
    image: alpine
    command: sleep 1000
    depends_on:
      db:
        condition: service_healthy
  db:
    image: alpine
    command: sleep 1000
    healthcheck:
      test: ["CMD", "true"]
      interval: 10s
      start_period: 30s
      start_interval: 2s
`;

// compose-go v2.9.1 types/healthcheck.go (HealthCheckConfig's fields and order; a
// string test is CMD-SHELL; Duration printed by time.Duration.String) and
// loader/validate.go; docker/compose v2.40.3 pkg/compose/convert.go ToMobyHealthCheck,
// convergence.go waitDependencies/isServiceHealthy (Waiting, then Healthy or
// "dependency failed to start: container NAME is unhealthy"), pkg/progress/event.go.
describe('docker compose healthcheck', () => {
  it('prints the healthcheck in canonical form', () => {
    const stdout = composeHost(
      HEALTHY.replace('["CMD", "true"]', 'exit 0').replace('interval: 10s', 'interval: 90s'),
    ).run('docker compose config').stdout;
    expect(stdout).toContain(
      '    healthcheck:\n      test:\n        - CMD-SHELL\n        - exit 0\n      interval: 1m30s\n      start_period: 30s\n      start_interval: 2s\n',
    );
  });

  it('waits for a healthy dependency before starting what depends on it', () => {
    const host = composeHost(HEALTHY);
    const stderr = host.run('docker compose --progress plain up -d').stderr;
    expect(stderr.split('\n').slice(6)).toEqual([
      ' Container tienda-db-1  Starting',
      ' Container tienda-db-1  Started',
      ' Container tienda-db-1  Waiting',
      ' Container tienda-db-1  Healthy',
      ' Container tienda-web-1  Starting',
      ' Container tienda-web-1  Started',
      '',
    ]);
    expect(host.run("docker compose ps --format '{{.Name}} {{.Health}}'").stdout).toBe(
      'tienda-db-1 healthy\ntienda-web-1 \n',
    );
    expect(host.run("docker inspect -f '{{json .Config.Healthcheck}}' tienda-db-1").stdout).toBe(
      '{"Test":["CMD","true"],"Interval":10000000000,"StartPeriod":30000000000,"StartInterval":2000000000}\n',
    );
  });

  it('fails when the dependency turns unhealthy', () => {
    const host = composeHost(
      HEALTHY.replace('["CMD", "true"]', '["CMD", "false"]').replace(
        '      start_period: 30s\n      start_interval: 2s\n',
        '      retries: 2\n',
      ),
    );
    const result = host.run('docker compose --progress plain up -d');
    expect(result.exitCode).toBe(1);
    expect(
      result.stderr.endsWith(
        ' Container tienda-db-1  Waiting\n Container tienda-db-1  Error\ndependency failed to start: container tienda-db-1 is unhealthy\n',
      ),
    ).toBe(true);
  });
});
