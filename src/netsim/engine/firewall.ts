import type { Kernel } from '../kernel/kernel';
import { ruleArguments } from '../format/iptables-save';
import { EngineError } from './errors';
import { appendRule, deleteRules, hasChain, insertRule, newChain, setPolicy } from '../kernel/netfilter/netfilter';
import type { RuleAddress, RuleSpec, TableName } from '../kernel/netfilter/rule';
import { netfilterOf } from '../kernel/namespace';
import { cidr, parseCidr } from '../wire/cidr';
import { formatIpv4, type Ipv4 } from '../wire/ipv4';

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
 * dockerd's first start: its chains, the jumps into them, and FORWARD's policy set
 * to DROP because Docker had to enable ip_forward itself (Debian ships it off).
 */
export function installDaemonRules(kernel: Kernel): void {
  const netfilter = kernel.root.netfilter;
  for (const [table, chain] of DOCKER_CHAINS) newChain(netfilter, table, chain);
  setPolicy(netfilter, 'filter', 'FORWARD', 'DROP');
  apply(kernel, baseRules(parseCidr('127.0.0.0/8')!), true);
  // ip6tables is on by default (Docker 27+): NewIptabler and setupUserChain make the same chains in
  // the IPv6 tables; FORWARD keeps ACCEPT until an IPv6 network makes the daemon enable IPv6 forwarding.
  const netfilter6 = netfilterOf(kernel.root, 6);
  for (const [table, chain] of DOCKER_CHAINS) newChain(netfilter6, table, chain);
  apply(kernel, inIp6tables(baseRules({ address: '::1', prefix: 128 })), true);
}

/**
 * setupIPv6Forwarding: the first IPv6 network turns IPv6 forwarding on (Debian
 * ships it off), and the daemon then sets ip6tables' FORWARD policy to DROP (FilterForwardDrop).
 */
export function enableIpv6Forwarding(kernel: Kernel): void {
  if (kernel.root.ipv6Forwarding) return;
  kernel.root.ipv6Forwarding = true;
  setPolicy(netfilterOf(kernel.root, 6), 'filter', 'FORWARD', 'DROP');
}

/** The same rules in ip6tables' tables. */
export function inIp6tables(rules: readonly Placed[]): Placed[] {
  return rules.map((rule) => ({ ...rule, family: 6 }));
}

/** The jumps into Docker's chains; nat OUTPUT leaves out the loopback network (127.0.0.0/8, ::1/128). */
function baseRules(loopback: RuleAddress): Placed[] {
  return [
    { table: 'filter', chain: 'FORWARD', spec: { target: jump('DOCKER-USER') } },
    { table: 'filter', chain: 'FORWARD', spec: { target: jump('DOCKER-FORWARD') } },
    { table: 'filter', chain: 'DOCKER-FORWARD', spec: { target: jump('DOCKER-CT') } },
    { table: 'filter', chain: 'DOCKER-FORWARD', spec: { target: jump('DOCKER-INTERNAL') } },
    { table: 'filter', chain: 'DOCKER-FORWARD', spec: { target: jump('DOCKER-BRIDGE') } },
    { table: 'nat', chain: 'PREROUTING', spec: { destinationLocal: true, target: jump('DOCKER') } },
    { table: 'nat', chain: 'OUTPUT', spec: { destination: not(loopback), destinationLocal: true, target: jump('DOCKER') } },
  ];
}

/** What shapes a bridge network's rules: --internal, and the enable_icc and enable_ip_masquerade options. */
export interface BridgeRuleOptions {
  readonly internal: boolean;
  readonly icc: boolean;
  readonly masquerade: boolean;
}

/**
 * Rules of one bridge network: isolation, conntrack, forwarding and masquerading.
 * With icc off, setIcc drops bridge-to-bridge traffic and the outgoing rule
 * becomes `-i br ! -o br -j ACCEPT` (iptabler setupNonInternalNetworkRules;
 * iptablesdoc usernet-portmap-noicc.md).
 */
export function bridgeNetworkRules(bridge: string, subnet: RuleAddress, { internal, icc, masquerade }: BridgeRuleOptions): Placed[] {
  const iccRule: Placed = { table: 'filter', chain: 'DOCKER-FORWARD', spec: { inInterface: is(bridge), outInterface: is(bridge), target: { kind: icc ? 'ACCEPT' : 'DROP' } } };
  if (internal) {
    return [
      iccRule,
      { table: 'filter', chain: 'DOCKER-INTERNAL', first: true, spec: { destination: not(subnet), inInterface: is(bridge), target: { kind: 'DROP' } } },
      { table: 'filter', chain: 'DOCKER-INTERNAL', first: true, spec: { source: not(subnet), outInterface: is(bridge), target: { kind: 'DROP' } } },
    ];
  }
  const outgoing: Placed[] = icc
    ? [{ table: 'filter', chain: 'DOCKER-FORWARD', spec: { inInterface: is(bridge), target: { kind: 'ACCEPT' } } }]
    : [iccRule, { table: 'filter', chain: 'DOCKER-FORWARD', spec: { inInterface: is(bridge), outInterface: not(bridge), target: { kind: 'ACCEPT' } } }];
  const nat: Placed[] = masquerade ? [{ table: 'nat', chain: 'POSTROUTING', first: true, spec: { source: is(subnet), outInterface: not(bridge), target: { kind: 'MASQUERADE' } } }] : [];
  return [
    { table: 'filter', chain: 'DOCKER', spec: { inInterface: not(bridge), outInterface: is(bridge), target: { kind: 'DROP' } } },
    { table: 'filter', chain: 'DOCKER-BRIDGE', spec: { outInterface: is(bridge), target: jump('DOCKER') } },
    { table: 'filter', chain: 'DOCKER-CT', spec: { outInterface: is(bridge), ctState: ['RELATED', 'ESTABLISHED'], target: { kind: 'ACCEPT' } } },
    ...outgoing,
    ...nat,
  ];
}

