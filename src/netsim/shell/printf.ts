/**
 * The shells' printf builtin as bash documents it (builtins/printf.def) and
 * POSIX specifies it: the format is reused while arguments remain; a missing
 * argument is an empty string or zero; `\` escapes in the format, `%b` reads
 * them in its argument; a number may be written as `'c` (the character's
 * code). What is not a number is reported and taken as 0, and the status is 1.
 */
export interface PrintfResult {
  text: string;
  /** Arguments that were not numbers, in order. */
  invalid: string[];
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
  '?': '?',
};

/** `\n`, `\t`, `\NNN` (octal), `\xHH`: in the format, and in `%b`'s argument (where `\c` ends all output). */
function unescape(text: string, inArgument: boolean): { text: string; stop: boolean } {
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char !== '\\' || index === text.length - 1) {
      out += char;
      continue;
    }
    const next = text[index + 1]!;
    if (inArgument && next === 'c') return { text: out, stop: true };
    if (Object.hasOwn(SIMPLE_ESCAPES, next)) {
      out += SIMPLE_ESCAPES[next];
      index++;
      continue;
    }
    // %b takes \0NNN (up to three digits after the 0); the format takes \NNN.
    const octal = (inArgument ? /^0([0-7]{0,3})/ : /^([0-7]{1,3})/).exec(text.slice(index + 1));
    if (octal) {
      out += String.fromCharCode(parseInt(octal[1] || '0', 8) & 0xff);
      index += octal[0].length;
      continue;
    }
    const hex = /^x([0-9a-fA-F]{1,2})/.exec(text.slice(index + 1));
    if (hex) {
      out += String.fromCharCode(parseInt(hex[1]!, 16));
      index += hex[0].length;
      continue;
    }
    out += char;
  }
  return { text: out, stop: false };
}

const CONVERSION = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXeEfFgGcsb%])/y;

