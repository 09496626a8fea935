import type { Ipv4 } from '../../wire/ipv4';
import * as containers from '../containers';
import type { Daemon } from '../daemon';
import { derivedInt } from '../derived';
import { resolveContainerName, resolveContainerName6 } from '../dns';

/** The embedded DNS server (127.0.0.11) as a container asks it. */
export interface DnsApi {
  /** What it answers a container asking for `name`. */
  resolve(containerReference: string, name: string): Ipv4[];
  /** What it answers for AAAA: the IPv6 addresses, none for a name with only IPv4 ones, undefined for a name it does not know. */
  resolve6(containerReference: string, name: string): string[] | undefined;
}

export function dnsApi(daemon: Daemon): DnsApi {
  return {
    resolve: (containerReference, name) => resolve(daemon, containerReference, name),
    resolve6: (containerReference, name) =>
      resolveContainerName6(daemon, containers.findContainer(daemon, containerReference), name),
  };
}

function resolve(daemon: Daemon, containerReference: string, name: string): Ipv4[] {
  const querier = containers.findContainer(daemon, containerReference);
  const found = resolveContainerName(daemon, querier, name);
  if (found.length < 2) return found;
  // handleIPQuery shuffles a longer answer (rand.Shuffle, libnetwork resolver.go): round robin among a
  // service's replicas. Its draws hang off a count of such answers, so the seeded stream stays as it was.
  const turn = (daemon.state.shuffledAnswers = (daemon.state.shuffledAnswers ?? 0) + 1);
  const shuffled = [...found];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = derivedInt(querier.id, `dns-answer-${turn}-${i}`, i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled;
}
