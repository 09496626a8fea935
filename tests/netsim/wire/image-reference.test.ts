import { describe, expect, it } from 'vitest';
import {
  familiarName,
  familiarString,
  parseImageReference,
  repositoryPath,
  splitReference,
} from '../../../src/netsim/wire/image-reference';

// Cases from distribution/reference (normalize.go ParseNormalizedNamed, TagNameOnly,
// FamiliarName/FamiliarString; normalize_test.go), the parser Docker's daemon and CLI use.
describe('image references', () => {
  it.each([
    ['nginx', 'nginx:latest', 'library/nginx'],
    ['nginx:1.27', 'nginx:1.27', 'library/nginx'],
    ['docker.io/library/nginx', 'nginx:latest', 'library/nginx'],
    ['index.docker.io/library/nginx:1.27', 'nginx:1.27', 'library/nginx'],
    ['nicolaka/netshoot', 'nicolaka/netshoot:latest', 'nicolaka/netshoot'],
    ['nginx@sha256:0123abcd', 'nginx@sha256:0123abcd', 'library/nginx'],
  ])('%s is %s, repository path %s', (text, familiar, path) => {
    const reference = parseImageReference(text);
    expect(familiarString(reference)).toBe(familiar);
    expect(reference.path).toBe(path);
  });

  it('reads a registry port as part of the name, not as a tag', () => {
    expect(splitReference('localhost:5000/app')).toEqual({
      name: 'localhost:5000/app',
      tag: undefined,
      digest: undefined,
    });
    expect(splitReference('localhost:5000/app:v2')).toEqual({
      name: 'localhost:5000/app',
      tag: 'v2',
      digest: undefined,
    });
  });

  it('keeps another registry in the familiar name', () => {
    expect(familiarName('ghcr.io/library/app')).toBe('ghcr.io/library/app');
    expect(repositoryPath('ghcr.io/owner/app')).toBe('ghcr.io/owner/app');
  });
});
