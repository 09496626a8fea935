import type { Kernel } from '../kernel/kernel';
import { formatRule } from '../userland/iptables-rule';
import { EngineError } from './errors';
import { ruleBucket, type NetfilterTables } from '../kernel/netfilter/netfilter';
import { natTo, sameRule, type RuleAddress, type RuleSpec, type TableName } from '../kernel/netfilter/rule';
import { netfilterOf, type Namespace } from '../kernel/namespace';
import { cidr, contains, parseCidr } from '../wire/cidr';
import type { Ipv4 } from '../wire/ipv4';

/**
 * The iptables rules Docker Engine 29 installs (moby iptabler, captured in
 * integration/network/bridge/iptablesdoc/generated/*.md at docker-v29.7.2).
 * Each rule is data; `enable` adds it and `!enable` removes the very same rule.
 */
export interface Placed {
  /** ip6tables' tables rather than iptables'. */
  family?: 6;
  table: TableName;
  chain: string;
  spec: RuleSpec;
  /** Inserted at the top of the chain (-I) rather than appended (-A). */
  first?: boolean;
}

const DOCKER_CHAINS: [TableName, string][] = [
  ['filter', 'DOCKER'],
  ['filter', 'DOCKER-BRIDGE'],
  ['filter', 'DOCKER-CT'],
  ['filter', 'DOCKER-FORWARD'],
  ['filter', 'DOCKER-INTERNAL'],
  ['filter', 'DOCKER-USER'],
  ['nat', 'DOCKER'],
];

const jump = (chain: string) => ({ kind: 'jump', chain }) as const;
export const is = <T>(value: T) => ({ value, negated: false });
const not = <T>(value: T) => ({ value, negated: true });

/**
 * What the daemon's configuration changes in every rule (firewaller.Config):
 * `hairpin` is true when the userland proxy is off (daemon.json
 * `"userland-proxy": false`), so NAT alone has to carry the host's own traffic.
 */
export interface FirewallConfig {
  readonly hairpin: boolean;
}

/**
 * dockerd's start (iptabler NewIptabler: removeIPChains, then setupIPChains): its
 * chains, the jumps into them, and FORWARD's policy set to DROP because Docker had
 * to enable ip_forward itself (Debian ships it off). Without the userland proxy,
 * nat-OUTPUT's jump also takes 127.0.0.0/8 (addNATJumpRules).
 */
export function installDaemonRules(kernel: Kernel, { hairpin }: FirewallConfig): void {
  const tables = kernel.netfilter(kernel.root);
  for (const [table, chain] of DOCKER_CHAINS) {
    if (!tables.hasChain(table, chain)) tables.newChain(table, chain);
  }
  tables.setPolicy('filter', 'FORWARD', 'DROP');
  apply(kernel, daemonRules(hairpin, LOOPBACK), true);
  // ip6tables is on by default (Docker 27+): NewIptabler and setupUserChain make the same chains in
  // the IPv6 tables; FORWARD keeps ACCEPT until an IPv6 network makes the daemon enable IPv6 forwarding.
  const tables6 = kernel.netfilter(kernel.root, 6);
  for (const [table, chain] of DOCKER_CHAINS) {
    if (!tables6.hasChain(table, chain)) tables6.newChain(table, chain);
  }
  apply(kernel, inIp6tables(daemonRules(hairpin, LOOPBACK6)), true);
}

const LOOPBACK: RuleAddress = parseCidr('127.0.0.0/8')!;
const LOOPBACK6: RuleAddress = { address: '::1', prefix: 128 };

/**
 * What a daemon's stop leaves for the next start to clean (removeIPChains): the
 * nat jumps of either proxy setting, and every rule in Docker's own chains, in
 * iptables and ip6tables. The chains stay (FORWARD still jumps to them);
 * DOCKER-USER is the user's and keeps its rules.
 */
