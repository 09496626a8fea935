import { linkNamed } from '../kernel/namespace';
import { cidr, contains } from '../wire/cidr';
import { parseIpv4 } from '../wire/ipv4';
import { parseGoBool } from '../wire/go-strconv';
import { macFromBytes } from '../wire/mac';
import type { Driver } from './network-driver';
import { EngineError } from './errors';
import {
  bridgeNetworkRules,
  directAccessRules,
  directAccessRules6,
  enableIpv6Forwarding,
  inIp6tables,
  type BridgeRuleOptions,
  type GatewayMode,
  type Placed,
} from './firewall';
import { firewallConfig, program, type Daemon } from './daemon';
import type { Endpoint } from './container';
import type { Network } from './network';
import { unwireEndpoint, wireBridgeEndpoint } from './sandbox';

/** The bridge driver's options (drivers/bridge/labels.go, netlabel). */
export const BRIDGE_NAME = 'com.docker.network.bridge.name';
export const DRIVER_MTU = 'com.docker.network.driver.mtu';
const ENABLE_ICC = 'com.docker.network.bridge.enable_icc';
const ENABLE_IP_MASQUERADE = 'com.docker.network.bridge.enable_ip_masquerade';
const DEFAULT_BRIDGE = 'com.docker.network.bridge.default_bridge';
const HOST_BINDING_IPV4 = 'com.docker.network.bridge.host_binding_ipv4';
const INHIBIT_IPV4 = 'com.docker.network.bridge.inhibit_ipv4';
const GATEWAY_MODE_IPV4 = 'com.docker.network.bridge.gateway_mode_ipv4';
const GATEWAY_MODES: readonly GatewayMode[] = ['nat', 'nat-unprotected', 'routed', 'isolated'];

/** What the bridge driver reads from a network's options (networkConfiguration.fromLabels). */
interface BridgeConfig {
  readonly bridgeName: string;
  readonly mtu: number;
  readonly icc: boolean;
  readonly masquerade: boolean;
  readonly defaultBridge: boolean;
  readonly gatewayMode: GatewayMode;
}

/** parseErr: `failed to parse LABEL value: VALUE (strconv error)`. */
function parseError(label: string, value: string, detail: string): EngineError {
  return new EngineError('invalid-parameter', `failed to parse ${label} value: ${value} (${detail})`);
}

function boolOption(options: Readonly<Record<string, string>>, label: string, fallback: boolean): boolean {
  const value = options[label];
  if (value === undefined) return fallback;
  const parsed = parseGoBool(value);
  if (parsed === undefined)
    throw parseError(label, value, `strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`);
  return parsed;
}

/** parseNetworkGenericOptions: ICC and masquerading on unless the options say otherwise. */
export function bridgeConfig(network: Network): BridgeConfig {
  const { options } = network;
  const mtuText = options[DRIVER_MTU];
  if (mtuText !== undefined && !/^[+-]?\d+$/.test(mtuText))
    throw parseError(DRIVER_MTU, mtuText, `strconv.Atoi: parsing ${JSON.stringify(mtuText)}: invalid syntax`);
  const hostBinding = options[HOST_BINDING_IPV4];
  if (hostBinding !== undefined && parseIpv4(hostBinding) === undefined)
    throw parseError(HOST_BINDING_IPV4, hostBinding, 'nil ip');
  boolOption(options, INHIBIT_IPV4, false);
  const config: BridgeConfig = {
    bridgeName: options[BRIDGE_NAME] ?? network.bridgeName ?? `br-${network.id.slice(0, 12)}`,
    mtu: mtuText === undefined ? 0 : Number(mtuText),
    icc: boolOption(options, ENABLE_ICC, true),
    masquerade: boolOption(options, ENABLE_IP_MASQUERADE, true),
    defaultBridge: boolOption(options, DEFAULT_BRIDGE, false),
    gatewayMode: gatewayModeOf(options),
  };
  if (config.mtu < 0) throw new EngineError('invalid-parameter', `invalid MTU number: ${config.mtu}`);
  return config;
}

/** newGwMode: the four modes by name; anything else is parseErr's `unknown gateway mode`. */
function gatewayModeOf(options: Readonly<Record<string, string>>): GatewayMode {
  const value = options[GATEWAY_MODE_IPV4];
  if (value === undefined) return 'nat';
  if (!(GATEWAY_MODES as readonly string[]).includes(value))
    throw parseError(GATEWAY_MODE_IPV4, value, `unknown gateway mode ${value}`);
  return value as GatewayMode;
}

function ruleOptions(network: Network, config: BridgeConfig): BridgeRuleOptions {
  return {
    internal: network.internal,
    icc: config.icc,
    masquerade: config.masquerade,
    gatewayMode: config.gatewayMode,
  };
}

/** A bridge network's rules in iptables, and in ip6tables for its IPv6 subnet (iptabler network.go, one per address family). */
function networkRules(daemon: Daemon, network: Network, bridgeName: string, config: BridgeConfig): Placed[] {
  const options = ruleOptions(network, config);
  const firewall = firewallConfig(daemon);
  // gateway_mode_ipv4 is IPv4's: the IPv6 rules keep the default NAT mode.
  const v6 = (network.ipam6 ?? [])
    .slice(0, 1)
    .flatMap((config6) =>
      inIp6tables(bridgeNetworkRules(bridgeName, config6.subnet, { ...options, gatewayMode: 'nat' }, firewall)),
    );
  const v4 = network.ipam
    .slice(0, 1)
    .flatMap((config4) => bridgeNetworkRules(bridgeName, config4.subnet, options, firewall));
  return [...v4, ...v6];
}

