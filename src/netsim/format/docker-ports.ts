/** One entry of the API's container port list: published when it has a host address. */
export interface PortSummary {
  ip: string | undefined;
  privatePort: number;
  publicPort: number | undefined;
  type: string;
}

/** `[::]:8080`, `0.0.0.0:8080`: Go's net.JoinHostPort. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** docker/cli formatter.DisplayablePorts: the PORTS column of `docker ps`, ranges grouped. */
export function displayablePorts(ports: readonly PortSummary[]): string {
  const sorted = [...ports].sort(comparePorts);
  const groups = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const hostMappings: string[] = [];
  for (const port of sorted) {
    let key = port.type;
    if (port.ip !== undefined) {
      if (port.publicPort !== port.privatePort) {
        hostMappings.push(`${joinHostPort(port.ip, port.publicPort ?? 0)}->${port.privatePort}/${port.type}`);
        continue;
      }
      key = `${port.ip}/${port.type}`;
    }
    const group = groups.get(key);
    if (!group) groups.set(key, { first: port.privatePort, last: port.privatePort });
    else if (port.privatePort === group.last + 1) group.last = port.privatePort;
    else {
      result.push(formGroup(key, group.first, group.last));
      groups.set(key, { first: port.privatePort, last: port.privatePort });
    }
  }
  for (const [key, group] of groups) result.push(formGroup(key, group.first, group.last));
  return [...result, ...hostMappings].join(', ');
}

function formGroup(key: string, first: number, last: number): string {
  const slash = key.lastIndexOf('/');
  const [ip, type] = slash > 0 ? [key.slice(0, slash), key.slice(slash + 1)] : ['', key];
  const range = first === last ? `${first}` : `${first}-${last}`;
  return `${ip ? `${joinHostPort(ip, range)}->${range}` : range}/${type}`;
}

function comparePorts(a: PortSummary, b: PortSummary): number {
  if (a.privatePort !== b.privatePort) return a.privatePort - b.privatePort;
  if (a.ip !== b.ip) return (a.ip ?? '') < (b.ip ?? '') ? -1 : 1;
  if (a.publicPort !== b.publicPort) return (a.publicPort ?? 0) - (b.publicPort ?? 0);
  return a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
}
