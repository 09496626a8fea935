/**
 * The daemon's seldom-used work, a chunk of its own: signals with `docker kill
 * -s` and `docker stop -s/-t`, and a container's changes for `docker diff`. Fetched the first time a line needs it.
 */
export { killContainerWith, restartContainerWith, stopContainerWith, type StopOptions } from './container-signals';
export { containerChanges, type FilesystemChange } from './container-changes';
export { tagImage } from './image-tags';
export { commitContainer, pruneDanglingImages, type CommitRequest, type PruneLine } from './image-commit';
export { archiveSize, loadImages, saveImages } from './image-archive';
