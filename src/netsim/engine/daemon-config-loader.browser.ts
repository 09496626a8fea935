import { onDemand } from '../on-demand';

// The reader's browser: dockerd's daemon.json reader is a chunk of its own, fetched the first time
// a line names daemon.json (cli/tool-modules.ts) or the daemon (re)starts. Same exports as
// daemon-config-loader.ts, which this replaces.
const reader = onDemand('daemonConfig', () => import('./daemon-config-reader'));

export const daemonConfigReader = reader.get;
export const loadDaemonConfigReader = reader.load;
