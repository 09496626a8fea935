import { isRawMap, type Raw, type RawMap } from './yaml-read';

/**
 * compose-go v2.9.1 template/template.go Substitute and interpolation/interpolation.go:
 * `$$`, `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`,
 * `${VAR?error}`, `${VAR:+replacement}` and `${VAR+replacement}` in every string
 * of the model; an unset variable becomes empty with a warning.
 */

export class InterpolationError extends Error {}

/** What substitution needs: the variables, and where to say a variable is unset. */
export interface Lookup {
  readonly get: (name: string) => string | undefined;
  readonly warn: (message: string) => void;
}

// DefaultPattern: "\$(?i:(?P<escaped>\$)|(?P<named>[_a-z][_a-z0-9]*)|{(?:(?P<braced>[_a-z][_a-z0-9]*(?::?[-+?](.*))?)}|(?P<invalid>)))".
const PATTERN = /\$(?:(\$)|([_a-z][_a-z0-9]*)|\{(?:([_a-z][_a-z0-9]*(?::?[-+?](.*))?)\}|()))/gi;
const SINGLE = new RegExp(`^${PATTERN.source}`, 'i');

class InvalidTemplate extends Error {}

/** getFirstBraceClosingIndex: the `}` closing the first `{`, nested braces counted. */
function firstClosingBrace(text: string): number {
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '}') {
      open--;
      if (open === 0) return i;
    }
    if (text[i] === '{') {
      open++;
      i++;
    }
  }
  return -1;
}

const OPERATORS = [':?', '?', ':-', '-', ':+', '+'] as const;

/** getSubstitutionFunctionForTemplate: the operator that appears first in the template (a stable sort on index). */
function operatorOf(template: string): (typeof OPERATORS)[number] {
  return [...OPERATORS].sort((a, b) => {
    const ia = template.indexOf(a);
    const ib = template.indexOf(b);
    if (ia < 0) return ib < 0 ? 0 : 1;
    if (ib < 0) return -1;
    return ia - ib;
  })[0]!;
}

function partition(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}

/** The braced forms: undefined when the operator does not apply (then the plain lookup runs). */
function applyOperator(substitution: string, lookup: Lookup): string | undefined {
  const operator = operatorOf(substitution);
  if (!substitution.includes(operator)) return undefined;
  const [name, argument] = partition(substitution, operator);
  const other = substitute(argument, lookup);
  const value = lookup.get(name);
  switch (operator) {
    case ':?':
    case '?':
      if (value === undefined || (operator === ':?' && value === '')) {
        throw new InterpolationError(
          other !== ''
            ? `required variable ${name} is missing a value: ${other}`
            : `required variable ${name} is missing a value`,
        );
      }
      return value;
    case ':-':
    case '-':
      return value === undefined || (operator === ':-' && value === '') ? other : value;
    case ':+':
    case '+':
      return value !== undefined && (operator === '+' || value !== '') ? other : (value ?? '');
  }
}

function replace(match: string, lookup: Lookup): string {
  const closing = firstClosingBrace(match);
  const rest = closing > -1 ? match.slice(closing + 1) : '';
  const head = closing > -1 ? match.slice(0, closing + 1) : match;
  const groups = SINGLE.exec(head) ?? [];
  if (groups[1]) return groups[1];
  const named = groups[2];
  const substitution = named ?? groups[3];
  if (!substitution) throw new InvalidTemplate();
  if (named === undefined) {
    const applied = applyOperator(substitution, lookup);
    if (applied !== undefined) return applied + substitute(rest, lookup);
  }
  const value = lookup.get(substitution);
  if (value === undefined)
    lookup.warn(`The ${JSON.stringify(substitution)} variable is not set. Defaulting to a blank string.`);
  return value ?? '';
}

/** template.Substitute; an InvalidTemplate propagates for the caller to word with the path. */
function substitute(template: string, lookup: Lookup): string {
  return template.replace(PATTERN, (match) => replace(match, lookup));
}

/** Fields cast after substitution (loader/interpolate.go interpolateTypeCastMapping), the ones this simulator reads. */
const CASTS: readonly [RegExp, 'bool' | 'int'][] = [
  [/^services\.[^.]+\.(tty|stdin_open|privileged|read_only|init|oom_kill_disable)$/, 'bool'],
  [/^services\.[^.]+\.(scale|ports\.\[\]\.target)$/, 'int'],
];

/** toBoolean and toInt: YAML 1.1's yes/no/on/off accepted with a warning, anything else refused. */
function cast(path: string, value: string, lookup: Lookup): Raw {
  const rule = CASTS.find(([pattern]) => pattern.test(path));
  if (!rule) return value;
  if (rule[1] === 'int') {
    if (/^[+-]?\d+$/.test(value)) return Number(value);
    throw new InterpolationError(
      `error while interpolating ${path}: failed to cast to expected type: strconv.Atoi: parsing ${JSON.stringify(value)}: invalid syntax`,
    );
  }
  const lower = value.toLowerCase();
  if (lower === 'true' || lower === 'false') return lower === 'true';
  if (['y', 'yes', 'on', 'n', 'no', 'off'].includes(lower)) {
    const truth = ['y', 'yes', 'on'].includes(lower);
    lookup.warn(`${JSON.stringify(value)} for boolean is not supported by YAML 1.2, please use \`${truth}\``);
    return truth;
  }
  throw new InterpolationError(
    `error while interpolating ${path}: failed to cast to expected type: invalid boolean: ${value}`,
  );
}

function walk(value: Raw, path: string[], lookup: Lookup): Raw {
  if (typeof value === 'string') {
    const where = path.join('.');
    let result: string;
    try {
      result = substitute(value, lookup);
    } catch (error) {
      if (error instanceof InvalidTemplate)
        throw new InterpolationError(
          `invalid interpolation format for ${where}.\nYou may need to escape any $ with another $.\n${value}`,
        );
      if (error instanceof InterpolationError)
        throw new InterpolationError(`error while interpolating ${where}: ${error.message}`);
      throw error;
    }
    return cast(where, result, lookup);
  }
  if (Array.isArray(value)) return value.map((item) => walk(item, [...path, '[]'], lookup));
  if (isRawMap(value)) {
    const out: RawMap = new Map();
    for (const [key, item] of value) out.set(key, walk(item, [...path, key], lookup));
    return out;
  }
  return value;
}

/** interp.Interpolate over a file's model; throws InterpolationError in compose-go's words. */
export function interpolate(model: RawMap, lookup: Lookup): RawMap {
  return walk(model, [], lookup) as RawMap;
}

/** The project name from `name:`, interpolated the same way. */
export function interpolateText(text: string, lookup: Lookup): string {
  return walk(text, ['name'], lookup) as string;
}
