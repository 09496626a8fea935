import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(17);

// docker/cli v29.7.2: cmd/docker/docker.go (Version "<version>, build <commit>"),
// cli/cobra.go (SetVersionTemplate, usageTemplate), cli/command/network/cmd.go
// and create.go (Short texts, flags), pflag FlagUsagesWrapped at 79 columns.
describe('docker --version and --help', () => {
  it('prints the client version and commit', () => {
    expect(hostAfter().run('docker --version').stdout).toBe('Docker version 29.7.2, build a7dcaa6\n');
  });

  it('lists a management command\'s verbs, padded to cobra\'s minimum of 11', () => {
    const help = hostAfter().run('docker network --help').stdout;
    expect(help.startsWith('Usage:  docker network COMMAND\n\nManage networks\n\nCommands:\n  connect     Connect a container to a network\n')).toBe(true);
    expect(help.endsWith("  rm          Remove one or more networks\n\nRun 'docker network COMMAND --help' for more information on a command.\n")).toBe(true);
  });

  it('shows network create\'s flags with pflag\'s types and non-zero defaults', () => {
    const help = hostAfter().run('docker network create --help').stdout;
    expect(help.startsWith('Usage:  docker network create [OPTIONS] NETWORK\n\nCreate a network\n\nOptions:\n      --attachable            Enable manual container attachment\n')).toBe(true);
    expect(help).toContain('  -d, --driver string         Driver to manage the Network (default "bridge")\n');
    expect(help).toContain('  -o, --opt map               Set driver specific options (default map[])\n');
    expect(help).toContain('      --ipv4                  Enable or disable IPv4 address assignment\n                              (default true)\n');
  });
});
