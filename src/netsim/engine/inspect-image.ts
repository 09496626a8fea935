import { rfc3339Nano } from '../wire/go-time';
import { goStruct, GoTime, NIL_MAP, NIL_POINTER, NIL_SLICE } from '../wire/go-value';
import { goTimeString } from '../wire/go-time-string';
import { repositoryPath } from '../wire/image-reference';
import { derivedNanos } from './derived';
import { HOST_BOOT_MS } from './host-processes';
import type { ResolvedImage } from './image-store';
import type { ImageInfo } from './images';

/**
 * `GET /images/{name}/json` as Docker 29 answers API 1.52+ with the containerd
 * image store (moby docker-v29.7.2 api/types/image/image_inspect.go
 * InspectResponse, daemon/containerd/image_inspect.go ImageInspect,
 * daemon/server/router/image/image_routes.go getImagesByName), fields in the
 * Go struct's order. Id is the index digest; Size the packed content of the
 * linux/amd64 image (ImageService.size); Metadata.LastTagTime the store's
 * UpdatedAt, which containerd keeps in UTC; Identity.Pull the repository the
 * distribution-source label names (image_identity.go).
 *
 * Left out because the catalog does not know them, rather than made up:
 * Comment (the last history entry's), Descriptor (needs the index's size) and
 * RootFS.Layers (the uncompressed layers' diff IDs); RootFS keeps its Type.
 */
export function inspectImage(
  { image, references }: ResolvedImage,
  tagTimes: Readonly<Record<string, number>>,
): Record<string, unknown> {
  const lastTagMs = Math.max(...references.map((reference) => tagTimes[reference] ?? HOST_BOOT_MS));
  const repository = repositoryPath(image.repository);
  const comment = image.committed?.commits.at(-1)?.comment;
  const author = image.committed?.commits.findLast((step) => step.author !== '')?.author;
  return goStruct(
    {
      Id: image.digest,
      RepoTags: [...references],
      // A commit's image was never pulled: no repository digest; its comment is its last history entry's.
      RepoDigests: image.committed ? [] : [`${image.repository}@${image.digest}`],
      ...(comment && { Comment: comment }),
      Created: image.created,
      ...(author && { Author: author }),
      Config: imageConfig(image),
      Architecture: 'amd64',
      Os: 'linux',
      Size: image.contentSize,
      RootFS: goStruct({ Type: 'layers' }),
      Metadata: goStruct({ LastTagTime: lastTagTime(image, lastTagMs) }),
      Identity: goStruct({ Pull: [goStruct({ Repository: `docker.io/${repository}` })] }),
    },
    {
      omitted: {
        ...(!comment && { Comment: '' }),
        ...(!author && { Author: '' }),
        Variant: '',
        OsVersion: '',
        GraphDriver: NIL_POINTER,
        Descriptor: NIL_POINTER,
        Manifests: NIL_SLICE,
      },
    },
  );
}

function lastTagTime(image: ImageInfo, ms: number): GoTime {
  const nanos = derivedNanos(image.digest, `tagged-${ms}`, ms);
  return new GoTime(rfc3339Nano(ms, nanos), goTimeString(ms, nanos));
}

/**
 * dockerspec.DockerOCIImageConfig: ocispec.ImageConfig's fields (User,
 * ExposedPorts, Env, Entrypoint, Cmd, Volumes, WorkingDir, Labels, StopSignal),
 * all `omitempty`, then Healthcheck, OnBuild, Shell. Go marshals map keys sorted.
 */
function imageConfig(image: ImageInfo): Record<string, unknown> {
  const set = (keys: readonly string[]) => Object.fromEntries([...keys].sort().map((key) => [key, goStruct({})]));
  const labels = Object.fromEntries(
    Object.keys(image.labels)
      .sort()
      .map((key) => [key, image.labels[key]]),
  );
  return goStruct(
    {
      ...(image.exposed.length > 0 && { ExposedPorts: set(image.exposed.map((port) => `${port}/tcp`)) }),
      ...(image.env.length > 0 && { Env: [...image.env] }),
      ...(image.entrypoint.length > 0 && { Entrypoint: [...image.entrypoint] }),
      ...(image.cmd.length > 0 && { Cmd: [...image.cmd] }),
      ...(image.volumes.length > 0 && { Volumes: set(image.volumes) }),
      ...(image.workingDir !== '' && { WorkingDir: image.workingDir }),
      ...(Object.keys(labels).length > 0 && { Labels: labels }),
      ...(image.stopSignal !== undefined && { StopSignal: image.stopSignal }),
    },
    {
      // What a template reads on the typed value when the JSON leaves a field out.
      omitted: {
        User: '',
        ExposedPorts: NIL_MAP,
        Env: NIL_SLICE,
        Entrypoint: NIL_SLICE,
        Cmd: NIL_SLICE,
        Volumes: NIL_MAP,
        WorkingDir: '',
        Labels: NIL_MAP,
        StopSignal: '',
        ArgsEscaped: false,
        Healthcheck: NIL_POINTER,
        OnBuild: NIL_SLICE,
        Shell: NIL_SLICE,
      },
    },
  );
}
