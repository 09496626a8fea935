import { Datapath } from '../kernel/datapath';
import { linkNamed } from '../kernel/namespace';
import { formatRouteGet } from '../format/ip-route-get';
import { parseIpv4 } from '../wire/ipv4';
import { fail, ok, type CommandResult, type ProcessContext } from './command';
import { ipErrors } from './ip-common';
import { parseInetPrefix } from './iproute2-prefix';

/** The host user's uid, which the kernel puts in the answer (FRA_UID_RANGE of the asking socket). */
const HOST_USER_ID = 1000;

/** Keywords of iproute_get this simulator does not read yet. */
const UNAVAILABLE = [
  'iif',
  'mark',
  'tos',
  'dsfield',
  'vrf',
  'sport',
  'dport',
  'ipproto',
  'uid',
  'fibmatch',
  'connected',
  'as',
  'mptcp',
];

/**
 * `ip route get ADDRESS [from ADDRESS] [oif DEVICE]` (iproute2 ip/iproute.c
 * iproute_get): RTM_GETROUTE for one destination, answered by the kernel's route
 * lookup with the route it would use, printed as a cloned route with its cache line.
 */
export function ipRouteGet(args: readonly string[], context: ProcessContext): CommandResult {
  let destination: string | undefined;
  let from: string | undefined;
  let device: string | undefined;
  for (let index = 0; index < args.length; index++) {
    let word = args[index]!;
    const value = () => args[++index];
    if (word === 'from') {
      from = value();
      if (from === undefined) return ipErrors.incomplete();
    } else if (word === 'oif' || word === 'dev') {
      device = value();
      if (device === undefined) return ipErrors.incomplete();
    } else if (UNAVAILABLE.includes(word)) {
      return fail(`ip route get: "${word}" is not available in this simulator yet.\n`, 255);
    } else {
      if (word === 'to') {
        const next = value();
        if (next === undefined) return ipErrors.incomplete();
        word = next;
      }
      // get_prefix with the family the first address fixed: AF_UNSPEC's message, then inet's.
      const prefix = parseInetPrefix(word);
      if (!prefix || (destination !== undefined && prefix.family !== 'inet'))
        return fail(
          `Error: ${destination === undefined ? 'any valid' : 'inet'} prefix is expected rather than "${word}".\n`,
          1,
        );
      if (prefix.family === 'inet6')
        return fail('ip route get: IPv6 destinations are not available in this simulator yet.\n', 255);
      destination = word;
    }
  }
  if (destination === undefined) return fail('need at least a destination address\n', 1);
  const address = parseIpv4(destination);
  if (address === undefined) return fail(`Error: any valid prefix is expected rather than "${destination}".\n`, 1);
  const { kernel, namespace } = context;
  if (device !== undefined && !linkNamed(namespace, device)) return ipErrors.noDevice(device);
  const choice = new Datapath(kernel, context.world, context.clock.now()).route(namespace, address);
  // ip_route_output_key_hash_rcu: no route is ENETUNREACH, which rtnl_talk reports.
  if (!choice || (device !== undefined && choice.device.name !== device && !choice.local))
    return fail('RTNETLINK answers: Network is unreachable\n', 2);
  const uid = context.files?.who.uid ?? (context.isRoot ? 0 : HOST_USER_ID);
  return ok(
    formatRouteGet({
      destination: address,
      local: choice.local,
      gateway: choice.nextHop === address ? undefined : choice.nextHop,
      device: choice.device.name,
      source: choice.source,
      from: from === undefined ? undefined : parseIpv4(from),
      uid,
    }),
  );
}
