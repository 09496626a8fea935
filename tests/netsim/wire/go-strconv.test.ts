import { describe, expect, it } from 'vitest';
import { parseGoBool } from '../../../src/netsim/wire/go-strconv';

// Go's strconv/atob.go ParseBool and its atob_test.go table.
describe("Go's strconv.ParseBool", () => {
  it.each(['1', 't', 'T', 'TRUE', 'true', 'True'])('%s is true', (text) => expect(parseGoBool(text)).toBe(true));
  it.each(['0', 'f', 'F', 'FALSE', 'false', 'False'])('%s is false', (text) => expect(parseGoBool(text)).toBe(false));
  it.each(['', 'yes', 'on', 'tRUE', 'fALSE', ' true', '2'])('%j is a syntax error', (text) =>
    expect(parseGoBool(text)).toBeUndefined(),
  );
});
