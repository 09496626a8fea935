import { fail, ok } from '../command';
import { daemonErrorText, type CommandSpec, type DockerContext } from './cobra';

/** distribution/reference's grammar (regexp.go): a path of lower-case components, an optional tag and digest. */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN =
  '(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?';
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);

/**
 * reference.ParseNormalizedNamed's complaint about a name, if any
 * (normalize.go: a 64-hex name, an upper-case repository, then the grammar).
 */
export function referenceProblem(text: string): string | undefined {
  if (/^[a-f0-9]{64}$/.test(text))
    return `invalid repository name (${text}), cannot specify 64-byte hexadecimal strings`;
  const slash = text.indexOf('/');
  const first = slash < 0 ? '' : text.slice(0, slash);
  const isDomain = slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
  const rest = isDomain ? text.slice(slash + 1) : text;
  const remainder = isDomain || rest.includes('/') ? rest : `library/${rest}`;
  const repository = remainder.split(/[:@]/)[0]!;
  if (repository.toLowerCase() !== repository)
    return `invalid reference format: repository name (${repository}) must be lowercase`;
  return REFERENCE.test(text) ? undefined : 'invalid reference format';
}

/**
 * `docker tag` / `docker image tag` (docker/cli v29.7.2 cli/command/image/tag.go;
 * moby client v0.5.1 image_tag.go checks both names first, and refuses a
 * digest in the target). Prints nothing when it works.
 */
export const tag: CommandSpec<DockerContext> = {
  path: 'docker tag',
  usage: 'SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
  args: { kind: 'exactly', count: 2 },
  interspersed: false,
  flags: [],
  run({ positionals: [source, target] }, { engine }) {
    for (const name of [source!, target!]) {
      const problem = referenceProblem(name);
      if (problem)
        return fail(`error parsing reference: ${JSON.stringify(name)} is not a valid repository/tag: ${problem}\n`, 1);
    }
    if (target!.includes('@')) return fail('refusing to create a tag with a digest reference\n', 1);
    try {
      engine.images.tag(source!, target!);
      return ok('');
    } catch (error) {
      return fail(daemonErrorText(error), 1);
    }
  },
};
