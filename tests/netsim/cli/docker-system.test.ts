import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(43);

// docker/cli v29.7.2 cli/command/formatter/disk_usage.go (the summary table,
// units.HumanSize and "%s (%v%%)" for the reclaimable share),
// cli/command/system/prune.go (confirmationTemplate with each pruner's dry-run
// message in pruner.pruneOrder; each pruner's output then a blank line; "Total
// reclaimed space:"), container/prune.go and network/prune.go (their sections);
// moby docker-v29.7.2 daemon/disk_usage.go (active and reclaimable counts).
describe('docker system df', () => {
  it('sums images, containers, volumes and build cache', () => {
    const host = hostAfter('docker run -d --name web nginx', 'docker run --name done alpine true');
    const lines = host.run('docker system df').stdout.split('\n');
    expect(lines[0]).toBe('TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE');
    expect(lines[1]).toMatch(/^Images {10}\d+ +2 +\d+(\.\d+)?[kMG]B +\d+(\.\d+)?[kMG]B \(\d+%\)$/);
    expect(lines.slice(2)).toEqual([
      'Containers      2         1         0B        0B',
      'Local Volumes   0         0         0B        0B',
      'Build Cache     0         0         0B        0B',
      '',
    ]);
  });

  it("lists each image, container, volume and cache entry with -v, under verboseWriteTable's titles", () => {
    const host = hostAfter('docker run -d --name web nginx');
    const text = host.run('docker system df -v').stdout;
    expect(
      text.startsWith(
        'Images space usage:\n\nREPOSITORY          TAG       IMAGE ID       CREATED        SIZE      SHARED SIZE   UNIQUE SIZE   CONTAINERS\n',
      ),
    ).toBe(true);
    expect(text).toMatch(/\nnginx {15}latest {4}[0-9a-f]{12} {3}\d+ \w+ ago +\S+ +0B {12}\S+ +1\n/);
    expect(text).toContain(
      '\n\nContainers space usage:\n\nCONTAINER ID   IMAGE     COMMAND                  LOCAL VOLUMES   SIZE      CREATED         STATUS         NAMES\n',
    );
    expect(text).toMatch(
      /\n[0-9a-f]{12} {3}nginx {5}"\/docker-entrypoint\.…" {3}0 {15}0B {8}\d+ seconds ago +Up \d+ seconds +web\n/,
    );
    expect(
      text.endsWith(
        '\n\nLocal Volumes space usage:\n\nVOLUME NAME   LINKS     SIZE\n\nBuild cache usage: 0B\n\nCACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   USAGE     SHARED\n',
      ),
    ).toBe(true);
  });

  it('renders --format templates', () => {
    expect(hostAfter().run("docker system df --format '{{.Type}}={{.Active}}'").stdout).toBe(
      'Images=0\nContainers=0\nLocal Volumes=0\nBuild Cache=0\n',
    );
  });
});

describe('docker system prune', () => {
  it('asks first, and a missing yes cancels with nothing removed', () => {
    const host = hostAfter('docker run --name done alpine true');
    expect(host.run('docker system prune').stdout).toBe(
      'WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all dangling images\n  - unused build cache\n\nAre you sure you want to continue? [y/N] ',
    );
    expect(host.run('docker ps -aq').stdout).not.toBe('');
  });

  it('removes stopped containers and unused networks with -f', () => {
    const host = hostAfter(
      'docker run -d --name web nginx',
      'docker run --name done alpine true',
      'docker network create spare',
    );
    const id = host.run("docker inspect -f '{{.Id}}' done").stdout.trim();
    expect(host.run('docker system prune -f').stdout).toBe(
      `Deleted Containers:\n${id}\n\nDeleted Networks:\nspare\n\nTotal reclaimed space: 0B\n`,
    );
    expect(host.run("docker ps -a --format '{{.Names}}'").stdout).toBe('web\n');
    expect(host.run('docker system prune -f').stdout).toBe('Total reclaimed space: 0B\n');
  });
});
