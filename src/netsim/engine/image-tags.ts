import type { Daemon } from './daemon';
import { logImageEvent } from './events';
import { catalogReference, resolveImage } from './image-store';
import { familiarString, parseImageReference } from '../wire/image-reference';

/**
 * POST /images/{name}/tag (moby docker-v29.7.2 daemon/server/router/image
 * postImagesTag, daemon/containerd/image_tag.go TagImage and
 * createOrReplaceImage): the source is resolved as `docker rmi` resolves it, the
 * new name points at its image (taking the name from any other image), and
 * `tag` is logged with the image's digest, its labels and the new name.
 * `target` has been checked by the client.
 */
export function tagImage(daemon: Daemon, source: string, target: string): void {
  const { image, references } = resolveImage(daemon, source);
  const name = familiarString(parseImageReference(target));
  const state = daemon.state;
  // The image's name in the catalog, which the model looks it up by.
  // A commit's image is named by its ID instead.
  const catalogName = image.committed
    ? image.digest
    : catalogReference(daemon, references[0] ?? `${image.repository}:${image.tag}`);
  const unchanged = (state.imageTags?.[name] ?? name) === catalogName && state.images.includes(name);
  if (!unchanged) {
    if (!state.images.includes(name)) state.images.push(name);
    state.imageTags = { ...state.imageTags, [name]: catalogName };
    if (name === catalogName) delete state.imageTags[name];
    state.imageTagTimes = { ...state.imageTagTimes, [name]: daemon.clock.now() };
  }
  logImageEvent(daemon, image.digest, 'tag', name, image.labels);
}
