import { describe, expect, it } from 'vitest';
import { Host } from '../../../../src/netsim/index';
import { composeHost } from './fixtures';

// compose v2.40.3 cmd/compose/compose.go RootCommand, cmd/main.go (SetFlagErrorFunc: exit 1) and
// docker/cli's plugin.Run, which prints an error's text alone.
describe('the docker compose plugin', () => {
  const host = Host.create({ seed: 1 });

  it('prints its version (cmd/compose/version.go)', () => {
    expect(host.run('docker compose version').stdout).toBe('Docker Compose version v2.40.3\n');
    expect(host.run('docker compose version --short').stdout).toBe('2.40.3\n');
  });

  it('refuses an unknown command, an unknown flag and a bad --progress as compose does', () => {
    expect(host.run('docker compose frobnicate')).toMatchObject({
      stderr: 'unknown docker command: "compose frobnicate"\n',
      exitCode: 1,
    });
    expect(host.run('docker compose up --nope')).toMatchObject({ stderr: 'unknown flag: --nope\n', exitCode: 1 });
    expect(host.run('docker compose --progress fancy up')).toMatchObject({
      stderr: 'unsupported --progress value "fancy"\n',
      exitCode: 1,
    });
    expect(host.run('docker compose --ansi never --progress tty up')).toMatchObject({
      stderr: "can't use --progress tty while ANSI support is disabled\n",
      exitCode: 1,
    });
  });

  it('takes the project flags before the subcommand only (TraverseChildren)', () => {
    expect(composeHost('services:\n  web:\n    image: nginx\n').run('docker compose config -p x')).toMatchObject({
      stderr: "unknown shorthand flag: 'p' in -p\n",
      exitCode: 1,
    });
  });

  it('prints plain progress with --ansi never or --progress plain, none with --progress quiet', () => {
    const file = 'services:\n  web:\n    image: nginx\n';
    expect(composeHost(file).run('docker compose --ansi never up -d').stderr).toBe(
      ' Network tienda_default  Creating\n Network tienda_default  Created\n Container tienda-web-1  Creating\n Container tienda-web-1  Created\n Container tienda-web-1  Starting\n Container tienda-web-1  Started\n',
    );
    expect(composeHost(file).run('docker compose --progress quiet up -d')).toMatchObject({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
  });
});
