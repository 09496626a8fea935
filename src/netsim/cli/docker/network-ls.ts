import type { Engine } from '../../engine/engine';
import { inspectNetwork, ipFamilies } from '../../engine/inspect-network';
import { networkScope, PREDEFINED_NETWORKS, type Network } from '../../engine/network';
import { formatList } from '../../format/docker-formatter';
import { goTimeString } from '../../wire/go-time-string';
import { goStruct } from '../../wire/go-value';
import { fail, ok } from '../command';
import type { CommandSpec, DockerContext } from './cobra';
import { exactMatch, match, matchLabels, parseFilters, unacceptedFilter, type Filters } from './filters';
import { naturalCompare } from './natural-order';

const PATH = 'docker network ls';
const USAGE = '[OPTIONS]';

/** cli/command/network/formatter.go: the default table and its column titles. */
const DEFAULT_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}';
const HEADER = {
  ID: 'NETWORK ID',
  Name: 'NAME',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  IPv4: 'IPV4',
  IPv6: 'IPV6',
  Internal: 'INTERNAL',
  Labels: 'LABELS',
  CreatedAt: 'CREATED AT',
};

/** daemon/network/filter.go acceptedFilters. */
const ACCEPTED = ['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type'];

/** newFormat: `table` and `raw` are shortcuts, and -q only shortens them. */
function resolveFormat(format: string, quiet: boolean): string {
  if (format === 'table') return quiet ? '{{.ID}}' : DEFAULT_TABLE;
  if (format === 'raw')
    return quiet
      ? 'network_id: {{.ID}}'
      : 'network_id: {{.ID}}\\nname: {{.Name}}\\ndriver: {{.Driver}}\\nscope: {{.Scope}}\\n';
  return format;
}

export const networkLs: CommandSpec<DockerContext> = {
  path: PATH,
  usage: USAGE,
  args: { kind: 'none' },
  flags: [
    { name: 'quiet', short: 'q', takesValue: false },
    { name: 'no-trunc', takesValue: false },
    { name: 'format', takesValue: true },
    { name: 'filter', short: 'f', takesValue: true },
  ],
  run({ values }, { engine }) {
    const filters = parseFilters(values.get('filter'));
    if (!(filters instanceof Map)) {
      // pflag's error for a value FilterOpt.Set refuses, with cobra's usage footer (status 125).
      return fail(
        `invalid argument "${filters.value}" for "-f, --filter" flag: ${filters.error}\n\nUsage:  ${PATH} ${USAGE}\n\nRun '${PATH} --help' for more information\n`,
        125,
      );
    }
    const listed = listNetworks(engine, filters);
    if ('error' in listed) return fail(`Error response from daemon: ${listed.error}\n`, 1);
    const trunc = !values.has('no-trunc');
    const rows = listed.networks
      .sort((a, b) => naturalCompare(a.name, b.name))
      .map((network) => networkContext(network, trunc));
    const output = formatList({
      format: resolveFormat(values.get('format')?.at(-1) || 'table', values.has('quiet')),
      header: HEADER,
      rows,
      typeName: '*network.networkContext',
    });
    return output.ok ? ok(output.text) : fail(`${output.error}\n`, 1);
  },
};

/** GET /networks with filters: the daemon checks them (NewFilter), then keeps the networks they match. */
function listNetworks(engine: Engine, filters: Filters): { networks: Network[] } | { error: string } {
  const unaccepted = unacceptedFilter(filters, ACCEPTED);
  if (unaccepted) return { error: unaccepted };
  const dangling = filters.get('dangling');
  if (dangling && dangling.length > 1) return { error: 'got more than one value for filter key "dangling"' };
  if (dangling && !['0', '1', 'false', 'true'].includes(dangling[0]!))
    return { error: 'invalid value for filter \'dangling\', must be "true" (or "1"), or "false" (or "0")' };
  const badType = filters.get('type')?.find((type) => type !== 'builtin' && type !== 'custom');
  if (badType !== undefined) return { error: `invalid filter: 'type'='${badType}'` };
  return { networks: engine.networks.list().filter((network) => matches(engine, network, filters)) };
}

/** Filter.Matches of daemon/network/filter.go. */
function matches(engine: Engine, network: Network, filters: Filters): boolean {
  const predefined = (PREDEFINED_NETWORKS as readonly string[]).includes(network.name);
  if (filters.has('driver') && !exactMatch(filters, 'driver', network.driver)) return false;
  if (filters.has('name') && !match(filters, 'name', network.name)) return false;
  if (filters.has('id') && !match(filters, 'id', network.id)) return false;
  if (filters.has('label') && !matchLabels(filters, 'label', network.labels)) return false;
  if (filters.has('scope') && !exactMatch(filters, 'scope', networkScope(network))) return false;
  const dangling = filters.get('dangling')?.[0];
  if (dangling !== undefined) {
    const used =
      predefined ||
      Object.keys(
        inspectNetwork(network, engine.containers.list(), engine.networks.list(), engine.swarm.state())
          .Containers as object,
      ).length > 0;
    if (used === (dangling === '1' || dangling === 'true')) return false;
  }
  // matchesType decides on the first type value alone.
  const type = filters.get('type')?.[0];
  if (type !== undefined && predefined !== (type === 'builtin')) return false;
  return true;
}

/**
 * networkContext: what `--format` sees of a network.Summary. Keys are sorted
 * because `{{json .}}` marshals the methods into a map.
 */
function networkContext(network: Network, trunc: boolean): Record<string, unknown> {
  const families = ipFamilies(network);
  const labels = Object.entries(network.labels)
    .map(([key, value]) => `${key}=${value}`)
    .sort();
  return goStruct({
    // Formatting a Go time is costly and most formats never ask for it.
    get CreatedAt() {
      return goTimeString(network.createdMs, network.createdNanos);
    },
    Driver: network.driver,
    ID: trunc ? network.id.slice(0, 12) : network.id,
    IPv4: String(families.ipv4),
    IPv6: String(families.ipv6),
    Internal: String(network.internal),
    Labels: labels.join(','),
    Name: network.name,
    Scope: networkScope(network),
  });
}
