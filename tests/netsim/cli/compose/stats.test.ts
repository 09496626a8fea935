import { describe, expect, it } from 'vitest';
import { composeHost } from './fixtures';

// docker/compose v2.40.3 cmd/compose/stats.go runStats: docker/cli's RunStats
// (cli/command/container/stats.go) filtered by the project's label and the first
// service named; the same table as docker stats --no-stream.
describe('docker compose stats --no-stream', () => {
  it("samples the project's containers only, or one service's", () => {
    const host = composeHost(
      'services:\n  db:\n    image: alpine\n    command: sleep 1000\n  web:\n    image: nginx\n',
    );
    host.run('docker compose up -d');
    host.run('docker run -d --name other alpine sleep 1000');
    const names = (text: string) =>
      text
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .map((line) => line.split(/\s{2,}/)[1]);
    expect(names(host.run('docker compose stats --no-stream').stdout)).toEqual(['tienda-web-1', 'tienda-db-1']);
    expect(names(host.run('docker compose stats --no-stream db').stdout)).toEqual(['tienda-db-1']);
    const project = host.run('docker compose stats --no-stream').stdout.split('\n');
    const all = host.run('docker stats --no-stream').stdout.split('\n');
    expect(project[0]).toBe(all[0]);
    expect(all).toContain(project[1]);
  });
});
