import { onDemand } from '../on-demand';

// The reader's browser: the nginx image's configuration and pages are a chunk of their own, fetched the
// first time a container of the image is made (the retry loads them). Same exports as nginx-files-loader.ts.
const files = onDemand('nginxFiles', () => import('./image-catalog/nginx-files'));

export const nginxFiles = files.get;
export const loadNginxFiles = files.load;
