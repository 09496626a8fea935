import type { Container } from './container';
import type { Network } from './network';
import { contains, formatCidr, parseCidr } from '../wire/cidr';
import { formatIpv4, parseIpv4, type Ipv4 } from '../wire/ipv4';
import type { GoalReason, GoalResult } from './goal-reasons';

/**
 * What an exercise asks of the simulated host, as data: a small vocabulary of
 * facts a checker can establish, rather than code written per exercise.
 */
export type Goal = AffirmedGoal & {
  /**
   * The opposite must hold: `outsider` cannot resolve `web`, `legacy-net` no longer
   * exists. A goal about what a container does (resolves, reaches, connects,
   * attached, published) still needs that container, running: a missing one proves nothing.
   */
  not?: boolean | undefined;
};

/** A fact a goal asks for, before `not` turns it around. */
export type AffirmedGoal =
  /** The container exists (and runs, with `running`). */
  | { kind: 'container'; container: string; running?: boolean | undefined }
  /** The container is on the network (with an address in `subnet`, answering to `alias`). */
  | { kind: 'attached'; container: string; network: string; subnet?: string | undefined; alias?: string | undefined }
  /**
   * From inside `from`, `name` resolves (to `address`) as the container's resolver
   * finds it: its /etc/hosts, then its DNS servers. With `dnsOnly`, only those
   * servers are asked, as `dig` and `nslookup` do: Docker's DNS on a user-defined network.
   */
  | { kind: 'resolves'; from: string; name: string; address?: string | undefined; dnsOnly?: boolean | undefined }
  /**
   * A TCP connection from the host, from a container, or from the LAN machine
   * (`from: 'lan'`) to `host` (an address, or a name the container resolves) on `port` is accepted.
   */
  | { kind: 'connects'; from: string; host: string; port: number }
  /**
   * An HTTP request from the host, from a container, or from the LAN machine
   * (`from: 'lan'`: "from outside") gets an answer (with `status`, with `body` in it).
   */
  | { kind: 'reaches'; from: string; url: string; status?: number | undefined; body?: string | undefined }
  /** The host's port is published to the container's port. */
  | { kind: 'published'; hostPort: number; container: string; containerPort: number }
  /** The network exists (with `driver`, `subnet`, and `internal` or not). */
  | {
      kind: 'network';
      network: string;
      driver?: string | undefined;
      subnet?: string | undefined;
      internal?: boolean | undefined;
    }
  /** `iptables -t TABLE -S` lists the rule. */
  | { kind: 'rule'; table: string; rule: string }
  /** A file (of a container, or of the host) holds the line. */
  | { kind: 'file'; container?: string | undefined; path: string; line: string };

export type GoalKind = Goal['kind'];

export type { GoalReason, GoalResult } from './goal-reasons';
export { goalView, type GoalHost } from './goal-view';

/** What goals read of a host. The host hands a view of a copy of itself, so checking never changes it. */
export interface GoalView {
  containers(): readonly Container[];
  networks(): readonly Network[];
  /**
   * getaddrinfo in the container: its /etc/hosts (--add-host, --link), then its
   * resolv.conf's servers (Docker's DNS on a user-defined network); with
   * `dnsOnly`, the servers alone.
   */
  resolveName(container: string, name: string, dnsOnly?: boolean): Ipv4[];
  /** Runs a command line as root on the copy, for what is read from tools (iptables, curl, cat). */
  run(line: string): { stdout: string; exitCode: number };
  /** Runs a command line on the copy's LAN machine, as its user; undefined when the host has no LAN machine. */
  runOnLan(line: string): { stdout: string; exitCode: number } | undefined;
  /** connect(2) from the host's namespace, a running container's or the LAN machine's, as the kernel answers it. */
  connect(
    from: Container | 'host' | 'lan',
    address: Ipv4,
    port: number,
  ): 'connected' | 'refused' | 'timed-out' | 'unreachable';
}

/** The `from` that names the LAN machine rather than a container. */
export const FROM_LAN = 'lan';

const fail = (code: GoalReason['code'], values: Record<string, string>): GoalResult => ({
  pass: false,
  reason: { code, values },
});
const PASS: GoalResult = { pass: true };

/** Reasons that say the container a goal is about is missing or stopped: with `not`, they still fail the goal. */
const SUBJECT_MISSING = new Set<GoalReason['code']>(['no-container', 'not-running']);