function endpointRules(network: Network, endpoint: Endpoint): Placed[] {
  const v6 = endpoint.address6
    ? directAccessRules6(network.bridgeName!, endpoint.address6.address, network.internal)
    : [];
  const v4 = endpoint.address
    ? directAccessRules(
        network.bridgeName!,
        endpoint.address.address,
        network.internal,
        bridgeConfig(network).gatewayMode,
      )
    : [];
  return [...v4, ...v6];
}

/** checkConflict: no two bridge networks share a bridge name or overlapping gateway subnets. */
function checkConflict(networks: readonly Network[], network: Network, bridgeName: string): void {
  const gateway = network.ipam[0];
  for (const other of networks) {
    if (other.driver !== 'bridge' || !other.bridgeName) continue;
    const otherGateway = other.ipam[0];
    // An IPv6-only network has no IPv4 subnet to overlap (~: IPv6 overlaps are IPAM's to refuse).
    const overlapping =
      gateway !== undefined &&
      otherGateway !== undefined &&
      (contains(gateway.subnet, otherGateway.gateway!) || contains(otherGateway.subnet, gateway.gateway!));
    const reason =
      other.bridgeName === bridgeName
        ? 'networks have same bridge name'
        : overlapping
          ? 'networks have overlapping IPv4'
          : undefined;
    if (reason)
      throw new EngineError(
        'forbidden',
        `cannot create network ${network.id} (${bridgeName}): conflicts with network ${other.id} (${other.bridgeName}): ${reason}`,
      );
  }
}

/**
 * Docker's bridge driver: a Linux bridge (br-<12 hex of the ID> unless
 * com.docker.network.bridge.name says otherwise) holding the gateway address,
 * its iptables rules, and a veth per endpoint. icc=false needs br_netfilter, so
 * that bridged frames meet the DROP rule (createNetwork, enableBrNfCallIptables).
 */
export const bridgeDriver: Driver = {
  needsGateway: true,
  setsGateway: true,
  endpointMac: (daemon, requested) => requested ?? macFromBytes(daemon.random.bytes(6)),
  create(daemon, network) {
    if (network.ipam.length > 1) throw new EngineError('forbidden', "bridge driver doesn't support multiple subnets");
    const config = bridgeConfig(network);
    if (config.defaultBridge && config.bridgeName !== 'docker0') {
      throw new EngineError(
        'forbidden',
        `bridge device with non default name ${config.bridgeName} must be created manually`,
      );
    }
    // bridge_linux.go createNetwork: an isolated gateway is for --internal networks only.
    if (config.gatewayMode === 'isolated' && !network.internal)
      throw new EngineError('forbidden', "gateway mode 'isolated' can only be used for an internal network");
    if (config.gatewayMode === 'isolated')
      throw new EngineError(
        'forbidden',
        'networks without a gateway (gateway_mode_ipv4=isolated) are not available in this simulator yet',
      );
    checkConflict(daemon.state.networks, network, config.bridgeName);
    const { kernel } = daemon;
    const root = kernel.root;
    const existing = linkNamed(root, config.bridgeName);
    if (existing && existing.kind !== 'bridge')
      throw new EngineError(
        'forbidden',
        `${config.bridgeName} is not a bridge: this simulator cannot put a bridge network on it`,
      );
    const gateway = network.ipam[0];
    program(daemon, networkRules(daemon, network, config.bridgeName, config), true);
    if ((network.ipam6 ?? []).length > 0) enableIpv6Forwarding(kernel);
    // moby creates the bridge with TxQLen 0 and sets a random MAC (netutils.GenerateRandomMAC), which it then keeps whatever its ports.
    if (!existing)
      kernel.addLink(root, {
        name: config.bridgeName,
        kind: 'bridge',
        txqlen: 0,
        macSet: true,
        ...(config.mtu > 0 ? { mtu: config.mtu } : {}),
      });
    if (gateway) kernel.addAddress(root, config.bridgeName, cidr(gateway.gateway!, gateway.subnet.prefix));
    // setupBridgeIPv6 and programIPv6Addresses: the IPv6 gateway goes on the bridge with IFA_F_NODAD.
    for (const config6 of network.ipam6 ?? [])
      if (config6.gateway !== undefined)
        kernel.addAddress6(root, config.bridgeName, { address: config6.gateway, prefix: config6.subnet.prefix });
    kernel.setUp(root, config.bridgeName, true);
    if (!config.icc) kernel.setBridgeNfCallIptables(root, true);
    return { ...network, bridgeName: config.bridgeName };
  },
  remove(daemon, network) {
    program(daemon, networkRules(daemon, network, network.bridgeName!, bridgeConfig(network)), false);
    daemon.kernel.deleteLink(daemon.kernel.root, network.bridgeName!);
  },
  join(daemon, sandbox, network, endpoint, isGateway) {
    program(daemon, endpointRules(network, endpoint), true);
    return wireBridgeEndpoint(
      daemon.kernel,
      daemon.random,
      sandbox,
      network,
      endpoint,
      isGateway,
      bridgeConfig(network).mtu,
    );
  },
  leave(daemon, _sandbox, network, endpoint) {
    program(daemon, endpointRules(network, endpoint), false);
    unwireEndpoint(daemon.kernel, endpoint);
  },
};
