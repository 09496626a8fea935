import { familiarString, parseImageReference } from '../../wire/image-reference';
import { imageHistory } from '../../engine/image-history';
import type { ImageInfo } from '../../engine/images';
import { formatList } from '../../format/docker-formatter';
import { humanSize } from '../../format/docker-images';
import { goStruct } from '../../wire/go-value';
import { humanDuration } from '../../format/human-duration';
import { fail, ok } from '../command';
import type { CommandSpec, DockerContext } from './cobra';

/** formatter_history.go: the tables, with dates as RFC 3339 and sizes in bytes under --human=false. */
const HUMAN_TABLE = 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
const RAW_TABLE = 'table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
const HEADER = {
  ID: 'IMAGE',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  CreatedBy: 'CREATED BY',
  Size: 'SIZE',
  Comment: 'COMMENT',
};
const BOOL_FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

/** formatter.Ellipsis: cut to `max` characters, the last one an ellipsis. */
const ellipsis = (text: string, max: number) =>
  [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;

/**
 * The IDs history names its rows by (moby image_history.go): the image's, then
 * each parent a commit recorded while the store still has it.
 */
function parentChain(image: ImageInfo, stored: readonly { image: ImageInfo }[]): string[] {
  const chain = [image.digest];
  for (let current = image; current.committed;) {
    const parent = stored.find((entry) => entry.image.digest === current.committed!.parent)?.image;
    if (!parent) break;
    chain.push(parent.digest);
    current = parent;
  }
  return chain;
}

/**
 * `docker history` / `docker image history` (docker/cli v29.7.2
 * cli/command/image/history.go, formatter_history.go). Only images whose
 * history this catalog knows are shown; the others say so.
 */
export const history: CommandSpec<DockerContext> = {
  path: 'docker history',
  usage: '[OPTIONS] IMAGE',
  args: { kind: 'exactly', count: 1 },
  flags: [
    { name: 'human', short: 'H', takesValue: false },
    { name: 'no-trunc', takesValue: false },
    { name: 'quiet', short: 'q', takesValue: false },
    { name: 'format', takesValue: true },
    { name: 'platform', takesValue: true },
  ],
  run({ values, positionals: [reference] }, { engine }) {
    const image = engine.images.find(reference!);
    if (!image)
      return fail(`Error response from daemon: No such image: ${familiarString(parseImageReference(reference!))}\n`, 1);
    const items = imageHistory(image, parentChain(image, engine.images.list()));
    if (!items)
      return fail(
        `This simulator does not know the history of ${familiarString(parseImageReference(reference!))} yet.\n`,
        1,
      );
    const human = !BOOL_FALSE.includes(values.get('human')?.at(-1) ?? 'true');
    const trunc = !values.has('no-trunc');
    const nowMs = engine.clock.now();
    const rows = items.map((item) =>
      goStruct({
        ID: trunc && item.id.startsWith('sha256:') ? item.id.slice(7, 19) : item.id,
        CreatedSince: human
          ? `${humanDuration(nowMs - item.created * 1000)} ago`
          : new Date(item.created * 1000).toISOString().replace('.000Z', 'Z'),
        CreatedAt: new Date(item.created * 1000).toISOString().replace('.000Z', 'Z'),
        CreatedBy: trunc ? ellipsis(item.createdBy.replaceAll('\t', ' '), 45) : item.createdBy.replaceAll('\t', ' '),
        Size: human ? humanSize(item.size) : String(item.size),
        Comment: item.comment,
      }),
    );
    const given = values.get('format')?.at(-1) || 'table';
    const format = given !== 'table' ? given : values.has('quiet') ? 'table {{.ID}}' : human ? HUMAN_TABLE : RAW_TABLE;
    const output = formatList({ format, header: HEADER, rows, typeName: '*image.historyContext' });
    if (!output.ok) return fail(`${output.error}\n`, 1);
    // DefaultQuietFormat prints no header.
    return ok(values.has('quiet') && given === 'table' ? output.text.split('\n').slice(1).join('\n') : output.text);
  },
};
