import { YamlFloat } from '../../format/go-yaml';
import SPEC from './compose-spec.json';
import { isRawMap, type Raw } from './yaml-read';

/**
 * compose-go v2.9.1 schema/schema.go Validate: the compose-spec JSON schema
 * (schema/compose-spec.json of that tag, here without its descriptions, titles
 * and defaults, which validation never reads), checked as
 * santhosh-tekuri/jsonschema v6.0.1 validator.go checks a draft-07 schema, for
 * the keywords the schema uses; then the most specific error, in compose-go's words.
 */

interface Schema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly $ref?: string;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly patternProperties?: Readonly<Record<string, Schema>>;
  readonly additionalProperties?: boolean | Schema;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly uniqueItems?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: string;
  readonly oneOf?: readonly Schema[];
}

type ErrorKind =
  | { kind: 'type'; got: string; want: string[] }
  | { kind: 'enum'; want: readonly unknown[] }
  | { kind: 'additional'; properties: string[] }
  | { kind: 'required'; missing: string[] }
  | { kind: 'unique'; duplicates: [number, number] }
  | { kind: 'minimum'; want: number }
  | { kind: 'maximum'; want: number }
  | { kind: 'pattern'; got: string; want: string }
  | { kind: 'oneOf'; subschemas: [number, number] | undefined }
  | { kind: 'group' }
  | { kind: 'reference' };

interface ValidationError {
  readonly location: readonly string[];
  readonly error: ErrorKind;
  readonly causes: readonly ValidationError[];
}

const ROOT = SPEC as unknown as Schema & { definitions: Record<string, Schema> };
const TYPE_ORDER = ['null', 'boolean', 'number', 'integer', 'string', 'array', 'object'];

function typeOf(value: Raw): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number' || value instanceof YamlFloat) return 'number';
  if (typeof value === 'string') return 'string';
  if (Array.isArray(value)) return 'array';
  return 'object';
}

function numberOf(value: Raw): number | undefined {
  if (typeof value === 'number') return value;
  return value instanceof YamlFloat ? value.value : undefined;
}

function resolveRef(ref: string): Schema {
  const name = ref.replace(/^#\/definitions\//, '');
  return ROOT.definitions[name]!;
}

/** jsonschema's equals: deep equality, numbers by value. */
function equals(a: Raw | unknown, b: Raw | unknown): boolean {
  const na = numberOf(a as Raw);
  const nb = numberOf(b as Raw);
  if (na !== undefined || nb !== undefined) return na === nb;
  if (isRawMap(a as Raw) && isRawMap(b as Raw)) {
    const ma = a as Map<string, Raw>;
    const mb = b as Map<string, Raw>;
    return ma.size === mb.size && [...ma].every(([key, value]) => mb.has(key) && equals(value, mb.get(key)));
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => equals(item, b[i]));
  return a === b;
}

class Validator {
  constructor(private readonly location: readonly string[]) {}

  private at(token: string): Validator {
    return new Validator([...this.location, token]);
  }

  private error(error: ErrorKind, causes: readonly ValidationError[] = []): ValidationError {
    return { location: this.location, error, causes };
  }

  /** validator.go validate(): type, enum, $ref (which ends a draft-07 schema), then the keywords of the value's kind. */
  validate(schema: Schema, value: Raw): ValidationError | undefined {
    const type = typeOf(value);
    if (schema.type !== undefined) {
      const types = typeof schema.type === 'string' ? [schema.type] : [...schema.type];
      const integer = typeof value === 'number' && Number.isInteger(value);
      if (!types.includes(type) && !(types.includes('integer') && integer)) {
        return this.error({ kind: 'type', got: type, want: TYPE_ORDER.filter((name) => types.includes(name)) });
      }
    }
    if (schema.enum !== undefined && !schema.enum.some((item) => equals(value, item)))
      return this.error({ kind: 'enum', want: schema.enum });
    if (schema.$ref !== undefined) {
      const failed = this.validate(resolveRef(schema.$ref), value);
      if (!failed) return undefined;
      return this.error({ kind: 'reference' }, failed.error.kind === 'group' ? failed.causes : [failed]);
    }
    const errors: ValidationError[] = [];
    if (isRawMap(value)) this.object(schema, value, errors);
    else if (Array.isArray(value)) this.array(schema, value, errors);
    else if (typeof value === 'string') this.string(schema, value, errors);
    else if (numberOf(value) !== undefined) this.number(schema, numberOf(value)!, errors);
    if (schema.oneOf) this.oneOf(schema.oneOf, value, errors);
    if (errors.length === 0) return undefined;
    if (errors.length === 1) return errors[0];
    return this.error({ kind: 'group' }, errors);
  }

  private object(schema: Schema, object: Map<string, Raw>, errors: ValidationError[]): void {
    const missing = (schema.required ?? []).filter((name) => !object.has(name));
    if (missing.length > 0) errors.push(this.error({ kind: 'required', missing }));
    const additional: string[] = [];
    for (const [name, value] of object) {
      let evaluated = false;
      const property =
        schema.properties && Object.hasOwn(schema.properties, name) ? schema.properties[name] : undefined;
      if (property) {
        evaluated = true;
        push(errors, this.at(name).validate(property, value));
      }
      for (const [pattern, sub] of Object.entries(schema.patternProperties ?? {})) {
        if (new RegExp(pattern, 'u').test(name)) {
          evaluated = true;
          push(errors, this.at(name).validate(sub, value));
        }
      }
      if (!evaluated && schema.additionalProperties !== undefined) {
        if (schema.additionalProperties === false) additional.push(name);
        else if (schema.additionalProperties !== true)
          push(errors, this.at(name).validate(schema.additionalProperties, value));
      }
    }
    if (additional.length > 0) errors.push(this.error({ kind: 'additional', properties: additional }));
  }

  private array(schema: Schema, array: readonly Raw[], errors: ValidationError[]): void {
    if (schema.uniqueItems && array.length > 1) {
      outer: for (let i = 1; i < array.length; i++) {
        for (let j = 0; j < i; j++) {
          if (equals(array[i], array[j])) {
            errors.push(this.error({ kind: 'unique', duplicates: [j, i] }));
            break outer;
          }
        }
      }
    }
    if (schema.items)
      array.forEach((item, index) => push(errors, this.at(String(index)).validate(schema.items!, item)));
  }

  private string(schema: Schema, text: string, errors: ValidationError[]): void {
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(text))
      errors.push(this.error({ kind: 'pattern', got: text, want: schema.pattern }));
  }

  private number(schema: Schema, value: number, errors: ValidationError[]): void {
    if (schema.minimum !== undefined && value < schema.minimum)
      errors.push(this.error({ kind: 'minimum', want: schema.minimum }));
    if (schema.maximum !== undefined && value > schema.maximum)
      errors.push(this.error({ kind: 'maximum', want: schema.maximum }));
  }

  /** condValidate's oneOf: none matching keeps every failure as a cause; two matching is an error of its own. */
  private oneOf(schemas: readonly Schema[], value: Raw, errors: ValidationError[]): void {
    let matched = -1;
    const failures: ValidationError[] = [];
    for (const [index, schema] of schemas.entries()) {
      const failed = this.validate(schema, value);
      if (failed) {
        if (matched === -1) failures.push(failed);
      } else if (matched === -1) matched = index;
      else {
        errors.push(this.error({ kind: 'oneOf', subschemas: [matched, index] }));
        return;
      }
    }
    if (matched === -1) errors.push(this.error({ kind: 'oneOf', subschemas: undefined }, failures));
  }
}

