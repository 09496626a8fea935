/**
 * `-p/--publish` specifications as go-connections' nat.ParsePortSpec reads them:
 * `[ip:][hostPort:]containerPort[/proto]`, with ranges (`8080-8081:80-81`) and
 * `ip::port` for an ephemeral host port. Error texts are that function's.
 */
export type Protocol = 'tcp' | 'udp' | 'sctp';

export interface PortMapping {
  hostIp: string;
  /** Undefined: the daemon picks one from the ephemeral range. */
  hostPort: number | undefined;
  containerPort: number;
  protocol: Protocol;
}

export function parsePortSpec(raw: string): PortMapping[] | { error: string } {
  const parts = raw.split(':');
  const containerPart = parts.at(-1) ?? '';
  const hostPortText = parts.length >= 2 ? parts.at(-2)! : '';
  let hostIp = parts.length >= 3 ? parts.slice(0, -2).join(':') : '';
  const [portText = '', protocolText = 'tcp'] = containerPart.split('/');
  if (portText === '') return { error: `no port specified: ${raw}<empty>` };
  const protocol = protocolText.toLowerCase();
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp') return { error: `invalid proto: ${protocol}` };
  if (hostIp.startsWith('[') && hostIp.endsWith(']')) hostIp = hostIp.slice(1, -1);
  if (hostIp !== '' && !isIp(hostIp)) return { error: `invalid IP address: ${hostIp}` };
  const container = portRange(portText);
  if (!container) return { error: `invalid containerPort: ${portText}` };
  const host = hostPortText === '' ? undefined : portRange(hostPortText);
  if (hostPortText !== '' && !host) return { error: `invalid hostPort: ${hostPortText}` };
  if (host && host[1] - host[0] !== container[1] - container[0] && container[0] !== container[1]) {
    return { error: `invalid ranges specified for container and host Ports: ${portText} and ${hostPortText}` };
  }
  const mappings: PortMapping[] = [];
  for (let port = container[0]; port <= container[1]; port++) {
    mappings.push({
      hostIp,
      hostPort: host ? host[0] + (port - container[0]) : undefined,
      containerPort: port,
      protocol,
    });
  }
  return mappings;
}

function portRange(text: string): [number, number] | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  return start <= end && end <= 65535 ? [start, end] : undefined;
}

function isIp(text: string): boolean {
  return /^(\d{1,3})(\.\d{1,3}){3}$/.test(text) ? text.split('.').every((octet) => Number(octet) <= 255) : isIpv6(text);
}

/** net.ParseIP of an IPv6 text: groups of 1 to 4 hex digits, eight of them or fewer around one `::`. */
function isIpv6(text: string): boolean {
  if (!/^[0-9a-f:]+$/i.test(text) || !text.includes(':')) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  if (groups.some((list) => list.some((group) => !/^[0-9a-f]{1,4}$/i.test(group)))) return false;
  const count = groups.reduce((sum, list) => sum + list.length, 0);
  return halves.length === 2 ? count <= 7 : count === 8;
}
