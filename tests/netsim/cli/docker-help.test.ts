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

  it("lists a management command's verbs, padded to cobra's minimum of 11", () => {
    const help = hostAfter().run('docker network --help').stdout;
    expect(
      help.startsWith(
        'Usage:  docker network COMMAND\n\nManage networks\n\nCommands:\n  connect     Connect a container to a network\n',
      ),
    ).toBe(true);
    expect(
      help.endsWith(
        "  rm          Remove one or more networks\n\nRun 'docker network COMMAND --help' for more information on a command.\n",
      ),
    ).toBe(true);
  });

  it("shows network create's flags with pflag's types and non-zero defaults", () => {
    const help = hostAfter().run('docker network create --help').stdout;
    expect(
      help.startsWith(
        'Usage:  docker network create [OPTIONS] NETWORK\n\nCreate a network\n\nOptions:\n      --attachable            Enable manual container attachment\n',
      ),
    ).toBe(true);
    expect(help).toContain('  -d, --driver string         Driver to manage the Network (default "bridge")\n');
    expect(help).toContain('  -o, --opt map               Set driver specific options (default map[])\n');
    expect(help).toContain(
      '      --ipv4                  Enable or disable IPv4 address assignment\n                              (default true)\n',
    );
  });
});

// docker/cli v29.7.2: cli/cobra.go (usageTemplate; the root's hidden persistent
// --help whose -h shorthand is deprecated "use --help", printed by cobra's
// c.Print on stdout before the help), cmd/docker/docker.go (ShowHelp to stderr
// for the bare root and management commands; hideUnsupportedFeatures), and the
// reference pages docs/reference/commandline/*.md for each command's texts.
describe('--help on every command', () => {
  it('prints the root help with the sections docker/cli groups its commands in', () => {
    const help = hostAfter().run('docker --help').stdout;
    expect(
      help.startsWith(
        'Usage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\nCommon Commands:\n  run         Create and run a new container from an image\n  exec        Execute a command in a running container\n  ps          List containers\n',
      ),
    ).toBe(true);
    expect(help).toContain(
      '\nManagement Commands:\n  builder     Manage builds\n  buildx*     Docker Buildx\n  compose*    Docker Compose\n  container   Manage containers\n',
    );
    expect(help).toContain(
      '\nSwarm Commands:\n  swarm       Manage Swarm\n\nCommands:\n  attach      Attach local standard input, output, and error streams to a running container\n',
    );
    expect(help).toContain(
      '      --config string      Location of client config files (default\n                           "/home/usuario/.docker")\n',
    );
    expect(help).not.toContain('checkpoint');
    expect(
      help.endsWith(
        "  -v, --version            Print version information and quit\n\nRun 'docker COMMAND --help' for more information on a command.\n\nFor more help on how to use Docker, head to https://docs.docker.com/go/guides/\n",
      ),
    ).toBe(true);
  });

  it('prints the root help on stderr, status 0, when docker is run alone', () => {
    const result = hostAfter().run('docker');
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith('Usage:  docker [OPTIONS] COMMAND\n')).toBe(true);
    expect(result.exitCode).toBe(0);
  });

  it("shows a command's aliases before its options, and says -h is deprecated", () => {
    const help = hostAfter().run('docker ps -h').stdout;
    expect(
      help.startsWith(
        'Flag shorthand -h has been deprecated, use --help\nUsage:  docker ps [OPTIONS]\n\nList containers\n\nAliases:\n  docker container ls, docker container list, docker container ps, docker ps\n\nOptions:\n  -a, --all             Show all containers (default shows just running)\n',
      ),
    ).toBe(true);
    expect(help).toContain(
      '  -n, --last int        Show n last created containers (includes all\n                        states) (default -1)\n',
    );
    expect(
      hostAfter().run('docker container ls --help').stdout.startsWith('Usage:  docker container ls [OPTIONS]\n'),
    ).toBe(true);
  });

  it("lists docker run's own --help, keeps -h for --hostname, and hides Windows-only flags", () => {
    const host = hostAfter();
    const help = host.run('docker run --help').stdout;
    expect(help).toContain(
      '      --help                             Print usage\n  -h, --hostname string                  Container host name\n',
    );
    // opts.UlimitOpt prints [] when empty, which pflag does not take for zero.
    expect(help).toContain('      --ulimit ulimit                    Ulimit options (default [])\n');
    expect(help).toContain(
      '      --restart string                   Restart policy to apply when a\n                                         container exits (default "no")\n',
    );
    expect(help).not.toContain('--cpu-count');
    expect(host.run('docker run -h').stderr).toBe(
      "flag needs an argument: 'h' in -h\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n",
    );
  });

  it('answers help before checking the arguments', () => {
    const result = hostAfter().run('docker logs --help');
    expect(result.exitCode).toBe(0);
    expect(
      result.stdout.startsWith(
        'Usage:  docker logs [OPTIONS] CONTAINER\n\nFetch the logs of a container\n\nAliases:\n  docker container logs, docker logs\n',
      ),
    ).toBe(true);
  });

  it("prints a management command's help on stderr when it is run alone", () => {
    const result = hostAfter().run('docker network');
    expect(result).toMatchObject({ stdout: '', exitCode: 0 });
    expect(result.stderr.startsWith('Usage:  docker network COMMAND\n\nManage networks\n\nCommands:\n')).toBe(true);
  });

  it('lists every subcommand docker/cli has, as docker container --help does', () => {
    const help = hostAfter().run('docker container --help').stdout;
    expect(help).toContain('  cp          Copy files/folders between a container and the local filesystem\n');
    expect(help).toContain('  wait        Block until one or more containers stop, then print their exit codes\n');
  });

  it('answers docker help COMMAND as COMMAND --help', () => {
    const host = hostAfter();
    expect(host.run('docker help network create').stdout).toBe(host.run('docker network create --help').stdout);
    expect(host.run('docker help ps').stdout).toBe(host.run('docker ps --help').stdout);
  });
});

describe('docker -h', () => {
  // cli/cobra.go HandleGlobalFlags parses the root's flags with a pflag.FlagSet
  // whose output is the default, stderr; cobra's own parse prints the notice on
  // the command's out stream (stdout), before the help.
  it('says twice that -h is deprecated, once on each stream, then prints the help', () => {
    const result = hostAfter().run('docker -h');
    expect(result.stderr).toBe('Flag shorthand -h has been deprecated, use --help\n');
    expect(
      result.stdout.startsWith('Flag shorthand -h has been deprecated, use --help\nUsage:  docker [OPTIONS] COMMAND\n'),
    ).toBe(true);
  });
});

// The help tables are a tool module of their own: every command the client runs must find its table there.
describe('every command netsim runs has its help', () => {
  const commands = [
    'attach',
    'cp',
    'create',
    'exec',
    'history',
    'images',
    'info',
    'inspect',
    'kill',
    'logs',
    'port',
    'ps',
    'pull',
    'rename',
    'restart',
    'rm',
    'rmi',
    'run',
    'start',
    'stats',
    'stop',
    'top',
    'version',
    'container ls',
    'container prune',
    'image ls',
    'image prune',
    'image rm',
    'image inspect',
    'image history',
    'network connect',
    'network create',
    'network disconnect',
    'network inspect',
    'network ls',
    'network prune',
    'network rm',
    'system df',
    'system info',
    'system prune',
  ];
  it.each(commands)('docker %s --help', (command) => {
    const result = hostAfter().run(`docker ${command} --help`);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage:  docker ${command.replace(' ', ' ')}`));
  });
});
