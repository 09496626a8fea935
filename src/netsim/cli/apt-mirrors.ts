import type { AptIndex } from '../engine/image-catalog/archives';
import { lookupHost, type NameService } from '../userland/name-resolution';

/**
 * What apt's http method finds for each mirror (methods/connect.cc): EAI_NONAME
 * is `Could not resolve`, EAI_AGAIN `Temporary failure resolving`. A mirror that
 * does not resolve fails its InRelease files, and no index is fetched from it.
 */
export function fetchIndexes(
  indexes: readonly AptIndex[],
  service: NameService,
): { description: string; size: number; error?: string }[] {
  const errors = new Map<string, string | undefined>();
  const errorFor = (host: string) => {
    if (!errors.has(host)) {
      const lookup = lookupHost(service, host);
      errors.set(
        host,
        lookup.kind === 'found'
          ? undefined
          : lookup.kind === 'not-found'
            ? `Could not resolve '${host}'`
            : `Temporary failure resolving '${host}'`,
      );
    }
    return errors.get(host);
  };
  return indexes.flatMap((index) => {
    const error = errorFor(new URL(index.description.split(' ')[0]!).hostname);
    if (error === undefined) return [index];
    return index.description.endsWith(' InRelease') ? [{ ...index, error }] : [];
  });
}
