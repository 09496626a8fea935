import type { ServicePort } from '../../engine/swarm-service-state';
import { parsePortSpec } from '../../wire/port-spec';

/**
 * swarmopts.PortOpt.Set (docker/cli opts/swarmopts/port.go): the long syntax
 * `published=8080,target=80[,mode=ingress|host][,protocol=udp]`, keys read
 * case-insensitively, or the short one `[published:]target[/protocol]` as
 * nat.ParsePortSpecs reads it, without a host IP. Each gives swarm.PortConfigs.
 */
export function parseServicePort(value: string): ServicePort[] | { error: string } {
  if (/\w+=\w+(,\w+=\w+)*/.test(value)) return parseLong(value);
  const mappings = parsePortSpec(value);
  if ('error' in mappings) return mappings;
  if (mappings.some((mapping) => mapping.hostIp !== '')) return { error: 'hostip is not supported' };
  // ConvertPortToPortConfig: a range of published ports for one target port gives a port each (80-82:8080).
  const hostRange = /^(\d+)-(\d+):\d+(\/\w+)?$/.exec(value);
  if (hostRange && mappings.length === 1) {
    const [first, last] = [Number(hostRange[1]), Number(hostRange[2])];
    return Array.from({ length: last - first + 1 }, (_, index) => ({
      protocol: mappings[0]!.protocol,
      targetPort: mappings[0]!.containerPort,
      publishedPort: first + index,
      publishMode: 'ingress' as const,
    }));
  }
  return mappings.map((mapping) => ({
    protocol: mapping.protocol,
    targetPort: mapping.containerPort,
    publishedPort: mapping.hostPort ?? 0,
    publishMode: 'ingress',
  }));
}

/** strconv.ParseUint(val, 10, 16)'s error as the option unwraps it (NumError.Err). */
function uint16Problem(text: string): string | undefined {
  if (!/^\d+$/.test(text)) return 'invalid syntax';
  return Number(text) > 65535 ? 'value out of range' : undefined;
}

function parseLong(value: string): ServicePort[] | { error: string } {
  let port: { -readonly [K in keyof ServicePort]: ServicePort[K] } = {
    protocol: 'tcp',
    targetPort: 0,
    publishedPort: 0,
    publishMode: 'ingress',
  };
  // ~: encoding/csv's quoting is not modelled; the fields are split at commas.
  for (const field of value.split(',')) {
    const lower = field.toLowerCase();
    const equals = lower.indexOf('=');
    if (equals <= 0) return { error: `invalid field: ${field}` };
    const [key, val] = [lower.slice(0, equals), lower.slice(equals + 1)];
    switch (key) {
      case 'protocol':
        if (val !== 'tcp' && val !== 'udp' && val !== 'sctp') return { error: `invalid protocol value '${val}'` };
        port = { ...port, protocol: val };
        break;
      case 'mode':
        if (val !== 'ingress' && val !== 'host')
          return { error: `invalid publish mode value (${val}): must be either 'ingress' or 'host'` };
        port = { ...port, publishMode: val };
        break;
      case 'target':
      case 'published': {
        const problem = uint16Problem(val);
        const what = key === 'target' ? 'target' : 'published';
        if (problem) return { error: `invalid ${what} port (${val}): value must be an integer: ${problem}` };
        port = key === 'target' ? { ...port, targetPort: Number(val) } : { ...port, publishedPort: Number(val) };
        break;
      }
      default:
        return { error: `invalid field key: ${key}` };
    }
  }
  if (port.targetPort === 0) return { error: "missing mandatory field 'target'" };
  return [port];
}

/** portConfigToString (cli/command/service/update.go): `published:target/protocol/mode`, the key and order of updatePorts. */
export const portKey = (port: ServicePort): string =>
  `${port.publishedPort}:${port.targetPort}/${port.protocol}/${port.publishMode}`;

/**
 * updatePorts: the spec's ports less those --publish-rm names (by target port,
 * protocol and mode), plus --publish-add's new ones, sorted by their key.
 */
export function updatedPorts(
  current: readonly ServicePort[],
  remove: readonly ServicePort[],
  add: readonly ServicePort[],
): ServicePort[] {
  const unique = new Map<string, ServicePort>();
  for (const port of current) if (!unique.has(portKey(port))) unique.set(portKey(port), port);
  const kept = [...unique.values()].filter(
    (port) =>
      !remove.some(
        (r) => r.protocol === port.protocol && r.targetPort === port.targetPort && r.publishMode === port.publishMode,
      ),
  );
  const added = add.filter((port) => !unique.has(portKey(port)));
  return [...kept, ...added].sort((a, b) => (portKey(a) < portKey(b) ? -1 : portKey(a) > portKey(b) ? 1 : 0));
}

/**
 * serviceContext.Ports (cli/command/service/formatter.go): the ingress ports,
 * sorted by protocol then published port, consecutive ones grouped into ranges,
 * as `*:8080->80/tcp`.
 */
export function formatServicePorts(ports: readonly ServicePort[]): string {
  const sorted = [...ports].sort((a, b) =>
    a.protocol === b.protocol ? a.publishedPort - b.publishedPort : a.protocol < b.protocol ? -1 : 1,
  );
  const out: string[] = [];
  let range: { pStart: number; pEnd: number; tStart: number; tEnd: number; protocol: string } | undefined;
  const text = (r: NonNullable<typeof range>) =>
    `*:${r.pEnd > r.pStart ? `${r.pStart}-${r.pEnd}` : r.pStart}->${r.tEnd > r.tStart ? `${r.tStart}-${r.tEnd}` : r.tStart}/${r.protocol}`;
  for (const p of sorted) {
    if (p.publishMode !== 'ingress') continue;
    const isRange = range !== undefined && range.tEnd !== range.tStart;
    const overlaps = range !== undefined && p.targetPort <= range.tEnd;
    if (
      !range ||
      p.protocol !== range.protocol ||
      // uint32 differences, as Go computes them: a port below the range wraps round to a large one.
      (p.publishedPort - range.pEnd) >>> 0 > 1 ||
      (p.targetPort - range.tEnd) >>> 0 > 1 ||
      (isRange && overlaps)
    ) {
      if (range && range.pStart > 0) out.push(text(range));
      range = {
        pStart: p.publishedPort,
        pEnd: p.publishedPort,
        tStart: p.targetPort,
        tEnd: p.targetPort,
        protocol: p.protocol,
      };
      continue;
    }
    range.pEnd = p.publishedPort;
    range.tEnd = p.targetPort;
  }
  if (range && range.pStart > 0) out.push(text(range));
  return out.join(', ');
}
