import { formatIpv6Groups, ipv6Groups } from '../../wire/ipv6';
import { goParseAddr } from '../../wire/go-netip';

/**
 * One `--network` value of `docker run`/`docker create`, as docker/cli v29.7.2
 * reads it (opts/network.go NetworkOpt.Set): a plain name, or the advanced
 * CSV syntax `name=app-net,alias=web,ip=10.30.0.9,ip6=...,mac-address=...`.
 */
export interface NetworkAttachment {
  readonly target: string;
  readonly aliases: readonly string[];
  /** The address as netip.Addr.String() prints it. */
  readonly ipv4: string | undefined;
  readonly ipv6: string | undefined;
  readonly macAddress: string | undefined;
  /** Options parsed but not simulated at create time (driver-opt, gw-priority, link-local-ip). */
  readonly unmodelled: readonly string[];
}

/**
 * `regexp.MatchString(`\w+=\w+(,\w+=\w+)*`, value)`: unanchored, so any
 * `word=word` inside the value selects the advanced syntax.
 */
const LONG_SYNTAX = /\w+=\w+/;

/** NetworkOpt.Set: the attachment, or the error pflag wraps as `invalid argument ... for "--network" flag: ...`. */
export function parseNetworkOpt(value: string): NetworkAttachment | { error: string } {
  if (!LONG_SYNTAX.test(value))
    return { target: value, aliases: [], ipv4: undefined, ipv6: undefined, macAddress: undefined, unmodelled: [] };
  const fields = csvRecord(value);
  if ('error' in fields) return fields;
  let target = '';
  const aliases: string[] = [];
  let ipv4: string | undefined;
  let ipv6: string | undefined;
  let macAddress: string | undefined;
  const unmodelled: string[] = [];
  for (const field of fields) {
    // The whole field is lowercased before it is split ("these options should not be case-insensitive").
    const lowered = field.toLowerCase();
    const at = lowered.indexOf('=');
    if (at <= 0) return { error: `invalid field ${field}` };
    const key = lowered.slice(0, at).trim();
    const val = lowered.slice(at + 1).trim();
    switch (key) {
      case 'name':
        target = val;
        break;
      case 'alias':
        aliases.push(val);
        break;
      case 'ip':
      case 'ip6': {
        const parsed = netipParseAddr(val);
        if ('error' in parsed) return parsed;
        if (key === 'ip') ipv4 = parsed.address;
        else ipv6 = parsed.address;
        break;
      }
      case 'mac-address':
        macAddress = val;
        break;
      case 'link-local-ip':
      case 'driver-opt':
      case 'gw-priority':
        unmodelled.push(key);
        break;
      default:
        return { error: `invalid field key ${key}` };
    }
  }
  if (target === '') return { error: 'network name/id is not specified' };
  return { target, aliases, ipv4, ipv6, macAddress, unmodelled };
}

/**
 * netip.ParseAddr for the values the advanced syntax takes: IPv4 with Go's own
 * errors (wire/go-netip), IPv6 as RFC 5952 prints it. A malformed IPv6 text
 * has a dozen different Go errors; those are not reproduced.
 */
function netipParseAddr(text: string): { address: string } | { error: string } {
  if (text.includes(':')) {
    const groups = ipv6Groups(text);
    if (!groups)
      return { error: `ParseAddr(${JSON.stringify(text)}): malformed IPv6 addresses are not simulated in detail` };
    return { address: formatIpv6Groups(groups) };
  }
  const parsed = goParseAddr(text);
  return parsed.ok ? { address: text } : { error: parsed.error };
}

/**
 * encoding/csv Reader.Read of one line: comma-separated fields, a field may be
 * quoted with `"` (a doubled quote inside stands for one). A quote inside an
 * unquoted field is csv.ErrBareQuote at its 1-based column (pos.col + j).
 * A badly closed quoted field is csv.ErrQuote, whose column is not reproduced.
 */
const QUOTE_ERROR = { error: 'a badly quoted --network value is not simulated in detail (encoding/csv ErrQuote)' };

function csvRecord(line: string): string[] | { error: string } {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let field = '';
      i++;
      for (;;) {
        if (i >= line.length) return QUOTE_ERROR;
        if (line[i] === '"' && line[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else field += line[i++];
      }
      if (i < line.length && line[i] !== ',') return QUOTE_ERROR;
      fields.push(field);
    } else {
      const end = line.indexOf(',', i);
      const field = line.slice(i, end < 0 ? line.length : end);
      const quote = field.indexOf('"');
      if (quote >= 0) return { error: `parse error on line 1, column ${i + quote + 1}: bare " in non-quoted-field` };
      fields.push(field);
      i += field.length;
    }
    if (i >= line.length) return fields;
    i++; // the comma
  }
}
