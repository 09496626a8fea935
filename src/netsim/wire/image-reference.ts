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

/** A reference's parts as written: the tag is what follows a colon after the last slash (a registry's port is not a tag). */
export function splitReference(reference: string): {
  name: string;
  tag: string | undefined;
  digest: string | undefined;
} {
  const [withoutDigest, digest] = reference.split('@') as [string, string | undefined];
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > withoutDigest.lastIndexOf('/');
  return {
    name: hasTag ? withoutDigest.slice(0, colon) : withoutDigest,
    tag: hasTag ? withoutDigest.slice(colon + 1) : undefined,
    digest,
  };
}

/**
 * reference.FamiliarName: Docker Hub's domain and its `library/` dropped. The legacy
 * `index.docker.io` is Docker Hub too (normalize.go, legacyDefaultDomain).
 */
export function familiarName(name: string): string {
  return name.replace(/^(index\.)?docker\.io\//, '').replace(/^library\//, '');
}

/** reference.Path: an official image's repository under `library/`. */
export const repositoryPath = (familiar: string): string => (familiar.includes('/') ? familiar : `library/${familiar}`);

export function parseImageReference(reference: string): ImageReference {
  const { name, tag, digest } = splitReference(reference);
  const familiar = familiarName(name);
  return {
    familiar,
    path: repositoryPath(familiar),
    tag: tag ?? (digest === undefined ? 'latest' : undefined),
    digest,
  };
}

/** `name:tag` or `name@digest`, as reference.FamiliarString prints a normalised reference. */
export function familiarString(reference: ImageReference): string {
  return reference.digest !== undefined
    ? `${reference.familiar}@${reference.digest}`
    : `${reference.familiar}:${reference.tag}`;
}