export function evaluateGoal(view: GoalView, goal: Goal): GoalResult {
  const result = evaluateAffirmed(view, goal);
  if (!goal.not) return result;
  if (!result.pass) return goal.kind !== 'container' && SUBJECT_MISSING.has(result.reason.code) ? result : PASS;
  return fail(`still-${goal.kind}`, stillValues(goal));
}

/** What a sentence saying "this still holds" names: the goal's own props, as text. */
function stillValues(goal: Goal): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(goal))
    if (key !== 'kind' && key !== 'not' && value !== undefined) values[key] = String(value);
  return values;
}

function evaluateAffirmed(view: GoalView, goal: AffirmedGoal): GoalResult {
  // A name first, as Docker resolves references; an ID prefix only when no name matches ("db" is a name and a hex prefix).
  const findContainer = (name: string) =>
    view.containers().find((c) => c.name === name) ?? view.containers().find((c) => c.id.startsWith(name));
  const findNetwork = (name: string) =>
    view.networks().find((n) => n.name === name) ?? view.networks().find((n) => n.id.startsWith(name));
  switch (goal.kind) {
    case 'container': {
      const container = findContainer(goal.container);
      if (!container) return fail('no-container', { container: goal.container });
      if (goal.running && container.status !== 'running')
        return fail('not-running', { container: goal.container, status: container.status });
      return PASS;
    }
    case 'attached': {
      const container = findContainer(goal.container);
      if (!container) return fail('no-container', { container: goal.container });
      const network = findNetwork(goal.network);
      if (!network) return fail('no-network', { network: goal.network });
      if (container.status !== 'running')
        return fail('not-running', { container: goal.container, status: container.status });
      const endpoint = container.endpoints.find((e) => e.networkId === network.id);
      // `--network none` and `--network host` join those networks without an address of their own.
      if (
        !endpoint &&
        container.networks.includes(network.id) &&
        (network.driver === 'null' || network.driver === 'host') &&
        !goal.subnet &&
        !goal.alias
      )
        return PASS;
      if (!endpoint)
        return fail('not-attached', {
          container: goal.container,
          network: goal.network,
          networks: attachedNames(view, container),
        });
      const subnet = goal.subnet ? parseCidr(goal.subnet) : undefined;
      if (subnet && !(endpoint.address && contains(subnet, endpoint.address.address))) {
        return fail('wrong-subnet', {
          container: goal.container,
          network: goal.network,
          address: endpoint.address ? formatIpv4(endpoint.address.address) : '',
          subnet: goal.subnet!,
        });
      }
      const aliases = container.endpointSettings[network.id]?.aliases ?? endpoint.aliases;
      if (goal.alias && !aliases.includes(goal.alias) && !endpoint.aliases.includes(goal.alias)) {
        return fail('no-alias', { container: goal.container, network: goal.network, alias: goal.alias });
      }
      return PASS;
    }
    case 'resolves': {
      const container = findContainer(goal.from);
      if (!container) return fail('no-container', { container: goal.from });
      if (container.status !== 'running')
        return fail('not-running', { container: goal.from, status: container.status });
      const answers = view.resolveName(container.name, goal.name, goal.dnsOnly).map(formatIpv4);
      if (answers.length === 0) return fail('does-not-resolve', { from: goal.from, name: goal.name });
      if (goal.address && !answers.includes(goal.address))
        return fail('resolves-elsewhere', {
          from: goal.from,
          name: goal.name,
          address: goal.address,
          answers: answers.join(', '),
        });
      return PASS;
    }
    case 'reaches':
      return reaches(view, goal, findContainer);
    case 'connects': {
      let source: Container | 'host' | 'lan' = goal.from === FROM_LAN ? 'lan' : 'host';
      let address = goal.host === 'localhost' ? parseIpv4('127.0.0.1') : parseIpv4(goal.host);
      if (goal.from !== 'host' && goal.from !== FROM_LAN) {
        const container = findContainer(goal.from);
        if (!container) return fail('no-container', { container: goal.from });
        if (container.status !== 'running')
          return fail('not-running', { container: goal.from, status: container.status });
        source = container;
        address ??= view.resolveName(container.name, goal.host)[0];
      }
      if (!address) return fail('does-not-resolve', { from: goal.from, name: goal.host });
      const result = view.connect(source, address, goal.port);
      return result === 'connected'
        ? PASS
        : fail('no-connection', { from: goal.from, host: goal.host, port: String(goal.port), result });
    }
    case 'published': {
      const container = findContainer(goal.container);
      if (!container) return fail('no-container', { container: goal.container });
      const published = container.endpoints.flatMap((e) => e.published);
      const found = published.some((p) => p.hostPort === goal.hostPort && p.containerPort === goal.containerPort);
      if (!found)
        return fail('not-published', {
          container: goal.container,
          hostPort: String(goal.hostPort),
          containerPort: String(goal.containerPort),
        });
      return PASS;
    }
    case 'network': {
      const network = findNetwork(goal.network);
      if (!network) return fail('no-network', { network: goal.network });
      if (goal.driver && network.driver !== goal.driver)
        return fail('wrong-driver', { network: goal.network, driver: network.driver, expected: goal.driver });
      const subnets = network.ipam.map((config) => formatCidr(config.subnet));
      if (goal.subnet && !subnets.includes(goal.subnet))
        return fail('wrong-network-subnet', {
          network: goal.network,
          subnet: goal.subnet,
          subnets: subnets.join(', '),
        });
      if (goal.internal === true && !network.internal) return fail('not-internal', { network: goal.network });
      if (goal.internal === false && network.internal) return fail('is-internal', { network: goal.network });
      return PASS;
    }
    case 'rule': {
      const listed = view.run(`iptables -t ${goal.table} -S`).stdout.split('\n');
      return listed.includes(goal.rule) ? PASS : fail('no-rule', { table: goal.table, rule: goal.rule });
    }
    case 'file': {
      const line = goal.container ? `docker exec ${goal.container} cat ${goal.path}` : `cat ${goal.path}`;
      const lines = view.run(line).stdout.split('\n');
      return lines.includes(goal.line)
        ? PASS
        : fail('no-line', { path: goal.path, line: goal.line, where: goal.container ?? '' });
    }
  }
}