export function removeDaemonRules(kernel: Kernel): void {
  for (const hairpin of [false, true]) {
    apply(
      kernel,
      daemonRules(hairpin, LOOPBACK).filter((rule) => rule.table === 'nat'),
      false,
    );
    apply(kernel, inIp6tables(daemonRules(hairpin, LOOPBACK6).filter((rule) => rule.table === 'nat')), false);
  }
  for (const family of [4, 6] as const) {
    const tables = kernel.netfilter(kernel.root, family);
    for (const [table, chain] of DOCKER_CHAINS) {
      if (chain !== 'DOCKER-USER' && tables.hasChain(table, chain)) tables.flushRules(table, chain);
    }
  }
}

/**
 * setupIPv6Forwarding: the first IPv6 network turns IPv6 forwarding on (Debian
 * ships it off), and the daemon then sets ip6tables' FORWARD policy to DROP (FilterForwardDrop).
 */
export function enableIpv6Forwarding(kernel: Kernel): void {
  if (kernel.root.ipv6Forwarding) return;
  kernel.root.ipv6Forwarding = true;
  kernel.netfilter(kernel.root, 6).setPolicy('filter', 'FORWARD', 'DROP');
}

/** The same rules in ip6tables' tables. */
export function inIp6tables(rules: readonly Placed[]): Placed[] {
  return rules.map((rule) => ({ ...rule, family: 6 }));
}

/** The jumps into Docker's chains; nat OUTPUT leaves out the loopback network (127.0.0.0/8, ::1/128) unless NAT carries hairpin traffic. */
function daemonRules(hairpin: boolean, loopback: RuleAddress): Placed[] {
  return [
    { table: 'filter', chain: 'FORWARD', spec: { target: jump('DOCKER-USER') } },
    { table: 'filter', chain: 'FORWARD', spec: { target: jump('DOCKER-FORWARD') } },
    { table: 'filter', chain: 'DOCKER-FORWARD', spec: { target: jump('DOCKER-CT') } },
    { table: 'filter', chain: 'DOCKER-FORWARD', spec: { target: jump('DOCKER-INTERNAL') } },
    { table: 'filter', chain: 'DOCKER-FORWARD', spec: { target: jump('DOCKER-BRIDGE') } },
    { table: 'nat', chain: 'PREROUTING', spec: { destinationLocal: true, target: jump('DOCKER') } },
    {
      table: 'nat',
      chain: 'OUTPUT',
      spec: { ...(hairpin ? {} : { destination: not(loopback) }), destinationLocal: true, target: jump('DOCKER') },
    },
  ];
}

/** com.docker.network.bridge.gateway_mode_ipv4 (bridge_linux.go newGwMode); `isolated` is for internal networks only. */
export type GatewayMode = 'nat' | 'nat-unprotected' | 'routed' | 'isolated';

/** What shapes a bridge network's rules: --internal, the enable_icc and enable_ip_masquerade options, the gateway mode. */
export interface BridgeRuleOptions {
  readonly internal: boolean;
  readonly icc: boolean;
  readonly masquerade: boolean;
  readonly gatewayMode: GatewayMode;
}

/**
 * Rules of one bridge network, in the order iptabler's setupIPTables makes them
 * (golden files in iptabler/testdata/TestIptabler at docker-v29.7.2).
 * setupNonInternalNetworkRules: MASQUERADE unless routed, inserted, then the
 * hairpin MASQUERADE for the host's own addresses (inserted above it); setIcc's
 * DROP with icc off; ICMP let in when routed; the outgoing ACCEPT
 * (`-i br ! -o br` with icc off). Then setDefaultForwardRule's DROP, an ACCEPT
 * when nat-unprotected; the conntrack rule; DOCKER-BRIDGE's jump.
 */
