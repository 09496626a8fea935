/**
 * `--filter key=value` as docker/cli's opts.FilterOpt collects them and moby's
 * filters.Args holds them: keys lowercased and trimmed, values trimmed, each
 * key a set of values in the order first given.
 */
export type Filters = Map<string, string[]>;

export const FILTER_FORMAT_ERROR = 'bad format of filter (expected name=value)';

export function parseFilters(values: readonly string[] | undefined): Filters | { error: string; value: string } {
  const filters: Filters = new Map();
  for (const value of values ?? []) {
    if (value === '') continue;
    const at = value.indexOf('=');
    if (at < 0) return { error: FILTER_FORMAT_ERROR, value };
    const key = value.slice(0, at).trim().toLowerCase();
    const list = filters.get(key) ?? [];
    const item = value.slice(at + 1).trim();
    if (!list.includes(item)) list.push(item);
    filters.set(key, list);
  }
  return filters;
}

/** filters.Args.Validate: the daemon's `invalid filter 'KEY'` for the first key it does not accept. */
export function unacceptedFilter(filters: Filters, accepted: readonly string[]): string | undefined {
  const key = [...filters.keys()].find((name) => !accepted.includes(name));
  return key === undefined ? undefined : `invalid filter '${key}'`;
}

/** filters.Args.ExactMatch: no values means no filtering. */
export function exactMatch(filters: Filters, key: string, source: string): boolean {
  const values = filters.get(key);
  return !values || values.length === 0 || values.includes(source);
}

/** filters.Args.Match: equal to a value, or matched by it as an unanchored regular expression (bad ones are skipped). */
export function match(filters: Filters, key: string, source: string): boolean {
  if (exactMatch(filters, key, source)) return true;
  return (filters.get(key) ?? []).some((pattern) => {
    try {
      return new RegExp(pattern).test(source);
    } catch {
      return false;
    }
  });
}

/** filters.Args.MatchKVList: every `k` or `k=v` value must be among the labels. */
export function matchLabels(filters: Filters, key: string, labels: Readonly<Record<string, string>>): boolean {
  const values = filters.get(key);
  if (!values || values.length === 0) return true;
  if (Object.keys(labels).length === 0) return false;
  return values.every((value) => {
    const at = value.indexOf('=');
    const name = at < 0 ? value : value.slice(0, at);
    if (!Object.hasOwn(labels, name)) return false;
    return at < 0 || labels[name] === value.slice(at + 1);
  });
}
