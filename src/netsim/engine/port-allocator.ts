import { addressFamily, isWildcardAddress } from '../wire/bind-address';
import type { PublishedPort } from './container';
import { LOCAL_PORT_RANGE } from '../kernel/sysctl';

/**
 * The host ports published so far, indexed by protocol, address family and port:
 * publishing 65,535 ports checks each in constant time rather than against all
 * the others. A wildcard address takes the port on every address of its family
 * (portallocator).
 */
export class PortIndex {
  private readonly byPort = new Map<string, string[]>();

  constructor(published: readonly PublishedPort[] = []) {
    for (const port of published) this.add(port);
  }

  private static key(hostIp: string, port: number, protocol: string): string {
    return `${protocol}|${addressFamily(hostIp)}|${port}`;
  }

  add(port: Pick<PublishedPort, 'hostIp' | 'hostPort' | 'protocol'>): void {
    const key = PortIndex.key(port.hostIp, port.hostPort, port.protocol);
    const holders = this.byPort.get(key);
    if (holders) holders.push(port.hostIp);
    else this.byPort.set(key, [port.hostIp]);
  }

  isTaken(hostIp: string, port: number, protocol: string): boolean {
    const holders = this.byPort.get(PortIndex.key(hostIp, port, protocol)) ?? [];
    return holders.some((taken) => taken === hostIp || isWildcardAddress(taken) || isWildcardAddress(hostIp));
  }

  /** The next port free on both families after `last`, wrapping around the range. */
  nextEphemeral(last: number, protocol: string): number | undefined {
    const size = LOCAL_PORT_RANGE.last - LOCAL_PORT_RANGE.first + 1;
    for (let step = 1; step <= size; step++) {
      const port = LOCAL_PORT_RANGE.first + ((last - LOCAL_PORT_RANGE.first + step) % size);
      if (!this.isTaken('0.0.0.0', port, protocol) && !this.isTaken('::', port, protocol)) return port;
    }
    return undefined;
  }
}
