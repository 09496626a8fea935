/**
 * Debian's /etc/services (netbase 6.x, as in Debian 13) for the ports lessons meet:
 * each name with its port, the protocols it is listed for, and its aliases. Tools
 * print the number for any other port, and know no other name.
 */
interface Service {
  readonly name: string;
  readonly port: number;
  readonly protocols: readonly ('tcp' | 'udp')[];
  readonly aliases: readonly string[];
}

const SERVICES: readonly Service[] = [
  { name: 'ftp', port: 21, protocols: ['tcp'], aliases: [] },
  { name: 'ssh', port: 22, protocols: ['tcp'], aliases: [] },
  { name: 'smtp', port: 25, protocols: ['tcp'], aliases: ['mail'] },
  { name: 'domain', port: 53, protocols: ['tcp', 'udp'], aliases: [] },
  { name: 'http', port: 80, protocols: ['tcp'], aliases: ['www'] },
  { name: 'https', port: 443, protocols: ['tcp', 'udp'], aliases: [] },
  { name: 'mysql', port: 3306, protocols: ['tcp'], aliases: [] },
  { name: 'postgresql', port: 5432, protocols: ['tcp'], aliases: ['postgres'] },
  { name: 'redis', port: 6379, protocols: ['tcp'], aliases: [] },
  { name: 'http-alt', port: 8080, protocols: ['tcp'], aliases: ['webcache'] },
];

const NAME_BY_PORT: ReadonlyMap<number, string> = new Map(SERVICES.map((service) => [service.port, service.name]));

export function serviceName(port: number): string {
  return NAME_BY_PORT.get(port) ?? String(port);
}

/** getservbyname(3): the port of a service name or alias listed for that protocol. */
export function servicePort(name: string, protocol: 'tcp' | 'udp'): number | undefined {
  return SERVICES.find(
    (service) => service.protocols.includes(protocol) && (service.name === name || service.aliases.includes(name)),
  )?.port;
}

/** getservbyport(3) for TCP: the listed name of a port, undefined when /etc/services has none. */
export function tcpServiceName(port: number): string | undefined {
  return NAME_BY_PORT.get(port);
}
