import { describe, expect, it } from 'vitest';
import { cobraHelp, flagHelpOf, flagUsagesWrapped } from '../../../src/netsim/format/cobra-help';

// spf13/pflag as vendored by docker/cli v29.7.2 (flag.go): UnquoteUsage shortens
// the type names, defaultIsZeroValue hides zero defaults by type, FlagUsagesWrapped
// quotes a string default and pads the names to the longest.
describe('pflag flag lines', () => {
  it('names a bool with nothing and shows a true default', () => {
    expect(
      flagHelpOf({ name: 'sig-proxy', type: 'bool', default: 'true', usage: 'Proxy received signals to the process' }),
    ).toEqual({
      name: 'sig-proxy',
      varname: '',
      usage: 'Proxy received signals to the process',
      defaultText: ' (default true)',
    });
  });

  it('shortens int64 and stringSlice, and hides their zero values', () => {
    expect(flagHelpOf({ name: 'cpu-period', type: 'int64', default: '0', usage: 'x' })).toEqual({
      name: 'cpu-period',
      varname: 'int',
      usage: 'x',
    });
    expect(flagHelpOf({ name: 'subnet', type: 'stringSlice', usage: 'x' })).toEqual({
      name: 'subnet',
      varname: 'strings',
      usage: 'x',
    });
  });

  it('shows [] for an empty ipSlice, which pflag does not take for zero', () => {
    expect(flagHelpOf({ name: 'gateway', type: 'ipSlice', usage: 'x' }).defaultText).toBe(' (default [])');
  });

  it("quotes a string default and shows a custom type's non-zero one as it is", () => {
    expect(flagHelpOf({ name: 'driver', short: 'd', type: 'string', default: 'bridge', usage: 'x' }).defaultText).toBe(
      ' (default "bridge")',
    );
    expect(flagHelpOf({ name: 'opt', type: 'map', default: 'map[]', usage: 'x' }).defaultText).toBe(' (default map[])');
    expect(
      flagHelpOf({ name: 'health-interval', type: 'duration', default: '0s', usage: 'x' }).defaultText,
    ).toBeUndefined();
  });

  it("takes a back-quoted word of the usage for the value's name", () => {
    expect(flagHelpOf({ name: 'x', type: 'string', usage: 'Write to `FILE` now' })).toMatchObject({
      varname: 'FILE',
      usage: 'Write to FILE now',
    });
  });

  it('pads names to the longest and wraps the usage at the column', () => {
    const text = flagUsagesWrapped(
      [
        flagHelpOf({ name: 'all', short: 'a', type: 'bool', usage: 'Show all' }),
        flagHelpOf({ name: 'format', type: 'string', usage: 'Format output' }),
      ],
      79,
    );
    expect(text).toBe('  -a, --all             Show all\n      --format string   Format output\n');
  });
});

// docker/cli v29.7.2 e2e/stack/testdata/stack-deploy-help.golden, the help of a
// command docker/cli tests end to end, rendered from the rows scripts/docker-cli-help.mjs
// reads off docs/reference/commandline/stack_deploy.md (backquotes back to `"`).
describe('cobra usage template', () => {
  it("prints docker stack deploy --help as docker/cli's golden file has it", () => {
    const table = {
      description: 'Deploy a new stack or update an existing stack',
      aliases: ['docker stack deploy', 'docker stack up'],
      subcommands: [],
      flags: [
        {
          name: 'compose-file',
          short: 'c',
          type: 'stringSlice',
          usage: 'Path to a Compose file, or "-" to read from stdin',
        },
        {
          name: 'detach',
          short: 'd',
          type: 'bool',
          default: 'true',
          usage: 'Exit immediately instead of waiting for the stack services to converge',
        },
        { name: 'prune', type: 'bool', usage: 'Prune services that are no longer referenced' },
        { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress progress output' },
        {
          name: 'resolve-image',
          type: 'string',
          default: 'always',
          usage: 'Query the registry to resolve image digest and supported platforms ("always", "changed", "never")',
        },
        { name: 'with-registry-auth', type: 'bool', usage: 'Send registry authentication details to Swarm agents' },
      ],
    };
    expect(cobraHelp('docker stack deploy', '[OPTIONS] STACK', table)).toBe(`Usage:  docker stack deploy [OPTIONS] STACK

Deploy a new stack or update an existing stack

Aliases:
  docker stack deploy, docker stack up

Options:
  -c, --compose-file strings   Path to a Compose file, or "-" to read
                               from stdin
  -d, --detach                 Exit immediately instead of waiting for
                               the stack services to converge (default true)
      --prune                  Prune services that are no longer referenced
  -q, --quiet                  Suppress progress output
      --resolve-image string   Query the registry to resolve image digest
                               and supported platforms ("always",
                               "changed", "never") (default "always")
      --with-registry-auth     Send registry authentication details to
                               Swarm agents
`);
  });

  it("prints a command without flags as the helloworld plugin's golden file has it", () => {
    // e2e/cli-plugins/testdata/docker-help-helloworld-goodbye.golden
    expect(
      cobraHelp('docker helloworld goodbye', '', {
        description: 'Say Goodbye instead of Hello',
        aliases: [],
        subcommands: [],
        flags: [],
      }),
    ).toBe('Usage:  docker helloworld goodbye\n\nSay Goodbye instead of Hello\n');
  });
});
