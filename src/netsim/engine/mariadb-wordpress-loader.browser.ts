import { onDemand } from '../on-demand';

// The reader's browser: the mariadb and wordpress images' entrypoints and files are a chunk of
// their own, fetched the first time a line names either image (cli/tool-modules.ts) or a
// container of one starts. Same exports as mariadb-wordpress-loader.ts, which this replaces.
const images = onDemand('mariadbWordpress', () => import('./mariadb-wordpress'));

export const mariadbWordpress = images.get;
export const loadMariadbWordpress = images.load;
