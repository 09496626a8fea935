import { KernelError } from '../kernel/errno';
import type { IpvlanFlag, IpvlanMode, MacvlanMode } from '../kernel/link';
import { linkNamed } from '../kernel/namespace';
import { macFromBytes } from '../wire/mac';
import type { Daemon } from './daemon';
import type { Driver } from './network-driver';
import { EngineError } from './errors';
import type { Network, ParentLink } from './network';
import { wireStackedEndpoint } from './sandbox';

const MACVLAN_MODES: readonly MacvlanMode[] = ['bridge', 'private', 'passthru', 'vepa'];
const IPVLAN_MODES: readonly IpvlanMode[] = ['l2', 'l3', 'l3s'];
const IPVLAN_FLAGS: readonly IpvlanFlag[] = ['bridge', 'private', 'vepa'];

/** The driver's own errors are plain Go errors: the API answers 500. */
const fail = (message: string) => new EngineError('system', message);

type PortMode = ParentLink['stack'];

/** parseNetworkOptions of drivers/macvlan: mode bridge by default; lo is no parent. */
function macvlanStack(options: Readonly<Record<string, string>>): PortMode {
  const mode = options['macvlan_mode'] || 'bridge';
  if (!MACVLAN_MODES.includes(mode as MacvlanMode))
    throw fail(`requested macvlan mode '${mode}' is not valid, 'bridge' mode is the macvlan driver default`);
  if (options['parent'] === 'lo') throw fail('loopback interface is not a valid macvlan parent link');
  return { kind: 'macvlan', mode: mode as MacvlanMode };
}

/** parseNetworkOptions of drivers/ipvlan: L2 and the bridge flag by default; lo is no parent. */
function ipvlanStack(options: Readonly<Record<string, string>>): PortMode {
  const mode = options['ipvlan_mode'] || 'l2';
  if (!IPVLAN_MODES.includes(mode as IpvlanMode))
    throw fail(`requested ipvlan mode '${mode}' is not valid, 'l2' mode is the ipvlan driver default`);
  const flag = options['ipvlan_flag'] || 'bridge';
  if (!IPVLAN_FLAGS.includes(flag as IpvlanFlag))
    throw fail(`requested ipvlan flag '${flag}' is not valid, 'bridge' is the ipvlan driver default`);
  if (options['parent'] === 'lo') throw fail('loopback interface is not a valid ipvlan parent link');
  return { kind: 'ipvlan', mode: mode as IpvlanMode, flag: flag as IpvlanFlag };
}

/**
 * createVlanLink (drivers/macvlan/macvlan_setup.go, and ipvlan's): a parent that
 * does not exist must be `name.vlan_id` on an existing interface (parseVlan),
 * with an id from 1 to 4094; the driver then adds that 802.1Q link on it and
 * brings it up.
 */
function createVlanLink(daemon: Daemon, parent: string): void {
  if (!parent.includes('.')) throw fail(`invalid subinterface vlan name ${parent}, example formatting is eth0.10`);
  const parts = parent.split('.');
  if (parts.length !== 2)
    throw fail(`required interface name format is: name.vlan_id, ex. eth0.10 for vlan 10, instead received ${parent}`);
  const [device, vid] = parts as [string, string];
  if (!/^[+-]?\d+$/.test(vid)) throw fail(`unable to parse a valid vlan id from: ${vid} (ex. eth0.10 for vlan 10)`);
  if (!linkNamed(daemon.kernel.root, device)) throw fail(`-o parent interface was not found on the host: ${device}`);
  const id = Number(vid);
  if (id > 4094 || id < 1) throw fail(`vlan id must be between 1-4094, received: ${id}`);
  // netlink.Vlan's LinkAttrs leave TxQLen 0, which netlink sends (IFLA_TXQLEN), as for the ports.
  daemon.kernel.addStackedLink(daemon.kernel.root, { name: parent, txqlen: 0 }, device, { kind: 'vlan', id });
  daemon.kernel.setUp(daemon.kernel.root, parent, true);
}

/** The other networks of this driver on the same parent. */
function sharing(daemon: Daemon, network: Network, parent: string): Network[] {
  return daemon.state.networks.filter(
    (other) => other.id !== network.id && other.driver === network.driver && other.parent?.name === parent,
  );
}

