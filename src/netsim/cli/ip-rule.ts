import { collect, fail, ok, type CommandResult, type ProcessContext } from './command';
import { isShow, type IpOptions } from './ip-common';

/**
 * The rules every network namespace starts with (fib_default_rules_init: local,
 * main and default for IPv4; fib6_default_rules_init: local and main for IPv6).
 * Nothing in the simulation adds a rule, so a namespace's rules are these.
 */
const DEFAULT_RULES = {
  inet: ['0:\tfrom all lookup local', '32766:\tfrom all lookup main', '32767:\tfrom all lookup default'],
  inet6: ['0:\tfrom all lookup local', '32766:\tfrom all lookup main'],
} as const;

/** `ip rule [list|show]` (iproute2 ip/iprule.c do_iprule): the rules of one family, IPv4 unless -6. */
export function ipRule(args: string[], options: IpOptions, _context: ProcessContext): CommandResult {
  const [verb] = args;
  if (verb === undefined || isShow(verb)) {
    if (args.length > 1) return fail('ip rule: selecting rules is not available in this simulator yet.\n', 255);
    return ok(DEFAULT_RULES[options.family === 'inet6' ? 'inet6' : 'inet'].map((rule) => `${rule}\n`).join(''));
  }
  if (['add', 'delete', 'flush', 'save', 'restore'].some((word) => word.startsWith(verb)))
    return fail(`ip rule ${verb}: changing the rules is not available in this simulator yet.\n`, 255);
  return fail(`Command "${verb}" is unknown, try "ip rule help".\n`, 255);
}

/** The event groups `ip monitor` takes (ip/ipmonitor.c do_ipmonitor). */
const MONITOR_OBJECTS = [
  'all',
  'link',
  'address',
  'route',
  'mroute',
  'prefix',
  'neigh',
  'netconf',
  'rule',
  'nsid',
  'nexthop',
  'stats',
  'label',
  'maddress',
];

/**
 * `ip monitor [OBJECT...]`: prints each netlink event as it comes. A command line
 * runs alone here, so none comes before Ctrl-C, which ends it (bash's status 130).
 */
export function ipMonitor(args: string[], _options: IpOptions, context: ProcessContext): CommandResult {
  const unknown = args.find((word) => !MONITOR_OBJECTS.includes(word));
  if (unknown !== undefined) return fail(`ip monitor: "${unknown}" is not available in this simulator yet.\n`, 255);
  if (context.interruptAfterMs !== undefined) context.clock.advance(context.interruptAfterMs);
  return collect([{ stream: 'tty', text: '^C' }], 130);
}