function attachedNames(view: GoalView, container: Container): string {
  return (
    container.endpoints.map((e) => view.networks().find((n) => n.id === e.networkId)?.name ?? e.networkId).join(', ') ||
    '-'
  );
}

/**
 * An HTTP request made as curl makes it, from the host or from inside a container
 * (in its network namespace, with the container's DNS answering the URL's name).
 */
function reaches(
  view: GoalView,
  goal: Extract<Goal, { kind: 'reaches' }>,
  findContainer: (name: string) => Container | undefined,
): GoalResult {
  let url = goal.url;
  let prefix = '';
  if (goal.from === FROM_LAN) {
    // Its own curl, resolving names with its own /etc/hosts and the router.
    const result = view.runOnLan(`curl -s -i -m 5 ${url}`);
    return result ? answered(goal, result) : fail('unreachable', { from: goal.from, url: goal.url });
  }
  if (goal.from !== 'host') {
    const container = findContainer(goal.from);
    if (!container) return fail('no-container', { container: goal.from });
    if (container.status !== 'running' || container.pid === undefined)
      return fail('not-running', { container: goal.from, status: container.status });
    const name = /^https?:\/\/([^/:]+)/.exec(url)?.[1];
    if (name && !parseIpv4(name)) {
      const address = view.resolveName(container.name, name)[0];
      if (!address) return fail('does-not-resolve', { from: goal.from, name });
      url = url.replace(name, formatIpv4(address));
    }
    prefix = `nsenter -t ${container.pid} -n `;
  }
  return answered(goal, view.run(`${prefix}curl -s -i -m 5 ${url}`));
}

/** Whether what `curl -s -i` printed meets the goal's status and body. */
function answered(goal: Extract<Goal, { kind: 'reaches' }>, result: { stdout: string; exitCode: number }): GoalResult {
  if (result.exitCode !== 0) return fail('unreachable', { from: goal.from, url: goal.url });
  const status = /^HTTP\/[\d.]+ (\d{3})/.exec(result.stdout)?.[1];
  if (goal.status !== undefined && status !== String(goal.status))
    return fail('wrong-status', {
      from: goal.from,
      url: goal.url,
      status: status ?? '?',
      expected: String(goal.status),
    });
  if (goal.body !== undefined && !result.stdout.includes(goal.body))
    return fail('no-body', { from: goal.from, url: goal.url, body: goal.body });
  return PASS;
}
