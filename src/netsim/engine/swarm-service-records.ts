import type { Ipv4 } from '../wire/ipv4';
import type { Container } from './container';
import type { Daemon } from './daemon';

/**
 * The swarm's service records (libnetwork addServiceBinding, endpoint mode
 * vip): on a network of a service, its name answers the service's VIP there
 * and `tasks.NAME` the addresses of its running tasks, in slot order.
 */
export function serviceAddresses(daemon: Daemon, querier: Container, name: string): Ipv4[] | undefined {
  const wanted = name.toLowerCase().replace(/\.$/, '');
  const serviceName = wanted.replace(/^tasks\./, '');
  for (const own of querier.endpoints) {
    const service = daemon.state.swarm?.services.find(
      (s) => s.name.toLowerCase() === serviceName && s.networkIds.includes(own.networkId),
    );
    if (!service) continue;
    if (serviceName === wanted)
      return service.vips.filter((vip) => vip.networkId === own.networkId).map((vip) => vip.address.address);
    const tasks = service.tasks.map((task) =>
      daemon.state.containers.find((c) => c.id === task.containerId && c.status === 'running'),
    );
    return tasks.flatMap((task) => task?.endpoints.find((e) => e.networkId === own.networkId)?.address?.address ?? []);
  }
  return undefined;
}