/** The number an argument stands for, as strtoimax reads it (leading spaces, sign, 0x, 0 for octal), or `'c`'s code. */
function numberOf(argument: string | undefined, invalid: string[]): number {
  if (argument === undefined || argument === '') return 0;
  if (/^['"]/.test(argument)) return argument.length > 1 ? argument.codePointAt(1)! : 0;
  const match = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.exec(argument);
  if (!match) {
    invalid.push(argument);
    const prefix = /^\s*[+-]?\d+/.exec(argument);
    return prefix ? Number.parseInt(prefix[0], 10) : 0;
  }
  const digits = match[2]!;
  const value = /^0[xX]/.test(digits)
    ? parseInt(digits.slice(2), 16)
    : digits.length > 1 && digits.startsWith('0')
      ? parseInt(digits, 8)
      : parseInt(digits, 10);
  return match[1] === '-' ? -value : value;
}

function floatOf(argument: string | undefined, invalid: string[]): number {
  if (argument === undefined || argument === '') return 0;
  if (/^['"]/.test(argument)) return argument.length > 1 ? argument.codePointAt(1)! : 0;
  const value = Number(argument.trim());
  if (Number.isNaN(value)) {
    invalid.push(argument);
    return 0;
  }
  return value;
}

function pad(text: string, flags: string, width: number | undefined, numeric: boolean): string {
  if (width === undefined || text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width);
  if (numeric && flags.includes('0')) {
    const sign = /^[+\- ]/.test(text) ? text[0]! : '';
    const prefix = /^[+\- ]?0[xX]/.test(text) ? text.slice(sign.length, sign.length + 2) : '';
    return sign + prefix + text.slice(sign.length + prefix.length).padStart(width - sign.length - prefix.length, '0');
  }
  return text.padStart(width);
}

function integer(value: number, conversion: string, flags: string, precision: number | undefined): string {
  const unsigned = conversion !== 'd' && conversion !== 'i';
  // Negative numbers print as their 64-bit two's complement for u, o, x, X.
  const big = unsigned && value < 0 ? BigInt.asUintN(64, BigInt(value)) : BigInt(Math.abs(value));
  let digits =
    conversion === 'o'
      ? big.toString(8)
      : conversion === 'x'
        ? big.toString(16)
        : conversion === 'X'
          ? big.toString(16).toUpperCase()
          : big.toString(10);
  if (precision !== undefined) digits = precision === 0 && big === 0n ? '' : digits.padStart(precision, '0');
  if (flags.includes('#') && big !== 0n)
    digits =
      conversion === 'o'
        ? `0${digits}`
        : conversion === 'x'
          ? `0x${digits}`
          : conversion === 'X'
            ? `0X${digits}`
            : digits;
  const sign =
    !unsigned && value < 0 ? '-' : !unsigned && flags.includes('+') ? '+' : !unsigned && flags.includes(' ') ? ' ' : '';
  return sign + digits;
}

function floating(value: number, conversion: string, flags: string, precision: number | undefined): string {
  const places = precision ?? 6;
  let text: string;
  switch (conversion.toLowerCase()) {
    case 'e':
      text = value.toExponential(places).replace(/e([+-])(\d)$/, 'e$10$2');
      break;
    case 'g': {
      const significant = places === 0 ? 1 : places;
      const exponent = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value)));
      text =
        exponent < -4 || exponent >= significant
          ? value.toExponential(significant - 1).replace(/e([+-])(\d)$/, 'e$10$2')
          : value.toFixed(Math.max(significant - 1 - exponent, 0));
      if (!flags.includes('#')) text = text.replace(/(\.\d*?)0+(e|$)/, '$1$2').replace(/\.(e|$)/, '$1');
      break;
    }
    default:
      text = value.toFixed(places);
  }
  if (conversion === conversion.toUpperCase()) text = text.toUpperCase();
  return value >= 0 && flags.includes('+') ? `+${text}` : value >= 0 && flags.includes(' ') ? ` ${text}` : text;
}

export function formatPrintf(format: string, args: readonly string[]): PrintfResult {
  const invalid: string[] = [];
  let text = '';
  let next = 0;
  const take = () => args[next++];
  do {
    const consumedBefore = next;
    let index = 0;
    while (index < format.length) {
      const percent = format.indexOf('%', index);
      const literal = unescape(format.slice(index, percent < 0 ? format.length : percent), false).text;
      text += literal;
      if (percent < 0) break;
      CONVERSION.lastIndex = percent;
      const match = CONVERSION.exec(format);
      if (!match) {
        // An unknown conversion is printed as it is.
        text += '%';
        index = percent + 1;
        continue;
      }
      index = CONVERSION.lastIndex;
      const [, flags = '', widthText, precisionText, conversion] = match as unknown as [
        string,
        string,
        string | undefined,
        string | undefined,
        string,
      ];
      if (conversion === '%') {
        text += '%';
        continue;
      }
      const width =
        widthText === '*' ? numberOf(take(), invalid) : widthText === undefined ? undefined : Number(widthText);
      const precision =
        precisionText === '*'
          ? numberOf(take(), invalid)
          : precisionText === undefined
            ? undefined
            : Number(precisionText || '0');
      const leftFlags = width !== undefined && width < 0 ? `${flags}-` : flags;
      const field = width === undefined ? undefined : Math.abs(width);
      const argument = take();
      switch (conversion) {
        case 's':
          text += pad((argument ?? '').slice(0, precision), leftFlags, field, false);
          break;
        case 'b': {
          const { text: unescaped, stop } = unescape(argument ?? '', true);
          text += pad(unescaped.slice(0, precision), leftFlags, field, false);
          if (stop) return { text, invalid };
          break;
        }
        case 'c':
          text += pad((argument ?? '').slice(0, 1), leftFlags, field, false);
          break;
        case 'd':
        case 'i':
        case 'o':
        case 'u':
        case 'x':
        case 'X':
          text += pad(
            integer(numberOf(argument, invalid), conversion, flags, precision),
            leftFlags,
            field,
            precision === undefined,
          );
          break;
        default:
          text += pad(floating(floatOf(argument, invalid), conversion, flags, precision), leftFlags, field, true);
      }
    }
    // The format is used again only while it consumes arguments and some remain.
    if (next === consumedBefore) break;
  } while (next < args.length);
  return { text, invalid };
}