export function bridgeNetworkRules(
  bridge: string,
  subnet: RuleAddress,
  { internal, icc, masquerade, gatewayMode }: BridgeRuleOptions,
  { hairpin }: FirewallConfig,
): Placed[] {
  const iccRule: Placed = {
    table: 'filter',
    chain: 'DOCKER-FORWARD',
    spec: { inInterface: is(bridge), outInterface: is(bridge), target: { kind: icc ? 'ACCEPT' : 'DROP' } },
  };
  if (internal) {
    return [
      iccRule,
      {
        table: 'filter',
        chain: 'DOCKER-INTERNAL',
        first: true,
        spec: { destination: not(subnet), inInterface: is(bridge), target: { kind: 'DROP' } },
      },
      {
        table: 'filter',
        chain: 'DOCKER-INTERNAL',
        first: true,
        spec: { source: not(subnet), outInterface: is(bridge), target: { kind: 'DROP' } },
      },
    ];
  }
  const routed = gatewayMode === 'routed';
  const nat: Placed[] =
    masquerade && !routed
      ? [
          {
            table: 'nat',
            chain: 'POSTROUTING',
            first: true,
            spec: { source: is(subnet), outInterface: not(bridge), target: { kind: 'MASQUERADE' } },
          },
        ]
      : [];
  const hairpinNat: Placed[] = hairpin
    ? [
        {
          table: 'nat',
          chain: 'POSTROUTING',
          first: true,
          spec: { outInterface: is(bridge), sourceLocal: true, target: { kind: 'MASQUERADE' } },
        },
      ]
    : [];
  const icmp: Placed[] = routed
    ? [
        {
          table: 'filter',
          chain: 'DOCKER',
          spec: { outInterface: is(bridge), protocol: 'icmp', target: { kind: 'ACCEPT' } },
        },
      ]
    : [];
  const outgoing: Placed[] = icc
    ? [{ table: 'filter', chain: 'DOCKER-FORWARD', spec: { inInterface: is(bridge), target: { kind: 'ACCEPT' } } }]
    : [
        iccRule,
        {
          table: 'filter',
          chain: 'DOCKER-FORWARD',
          spec: { inInterface: is(bridge), outInterface: not(bridge), target: { kind: 'ACCEPT' } },
        },
      ];
  return [
    ...nat,
    ...hairpinNat,
    ...icmp,
    ...outgoing,
    {
      table: 'filter',
      chain: 'DOCKER',
      spec: {
        inInterface: not(bridge),
        outInterface: is(bridge),
        target: { kind: gatewayMode === 'nat-unprotected' ? 'ACCEPT' : 'DROP' },
      },
    },
    {
      table: 'filter',
      chain: 'DOCKER-CT',
      spec: {
        outInterface: is(bridge),
        ctState: { states: ['RELATED', 'ESTABLISHED'], module: 'conntrack' },
        target: { kind: 'ACCEPT' },
      },
    },
    { table: 'filter', chain: 'DOCKER-BRIDGE', spec: { outInterface: is(bridge), target: jump('DOCKER') } },
  ];
}

/**
 * Drops packets sent straight to a container's address from outside its bridge
 * (iptabler filterDirectAccess): not on an internal network, nor when the
 * gateway mode lets the outside route to containers (nat-unprotected, routed).
 */
export function directAccessRules(
  bridge: string,
  address: Ipv4,
  internal: boolean,
  gatewayMode: GatewayMode,
): Placed[] {
  if (internal || gatewayMode === 'nat-unprotected' || gatewayMode === 'routed') return [];
  return [
    {
      table: 'raw',
      chain: 'PREROUTING',
      spec: { destination: is(cidr(address, 32)), inInterface: not(bridge), target: { kind: 'DROP' } },
    },
  ];
}

/** One published port as the bridge driver hands it to the firewall (types.PortBinding); hostPort 0 when routed mode ignored it. */
export interface PortBinding {
  readonly container: Ipv4;
  readonly containerPort: number;
  /** Undefined for 0.0.0.0. */
  readonly hostIp: Ipv4 | undefined;
  readonly hostPort: number;
  readonly protocol: 'tcp' | 'udp';
}

/**
 * A published IPv4 port (iptabler setPerPortIptables). filterPortMappedOnLoopback:
 * a port on a 127.x address drops what reaches it from off the host, in raw.
 * setPerPortNAT: the DNAT (`! -i br` unless hairpin) and, with hairpin, the
 * MASQUERADE of a container reaching itself; none without a host port (routed).
 * setPerPortForwarding: an ACCEPT at the top of DOCKER, before the network's
 * DROP, unless nat-unprotected has no DROP to get past.
 */
