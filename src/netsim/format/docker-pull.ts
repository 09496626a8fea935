import { familiarString } from '../wire/image-reference';
import type { PullRecord } from '../engine/image-store';

/**
 * What `docker pull` and a `docker run` that pulls show on a stream that is not a
 * terminal: docker/cli's jsonmessage.Display drops progress bars there
 * (Downloading, Extracting), keeping each layer's `Pulling fs layer`, `Download
 * complete`, `Already exists` and `Pull complete`; then the daemon's Digest and
 * Status lines (moby daemon/containerd/image_pull.go pullTag, writeStatus). A
 * message with an ID prints as `ID: text`.
 */
export function formatPullProgress(pull: PullRecord): string {
  const tagOrDigest = pull.reference.tag ?? `${pull.reference.familiar}@${pull.reference.digest}`;
  const lines = [`${tagOrDigest}: Pulling from ${pull.reference.path}`, ...pull.events.map((event) => `${event.layer}: ${event.action}`), `Digest: ${pull.image.digest}`];
  const name = familiarString(pull.reference);
  lines.push(pull.newer ? `Status: Downloaded newer image for ${name}` : `Status: Image is up to date for ${name}`);
  return lines.map((line) => `${line}\n`).join('');
}

/** The reference `docker pull` prints last (cli/command/image/pull.go): fully qualified. */
export function fullReference(pull: PullRecord): string {
  const { path, digest, tag } = pull.reference;
  return `docker.io/${path}${digest ? `@${digest}` : `:${tag}`}`;
}
