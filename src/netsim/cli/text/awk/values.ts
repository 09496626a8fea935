/**
 * awk's values: numbers, strings, and strings from input that look like
 * numbers (POSIX's "numeric strings", compared as numbers), with the
 * conversions mawk and BusyBox's awk make between them.
 */
export type AwkValue = number | string | NumericString | undefined;

/** A field, an -v value or a split() element that looks numeric: a string that compares as a number. */
export class NumericString {
  constructor(
    readonly text: string,
    readonly number: number,
  ) {}
}

const NUMERIC = /^[ \t\n\r\f\v]*[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)[ \t\n\r\f\v]*$/;
const LEADING_NUMBER = /^[ \t\n\r\f\v]*[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)/;

/** Input text as awk keeps it: a numeric string when the whole of it reads as a number. */
export function fromInput(text: string): AwkValue {
  return NUMERIC.test(text) ? new NumericString(text, Number(text.trim())) : text;
}

/** strtod's reading: the leading number, 0 when there is none. */
export function toNumber(value: AwkValue): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  if (value instanceof NumericString) return value.number;
  const match = LEADING_NUMBER.exec(value);
  return match ? Number(match[0].trim()) : 0;
}

/** A number as text: integral values as integers, others through CONVFMT or OFMT (`%.6g`). */
export function numberToString(value: number, format: string): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (Number.isInteger(value) && Math.abs(value) < 2 ** 63) return BigInt(value).toString();
  return sprintf(format, [value]);
}

export function toText(value: AwkValue, format = '%.6g'): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return numberToString(value, format);
  if (value instanceof NumericString) return value.text;
  return value;
}

export function toBoolean(value: AwkValue): boolean {
  if (value === undefined) return false;
  if (typeof value === 'number') return value !== 0;
  if (value instanceof NumericString) return value.number !== 0;
  return value !== '';
}

const isNumeric = (value: AwkValue) =>
  value === undefined || typeof value === 'number' || value instanceof NumericString;

/** POSIX's comparison: numbers when both sides are numeric, else strings (byte order in the C locale). */
export function compare(left: AwkValue, right: AwkValue): number {
  if (isNumeric(left) && isNumeric(right)) {
    const [a, b] = [toNumber(left), toNumber(right)];
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const [a, b] = [toText(left), toText(right)];
  return a < b ? -1 : a > b ? 1 : 0;
}

/** C's printf conversions as awk's printf and sprintf give them. */
export function sprintf(format: string, args: readonly AwkValue[]): string {
  let next = 0;
  const take = () => args[next++];
  return format.replace(
    /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([cdieEfFgGosuxX%])/g,
    (_whole, flags: string, widthText: string | undefined, precisionText: string | undefined, conversion: string) => {
      if (conversion === '%') return '%';
      let width = widthText === '*' ? toNumber(take()) : widthText === undefined ? undefined : Number(widthText);
      let left = flags.includes('-');
      if (width !== undefined && width < 0) {
        left = true;
        width = -width;
      }
      const precision =
        precisionText === '*'
          ? toNumber(take())
          : precisionText === undefined
            ? undefined
            : Number(precisionText || '0');
      const value = take();
      const body = convert(conversion, value, flags, precision);
      return pad(
        body,
        width,
        left,
        flags.includes('0') &&
          !left &&
          !'cs'.includes(conversion) &&
          !(precision !== undefined && 'diouxX'.includes(conversion)),
      );
    },
  );
}

function pad(text: string, width: number | undefined, left: boolean, zeros: boolean): string {
  if (width === undefined || text.length >= width) return text;
  if (left) return text.padEnd(width);
  if (!zeros) return text.padStart(width);
  const sign = /^[-+ ]/.test(text) ? text[0]! : '';
  const prefix = /^[-+ ]?0[xX]/.test(text) ? text.slice(0, sign.length + 2) : sign;
  return prefix + text.slice(prefix.length).padStart(width - prefix.length, '0');
}

function signed(text: string, negative: boolean, flags: string): string {
  return (negative ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + text;
}

function convert(conversion: string, value: AwkValue, flags: string, precision: number | undefined): string {
  switch (conversion) {
    case 'c': {
      if (typeof value === 'number') return String.fromCharCode(Math.trunc(value) & 0xff);
      return toText(value).slice(0, 1);
    }
    case 's': {
      const text = toText(value);
      return precision === undefined ? text : text.slice(0, precision);
    }
    case 'd':
    case 'i': {
      const number = Math.trunc(toNumber(value));
      if (!Number.isFinite(number)) return number > 0 ? 'inf' : number < 0 ? '-inf' : 'nan';
      let digits = BigInt(Math.abs(number)).toString();
      if (precision !== undefined) digits = precision === 0 && number === 0 ? '' : digits.padStart(precision, '0');
      return signed(digits, number < 0, flags);
    }
    case 'o':
    case 'u':
    case 'x':
    case 'X': {
      let number = BigInt(Math.trunc(toNumber(value)));
      if (number < 0n) number += 1n << 64n;
      let digits = number.toString(conversion === 'o' ? 8 : conversion === 'u' ? 10 : 16);
      if (conversion === 'X') digits = digits.toUpperCase();
      if (precision !== undefined) digits = digits.padStart(precision, '0');
      if (flags.includes('#') && number !== 0n)
        digits =
          conversion === 'o'
            ? `0${digits}`
            : conversion === 'x'
              ? `0x${digits}`
              : conversion === 'X'
                ? `0X${digits}`
                : digits;
      return digits;
    }
    default:
      return floating(conversion, toNumber(value), flags, precision ?? 6);
  }
}

/** %e, %f and %g as glibc prints them. */
function floating(conversion: string, number: number, flags: string, precision: number): string {
  if (!Number.isFinite(number)) return signed(Number.isNaN(number) ? 'nan' : 'inf', number < 0, flags);
  const negative = number < 0 || Object.is(number, -0);
  const magnitude = Math.abs(number);
  let body: string;
  switch (conversion.toLowerCase()) {
    case 'f':
      body = magnitude.toFixed(precision);
      if (flags.includes('#') && precision === 0) body += '.';
      break;
    case 'e':
      body = exponential(magnitude, precision, flags.includes('#'));
      break;
    default: {
      const significant = precision === 0 ? 1 : precision;
      const exponent = magnitude === 0 ? 0 : Number(magnitude.toExponential(significant - 1).split('e')[1]);
      if (exponent < -4 || exponent >= significant) {
        body = exponential(magnitude, significant - 1, flags.includes('#'));
        if (!flags.includes('#')) body = body.replace(/\.?0+e/, 'e');
      } else {
        body = magnitude.toFixed(significant - 1 - exponent);
        if (!flags.includes('#') && body.includes('.')) body = body.replace(/\.?0+$/, '');
      }
    }
  }
  if (conversion === 'E' || conversion === 'G') body = body.toUpperCase();
  return signed(body, negative, flags);
}

function exponential(magnitude: number, precision: number, point: boolean): string {
  const [mantissa, exponent] = magnitude.toExponential(precision).split('e') as [string, string];
  const power = Number(exponent);
  return `${mantissa}${point && precision === 0 ? '.' : ''}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
}