export function publishedPortRules(
  bridge: string,
  port: PortBinding,
  gatewayMode: GatewayMode,
  { hairpin }: FirewallConfig,
): Placed[] {
  const { container, containerPort, hostIp, hostPort, protocol } = port;
  const loopback = hostIp !== undefined && hostPort !== 0 && contains(parseCidr('127.0.0.0/8')!, hostIp);
  const rules: Placed[] = [];
  if (loopback)
    rules.push({
      table: 'raw',
      chain: 'PREROUTING',
      spec: {
        destination: is(cidr(hostIp, 32)),
        inInterface: not('lo'),
        protocol,
        destinationPort: hostPort,
        target: { kind: 'DROP' },
      },
    });
  if (hostPort !== 0) {
    rules.push({
      table: 'nat',
      chain: 'DOCKER',
      spec: {
        ...(hostIp === undefined ? {} : { destination: is(cidr(hostIp, 32)) }),
        ...(hairpin ? {} : { inInterface: not(bridge) }),
        protocol,
        destinationPort: hostPort,
        target: { kind: 'DNAT', to: natTo(container, containerPort) },
      },
    });
    if (hairpin)
      rules.push({
        table: 'nat',
        chain: 'POSTROUTING',
        spec: {
          source: is(cidr(container, 32)),
          destination: is(cidr(container, 32)),
          protocol,
          destinationPort: containerPort,
          target: { kind: 'MASQUERADE' },
        },
      });
  }
  if (gatewayMode !== 'nat-unprotected') {
    rules.push({
      table: 'filter',
      chain: 'DOCKER',
      first: true,
      spec: {
        destination: is(cidr(container, 32)),
        inInterface: not(bridge),
        outInterface: is(bridge),
        protocol,
        destinationPort: containerPort,
        target: { kind: 'ACCEPT' },
      },
    });
  }
  return rules;
}

/**
 * Whether a chain lacks a rule, against the chains as they are before a change:
 * each chain's rules are read once, bucketed by protocol, ports and target (as
 * netfilter's deleteRules does), so publishing thousands of ports stays linear.
 */
function lacking(namespace: Namespace): (rule: Placed) => boolean {
  const present = new Map<string, Map<string, RuleSpec[]>>();
  return (rule) => {
    const family = rule.family === 6 ? 6 : 4;
    const key = `${family} ${rule.table} ${rule.chain}`;
    let buckets = present.get(key);
    if (!buckets) {
      buckets = new Map();
      const chain = netfilterOf(namespace, family)[rule.table].find((candidate) => candidate.name === rule.chain);
      for (const existing of chain?.rules ?? []) {
        const group = buckets.get(ruleBucket(existing.spec));
        if (group) group.push(existing.spec);
        else buckets.set(ruleBucket(existing.spec), [existing.spec]);
      }
      present.set(key, buckets);
    }
    return !(buckets.get(ruleBucket(rule.spec))?.some((existing) => sameRule(existing, rule.spec)) ?? false);
  };
}

/** filterDirectAccess for a container's IPv6 address (a /128), in ip6tables' raw table. */
export function directAccessRules6(bridge: string, address: string, internal: boolean): Placed[] {
  if (internal) return [];
  return inIp6tables([
    {
      table: 'raw',
      chain: 'PREROUTING',
      spec: { destination: is({ address, prefix: 128 }), inInterface: not(bridge), target: { kind: 'DROP' } },
    },
  ]);
}

/**
 * A port published on an IPv6 host address to the container's IPv6 address
 * (iptabler setPerPortNAT for IPv6): the DNAT leaves out link-local sources
 * (`! -s fe80::/10`) and writes the address in brackets; the ACCEPT is as for IPv4.
 */
