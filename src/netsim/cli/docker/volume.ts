import type { Engine } from '../../engine/engine';
import { EngineError } from '../../engine/errors';
import { ANONYMOUS_LABEL, inspectVolume, volumeMountpoint, volumeSize, type Volume } from '../../engine/volumes';
import { formatList } from '../../format/docker-formatter';
import { humanSize } from '../../format/docker-images';
import { goStruct } from '../../wire/go-value';
import { fail, ok, type CommandResult } from '../command';
import type { CommandSpec, DockerContext } from './cobra';
import { exactMatch, match, matchLabels, parseFilters, unacceptedFilter, type Filters } from './filters';
import { inspectReferences } from './inspect';
import { naturalCompare } from './natural-order';

/**
 * `docker volume create|ls|inspect|rm|prune` (docker/cli v29.7.2
 * cli/command/volume/*.go, formatter/volume.go) against the daemon's local
 * volumes (moby daemon/volume/service). A tool module: a reader seldom types it.
 */

type Spec = CommandSpec<DockerContext>;

const usageError = (path: string, usage: string, message: string): CommandResult =>
  fail(`${message}\n\nUsage:  ${path} ${usage}\n\nRun '${path} --help' for more information\n`, 125);

/** opts.ValidateLabel: `key=value` or `key`, the key not empty. */
function labelsOf(values: readonly string[]): Record<string, string> | { error: string } {
  const labels: Record<string, string> = {};
  for (const value of values) {
    const at = value.indexOf('=');
    const key = at < 0 ? value : value.slice(0, at);
    if (key.trim() === '')
      return { error: `invalid argument "${value}" for "--label" flag: invalid label '${value}': empty name` };
    labels[key] = at < 0 ? '' : value.slice(at + 1);
  }
  return labels;
}

const create: Spec = {
  path: 'docker volume create',
  usage: '[OPTIONS] [VOLUME]',
  args: { kind: 'at-least', count: 0 },
  flags: [
    { name: 'driver', short: 'd', takesValue: true },
    { name: 'name', takesValue: true },
    { name: 'opt', short: 'o', takesValue: true },
    { name: 'label', takesValue: true },
  ],
  run({ values, positionals }, { engine }) {
    // cli.RequiresMaxArgs(1) (cli/required.go), checked here as the rule table has no "at most".
    if (positionals.length > 1)
      return fail(
        `docker: '${this.path}' requires at most 1 argument\n\nUsage:  ${this.path} ${this.usage}\n\nRun '${this.path} --help' for more information\n`,
        1,
      );
    let name = values.get('name')?.at(-1);
    if (positionals.length === 1) {
      if (name !== undefined && name !== '')
        return fail(
          'conflicting options: cannot specify a volume-name through both --name and as a positional arg\n',
          1,
        );
      name = positionals[0];
    }
    const labels = labelsOf(values.get('label') ?? []);
    if ('error' in labels) return usageError(this.path, this.usage, labels.error as string);
    const options: Record<string, string> = {};
    for (const value of values.get('opt') ?? []) {
      const at = value.indexOf('=');
      options[at < 0 ? value : value.slice(0, at)] = at < 0 ? '' : value.slice(at + 1);
    }
    const driver = values.get('driver')?.at(-1) ?? 'local';
    // Only the local driver is installed (docker info: `Volume: local`): plugins' drivers are not found.
    if (driver !== 'local')
      return fail(
        `Error response from daemon: create ${name ?? ''}: error looking up volume plugin ${driver}: plugin "${driver}" not found\n`,
        1,
      );
    try {
      return ok(`${engine.volumes.create({ name, labels: labels as Record<string, string>, options }).name}\n`);
    } catch (error) {
      if (error instanceof EngineError) return fail(`Error response from daemon: ${error.message}\n`, 1);
      throw error;
    }
  },
};

/** formatter/volume.go: the default table, `-q`, the raw format, and the column titles. */
export function volumeFormat(format: string, quiet: boolean): string {
  if (format === 'table') return quiet ? '{{.Name}}' : 'table {{.Driver}}\t{{.Name}}';
  if (format === 'raw') return quiet ? 'name: {{.Name}}' : 'name: {{.Name}}\\ndriver: {{.Driver}}\\n';
  return format;
}

