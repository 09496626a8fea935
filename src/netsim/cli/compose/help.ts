import { flagHelpOf, flagUsagesWrapped } from '../../format/cobra-help';
import { COMPOSE_HELP, COMPOSE_ROOT_HELP } from './help-tables';

/**
 * `--help` of the Compose plugin and its subcommands. A CLI plugin's commands
 * take docker/cli's templates (cli-plugins/plugin newPluginCommand,
 * SetupPluginRootCommand), under a root named `docker`: v29.7.2 cli/cobra.go
 * usageTemplate, its Options from cmd.Flags() (the persistent --dry-run with
 * them) at 79 columns, cobra's NamePadding of 11 for the command lists.
 */

const NAME_PADDING = 11;
const WIDTH = 80;

/** `docker compose --help`, and what `docker compose` alone prints. */
export function composeRootHelp(): string {
  const { description, flags, subcommands } = COMPOSE_ROOT_HELP;
  const sorted = [...subcommands].sort((a, b) => (a.name < b.name ? -1 : 1));
  const management = sorted.filter((sub) => sub.management);
  const operations = sorted.filter((sub) => !sub.management);
  let text = `Usage:  docker compose [OPTIONS] COMMAND\n\n${description}\n`;
  text += `\nOptions:\n${flagUsagesWrapped(flags.map(flagHelpOf), WIDTH - 1).trimEnd()}\n`;
  // decoratedName: the name and a space (a `*` marks a plugin), padded to NamePadding + 1.
  if (management.length > 0)
    text += `\nManagement Commands:\n${management.map((sub) => `  ${`${sub.name} `.padEnd(NAME_PADDING + 1)}${sub.short}\n`).join('')}`;
  text += `\nCommands:\n${operations.map((sub) => `  ${sub.name.padEnd(NAME_PADDING)} ${sub.short}\n`).join('')}`;
  return `${text}\nRun 'docker compose COMMAND --help' for more information on a command.\n`;
}

/** `docker compose SUBCOMMAND --help`; undefined for a subcommand netsim does not run. */
export function composeSubcommandHelp(name: string): string | undefined {
  const table = Object.hasOwn(COMPOSE_HELP, name) ? COMPOSE_HELP[name] : undefined;
  if (!table) return undefined;
  let text = `Usage:  ${`docker compose ${name} ${table.use}`.trimEnd()}\n\n${table.description.trim()}\n`;
  if (table.flags.length > 0)
    text += `\nOptions:\n${flagUsagesWrapped(table.flags.map(flagHelpOf), WIDTH - 1).trimEnd()}\n`;
  return text;
}
