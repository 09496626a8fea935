import { onDemand } from '../on-demand';

// The reader's browser: Debian's 11 KB apache2 default page is a chunk of its own, fetched the
// first time a line names apache (cli/tool-modules.ts) or a request reaches it. Same exports as
// apache-page-loader.ts, which this replaces.
const page = onDemand('apachePage', () => import('./debian-apache2-index'));

export const apachePage = page.get;
export const loadApachePage = page.load;