export const VOLUME_HEADER = {
  ID: 'ID',
  Name: 'VOLUME NAME',
  Group: 'GROUP',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  Availability: 'AVAILABILITY',
  Mountpoint: 'MOUNTPOINT',
  Labels: 'LABELS',
  Links: 'LINKS',
  Size: 'SIZE',
  Status: 'STATUS',
};

/** volumeContext: what `--format` sees of a volume; the list carries no UsageData, so Links and Size are N/A. */
export function volumeContext(volume: Volume): Record<string, unknown> {
  const labels = Object.entries(volume.labels ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .sort();
  return goStruct({
    Availability: 'N/A',
    Driver: 'local',
    Group: 'N/A',
    Labels: labels.join(','),
    Links: 'N/A',
    Mountpoint: volumeMountpoint(volume.name),
    Name: volume.name,
    Scope: 'local',
    Size: 'N/A',
    Status: 'N/A',
  });
}

/** filtersToBy (daemon/volume/service/convert.go) with acceptedListFilters: dangling, name, driver, label. */
function listFilter(engine: Engine, filters: Filters): ((volume: Volume) => boolean) | { error: string } {
  const refused = unacceptedFilter(filters, ['dangling', 'name', 'driver', 'label']);
  if (refused) return { error: refused };
  const dangling = filters.get('dangling');
  let wantDangling: boolean | undefined;
  if (dangling !== undefined) {
    // filters.Args.GetBoolOrDefault.
    if (dangling.length > 1) return { error: 'got more than one value for filter key "dangling"' };
    const value = dangling[0]!.toLowerCase();
    if (!['true', '1', 'false', '0'].includes(value)) return { error: `invalid filter 'dangling=${dangling[0]}'` };
    wantDangling = value === 'true' || value === '1';
  }
  return (volume) =>
    exactMatch(filters, 'driver', 'local') &&
    (!filters.has('name') || match(filters, 'name', volume.name)) &&
    matchLabels(filters, 'label', volume.labels ?? {}) &&
    (wantDangling === undefined || (engine.volumes.users(volume.name).length === 0) === wantDangling);
}

const ls: Spec = {
  path: 'docker volume ls',
  usage: '[OPTIONS]',
  args: { kind: 'none' },
  flags: [
    { name: 'quiet', short: 'q', takesValue: false },
    { name: 'format', takesValue: true },
    { name: 'filter', short: 'f', takesValue: true },
    { name: 'cluster', takesValue: false },
  ],
  run({ values }, { engine }) {
    const filters = parseFilters(values.get('filter'));
    if (!(filters instanceof Map))
      return usageError(
        this.path,
        this.usage,
        `invalid argument "${filters.value}" for "-f, --filter" flag: ${filters.error}`,
      );
    const keep = listFilter(engine, filters);
    if (typeof keep !== 'function') return fail(`Error response from daemon: ${keep.error}\n`, 1);
    // --cluster keeps cluster volumes only: this daemon is no swarm manager and has none.
    const listed = values.has('cluster') ? [] : engine.volumes.list().filter(keep);
    const rows = [...listed].sort((a, b) => naturalCompare(a.name, b.name)).map(volumeContext);
    const format =
      values.has('cluster') && !values.has('quiet')
        ? 'table {{.Name}}\t{{.Group}}\t{{.Driver}}\t{{.Availability}}\t{{.Status}}'
        : volumeFormat(values.get('format')?.at(-1) || 'table', values.has('quiet'));
    const output = formatList({ format, header: VOLUME_HEADER, rows, typeName: '*formatter.volumeContext' });
    return output.ok ? ok(output.text) : fail(`${output.error}\n`, 1);
  },
};

const inspect: Spec = {
  path: 'docker volume inspect',
  usage: '[OPTIONS] VOLUME [VOLUME...]',
  args: { kind: 'at-least', count: 1 },
  flags: [{ name: 'format', short: 'f', takesValue: true }],
  run({ values, positionals }, { engine }) {
    return inspectReferences(positionals, values.get('format')?.at(-1), (name) => {
      try {
        return { found: inspectVolume(engine.volumes.find(name)) };
      } catch (error) {
        if (error instanceof EngineError) return { error: `Error response from daemon: ${error.message}` };
        throw error;
      }
    });
  },
};

/** runRemove: each name printed once removed; the errors joined (errors.Join), status 1. */
const rm: Spec = {
  path: 'docker volume rm',
  usage: '[OPTIONS] VOLUME [VOLUME...]',
  args: { kind: 'at-least', count: 1 },
  flags: [{ name: 'force', short: 'f', takesValue: false }],
  run({ values, positionals }, { engine }) {
    let stdout = '';
    const errors: string[] = [];
    for (const name of positionals) {
      try {
        engine.volumes.remove(name, values.has('force'));
        stdout += `${name}\n`;
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
        errors.push(`Error response from daemon: ${error.message}`);
      }
    }
    return errors.length === 0 ? ok(stdout) : { stdout, stderr: `${errors.join('\n')}\n`, exitCode: 1 };
  },
};

const PRUNE_WARNING = {
  anonymous:
    'WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ',
  all: 'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ',
};

/**
 * The daemon's prune filter (withPrune, acceptedPruneFilters): label, label!
 * and all; without all=true only anonymous volumes are candidates.
 */
function pruneFilter(filters: Filters): ((volume: Volume) => boolean) | { error: string } {
  const refused = unacceptedFilter(filters, ['label', 'label!', 'all']);
  if (refused) return { error: refused };
  const all = filters.get('all') ?? [];
  if (all.length > 1) return { error: `invalid filter 'all=[${all.join(' ')}]': only one value is expected` };
  const every = all.length === 1 && ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(all[0]!);
  if (all.length === 1 && !every && !['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(all[0]!))
    return { error: `invalid filter 'all': strconv.ParseBool: parsing ${JSON.stringify(all[0])}: invalid syntax` };
  return (volume) => {
    const labels = volume.labels ?? {};
    if (!every && !Object.hasOwn(labels, ANONYMOUS_LABEL)) return false;
    return matchLabels(filters, 'label', labels) && !(filters.has('label!') && matchLabels(filters, 'label!', labels));
  };
}

const prune: Spec = {
  path: 'docker volume prune',
  usage: '[OPTIONS]',
  args: { kind: 'none' },
  flags: [
    { name: 'all', short: 'a', takesValue: false },
    { name: 'force', short: 'f', takesValue: false },
    { name: 'filter', takesValue: true },
  ],
  run({ values }, { engine, stdin }) {
    const given = parseFilters(values.get('filter'));
    if (!(given instanceof Map))
      return usageError(
        this.path,
        this.usage,
        `invalid argument ${JSON.stringify(given.value)} for "--filter" flag: ${given.error}`,
      );
    if (values.has('all')) {
      if (given.has('all')) return fail('conflicting options: cannot specify both --all and --filter all=1\n', 1);
      given.set('all', ['true']);
    }
    const prompt = values.has('force') ? '' : values.has('all') ? PRUNE_WARNING.all : PRUNE_WARNING.anonymous;
    // prompt.Confirm: anything but y or Y cancels, with status 0 (the cancelled error is not printed).
    if (prompt && stdin.split('\n')[0]?.trim().toLowerCase() !== 'y') return ok(prompt);
    const matches = pruneFilter(given);
    if (typeof matches !== 'function')
      return { stdout: prompt, stderr: `Error response from daemon: ${matches.error}\n`, exitCode: 1 };
    const sizes = new Map(engine.volumes.list().map((volume) => [volume.name, volumeSize(volume)]));
    const deleted = engine.volumes.prune(matches);
    const reclaimed = deleted.reduce((total, name) => total + (sizes.get(name) ?? 0), 0);
    const list = deleted.length > 0 ? `Deleted Volumes:\n${deleted.map((name) => `${name}\n`).join('')}\n` : '';
    return ok(`${prompt}${list}Total reclaimed space: ${humanSize(reclaimed, 4)}\n`);
  },
};

/** `docker volume <verb>`, aliases included (cli/command/volume/cmd.go). */
export const VOLUME_COMMANDS: Record<string, Spec> = { create, ls, list: ls, inspect, rm, remove: rm, prune };
