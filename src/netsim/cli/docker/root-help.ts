import { flagUsagesWrapped, flagHelpOf, type HelpFlagRow } from '../../format/cobra-help';

/**
 * `docker --help` on this host (docker/cli v29.7.2): cli/cobra.go usageTemplate
 * for the root command. The sections and their order come from the commands'
 * annotations: `category-top` (run.go 1, exec.go 2, list.go 3, build.go 4, the bake
 * stub and pull.go 5, push.go 6, image list.go 7, login.go 8, logout.go 9,
 * search.go and version.go 10, info.go 12; ties keep cobra's name order),
 * commands with subcommands or plugins under Management Commands, `swarm`
 * annotations under Swarm Commands. On a daemon that is not a swarm manager nor
 * experimental, hideUnsupportedFeatures (cmd/docker/docker.go) hides config,
 * node, secret, service, stack and checkpoint. The Short texts are those of
 * docs/reference/commandline/docker.md. The plugins are docker-ce-cli's
 * Recommends, buildx and compose (their metadata ShortDescription), marked `*`
 * by decoratedName; bake shows because buildx is installed (setHelpFunc).
 */
const COMMON: readonly [string, string][] = [
  ['run', 'Create and run a new container from an image'],
  ['exec', 'Execute a command in a running container'],
  ['ps', 'List containers'],
  ['build', 'Build an image from a Dockerfile'],
  ['bake', 'Build from a file'],
  ['pull', 'Download an image from a registry'],
  ['push', 'Upload an image to a registry'],
  ['images', 'List images'],
  ['login', 'Authenticate to a registry'],
  ['logout', 'Log out from a registry'],
  ['search', 'Search Docker Hub for images'],
  ['version', 'Show the Docker version information'],
  ['info', 'Display system-wide information'],
];

const MANAGEMENT: readonly [string, string][] = [
  ['builder', 'Manage builds'],
  ['buildx*', 'Docker Buildx'],
  ['compose*', 'Docker Compose'],
  ['container', 'Manage containers'],
  ['context', 'Manage contexts'],
  ['image', 'Manage images'],
  ['manifest', 'Manage Docker image manifests and manifest lists'],
  ['network', 'Manage networks'],
  ['plugin', 'Manage plugins'],
  ['system', 'Manage Docker'],
  ['volume', 'Manage volumes'],
];

const SWARM: readonly [string, string][] = [['swarm', 'Manage Swarm']];

const OTHERS: readonly [string, string][] = [
  ['attach', 'Attach local standard input, output, and error streams to a running container'],
  ['commit', "Create a new image from a container's changes"],
  ['cp', 'Copy files/folders between a container and the local filesystem'],
  ['create', 'Create a new container'],
  ['diff', "Inspect changes to files or directories on a container's filesystem"],
  ['events', 'Get real time events from the server'],
  ['export', "Export a container's filesystem as a tar archive"],
  ['history', 'Show the history of an image'],
  ['import', 'Import the contents from a tarball to create a filesystem image'],
  ['inspect', 'Return low-level information on Docker objects'],
  ['kill', 'Kill one or more running containers'],
  ['load', 'Load an image from a tar archive or STDIN'],
  ['logs', 'Fetch the logs of a container'],
  ['pause', 'Pause all processes within one or more containers'],
  ['port', 'List port mappings or a specific mapping for the container'],
  ['rename', 'Rename a container'],
  ['restart', 'Restart one or more containers'],
  ['rm', 'Remove one or more containers'],
  ['rmi', 'Remove one or more images'],
  ['save', 'Save one or more images to a tar archive (streamed to STDOUT by default)'],
  ['start', 'Start one or more stopped containers'],
  ['stats', 'Display a live stream of container(s) resource usage statistics'],
  ['stop', 'Stop one or more running containers'],
  ['tag', 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE'],
  ['top', 'Display the running processes of a container'],
  ['unpause', 'Unpause all processes within one or more containers'],
  ['update', 'Update configuration of one or more containers'],
  ['wait', 'Block until one or more containers stop, then print their exit codes'],
];

/**
 * The root's flags (cli/flags/options.go InstallFlags, with config.Dir() and the
 * TLS files under the user's ~/.docker; cmd/docker/docker.go adds -v, --version),
 * as docker.md lists them; its backquotes were `"` in the usage (docs.code-delimiter).
 */
function globalFlags(home: string): HelpFlagRow[] {
  const dir = `${home}/.docker`;
  return [
    { name: 'config', type: 'string', default: dir, usage: 'Location of client config files' },
    {
      name: 'context',
      short: 'c',
      type: 'string',
      usage:
        'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")',
    },
    { name: 'debug', short: 'D', type: 'bool', usage: 'Enable debug mode' },
    { name: 'host', short: 'H', type: 'string', usage: 'Daemon socket to connect to' },
    {
      name: 'log-level',
      short: 'l',
      type: 'string',
      default: 'info',
      usage: 'Set the logging level ("debug", "info", "warn", "error", "fatal")',
    },
    { name: 'tls', type: 'bool', usage: 'Use TLS; implied by --tlsverify' },
    { name: 'tlscacert', type: 'string', default: `${dir}/ca.pem`, usage: 'Trust certs signed only by this CA' },
    { name: 'tlscert', type: 'string', default: `${dir}/cert.pem`, usage: 'Path to TLS certificate file' },
    { name: 'tlskey', type: 'string', default: `${dir}/key.pem`, usage: 'Path to TLS key file' },
    { name: 'tlsverify', type: 'bool', usage: 'Use TLS and verify the remote' },
    { name: 'version', short: 'v', type: 'bool', usage: 'Print version information and quit' },
  ];
}

/** cobra's rpad to NamePadding + 1: the root's longest command name is under cobra's minimum of 11. */
const rows = (commands: readonly [string, string][]) =>
  commands.map(([name, short]) => `\n  ${name.padEnd(12)}${short}`).join('');

export function rootHelp(home: string): string {
  return [
    'Usage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n',
    `\nCommon Commands:${rows(COMMON)}\n`,
    `\nManagement Commands:${rows(MANAGEMENT)}\n`,
    `\nSwarm Commands:${rows(SWARM)}\n`,
    `\nCommands:${rows(OTHERS)}\n`,
    `\nGlobal Options:\n${flagUsagesWrapped(globalFlags(home).map(flagHelpOf), 79).trimEnd()}\n`,
    "\nRun 'docker COMMAND --help' for more information on a command.\n",
    '\nFor more help on how to use Docker, head to https://docs.docker.com/go/guides/\n',
  ].join('');
}
