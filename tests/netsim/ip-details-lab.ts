import { expect } from 'vitest';
import { Host } from '../../src/netsim/index';

/** The capture's layout in a namespace of its own ("lab"), so that its ifindexes start at 1 as in the capture's fresh namespace. */
export const IP_DETAILS_LAYOUT = [
  'sudo ip netns add lab',
  'sudo ip netns add c1',
  'sudo ip netns add c2',
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
  'sudo ip -n lab link add br-net1 type bridge',
  'sudo ip -n lab link set br-net1 address 02:42:6f:1c:3a:02',
  'sudo ip -n lab addr add 172.18.0.1/16 brd + dev br-net1',
  'sudo ip -n lab link set br-net1 up',
  'sudo ip -n lab link add veth5d6e7f8 type veth peer name eth0 netns c2',
  'sudo ip -n lab link set veth5d6e7f8 address 8a:5c:56:62:14:28',
  'sudo ip -n lab link set veth5d6e7f8 master br-net1',
  'sudo ip -n lab link set veth5d6e7f8 up',
  'sudo ip -n c2 link set lo up',
  'sudo ip -n c2 addr add 172.18.0.2/16 brd + dev eth0',
  'sudo ip -n c2 link set eth0 up',
  'sleep 16',
  'sudo ip netns exec c1 ping -c1 -W1 172.17.0.1',
];

/** A host with the layout of golden/linux/session.ip-details.txt built in namespace "lab" (layouts/session.ip-details.sh, step by step). */
export function ipDetailsLab(): Host {
  const host = Host.create();
  for (const line of IP_DETAILS_LAYOUT) expect(host.run(line).exitCode, line).toBe(0);
  return host;
}
