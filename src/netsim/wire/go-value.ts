/**
 * What JSON loses of the Go values the Docker API marshals, and what a template
 * sees when docker/cli runs it on the typed struct before its raw-map fallback
 * (cli/command/inspect TemplateInspector): which objects are structs (a missing
 * field is an error, a missing map key is not), which nulls are nil slices, maps
 * or pointers (printed `[]`, `map[]`, `<nil>`), and netip.Addr, whose zero value
 * marshals as "" but prints as `invalid IP`. The markers are invisible to
 * JSON.stringify, so one record serves the JSON printer and the template.
 */
const STRUCT = Symbol('go-struct');

interface StructShape {
  /** Go field name to JSON key, where they differ (`ID` is marshalled as `Id`). */
  readonly renamed: Readonly<Record<string, string>>;
  /** Fields left out of the JSON by omitempty, with the zero value a template reads. */
  readonly omitted: Readonly<Record<string, unknown>>;
}

/** Marks `fields` as a Go struct; returns the same object. */
export function goStruct<T extends object>(fields: T, shape: Partial<StructShape> = {}): T {
  Object.defineProperty(fields, STRUCT, {
    value: { renamed: shape.renamed ?? {}, omitted: shape.omitted ?? {} },
    enumerable: false,
  });
  return fields;
}

export function isGoStruct(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && STRUCT in value;
}

/** A struct's field by its Go name: `{ found: false }` when the struct has no such field. */
export function structField(
  value: Record<string, unknown>,
  goName: string,
): { found: true; value: unknown } | { found: false } {
  const shape = (value as { [STRUCT]?: StructShape })[STRUCT]!;
  const key = shape.renamed[goName] ?? goName;
  const renamedAway = key === goName && Object.values(shape.renamed).includes(goName);
  if (!renamedAway && Object.hasOwn(value, key)) return { found: true, value: value[key] };
  if (Object.hasOwn(shape.omitted, goName)) return { found: true, value: shape.omitted[goName] };
  return { found: false };
}

/** A nil slice, map or pointer: `null` in JSON, printed by fmt as `[]`, `map[]` or `<nil>`. */
export class GoNil {
  constructor(readonly kind: 'slice' | 'map' | 'pointer') {}

  toJSON(): null {
    return null;
  }
}

export const NIL_SLICE = new GoNil('slice');
export const NIL_MAP = new GoNil('map');
export const NIL_POINTER = new GoNil('pointer');

/** A netip.Addr: its text in JSON (empty when zero), `invalid IP` when fmt prints the zero value. */
export class GoAddr {
  /** `zero` is what String() of the zero value says: netip.Addr's `invalid IP`, netip.Prefix's `invalid Prefix`. */
  constructor(
    readonly text: string,
    private readonly zero = 'invalid IP',
  ) {}

  toJSON(): string {
    return this.text;
  }

  toString(): string {
    return this.text === '' ? this.zero : this.text;
  }
}

/**
 * An int64 past 2^53 (a TimeNano), kept as its digits: fmt prints them, and
 * JSON gets them as a number through a marker the json function unwraps
 * (JSON.stringify has no raw numbers).
 */
export class GoInt64 {
  constructor(readonly digits: string) {}

  toJSON(): string {
    return `${INT64_MARK}${this.digits}${INT64_MARK}`;
  }

  toString(): string {
    return this.digits;
  }
}

const INT64_MARK = '\u0000int64\u0000';

/** JSON.stringify's text with each GoInt64 written as the number it is. */
export function unwrapInt64(json: string): string {
  return json.replace(/"\\u0000int64\\u0000(-?\d+)\\u0000int64\\u0000"/g, '$1');
}

/**
 * A time.Time: RFC 3339 with nanoseconds in JSON, time.String() when fmt prints
 * it. It is a stringer as netip.Addr is, so templates treat it as GoAddr.
 */
export class GoTime extends GoAddr {
  constructor(
    rfc3339: string,
    private readonly printed: string,
  ) {
    super(rfc3339);
  }

  override toString(): string {
    return this.printed;
  }
}