/** Drops packets sent straight to a container's address from outside its bridge (iptabler filterDirectAccess). */
export function directAccessRules(bridge: string, address: Ipv4, internal: boolean): Placed[] {
  if (internal) return [];
  return [{ table: 'raw', chain: 'PREROUTING', spec: { destination: is(cidr(address, 32)), inInterface: not(bridge), target: { kind: 'DROP' } } }];
}

/**
 * A published IPv4 port (iptabler setPerPortNAT, setPerPortForwarding): DNAT from
 * the host address to the container, and an ACCEPT at the top of DOCKER, before
 * the network's DROP. With the userland proxy on, hairpin NAT is off, hence `! -i`.
 */
export function publishedPortRules(bridge: string, container: Ipv4, hostIp: Ipv4 | undefined, hostPort: number, containerPort: number, protocol: 'tcp' | 'udp'): Placed[] {
  return [
    {
      table: 'nat',
      chain: 'DOCKER',
      spec: {
        ...(hostIp === undefined ? {} : { destination: is(cidr(hostIp, 32)) }),
        inInterface: not(bridge),
        protocol,
        destinationPort: hostPort,
        target: { kind: 'DNAT', to: `${formatIpv4(container)}:${containerPort}` },
      },
    },
    {
      table: 'filter',
      chain: 'DOCKER',
      first: true,
      spec: { destination: is(cidr(container, 32)), inInterface: not(bridge), outInterface: is(bridge), protocol, destinationPort: containerPort, target: { kind: 'ACCEPT' } },
    },
  ];
}

/** filterDirectAccess for a container's IPv6 address (a /128), in ip6tables' raw table. */
export function directAccessRules6(bridge: string, address: string, internal: boolean): Placed[] {
  if (internal) return [];
  return inIp6tables([{ table: 'raw', chain: 'PREROUTING', spec: { destination: is({ address, prefix: 128 }), inInterface: not(bridge), target: { kind: 'DROP' } } }]);
}

/**
 * A port published on an IPv6 host address to the container's IPv6 address
 * (iptabler setPerPortNAT for IPv6): the DNAT leaves out link-local sources
 * (`! -s fe80::/10`) and writes the address in brackets; the ACCEPT is as for IPv4.
 */
export function publishedPortRules6(bridge: string, container: string, hostIp: string | undefined, hostPort: number, containerPort: number, protocol: 'tcp' | 'udp'): Placed[] {
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
        target: { kind: 'DNAT', to: `[${container}]:${containerPort}` },
      },
    },
    {
      table: 'filter',
      chain: 'DOCKER',
      first: true,
      spec: { destination: is({ address: container, prefix: 128 }), inInterface: not(bridge), outInterface: is(bridge), protocol, destinationPort: containerPort, target: { kind: 'ACCEPT' } },
    },
  ]);
}

/**
 * Adds (in order) or removes (in reverse) a set of rules through the kernel's
 * netfilter operations. Adding checks every chain first, so a chain a user
 * deleted fails the whole change, as the daemon's call to iptables would.
 */
export function apply(kernel: Kernel, rules: readonly Placed[], enable: boolean): void {
  const v6 = rules.filter((rule) => rule.family === 6);
  if (v6.length > 0) applyFamily(kernel, v6, enable, 6);
  const v4 = v6.length > 0 ? rules.filter((rule) => rule.family !== 6) : rules;
  if (v4.length > 0) applyFamily(kernel, v4, enable, 4);
}

function applyFamily(kernel: Kernel, rules: readonly Placed[], enable: boolean, family: 4 | 6): void {
  const netfilter = netfilterOf(kernel.root, family);
  const program = family === 6 ? 'ip6tables' : 'iptables';
  if (enable) {
    for (const rule of rules) {
      const chains = [rule.chain, ...(rule.spec.target.kind === 'jump' ? [rule.spec.target.chain] : [])];
      const missing = chains.some((chain) => !hasChain(netfilter, rule.table, chain));
      if (missing) {
        throw new EngineError('unavailable', `${program} failed: ${program} --wait -t ${rule.table} -${rule.first ? 'I' : 'A'} ${rule.chain} ${ruleArguments(rule.spec)}: ${program}: No chain/target/match by that name.\n (exit status 1)`);
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
      if (hasChain(netfilter, table, chain)) deleteRules(netfilter, table, chain, placed.map((rule) => rule.spec));
    }
    return;
  }
  for (const rule of rules) {
    if (rule.first) {
      insertRule(netfilter, rule.table, rule.chain, rule.spec, 1);
    } else {
      appendRule(netfilter, rule.table, rule.chain, rule.spec);
    }
  }
}
