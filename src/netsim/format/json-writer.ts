/**
 * iproute2's json_writer (lib/json_writer.c, v6.15.0), call for call: `ip -j`
 * writes one line, `ip -j -p` indents members four spaces a level, puts a space
 * inside array brackets and none between array items (`[ "UP","LOWER_UP" ]`).
 */
export class JsonWriter {
  private out = '';
  private depth = 0;
  private separator = '';

  constructor(private readonly pretty: boolean) {}

  private indent(): void {
    if (this.pretty) this.out += `\n${'    '.repeat(this.depth)}`;
  }

  /** jsonw_eor: the separator owed before the next value. */
  private endOfRecord(): void {
    this.out += this.separator;
    this.separator = ',';
  }

  private begin(bracket: '{' | '['): void {
    this.endOfRecord();
    this.out += bracket;
    this.depth += 1;
    this.separator = '';
  }

  private end(bracket: '}' | ']'): void {
    this.depth -= 1;
    if (this.separator !== '') this.indent();
    this.out += bracket;
    this.separator = ',';
  }

  startObject(): void {
    this.begin('{');
  }

  endObject(): void {
    this.end('}');
  }

  startArray(): void {
    this.begin('[');
    if (this.pretty) this.out += ' ';
  }

  endArray(): void {
    if (this.pretty && this.separator !== '') this.out += ' ';
    this.separator = '';
    this.end(']');
  }

  name(name: string): void {
    this.endOfRecord();
    this.indent();
    this.separator = '';
    this.out += `${quote(name)}:${this.pretty ? ' ' : ''}`;
  }

  string(value: string): void {
    this.endOfRecord();
    this.out += quote(value);
  }

  bool(value: boolean): void {
    this.endOfRecord();
    this.out += String(value);
  }

  number(value: number): void {
    this.endOfRecord();
    this.out += String(value);
  }

  /** jsonw_destroy ends the output with a newline. */
  text(): string {
    return `${this.out}\n`;
  }
}

/** jsonw_puts: the escapes json_writer knows; other bytes go out as they are. */
function quote(text: string): string {
  const escapes: Record<string, string> = {
    '\t': '\\t',
    '\n': '\\n',
    '\r': '\\r',
    '\f': '\\f',
    '\b': '\\b',
    '\\': '\\\\',
    '"': '\\"',
  };
  return `"${text.replace(/[\t\n\r\f\b\\"]/g, (c) => escapes[c]!)}"`;
}

/** A JSON member list in the order iproute2 prints it: values, arrays of strings, nested objects and lists of objects. */
export type JsonValue = string | number | boolean | readonly string[] | JsonObject | readonly JsonObject[];
export type JsonObject = readonly (readonly [string, JsonValue])[];

/** Writes `value` as its member of the open object. */
export function writeMember(writer: JsonWriter, name: string, value: JsonValue): void {
  writer.name(name);
  writeValue(writer, value);
}

function writeValue(writer: JsonWriter, value: JsonValue): void {
  if (typeof value === 'string') return writer.string(value);
  if (typeof value === 'number') return writer.number(value);
  if (typeof value === 'boolean') return writer.bool(value);
  if (isObject(value)) return writeObject(writer, value);
  writer.startArray();
  for (const item of value) {
    if (typeof item === 'string') writer.string(item);
    else writeObject(writer, item);
  }
  writer.endArray();
}

export function writeObject(writer: JsonWriter, object: JsonObject): void {
  writer.startObject();
  for (const [name, value] of object) writeMember(writer, name, value);
  writer.endObject();
}

/** An object's members are pairs whose first item is a name; a list of objects holds arrays of pairs. */
function isObject(value: readonly unknown[]): value is JsonObject {
  const first = value[0];
  return Array.isArray(first) && typeof first[0] === 'string';
}

/** `[...]` of records, as ip's new_json_obj and delete_json_obj frame a listing. */
export function formatJsonList(records: readonly JsonObject[], pretty: boolean): string {
  const writer = new JsonWriter(pretty);
  writer.startArray();
  for (const record of records) writeObject(writer, record);
  writer.endArray();
  return writer.text();
}
