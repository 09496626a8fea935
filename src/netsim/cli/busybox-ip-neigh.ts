import { linkNamed } from '../kernel/namespace';
import { dumpNeighbourCache } from '../kernel/neighbour-cacheinfo';
import { formatBusyboxIpNeigh } from '../format/busybox-ip-neigh';
import { fail, ok, type CommandResult, type ProcessContext } from './command';

/**
 * BusyBox's `ip neigh [show|list] [dev IFACE]` (ipneigh.c ipneigh_list_or_flush):
 * IPv4 and IPv6 entries but those NOARP; `flush` and the other verbs are not modelled.
 */
export function busyboxIpNeigh(args: readonly string[], context: ProcessContext): CommandResult {
  const words =
    args[0] !== undefined && ['show', 'list'].some((verb) => verb.startsWith(args[0]!)) ? args.slice(1) : args;
  if (args[0] !== undefined && words === args && args[0] !== 'dev')
    return fail(`ip neigh ${args[0]}: this is not available in this simulator yet.\n`, 1);
  let device: string | undefined;
  for (let index = 0; index < words.length; index++) {
    if (words[index] !== 'dev')
      return fail(`ip neigh: filtering by ${words[index]} is not available in this simulator yet.\n`, 1);
    device = words[++index];
    // NEXT_ARG(): BusyBox's incomplete_command().
    if (device === undefined) return fail('ip: command line is not complete, try "help"\n', 1);
  }
  if (device !== undefined && !linkNamed(context.namespace, device))
    return fail(`ip: can't find device '${device}'\n`, 1);
  const entries = dumpNeighbourCache(context.namespace, context.clock.now()).filter(
    (entry) => device === undefined || entry.device === device,
  );
  return ok(formatBusyboxIpNeigh(entries, device !== undefined));
}
