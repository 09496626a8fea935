#!/usr/bin/env node
// Writes src/netsim/cli/docker/help-tables.ts from a docker/cli checkout: the
// reference pages docs/reference/commandline/<command>.md, which cli-docs-tool
// generates from each cobra command (Short or Long, Aliases, Subcommands) and its
// pflag flags (name, shorthand, Value.Type(), DefValue, Usage), and which docker/cli's
// CI keeps in step with the code. netsim renders `--help` from these tables with
// cobra's and pflag's own rules (src/netsim/format/cobra-help.ts).
//
//   node scripts/docker-cli-help.mjs /path/to/docker/cli/.git v29.7.2
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [gitDir, tag] = process.argv.slice(2);
if (!gitDir || !tag) {
  process.stderr.write('usage: node scripts/docker-cli-help.mjs DOCKER_CLI_GIT_DIR TAG\n');
  process.exit(2);
}

/** The commands netsim runs, by their docs page (the management commands list their subcommands). */
const PAGES = [
  'container',
  'image',
  'network',
  'system',
  'container_attach',
  'container_cp',
  'container_diff',
  'container_create',
  'container_exec',
  'container_inspect',
  'container_kill',
  'container_logs',
  'container_ls',
  'container_port',
  'container_prune',
  'container_rename',
  'container_restart',
  'container_rm',
  'container_run',
  'container_pause',
  'container_start',
  'container_stats',
  'container_stop',
  'container_top',
  'container_unpause',
  'container_wait',
  'system_events',
  'image_history',
  'image_inspect',
  'image_ls',
  'image_prune',
  'image_pull',
  'image_rm',
  'image_tag',
  'inspect',
  'version',
  'system_info',
  'system_df',
  'system_prune',
  'network_connect',
  'network_create',
  'network_disconnect',
  'network_inspect',
  'network_ls',
  'network_prune',
  'network_rm',
  'volume',
  'volume_create',
  'volume_inspect',
  'volume_ls',
  'volume_prune',
  'volume_rm',
];

/**
 * Flags whose value prints `[]` when empty though pflag does not take `[]` for
 * their zero value, so `--help` shows ` (default [])` where the docs page shows no
 * default (cli-docs-tool drops `[]`): opts.ThrottledeviceOpt, opts.WeightdeviceOpt
 * and opts.UlimitOpt String() (opts/throttledevice.go, weightdevice.go, ulimit.go),
 * used by cli/command/container/opts.go.
 */
const EMPTY_LIST_DEFAULT = new Set([
  'blkio-weight-device',
  'device-read-bps',
  'device-read-iops',
  'device-write-bps',
  'device-write-iops',
  'ulimit',
]);

/**
 * Flags hideUnsupportedFeatures (cmd/docker/docker.go) hides from a Linux daemon
 * that is not experimental: those annotated `ostype: windows`
 * (cli/command/container/opts.go) or `experimental` (start.go).
 */
const HIDDEN = {
  container_run: ['cpu-count', 'cpu-percent', 'io-maxbandwidth', 'io-maxiops'],
  container_create: ['cpu-count', 'cpu-percent', 'io-maxbandwidth', 'io-maxiops'],
  container_start: ['checkpoint', 'checkpoint-dir'],
  // Annotated `swarm: manager` (cli/command/volume/create.go, list.go): hidden unless the daemon is a swarm manager.
  volume_create: [
    'availability',
    'group',
    'limit-bytes',
    'required-bytes',
    'scope',
    'secret',
    'sharing',
    'topology-preferred',
    'topology-required',
    'type',
  ],
  volume_ls: ['cluster'],
};

/** Subcommands hidden the same way: `volume update` is annotated `swarm: manager` (cli/command/volume/update.go). */
const HIDDEN_SUBCOMMANDS = { volume: ['update'] };

const page = (name) =>
  execFileSync('git', ['--git-dir', gitDir, 'show', `${tag}:docs/reference/commandline/${name}.md`], {
    encoding: 'utf8',
  });

/** A markdown table row's cells, `\|` kept inside its cell. */
// The root command's docs.code-delimiter annotation (cli/cobra.go) made every `"` of a usage a backquote on the page.
const cells = (row) =>
  row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replaceAll('\\|', '|'));

