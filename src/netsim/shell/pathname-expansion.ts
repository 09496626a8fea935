import { compile, hasGlob, unescapeGlob, type GlobFiles } from './glob';

// Pathname expansion walks directories; it comes with the chunk of the seldom-typed builtins, fetched the first time a word has a pattern.

/** The paths the pattern matches, sorted; empty when none does. `cwd` resolves a relative pattern. */
export function expandGlob(pattern: string, cwd: string, files: GlobFiles): string[] {
  const absolute = pattern.startsWith('/');
  const components = pattern.split('/');
  let found: string[] = [absolute ? '/' : ''];
  for (const component of components) {
    if (component === '') continue;
    found = found.flatMap((prefix) => step(prefix, component, cwd, files));
    if (found.length === 0) return [];
  }
  const trailing = pattern.endsWith('/') && pattern !== '/' ? '/' : '';
  return found.map((path) => `${path}${trailing}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The names one component matches under `prefix` (as typed: absolute, or relative to `cwd`). */
function step(prefix: string, component: string, cwd: string, files: GlobFiles): string[] {
  const join = (name: string) =>
    prefix === '' ? name : prefix.endsWith('/') ? `${prefix}${name}` : `${prefix}/${name}`;
  const onDisk = (path: string) => (path.startsWith('/') ? path : `${cwd === '/' ? '' : cwd}/${path}`);
  if (!hasGlob(component)) {
    const path = join(unescapeGlob(component));
    // A literal component is only looked up: a directory on the way must exist, the last name too.
    return files.exists(onDisk(path)) ? [path] : [];
  }
  const names = files.list(prefix === '' ? cwd : onDisk(prefix));
  if (!names) return [];
  const matcher = compile(component);
  const dotted = component.startsWith('.') || component.startsWith('\\.');
  return names.filter((name) => (dotted || !name.startsWith('.')) && matcher.test(name)).map(join);
}