export function publishedPortRules6(
  bridge: string,
  container: string,
  hostIp: string | undefined,
  hostPort: number,
  containerPort: number,
  protocol: 'tcp' | 'udp',
): Placed[] {
  return inIp6tables([
    {
      table: 'nat',
      chain: 'DOCKER',
      spec: {
        ...(hostIp === undefined ? {} : { destination: is({ address: hostIp, prefix: 128 }) }),
        source: not({ address: 'fe80::', prefix: 10 }),
        inInterface: not(bridge),
        protocol,
        destinationPort: hostPort,
        target: { kind: 'DNAT', to: natTo(container, containerPort) },
      },
    },
    {
      table: 'filter',
      chain: 'DOCKER',
      first: true,
      spec: {
        destination: is({ address: container, prefix: 128 }),
        inInterface: not(bridge),
        outInterface: is(bridge),
        protocol,
        destinationPort: containerPort,
        target: { kind: 'ACCEPT' },
      },
    },
  ]);
}

/**
 * Adds (in order) or removes (in reverse) a set of rules through the kernel's
 * netfilter operations. Adding checks every chain first, so a chain a user
 * deleted fails the whole change, as the daemon's call to iptables would.
 */
export function apply(
  kernel: Kernel,
  placed: readonly Placed[],
  enable: boolean,
  namespace: Namespace = kernel.root,
): void {
  // iptables.Rule Append and Insert only add a rule the chain lacks (Rule.ensure): a restart adds no second copy.
  const rules = enable ? placed.filter(lacking(namespace)) : placed;
  const v6 = rules.filter((rule) => rule.family === 6);
  if (v6.length > 0) applyFamily(kernel.netfilter(namespace, 6), v6, enable, 6);
  const v4 = v6.length > 0 ? rules.filter((rule) => rule.family !== 6) : rules;
  if (v4.length > 0) applyFamily(kernel.netfilter(namespace, 4), v4, enable, 4);
}

function applyFamily(tables: NetfilterTables, rules: readonly Placed[], enable: boolean, family: 4 | 6): void {
  const program = family === 6 ? 'ip6tables' : 'iptables';
  if (enable) {
    for (const rule of rules) {
      const chains = [rule.chain, ...(rule.spec.target.kind === 'jump' ? [rule.spec.target.chain] : [])];
      const missing = chains.some((chain) => !tables.hasChain(rule.table, chain));
      if (missing) {
        throw new EngineError(
          'unavailable',
          `${program} failed: ${program} --wait -t ${rule.table} -${rule.first ? 'I' : 'A'} ${rule.chain} ${formatRule(rule.spec)}: ${program}: No chain/target/match by that name.\n (exit status 1)`,
        );
      }
    }
  }
  if (!enable) {
    // One pass per chain; a rule whose chain a user deleted, or that a user removed, is already gone.
    const byChain = new Map<string, Placed[]>();
    for (const rule of rules) {
      const key = `${rule.table} ${rule.chain}`;
      const group = byChain.get(key);
      if (group) group.push(rule);
      else byChain.set(key, [rule]);
    }
    for (const placed of byChain.values()) {
      const { table, chain } = placed[0]!;
      if (tables.hasChain(table, chain))
        tables.deleteRules(
          table,
          chain,
          placed.map((rule) => rule.spec),
        );
    }
    return;
  }
  // Inserted at the top (-I) or appended (-A), chain by chain: each chain ends up as the rules one at a time would leave it.
  const firstByChain = new Map<string, { table: TableName; chain: string; specs: RuleSpec[] }>();
  for (const rule of rules) {
    if (!rule.first) {
      tables.appendRule(rule.table, rule.chain, rule.spec);
      continue;
    }
    const key = `${rule.table} ${rule.chain}`;
    const group =
      firstByChain.get(key) ?? firstByChain.set(key, { table: rule.table, chain: rule.chain, specs: [] }).get(key)!;
    group.specs.push(rule.spec);
  }
  for (const { table, chain, specs } of firstByChain.values()) tables.insertRulesFirst(table, chain, specs);
}
