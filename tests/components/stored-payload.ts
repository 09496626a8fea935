import { cacheDirectory } from '../../plugins/lessons/cache-directory';
import { payloadDirectory, storePayload } from '../../plugins/payloads/payload-store';

/** Stores `json` where the components read payloads at build time, and returns its key: the prop the Markdown plugin passes. */
export const stored = (json: string): string => storePayload(payloadDirectory(cacheDirectory(process.cwd())), json);
