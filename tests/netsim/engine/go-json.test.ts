import { describe, expect, it } from 'vitest';
import { parseGoJson } from '../../../src/netsim/engine/go-json';

/**
 * Go's encoding/json syntax errors (src/encoding/json/scanner.go: the state
 * functions' `s.error(c, context)` calls, quoteChar, and Unmarshal's
 * `unexpected end of JSON input`), which dockerd puts after `invalid JSON: `.
 */
describe('JSON read as Go reads it', () => {
  it.each([
    ['{"iptables": false,}', "invalid character '}' looking for beginning of object key string"],
    ['{"iptables" false}', "invalid character 'f' after object key"],
    ['{"iptables": false "ip": "1.2.3.4"}', "invalid character '\"' after object key:value pair"],
    ['{"iptables": fals}', "invalid character '}' in literal false (expecting 'e')"],
    ['{"iptables": True}', "invalid character 'T' looking for beginning of value"],
    ['{"dns": ["8.8.8.8" "1.1.1.1"]}', "invalid character '\"' after array element"],
    ['{"iptables": false', 'unexpected end of JSON input'],
    ['{"iptables": false}}', "invalid character '}' after top-level value"],
    ["{'iptables': false}", "invalid character '\\'' looking for beginning of object key string"],
    ['{"mtu": .5}', "invalid character '.' looking for beginning of value"],
    ['{"mtu": -x}', "invalid character 'x' in numeric literal"],
    ['{"mtu": 1.}', "invalid character '}' after decimal point in numeric literal"],
    ['{"mtu": 1e}', "invalid character '}' in exponent of numeric literal"],
    ['{"bip": "a\\qb"}', "invalid character 'q' in string escape code"],
    ['{"bip": "a\nb"}', "invalid character '\\n' in string literal"],
    ['{"mtu": 01}', "invalid character '1' after object key:value pair"],
    ['', 'unexpected end of JSON input'],
  ])('%j: %s', (text, message) => {
    expect(parseGoJson(text)).toEqual({ error: message });
  });

  it('reads what Go accepts', () => {
    expect(parseGoJson(' {"a": [1, -2.5e+3, true, null, "\\u00e9"], "b": {}} ')).toEqual({
      value: { a: [1, -2500, true, null, 'é'], b: {} },
    });
  });
});
