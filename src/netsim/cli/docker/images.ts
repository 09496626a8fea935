import type { Engine } from '../../engine/engine';
import { EngineError } from '../../engine/errors';
import { imageInfo } from '../../engine/images';
import { parseImageReference } from '../../wire/image-reference';
import { formatPullProgress, fullReference } from '../../format/docker-pull';
import {
  formatImageTable,
  formatImageTree,
  imageRows,
  treeRows,
  type ImageRow,
  type ImageSummary,
} from '../../format/docker-images';
import { formatList } from '../../format/docker-formatter';
import { goStruct } from '../../wire/go-value';
import { fail, ok, type CommandResult } from '../command';
import type { CommandSpec, DockerContext } from './cobra';

/** image.Summary for every stored image, newest first (moby image_list.go), with how many containers use it. */
export function summaries(engine: Engine): ImageSummary[] {
  const stored = engine.images.list();
  const images = [...new Set(stored.map((entry) => entry.image))].sort((a, b) =>
    a.created < b.created ? 1 : a.created > b.created ? -1 : 0,
  );
  return images.map((image) => ({
    id: image.digest,
    repoTags: stored.filter((entry) => entry.image === image).map((entry) => entry.reference),
    repoDigests: [`${image.repository}@${image.digest}`],
    createdMs: Date.parse(image.created),
    size: image.contentSize + image.unpackedSize,
    contentSize: image.contentSize,
    containers: engine.containers
      .list()
      .filter((c) => (c.committedImage ?? imageInfo(c.image)?.digest) === image.digest).length,
  }));
}

/** The `reference` filter a positional REPOSITORY[:TAG] adds. */
function matching(images: ImageSummary[], reference: string | undefined): ImageSummary[] {
  if (reference === undefined) return images;
  const wanted = parseImageReference(reference);
  const tag = reference.includes(':') ? wanted.tag : undefined;
  return images.filter((image) =>
    image.repoTags.some(
      (repoTag) => repoTag.startsWith(`${wanted.familiar}:`) && (tag === undefined || repoTag.endsWith(`:${tag}`)),
    ),
  );
}

/** The column titles (newImageContext's SubHeaderContext). */
const HEADERS: Record<keyof ImageRow, string> = {
  Containers: 'CONTAINERS',
  CreatedAt: 'CREATED AT',
  CreatedSince: 'CREATED',
  Digest: 'DIGEST',
  ID: 'IMAGE ID',
  Repository: 'REPOSITORY',
  SharedSize: 'SHARED SIZE',
  Size: 'SIZE',
  Tag: 'TAG',
  UniqueSize: 'UNIQUE SIZE',
};

/** NewImageFormat: a custom table with --digests gets the DIGEST column added. */
function imageFormat(format: string, digests: boolean): string {
  return format.startsWith('table') && digests && !format.includes('{{.Digest}}') ? `${format}\t{{.Digest}}` : format;
}

/** Subcommands of `docker image`, which `docker images` reads as a name to look for. */
const IMAGE_SUBCOMMANDS = [
  'build',
  'history',
  'import',
  'inspect',
  'list',
  'load',
  'ls',
  'prune',
  'pull',
  'push',
  'rm',
  'save',
  'tag',
];

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
    if (positionals.length > 1)
      return fail(
        `docker: '${this.path}' requires at most 1 argument\n\nUsage:  ${this.path} ${this.usage}\n\nRun '${this.path} --help' for more information\n`,
        1,
      );
    const tableWanted = ['quiet', 'no-trunc', 'digests', 'format'].find((name) => values.has(name));
    if (tableWanted && values.has('tree'))
      return fail(`--${tableWanted === 'digests' ? 'show-digest' : tableWanted} is not yet supported with --tree\n`, 1);
    const listed = matching(summaries(engine), positionals[0]);
    const hint =
      listed.length === 0 &&
      positionals[0] !== undefined &&
      this.path === 'docker images' &&
      IMAGE_SUBCOMMANDS.includes(positionals[0])
        ? `No images found matching "${positionals[0]}": did you mean "docker image ${positionals[0]}"?\n`
        : '';
    if (!tableWanted) return { stdout: formatImageTree(treeRows(listed)), stderr: hint, exitCode: 0 };
    const format = values.get('format')?.at(-1);
    const digests = values.has('digests');
    const rows = imageRows(listed, engine.clock.now(), {
      noTrunc: values.has('no-trunc'),
      digests: digests || (format ?? '').includes('{{.Digest}}'),
    });
    let stdout: string;
    if (values.has('quiet')) stdout = [...new Set(rows.map((row) => row.ID))].map((id) => `${id}\n`).join('');
    else if (format === undefined || format === 'table') stdout = formatImageTable(rows, digests);
    else {
      const output = formatList({
        format: imageFormat(format, digests),
        header: HEADERS,
        rows: rows.map((row) => goStruct({ ...row })),
        typeName: '*formatter.imageContext',
      });
      if (!output.ok) return fail(`${output.error}\n`, 1);
      stdout = output.text;
    }
    return { stdout, stderr: hint, exitCode: 0 };
  },
};

/**
 * `docker pull` (docker/cli v29.7.2 cli/command/image/pull.go): `Using default
 * tag` when none was given, the daemon's progress (format/docker-pull.ts), then
 * the full reference; -q prints only the reference. Registry errors are the
 * daemon's, with status 1.
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
  run({ values, positionals: [reference] }, { engine, stdoutIsTerminal }) {
    const defaultTag =
      !reference!.includes('@') && !/:[^/]*$/.test(reference!) && !values.has('quiet')
        ? 'Using default tag: latest\n'
        : '';
    try {
      const pulled = engine.images.pull(reference!);
      if (values.has('quiet')) return ok(`${fullReference(pulled)}\n`);
      return ok(`${defaultTag}${formatPullProgress(pulled, stdoutIsTerminal)}${fullReference(pulled)}\n`);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      return { stdout: defaultTag, stderr: `Error response from daemon: ${error.message}\n`, exitCode: 1 };
    }
  },
};

export const IMAGE_COMMANDS = { images, pull };
