/**
 * Image references as the daemon reads them (distribution/reference: ParseNormalizedNamed,
 * TagNameOnly, FamiliarString): values, so the engine, its printers and the CLI share one parser.
 */

/** A reference as the daemon normalises it: `nginx`, `nginx:1.27` and `docker.io/library/nginx` name the same repository. */
export interface ImageReference {
  /** `nginx`, `nicolaka/netshoot` (reference.FamiliarName). */
  familiar: string;
  /** `library/nginx` (reference.Path). */
  path: string;
  /** The tag; `latest` when none and no digest is given. */
  tag: string | undefined;
  digest: string | undefined;
}

export function parseImageReference(reference: string): ImageReference {
  const [withoutDigest, digest] = reference.split('@') as [string, string | undefined];
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > withoutDigest.lastIndexOf('/');
  const name = hasTag ? withoutDigest.slice(0, colon) : withoutDigest;
  const familiar = name.replace(/^docker\.io\//, '').replace(/^library\//, '');
  return {
    familiar,
    path: familiar.includes('/') ? familiar : `library/${familiar}`,
    tag: hasTag ? withoutDigest.slice(colon + 1) : digest === undefined ? 'latest' : undefined,
    digest,
  };
}

/** `name:tag` or `name@digest`, as reference.FamiliarString prints a normalised reference. */
export function familiarString(reference: ImageReference): string {
  return reference.digest !== undefined ? `${reference.familiar}@${reference.digest}` : `${reference.familiar}:${reference.tag}`;
}
