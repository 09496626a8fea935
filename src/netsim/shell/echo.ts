/**
 * How an echo reads its words. GNU coreutils' echo (src/echo.c), BusyBox's
 * applet with FEATURE_FANCY_ECHO (coreutils/echo.c) and bash's builtin take
 * leading words made only of n, e, E as options and read backslash escapes
 * only with -e; dash's builtin knows only -n and always reads escapes.
 */
export interface EchoStyle {
  readonly escapesByDefault: boolean;
  readonly options: RegExp;
}

export const GNU_ECHO: EchoStyle = { escapesByDefault: false, options: /^-[neE]+$/ };
export const DASH_ECHO: EchoStyle = { escapesByDefault: true, options: /^-n+$/ };

/** What echo writes for its arguments. */
export function echoText(args: readonly string[], style: EchoStyle): string {
  let newline = true;
  let escapes = style.escapesByDefault;
  let index = 0;
  for (; index < args.length && style.options.test(args[index]!); index++) {
    for (const letter of args[index]!.slice(1)) {
      if (letter === 'n') newline = false;
      else escapes = letter === 'e';
    }
  }
  const text = args.slice(index).join(' ');
  if (!escapes) return text + (newline ? '\n' : '');
  const { value, stopped } = echoEscapes(text);
  return value + (newline && !stopped ? '\n' : '');
}

const ECHO_ESCAPES: Record<string, string> = {
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
};

/** `echo -e`: C escapes, `\0NNN` octal, `\xHH` hex, and `\c`, which ends the output there. */
function echoEscapes(text: string): { value: string; stopped: boolean } {
  let value = '';
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (char !== '\\' || at === text.length - 1) {
      value += char;
      continue;
    }
    const rest = text.slice(at + 1);
    const octal = /^0([0-7]{0,3})/.exec(rest);
    const hex = /^x([0-9A-Fa-f]{1,2})/.exec(rest);
    if (rest[0] === 'c') return { value, stopped: true };
    if (octal) {
      value += String.fromCharCode(parseInt(octal[1] || '0', 8));
      at += octal[0].length;
    } else if (hex) {
      value += String.fromCharCode(parseInt(hex[1]!, 16));
      at += hex[0].length;
    } else if (ECHO_ESCAPES[rest[0]!] !== undefined) {
      value += ECHO_ESCAPES[rest[0]!];
      at++;
    } else value += char;
  }
  return { value, stopped: false };
}
