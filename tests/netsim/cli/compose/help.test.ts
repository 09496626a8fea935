import { describe, expect, it } from 'vitest';
import { composeFlags } from '../../../../src/netsim/cli/compose/compose';
import { COMPOSE_HELP } from '../../../../src/netsim/cli/compose/help-tables';
import { composeHost } from './fixtures';

// A CLI plugin's commands take docker/cli v29.7.2's usage template (cli/cobra.go) under a root
// named docker; flags as pflag FlagUsagesWrapped lays them out at 79 columns. The texts below
// follow docs/reference/docker_compose_port.yaml and cmd/compose/port.go of compose v2.40.3.
describe('docker compose --help', () => {
  it("prints a subcommand's usage, description and flags, the persistent --dry-run among them", () => {
    const host = composeHost('services: {}\n');
    expect(host.run('docker compose port --help')).toMatchObject({
      stdout: [
        'Usage:  docker compose port [OPTIONS] SERVICE PRIVATE_PORT',
        '',
        'Print the public port for a port binding',
        '',
        'Options:',
        '      --dry-run           Execute command in dry run mode',
        '      --index int         Index of the container if service has multiple',
        '                          replicas',
        '      --protocol string   tcp or udp (default "tcp")',
        '',
      ].join('\n'),
      exitCode: 0,
    });
  });

  it('says -h is deprecated before the help, as pflag does for the root’s help shorthand', () => {
    const host = composeHost('services: {}\n');
    expect(host.run('docker compose ls -h').stdout).toMatch(
      /^Flag shorthand -h has been deprecated, use --help\nUsage:  docker compose ls \[OPTIONS\]\n\nList running compose projects\n/,
    );
  });

  it('prints the plugin’s help alone, with --help, and through `help`', () => {
    const host = composeHost('services: {}\n');
    const help = host.run('docker compose');
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(
      /^Usage:  docker compose \[OPTIONS\] COMMAND\n\nDefine and run multi-container applications with Docker\n\nOptions:\n/,
    );
    expect(help.stdout).toContain(
      '\nManagement Commands:\n  bridge      Convert compose files into another model\n\nCommands:\n  attach      ',
    );
    expect(help.stdout).toContain('\n  up          Create and start containers\n');
    expect(help.stdout.endsWith("\nRun 'docker compose COMMAND --help' for more information on a command.\n")).toBe(
      true,
    );
    // Hidden flags (--no-ansi, --verbose, --version, --workdir) and commands (alpha) are not listed.
    expect(help.stdout).not.toMatch(/--no-ansi|--verbose|--workdir|\n {2}alpha /);
    expect(host.run('docker compose --help').stdout).toBe(help.stdout);
    expect(host.run('docker compose help').stdout).toBe(help.stdout);
    expect(host.run('docker compose help port').stdout).toBe(host.run('docker compose port --help').stdout);
  });

  it('answers an unknown command with the help, then the error (RootCommand RunE)', () => {
    const host = composeHost('services: {}\n');
    const unknown = host.run('docker compose nope');
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stdout).toBe(host.run('docker compose --help').stdout);
    expect(unknown.stderr).toBe('unknown docker command: "compose nope"\n');
  });

  it('has help for every subcommand netsim runs, listing the flags it takes but the hidden ones, and no other', () => {
    // MarkHidden in cmd/compose: exec.go -i and -t, run.go --tty, remove.go --all.
    const hidden: Record<string, string[]> = {
      exec: ['--interactive', '-i', '--tty', '-t'],
      run: ['--tty', '-t'],
      rm: ['--all', '-a'],
    };
    for (const [name, { flags }] of Object.entries(composeFlags())) {
      expect(COMPOSE_HELP[name], name).toBeDefined();
      const listed = COMPOSE_HELP[name]!.flags.flatMap((flag) => [
        `--${flag.name}`,
        ...(flag.short ? [`-${flag.short}`] : []),
      ]);
      expect(
        flags.filter((flag) => !listed.includes(flag)),
        name,
      ).toEqual(hidden[name] ?? []);
      expect(
        listed.filter((flag) => !flags.includes(flag) && flag !== '--dry-run'),
        name,
      ).toEqual([]);
    }
  });
});
