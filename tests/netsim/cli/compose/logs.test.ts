import { describe, expect, it } from 'vitest';
import { composeHost } from './fixtures';

const TWO = 'services:\n  web:\n    image: nginx\n  longer-name:\n    image: nginx\n';

// compose v2.40.3 cmd/formatter/logs.go: each line after `%-{width}s | `, width the longest name so far
// plus one (getContainerNameWithoutProject: `web-1`); colors.go's rainbow when stdout is a terminal.
describe('docker compose logs', () => {
  const host = composeHost(TWO);
  host.run('docker compose up -d');

  it("prefixes each container's lines with its name, padded to the longest one", () => {
    const lines = host.run('docker compose logs | cat').stdout.split('\n');
    expect(lines.some((line) => line.startsWith('longer-name-1  | '))).toBe(true);
    expect(lines.find((line) => line.startsWith('web-1'))).toMatch(/^web-1          \| /);
  });

  it('colours the prefixes at a terminal, cyan first, then yellow', () => {
    const shown = host.run('docker compose logs').stdout;
    expect(shown).toContain('\x1b[36mlonger-name-1  | \x1b[0m');
    expect(shown).toContain('\x1b[33mweb-1          | \x1b[0m');
    expect(host.run('docker compose logs --no-color web').stdout.startsWith('web-1  | /docker-entrypoint.sh')).toBe(
      true,
    );
  });

  it('prints bare lines with --no-log-prefix, and the last N with --tail', () => {
    expect(host.run('docker compose logs --no-log-prefix --tail 1 web | cat').stdout).toMatch(
      /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] 1#1: start worker process \d+\n$/,
    );
  });

  it('-f waits until Ctrl-C, then the plugin prints its empty status error and exits 130', () => {
    const result = host.run('docker compose logs -f web', { interruptAfterSeconds: 1 });
    expect(result.exitCode).toBe(130);
    expect(result.output.endsWith('^C\n')).toBe(true);
  });
});