/** dm-/di- and the first 12 hex digits of the network ID (getDummyName). */
const dummyName = (network: Network) => `${network.driver === 'macvlan' ? 'dm' : 'di'}-${network.id.slice(0, 12)}`;

/**
 * CreateNetwork of both drivers: with no -o parent, a dummy link named after the
 * network, up; an existing parent is used as it is. macvlan networks may share a
 * parent unless one is in passthru mode; ipvlan networks never do.
 */
function createOn(daemon: Daemon, network: Network, stack: PortMode): Network {
  const requested = network.options['parent'] ?? '';
  const name = requested || dummyName(network);
  for (const other of sharing(daemon, network, name)) {
    if (stack.kind === 'ipvlan') throw fail(`network ${dummyName(other)} is already using parent interface ${name}`);
    if (stack.mode === 'passthru')
      throw fail(`cannot use mode passthru, macvlan network ${other.id} is already using parent interface ${name}`);
    if (other.parent?.stack.mode === 'passthru')
      throw fail(`macvlan network ${other.id} is already using parent interface ${name} in mode passthru`);
  }
  const { kernel } = daemon;
  const dummy = !requested;
  // A link another network's driver made stays marked as made (CreatedSlaveLink), so the last network deletes it.
  let vlan = daemon.state.networks.some((other) => other.parent?.name === name && other.parent.vlan);
  if (!linkNamed(kernel.root, name)) {
    if (dummy) {
      kernel.addLink(kernel.root, { name, kind: 'dummy' });
      kernel.setUp(kernel.root, name, true);
    } else {
      createVlanLink(daemon, name);
      vlan = true;
    }
  }
  const parent: ParentLink = { name, stack, dummy, ...(vlan ? { vlan } : {}) };
  return { ...network, parent };
}

/** DeleteNetwork: a dummy or 802.1Q parent the driver made goes with the last network on it. */
function removeFrom(daemon: Daemon, network: Network): void {
  const parent = network.parent!;
  if (
    (parent.dummy || parent.vlan) &&
    sharing(daemon, network, parent.name).length === 0 &&
    linkNamed(daemon.kernel.root, parent.name)
  )
    daemon.kernel.deleteLink(daemon.kernel.root, parent.name);
}

/** Join: the port is made on the parent, which must still be there (createMacVlan, createIPVlan). */
function joinOn(kind: 'macvlan' | 'ipvlan'): Driver['join'] {
  return (daemon, sandbox, network, endpoint, isGateway) => {
    const parent = network.parent!;
    if (!linkNamed(daemon.kernel.root, parent.name))
      throw fail(`the requested parent interface ${parent.name} was not found on the Docker host`);
    try {
      wireStackedEndpoint(daemon.kernel, daemon.random, sandbox, parent, endpoint, isGateway);
    } catch (error) {
      // A device carries macvlan or ipvlan ports, not both.
      if (error instanceof KernelError && error.errno === 'EBUSY')
        throw fail(`failed to create the ${kind} port: device or resource busy`);
      throw error;
    }
    return undefined;
  };
}

/** DeleteEndpoint: the port goes; with its namespace gone, it went already. */
const leave: Driver['leave'] = (daemon, sandbox, _network, endpoint) => {
  if (sandbox && linkNamed(sandbox, endpoint.interfaceName)) daemon.kernel.deleteLink(sandbox, endpoint.interfaceName);
};

/** Docker's macvlan driver (daemon/libnetwork/drivers/macvlan): no bridge, no veth, no iptables rules. */
export const macvlanDriver: Driver = {
  needsGateway: false,
  setsGateway: true,
  endpointMac: (daemon, requested) => requested ?? macFromBytes(daemon.random.bytes(6)),
  create: (daemon, network) => createOn(daemon, network, macvlanStack(network.options)),
  remove: removeFrom,
  join: joinOn('macvlan'),
  leave,
};

/** Docker's ipvlan driver (daemon/libnetwork/drivers/ipvlan): its ports share the parent's MAC. */
export const ipvlanDriver: Driver = {
  needsGateway: false,
  setsGateway: true,
  endpointMac(_daemon, requested) {
    if (requested !== undefined) throw fail('ipvlan interfaces do not support custom mac address assignment');
    return undefined;
  },
  create: (daemon, network) => createOn(daemon, network, ipvlanStack(network.options)),
  remove: removeFrom,
  join: joinOn('ipvlan'),
  leave,
};
