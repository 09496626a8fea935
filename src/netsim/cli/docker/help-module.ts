/**
 * The docker client's help texts, a tool module of their own: the tables of
 * every command (help-tables.ts) and the root's sections (root-help.ts) are
 * fetched the first time a line asks for help, not with the terminal.
 */
export { DOCKER_HELP_TABLES } from './help-tables';
export { rootHelp } from './root-help';
export { cobraHelp } from '../../format/cobra-help';
