import { describe, expect, it } from 'vitest';
import { seedSession } from './seed-session';

/**
 * Seed 003 ("El Ecosistema de Docker: Creación de Redes y Comunicación",
 * DigitalOcean, 2015) has no console lines: it describes docker0, exposed and
 * published ports. Its claims are checked as Docker 29 behaves (docs.docker.com,
 * "Port publishing and mapping": EXPOSE documents a port, -p/-P publish it).
 */
describe('seed 003: the claims of a prose-only article', () => {
  const { run } = seedSession();

  it('the daemon sets up docker0 with a subnet for containers at start', () => {
    expect(run('ip -4 addr show docker0').stdout).toContain(
      'inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0',
    );
  });

  it('an exposed port is only documented: docker ps lists it without a host mapping', () => {
    run('docker run -d --name exposed nginx');
    expect(run('docker port exposed').stdout).toBe('');
    expect(run('docker ps --format "{{.Ports}}"').stdout).toBe('80/tcp\n');
  });

  it('-P publishes it on a high port Docker picks from the ephemeral range', () => {
    run('docker run -d -P --name published nginx');
    const [line] = run('docker port published').stdout.split('\n');
    const port = Number(/^80\/tcp -> 0\.0\.0\.0:(\d+)$/.exec(line!)?.[1]);
    expect(port).toBeGreaterThanOrEqual(32768);
    expect(port).toBeLessThanOrEqual(60999);
  });
});
