import type { Engine } from '../../engine/engine';
import { imageInfo, parseImageReference, storedImages } from '../../engine/images';
import { formatImageTable, formatImageTree, imageRows, treeRows, type ImageRow, type ImageSummary } from '../../format/docker-images';
import { renderTemplate, TemplateError } from '../../format/go-template';
import { goStruct } from '../../format/go-value';
import { tabulate } from '../../format/tabwriter';
import { fail, ok, type CommandResult } from '../command';
import type { CommandSpec, DockerContext } from './cobra';

/** image.Summary for every stored image, newest first, with how many containers use it. */
function summaries(engine: Engine): ImageSummary[] {
  return storedImages().map((image) => ({
    id: image.digest,
    repoTags: [`${image.repository}:${image.tag}`],
    repoDigests: [`${image.repository}@${image.digest}`],
    createdMs: Date.parse(image.created),
    size: image.contentSize + image.unpackedSize,
    contentSize: image.contentSize,
    containers: engine.containers().filter((c) => imageInfo(c.image) === image).length,
  }));
}

/** The `reference` filter a positional REPOSITORY[:TAG] adds. */
function matching(images: ImageSummary[], reference: string | undefined): ImageSummary[] {
  if (reference === undefined) return images;
  const wanted = parseImageReference(reference);
  const tag = reference.includes(':') ? wanted.tag : undefined;
  return images.filter((image) => image.repoTags.some((repoTag) => repoTag.startsWith(`${wanted.familiar}:`) && (tag === undefined || repoTag.endsWith(`:${tag}`))));
}

const HEADERS: Record<keyof ImageRow, string> = { Repository: 'REPOSITORY', Tag: 'TAG', Digest: 'DIGEST', ID: 'IMAGE ID', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', Size: 'SIZE', Containers: 'CONTAINERS' };

/** formatter.Context: `table ...` gets a header row and tabwriter columns; other templates print one line per image. */
function formatRows(rows: ImageRow[], format: string): string {
  const table = format.startsWith('table');
  const template = table ? format.slice(5).trim() : format;
  const render = (row: Record<string, string>) => renderTemplate(template.replaceAll('\\t', '\t'), goStruct({ ...row }));
  if (!table) return rows.map((row) => `${render({ ...row })}\n`).join('');
  return tabulate([render(HEADERS), ...rows.map((row) => render({ ...row }))].map((line) => line.split('\t')));
}

/** Subcommands of `docker image`, which `docker images` reads as a name to look for. */
const IMAGE_SUBCOMMANDS = ['build', 'history', 'import', 'inspect', 'list', 'load', 'ls', 'prune', 'pull', 'push', 'rm', 'save', 'tag'];

/**
 * `docker images` / `docker image ls` (docker/cli v29.7.2 cli/command/image/list.go):
 * the tree view unless -q, --no-trunc, --digests or --format ask for the table.
 */
const images: CommandSpec<DockerContext> = {
  path: 'docker images',
  usage: '[OPTIONS] [REPOSITORY[:TAG]]',
  args: { kind: 'at-least', count: 0 },
  flags: [
    { name: 'quiet', short: 'q', takesValue: false },
    { name: 'all', short: 'a', takesValue: false },
    { name: 'no-trunc', takesValue: false },
    { name: 'digests', takesValue: false },
    { name: 'format', takesValue: true },
    { name: 'tree', takesValue: false },
  ],
  run({ values, positionals }, { engine }): CommandResult {
    // cli.RequiresMaxArgs(1)
    if (positionals.length > 1) return fail(`docker: '${this.path}' requires at most 1 argument\n\nUsage:  ${this.path} ${this.usage}\n\nRun '${this.path} --help' for more information\n`, 1);
    const tableWanted = ['quiet', 'no-trunc', 'digests', 'format'].find((name) => values.has(name));
    if (tableWanted && values.has('tree')) return fail(`--${tableWanted === 'digests' ? 'show-digest' : tableWanted} is not yet supported with --tree\n`, 1);
    const listed = matching(summaries(engine), positionals[0]);
    const hint = listed.length === 0 && positionals[0] !== undefined && this.path === 'docker images' && IMAGE_SUBCOMMANDS.includes(positionals[0]) ? `No images found matching "${positionals[0]}": did you mean "docker image ${positionals[0]}"?\n` : '';
    if (!tableWanted) return { stdout: formatImageTree(treeRows(listed)), stderr: hint, exitCode: 0 };
    const rows = imageRows(listed, engine.now(), values.has('no-trunc'));
    const format = values.get('format')?.at(-1);
    let stdout: string;
    try {
      if (values.has('quiet')) stdout = [...new Set(rows.map((row) => row.ID))].map((id) => `${id}\n`).join('');
      else if (format === undefined || format === 'table') stdout = formatImageTable(rows, values.has('digests'));
      else stdout = formatRows(rows, format);
    } catch (error) {
      if (error instanceof TemplateError) return fail(`template parsing error: ${error.message}\n`, 64);
      throw error;
    }
    return { stdout, stderr: hint, exitCode: 0 };
  },
};

/**
 * `docker pull` of an image the store already has: the containerd image store
 * resolves it, finds every blob present and shows no layer progress
 * (moby daemon/containerd/image_pull.go), then the CLI prints the reference.
 */
const pull: CommandSpec<DockerContext> = {
  path: 'docker pull',
  usage: '[OPTIONS] NAME[:TAG|@DIGEST]',
  args: { kind: 'exactly', count: 1 },
  flags: [
    { name: 'quiet', short: 'q', takesValue: false },
    { name: 'all-tags', short: 'a', takesValue: false },
    { name: 'platform', takesValue: true },
  ],
  run({ values, positionals: [reference] }) {
    const parsed = parseImageReference(reference!);
    const image = imageInfo(reference!);
    const present = image && (parsed.digest === undefined ? parsed.tag === image.tag : parsed.digest === image.digest);
    if (!image || !present) {
      return fail(`This simulator has no registry: it can only pull images it already has (${storedImages().map((i) => `${i.repository}:${i.tag}`).sort().join(', ')}).\n`, 1);
    }
    const tagOrDigest = parsed.digest ?? parsed.tag!;
    const familiar = parsed.digest ? `${parsed.familiar}@${parsed.digest}` : `${parsed.familiar}:${parsed.tag}`;
    const full = `docker.io/${parsed.path}${parsed.digest ? `@${parsed.digest}` : `:${parsed.tag}`}`;
    if (values.has('quiet')) return ok(`${full}\n`);
    const defaultTag = !reference!.includes('@') && parsed.tag === 'latest' && !/:[^/]*$/.test(reference!) ? 'Using default tag: latest\n' : '';
    return ok(`${defaultTag}${tagOrDigest}: Pulling from ${parsed.path}\nDigest: ${image.digest}\nStatus: Image is up to date for ${familiar}\n${full}\n`);
  },
};

export const IMAGE_COMMANDS = { images, pull };
