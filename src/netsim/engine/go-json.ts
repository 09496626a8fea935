/**
 * JSON read as Go's encoding/json reads it (json.Unmarshal runs checkValid
 * over the whole input first): the same syntax errors, worded as
 * encoding/json/scanner.go words them (`invalid character '}' looking for
 * beginning of object key string`, `unexpected end of JSON input`). dockerd
 * reads /etc/docker/daemon.json so, and prefixes `invalid JSON: `.
 */
export type GoJsonResult = { readonly value: unknown } | { readonly error: string };

export function parseGoJson(text: string): GoJsonResult {
  const problem = syntaxError(text);
  if (problem !== undefined) return { error: problem };
  return { value: JSON.parse(text) as unknown };
}

/** scanner.go quoteChar: `'\''` for a quote, `'"'` for a double quote, else strconv.Quote's escapes between single quotes. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const escapes: Record<string, string> = {
    '\n': '\\n',
    '\t': '\\t',
    '\r': '\\r',
    '\\': '\\\\',
    '\b': '\\b',
    '\f': '\\f',
    '\v': '\\v',
    '\x07': '\\a',
  };
  const code = c.charCodeAt(0);
  if (escapes[c] !== undefined) return `'${escapes[c]}'`;
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, '0')}'`;
  return `'${c}'`;
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** Nesting the scanner keeps (parseObjectKey, parseObjectValue, parseArrayValue). */
type Frame = 'object-key' | 'object-value' | 'array';

class Invalid extends Error {}

/** checkValid: undefined when `text` is one JSON value, else the SyntaxError's message. */
function syntaxError(text: string): string | undefined {
  let i = 0;
  const stack: Frame[] = [];
  const fail = (c: string, context: string): never => {
    throw new Invalid(`invalid character ${quoteChar(c)} ${context}`);
  };
  const end = (): never => {
    throw new Invalid('unexpected end of JSON input');
  };
  const next = (): string => (i < text.length ? text[i++]! : end());
  const skipSpace = () => {
    while (i < text.length && isSpace(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const expected of word.slice(1)) {
      const c = next();
      if (c !== expected) fail(c, `in literal ${word} (expecting ${quoteChar(expected)})`);
    }
  };
  const string = () => {
    for (;;) {
      const c = next();
      if (c === '"') return;
      if (c === '\\') {
        const escape = next();
        if (escape === 'u') {
          for (let k = 0; k < 4; k++) {
            const hex = next();
            if (!/[0-9a-fA-F]/.test(hex)) fail(hex, 'in \\u hexadecimal character escape');
          }
        } else if (!'bfnrt\\/"'.includes(escape)) fail(escape, 'in string escape code');
      } else if (c < ' ') fail(c, 'in string literal');
    }
  };
  const digits = () => {
    while (isDigit(text[i])) i++;
  };
  // A number ends at the first character that is not part of it; at the end of input it is complete.
  const number = (first: string) => {
    if (first === '-') {
      const c = next();
      if (!isDigit(c)) fail(c, 'in numeric literal');
      if (c !== '0') digits();
    } else if (first !== '0') digits();
    if (text[i] === '.') {
      i++;
      const c = next();
      if (!isDigit(c)) fail(c, 'after decimal point in numeric literal');
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      let c = next();
      if (c === '+' || c === '-') c = next();
      if (!isDigit(c)) fail(c, 'in exponent of numeric literal');
      digits();
    }
  };
  // stateBeginValue, with what an empty object or array may close instead.
  const value = (closing?: '}' | ']'): 'value' | 'closed' => {
    skipSpace();
    const c = next();
    if (closing !== undefined && c === closing) return 'closed';
    if (closing === '}') {
      if (c !== '"') fail(c, 'looking for beginning of object key string');
      string();
      return 'value';
    }
    switch (c) {
      case '{':
        stack.push('object-key');
        if (value('}') === 'closed') stack.pop();
        else afterValue();
        return 'value';
      case '[':
        stack.push('array');
        if (value(']') === 'closed') stack.pop();
        else afterValue();
        return 'value';
      case '"':
        string();
        return 'value';
      case 't':
        literal('true');
        return 'value';
      case 'f':
        literal('false');
        return 'value';
      case 'n':
        literal('null');
        return 'value';
      default:
        if (c === '-' || isDigit(c)) {
          number(c);
          return 'value';
        }
        return fail(c, 'looking for beginning of value');
    }
  };
  // stateEndValue for the innermost open object or array, until it closes.
  const afterValue = () => {
    for (;;) {
      skipSpace();
      const frame = stack[stack.length - 1]!;
      const c = next();
      if (frame === 'object-key') {
        if (c !== ':') fail(c, 'after object key');
        stack[stack.length - 1] = 'object-value';
        value();
      } else if (frame === 'object-value') {
        if (c === '}') return void stack.pop();
        if (c !== ',') fail(c, 'after object key:value pair');
        stack[stack.length - 1] = 'object-key';
        skipSpace();
        const quote = next();
        if (quote !== '"') fail(quote, 'looking for beginning of object key string');
        string();
      } else {
        if (c === ']') return void stack.pop();
        if (c !== ',') fail(c, 'after array element');
        value();
      }
    }
  };
  try {
    value();
    skipSpace();
    if (i < text.length) fail(text[i]!, 'after top-level value');
    return undefined;
  } catch (error) {
    if (error instanceof Invalid) return error.message;
    throw error;
  }
}
