import { humanDuration } from './human-duration';
import { tabulate } from './tabwriter';
import { goTimeString } from '../wire/go-time-string';
import { splitReference } from '../wire/image-reference';

/** What `docker images` receives from the API for one image (image.Summary, trimmed). */
export interface ImageSummary {
  /** `sha256:<index digest>`. */
  id: string;
  /** `nginx:latest`, familiar form. */
  repoTags: string[];
  /** `nginx@sha256:...`. */
  repoDigests: string[];
  createdMs: number;
  /** Content plus unpacked snapshot. */
  size: number;
  /** Content of the image's manifests. */
  contentSize: number;
  containers: number;
}

/**
 * `value` to `precision` significant digits as Go's strconv rounds them: on
 * the double's exact decimal expansion, and an exact tie to the even digit
 * (decimal.go shouldRoundUp), where JavaScript's toExponential rounds ties up.
 * Digits and the power of ten of the first one.
 */
function roundSignificant(value: number, precision: number): { digits: string; power: number } {
  // 100 significant digits hold the exact expansion of the sizes printed here.
  const [mantissa, exponent] = Math.abs(value).toExponential(99).split('e') as [string, string];
  const all = mantissa.replace('.', '');
  const kept = all.slice(0, precision);
  const rest = all.slice(precision);
  const tie = rest[0] === '5' && /^50*$/.test(rest);
  const up = rest[0]! > '5' || (rest[0] === '5' && !tie) || (tie && Number(kept.at(-1)) % 2 === 1);
  if (!up) return { digits: kept, power: Number(exponent) };
  const bumped = String(BigInt(kept) + BigInt(1));
  return bumped.length > precision
    ? { digits: bumped.slice(0, precision), power: Number(exponent) + 1 }
    : { digits: bumped, power: Number(exponent) };
}

/** Go's `%.<precision>g`: that many significant digits, trailing zeros dropped, exponent past 10^precision. */
function formatG(value: number, precision: number): string {
  if (value === 0) return '0';
  const { digits, power } = roundSignificant(value, precision);
  const trim = (text: string) => (text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text);
  if (power < -4 || power >= precision)
    return `${trim(`${digits[0]}.${digits.slice(1)}`)}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  const padded = power < 0 ? `${'0'.repeat(-power)}${digits}` : digits;
  const point = power < 0 ? 1 : power + 1;
  return trim(`${padded.slice(0, point)}.${padded.slice(point)}`);
}

/**
 * go-units HumanSizeWithPrecision(size, precision): decimal units, no space
 * (`232MB`, `8.46MB`); 3 digits where docker/cli asks for them, 4 for HumanSize.
 */
export function humanSize(bytes: number, precision = 3): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < units.length - 1) {
    size /= 1000;
    unit++;
  }
  return `${formatG(size, precision)}${units[unit]}`;
}

const truncateId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

/** One top-level entry of the tree view (tree.go topImage): a tag, or none for an untagged image. */
export interface TreeRow {
  name: string | undefined;
  id: string;
  diskUsage: string;
  contentSize: string;
  inUse: boolean;
}

/** runTree: one row per tag, sizes as the tree view prints them, sorted by name with the untagged last. */
export function treeRows(images: readonly ImageSummary[]): TreeRow[] {
  const rows = images.flatMap((image): TreeRow[] => {
    const details = {
      id: image.id,
      diskUsage: humanSize(image.size),
      contentSize: humanSize(image.contentSize),
      inUse: image.containers > 0,
    };
    return image.repoTags.length === 0
      ? [{ name: undefined, ...details }]
      : [...image.repoTags].sort().map((name) => ({ name, ...details }));
  });
  const key = (row: TreeRow) => row.name ?? '';
  return rows.sort((a, b) =>
    (a.name === undefined) !== (b.name === undefined)
      ? a.name === undefined
        ? 1
        : -1
      : key(a) < key(b)
        ? -1
        : key(a) > key(b)
          ? 1
          : 0,
  );
}

/**
 * Docker 29's default `docker images`: the tree view, as printed when stdout is
 * not a terminal (docker/cli cli/command/image/tree.go printImageTree: no legend,
 * no colours, the `U` chip for images containers use), rows in the order given.
 */
export function formatImageTree(rows: readonly TreeRow[]): string {
  const chips = rows.some((row) => row.inUse) ? ['U'] : [];
  const nameWidth = Math.max('Image'.length, ...rows.map((row) => (row.name ?? '<untagged>').length));
  const extraWidth = Math.max('Extra'.length, chips.length);
  const line = (cells: [string, string, string, string, string]) =>
    `${cells[0].padEnd(nameWidth)}   ${cells[1].padEnd(12)}   ${cells[2].padStart(10)}   ${cells[3].padStart(12)}   ${cells[4].padEnd(extraWidth)}\n`;
  return [
    line(['IMAGE', 'ID', 'DISK USAGE', 'CONTENT SIZE', 'EXTRA']),
    ...rows.map((row) =>
      line([
        row.name ?? '<untagged>',
        truncateId(row.id),
        row.diskUsage,
        row.contentSize,
        chips.map(() => (row.inUse ? 'U' : ' ')).join(''),
      ]),
    ),
  ].join('');
}

/** One row of the classic table: what its templates read (formatter/image.go imageContext's methods). */
export interface ImageRow {
  Containers: string;
  CreatedAt: string;
  CreatedSince: string;
  Digest: string;
  ID: string;
  Repository: string;
  SharedSize: string;
  Size: string;
  Tag: string;
  UniqueSize: string;
}

/**
 * The rows for `docker images --format ...`: one per repository and tag. The
 * digest is `<none>` unless it is asked for (needDigest: --digests, or a format
 * naming {{.Digest}}); the list carries no shared size (SharedSize -1: N/A), and
 * the containerd store counts each image's containers (image_list.go).
 */
export function imageRows(
  images: readonly ImageSummary[],
  nowMs: number,
  options: { noTrunc: boolean; digests: boolean },
): ImageRow[] {
  return images.flatMap((image) =>
    image.repoTags.map((repoTag) => {
      const { name: repository, tag } = splitReference(repoTag);
      const digest = image.repoDigests.find((d) => d.startsWith(`${repository}@`))?.split('@')[1];
      return {
        Containers: String(image.containers),
        CreatedAt: goTimeString(image.createdMs, 0),
        CreatedSince: `${humanDuration(nowMs - image.createdMs)} ago`,
        Digest: (options.digests && digest) || '<none>',
        ID: options.noTrunc ? image.id : truncateId(image.id),
        Repository: repository,
        SharedSize: 'N/A',
        Size: humanSize(image.size),
        Tag: tag ?? '',
        UniqueSize: 'N/A',
      };
    }),
  );
}

/** The classic `docker images` table (defaultImageTableFormat, with DIGEST for --digests). */
export function formatImageTable(rows: readonly ImageRow[], digests: boolean): string {
  const header = digests
    ? ['REPOSITORY', 'TAG', 'DIGEST', 'IMAGE ID', 'CREATED', 'SIZE']
    : ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'];
  return tabulate([
    header,
    ...rows.map((r) =>
      digests
        ? [r.Repository, r.Tag, r.Digest, r.ID, r.CreatedSince, r.Size]
        : [r.Repository, r.Tag, r.ID, r.CreatedSince, r.Size],
    ),
  ]);
}
