import { expect } from 'vitest';
import { Host } from '../../src/netsim/index';

/**
 * The layout of golden/linux/session.counters.txt (layouts/session.counters.sh)
 * in namespaces "lab" (the host's side) and "c1", so that ifindexes start at 1
 * as in the capture's fresh namespaces.
 */
export const COUNTERS_LAYOUT = [
  'sudo ip netns add lab',
  'sudo ip netns add c1',
  'sudo ip -n lab link set lo up',
  'sudo ip -n lab link add docker0 type bridge',
  'sudo ip -n lab link set docker0 address 02:42:6f:1c:3a:01',
  'sudo ip -n lab addr add 172.17.0.1/16 brd + dev docker0',
  'sudo ip -n lab link set docker0 up',
  'sudo ip -n lab link add veth1a2b3c4 type veth peer name eth0 netns c1',
  'sudo ip -n lab link set veth1a2b3c4 address 8e:45:24:a9:ac:d1',
  'sudo ip -n lab link set veth1a2b3c4 master docker0',
  'sudo ip -n lab link set veth1a2b3c4 up',
  'sudo ip -n c1 link set lo up',
  'sudo ip -n c1 link set eth0 address 02:42:ac:11:00:02',
  'sudo ip -n c1 addr add 172.17.0.2/16 brd + dev eth0',
  'sudo ip -n c1 link set eth0 up',
  'sudo ip -n c1 route add default via 172.17.0.1',
  'sleep 16',
];

/** The pings of the capture's part 2: two from c1 to its gateway, one from the host to c1, one to 127.0.0.1 on each side. */
export const COUNTERS_TRAFFIC = [
  'sudo ip netns exec c1 ping -c2 -W1 172.17.0.1',
  'sudo ip netns exec lab ping -c1 -W1 172.17.0.2',
  'sudo ip netns exec lab ping -c1 -W1 127.0.0.1',
  'sudo ip netns exec c1 ping -c1 -W1 172.17.0.2',
];

export function countersLab(traffic = true): Host {
  const host = Host.create();
  for (const line of [...COUNTERS_LAYOUT, ...(traffic ? COUNTERS_TRAFFIC : [])])
    expect(host.run(line).exitCode, line).toBe(0);
  return host;
}
