import { addressFamily, isWildcardAddress } from '../wire/bind-address';
import type { PublishedPort } from './container';

/** ip_local_port_range on Debian, which Docker's port allocator draws from. */
export const EPHEMERAL_PORTS = { first: 32768, last: 60999 };


/** A wildcard address takes the port on every address of its family (portallocator). */
export function isPortTaken(published: readonly PublishedPort[], hostIp: string, port: number, protocol: string): boolean {
  return published.some(
    (taken) =>
      taken.hostPort === port &&
      taken.protocol === protocol &&
      addressFamily(taken.hostIp) === addressFamily(hostIp) &&
      (taken.hostIp === hostIp || isWildcardAddress(taken.hostIp) || isWildcardAddress(hostIp)),
  );
}

/** The next port free on both families after `last`, wrapping around the range. */
export function nextEphemeralPort(published: readonly PublishedPort[], last: number, protocol: string): number | undefined {
  const size = EPHEMERAL_PORTS.last - EPHEMERAL_PORTS.first + 1;
  for (let step = 1; step <= size; step++) {
    const port = EPHEMERAL_PORTS.first + ((last - EPHEMERAL_PORTS.first + step) % size);
    if (!isPortTaken(published, '0.0.0.0', port, protocol) && !isPortTaken(published, '::', port, protocol)) return port;
  }
  return undefined;
}
