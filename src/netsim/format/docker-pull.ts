import { familiarString } from '../wire/image-reference';
import type { PullRecord } from '../engine/image-store';

/**
 * What `docker pull` and a `docker run` that pulls show. On a stream that is not
 * a terminal, docker/cli's jsonmessage.Display drops progress bars (Downloading,
 * Extracting), keeping each layer's `Pulling fs layer`, `Download complete`,
 * `Already exists` and `Pull complete`; then the daemon's Digest and Status lines
 * (moby daemon/containerd/image_pull.go pullTag, writeStatus). A message with an
 * ID prints as `ID: text`. On a terminal (moby docker-v29.7.2
 * client/pkg/jsonmessage displayJSONMessages), each layer keeps one line,
 * rewritten in place with cursor moves: what stays on the screen is its last
 * status, then a space (`%s %s` with RenderTUIProgress's empty bar, as every
 * layer's last update has no counts).
 */
export function formatPullProgress(pull: PullRecord, terminal = false): string {
  const tagOrDigest = pull.reference.tag ?? `${pull.reference.familiar}@${pull.reference.digest}`;
  const layers = terminal
    ? lastActions(pull.events).map(([layer, action]) => `${layer}: ${action} `)
    : pull.events.map((event) => `${event.layer}: ${event.action}`);
  const lines = [`${tagOrDigest}: Pulling from ${pull.reference.path}`, ...layers, `Digest: ${pull.image.digest}`];
  const name = familiarString(pull.reference);
  lines.push(pull.newer ? `Status: Downloaded newer image for ${name}` : `Status: Image is up to date for ${name}`);
  return lines.map((line) => `${line}\n`).join('');
}

/** Each layer in the order it first showed, with its last action. */
function lastActions(events: PullRecord['events']): [string, string][] {
  const last = new Map<string, string>();
  for (const event of events) last.set(event.layer, event.action);
  return [...last];
}

/** The reference `docker pull` prints last (cli/command/image/pull.go): fully qualified. */
export function fullReference(pull: PullRecord): string {
  const { path, digest, tag } = pull.reference;
  return `docker.io/${path}${digest ? `@${digest}` : `:${tag}`}`;
}
