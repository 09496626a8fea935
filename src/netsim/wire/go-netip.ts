import { cidr, type Cidr } from './cidr';
import { ipv4FromNumber, type Ipv4 } from './ipv4';

/**
 * IPv4 parsing with the error texts of Go's net/netip, because docker/cli and the
 * daemon print those texts verbatim (`netip.ParsePrefix("172.24.0.0./16"): ...`).
 */
export type GoParse<T> = { ok: true; value: T } | { ok: false; error: string };

const quote = (text: string) => JSON.stringify(text);

export function goParseAddr(text: string): GoParse<Ipv4> {
  const problem = (msg: string, at = '') =>
    ({ ok: false, error: `ParseAddr(${quote(text)}): ${msg}${at ? ` (at ${quote(at)})` : ''}` }) as const;
  if (!text.includes('.')) return problem('unable to parse IP');
  const fields: number[] = [];
  let value = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char >= '0' && char <= '9') {
      if (digits === 1 && value === 0) return problem('IPv4 field has octet with leading zero');
      value = value * 10 + Number(char);
      digits++;
      if (value > 255) return problem('IPv4 field has value >255');
    } else if (char === '.') {
      if (i === 0 || i === text.length - 1 || text[i - 1] === '.')
        return problem('IPv4 field must have at least one digit', text.slice(i));
      if (fields.length === 3) return problem('IPv4 address too long');
      fields.push(value);
      value = 0;
      digits = 0;
    } else {
      return problem('unexpected character', text.slice(i));
    }
  }
  if (fields.length < 3) return problem('IPv4 address too short');
  const [a = 0, b = 0, c = 0] = fields;
  return { ok: true, value: ipv4FromNumber(((a << 24) | (b << 16) | (c << 8) | value) >>> 0) };
}

export function goParsePrefix(text: string): GoParse<Cidr> {
  const problem = (msg: string) => ({ ok: false, error: `netip.ParsePrefix(${quote(text)}): ${msg}` }) as const;
  const slash = text.lastIndexOf('/');
  if (slash < 0) return problem("no '/'");
  const address = goParseAddr(text.slice(0, slash));
  if (!address.ok) return problem(address.error);
  const bitsText = text.slice(slash + 1);
  if (!/^(0|[1-9]\d*)$/.test(bitsText)) return problem(`bad bits after slash: ${quote(bitsText)}`);
  const bits = Number(bitsText);
  if (bits > 32) return problem('prefix length out of range');
  return { ok: true, value: cidr(address.value, bits) };
}