function section(lines, title) {
  const at = lines.indexOf(`### ${title}`);
  if (at < 0) return [];
  const rows = [];
  for (const line of lines.slice(at + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows.slice(2).map(cells);
}

function parse(name) {
  const text = page(name);
  const generated = text.slice(text.indexOf('<!---MARKER_GEN_START-->') + 24, text.indexOf('<!---MARKER_GEN_END-->'));
  const lines = generated.split('\n');
  const firstHeading = lines.findIndex((line) => line.startsWith('### '));
  const description = lines
    .slice(0, firstHeading < 0 ? undefined : firstHeading)
    .join('\n')
    .trim();
  const aliasAt = lines.indexOf('### Aliases');
  const aliases = aliasAt < 0 ? [] : [...lines[aliasAt + 2].matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  const subcommands = section(lines, 'Subcommands').map(([cell, short]) => ({
    name: /`([^`]+)`/.exec(cell)[1],
    short,
  }));
  const flags = section(lines, 'Options').map(([nameCell, typeCell, defaultCell, usage]) => {
    const names = [...nameCell.matchAll(/`(-{1,2}[^`]+)`/g)].map((m) => m[1]);
    const long = names.find((n) => n.startsWith('--')).slice(2);
    const short = names.find((n) => !n.startsWith('--'))?.slice(1);
    const type = typeCell.replaceAll('`', '');
    let defaultValue = defaultCell === '' ? undefined : defaultCell.replace(/^`(.*)`$/, '$1');
    if (defaultValue === undefined && EMPTY_LIST_DEFAULT.has(long)) defaultValue = '[]';
    return {
      name: long,
      ...(short && { short }),
      type,
      ...(defaultValue !== undefined && { default: defaultValue }),
      usage: usage.replaceAll('<br>', '\n').replaceAll('`', '"'),
    };
  });
  const shown = flags.filter((flag) => !(HIDDEN[name] ?? []).includes(flag.name));
  const listed = subcommands.filter((sub) => !(HIDDEN_SUBCOMMANDS[name] ?? []).includes(sub.name));
  return { source: `docs/reference/commandline/${name}.md`, description, aliases, subcommands: listed, flags: shown };
}

const tables = Object.fromEntries(PAGES.map((name) => [name.replace('_', ' '), parse(name)]));
const commit = execFileSync('git', ['--git-dir', gitDir, 'rev-list', '-n1', tag], { encoding: 'utf8' }).trim();
const q = (value) => JSON.stringify(value);
const body = Object.entries(tables)
  .map(([key, t]) => {
    const flags = t.flags
      .map(
        (f) =>
          `      { name: ${q(f.name)}, ${f.short ? `short: ${q(f.short)}, ` : ''}type: ${q(f.type)}, ${f.default !== undefined ? `default: ${q(f.default)}, ` : ''}usage: ${q(f.usage)} },\n`,
      )
      .join('');
    const subs = t.subcommands.map((s) => `      { name: ${q(s.name)}, short: ${q(s.short)} },\n`).join('');
    return `  // ${t.source}\n  ${q(key)}: {\n    description: ${q(t.description)},\n    aliases: ${q(t.aliases)},\n    subcommands: [${subs ? `\n${subs}    ` : ''}],\n    flags: [${flags ? `\n${flags}    ` : ''}],\n  },\n`;
  })
  .join('');

writeFileSync(
  new URL('../src/netsim/cli/docker/help-tables.ts', import.meta.url),
  `/**
 * docker/cli ${tag} (${commit.slice(0, 7)}): each command's help as cli-docs-tool renders
 * it in docs/reference/commandline/<command>.md from the cobra command and its
 * pflag flags: the Short (or Long) text, the aliases, the subcommands, and each
 * flag's name, shorthand, Value.Type(), DefValue and usage. Generated by
 * scripts/docker-cli-help.mjs; regenerate rather than edit.
 */
import type { CommandHelpTable } from '../../format/cobra-help';

export const DOCKER_HELP_TABLES: Record<string, CommandHelpTable> = {
${body}};
`,
);
