import { describe, expect, it } from 'vitest';
import { flagHelpOf, flagUsagesWrapped } from '../../../src/netsim/format/cobra-help';

// spf13/pflag as vendored by docker/cli v29.7.2 (flag.go): UnquoteUsage shortens
// the type names, defaultIsZeroValue hides zero defaults by type, FlagUsagesWrapped
// quotes a string default and pads the names to the longest.
describe('pflag flag lines', () => {
  it('names a bool with nothing and shows a true default', () => {
    expect(flagHelpOf({ name: 'sig-proxy', type: 'bool', default: 'true', usage: 'Proxy received signals to the process' })).toEqual({ name: 'sig-proxy', varname: '', usage: 'Proxy received signals to the process', defaultText: ' (default true)' });
  });

  it('shortens int64 and stringSlice, and hides their zero values', () => {
    expect(flagHelpOf({ name: 'cpu-period', type: 'int64', default: '0', usage: 'x' })).toEqual({ name: 'cpu-period', varname: 'int', usage: 'x' });
    expect(flagHelpOf({ name: 'subnet', type: 'stringSlice', usage: 'x' })).toEqual({ name: 'subnet', varname: 'strings', usage: 'x' });
  });

  it('shows [] for an empty ipSlice, which pflag does not take for zero', () => {
    expect(flagHelpOf({ name: 'gateway', type: 'ipSlice', usage: 'x' }).defaultText).toBe(' (default [])');
  });

  it('quotes a string default and shows a custom type\'s non-zero one as it is', () => {
    expect(flagHelpOf({ name: 'driver', short: 'd', type: 'string', default: 'bridge', usage: 'x' }).defaultText).toBe(' (default "bridge")');
    expect(flagHelpOf({ name: 'opt', type: 'map', default: 'map[]', usage: 'x' }).defaultText).toBe(' (default map[])');
    expect(flagHelpOf({ name: 'health-interval', type: 'duration', default: '0s', usage: 'x' }).defaultText).toBeUndefined();
  });

  it('takes a back-quoted word of the usage for the value\'s name', () => {
    expect(flagHelpOf({ name: 'x', type: 'string', usage: 'Write to `FILE` now' })).toMatchObject({ varname: 'FILE', usage: 'Write to FILE now' });
  });

  it('pads names to the longest and wraps the usage at the column', () => {
    const text = flagUsagesWrapped([flagHelpOf({ name: 'all', short: 'a', type: 'bool', usage: 'Show all' }), flagHelpOf({ name: 'format', type: 'string', usage: 'Format output' })], 79);
    expect(text).toBe('  -a, --all             Show all\n      --format string   Format output\n');
  });
});
