/** Port names from Debian's /etc/services (netbase) for the ports lessons meet; tools print the number for any other. */
const SERVICES: Readonly<Record<number, string>> = { 21: 'ftp', 22: 'ssh', 25: 'smtp', 53: 'domain', 80: 'http', 443: 'https', 3306: 'mysql', 5432: 'postgresql', 6379: 'redis', 8080: 'http-alt' };

export function serviceName(port: number): string {
  return SERVICES[port] ?? String(port);
}