function push(errors: ValidationError[], error: ValidationError | undefined): void {
  if (error) errors.push(error);
}

/** getMostSpecificError: the deepest leaf, an additional-properties error counting one deeper; the first of equals wins. */
function mostSpecific(error: ValidationError): ValidationError {
  if (error.causes.length === 0) return error;
  let best: ValidationError | undefined;
  for (const cause of error.causes) {
    const candidate = mostSpecific(cause);
    if (specificity(candidate) > specificity(best)) best = candidate;
  }
  return best!;
}

function specificity(error: ValidationError | undefined): number {
  if (!error) return -1;
  return error.location.length + (error.error.kind === 'additional' ? 1 : 0);
}

/** kind.go quote(): Go's %q with double quotes unescaped and single ones escaped, in single quotes. */
function quote(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'")}'`;
}

function display(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  return String(value);
}

/** schema.go humanReadableType: `mapping` for object; several sorted and joined with `, ` and a last ` or `. */
function humanReadableType(want: readonly string[]): string {
  const names = want.map((name) => (name === 'object' ? 'mapping' : name));
  if (names.length === 1) return names[0]!;
  const sorted = [...names].sort();
  return `${sorted.slice(0, -1).join(', ')} or ${sorted.at(-1)}`;
}

/** validationError.Error(): the dotted location, then the kind's words. */
function describe(error: ValidationError): string {
  const path = error.location.join('.');
  const kind = error.error;
  switch (kind.kind) {
    case 'type':
      return `${path} must be a ${humanReadableType(kind.want)}`;
    case 'minimum':
      return `${path} must be greater than or equal to ${kind.want}`;
    case 'maximum':
      return `${path} must be less than or equal to ${kind.want}`;
    case 'enum':
      return `${path} ${kind.want.length === 1 ? `value must be ${display(kind.want[0])}` : `value must be one of ${kind.want.map(display).join(', ')}`}`;
    case 'additional':
      return `${path} additional properties ${kind.properties.map(quote).join(', ')} not allowed`;
    case 'required':
      return `${path} ${kind.missing.length === 1 ? `missing property ${quote(kind.missing[0]!)}` : `missing properties ${kind.missing.map(quote).join(', ')}`}`;
    case 'unique':
      return `${path} items at ${kind.duplicates[0]} and ${kind.duplicates[1]} are equal`;
    case 'pattern':
      return `${path} ${quote(kind.got)} does not match pattern ${quote(kind.want)}`;
    case 'oneOf':
      return `${path} ${kind.subschemas ? `oneOf failed, subschemas ${kind.subschemas[0]}, ${kind.subschemas[1]} matched` : 'oneOf failed, none matched'}`;
    case 'group':
    case 'reference':
      return path;
  }
}

/** What is wrong with a compose file's model by the schema, in compose-go's words; undefined when nothing. */
export function schemaProblem(model: Raw): string | undefined {
  const failed = new Validator([]).validate(ROOT, model);
  return failed ? describe(mostSpecific(failed)) : undefined;
}
