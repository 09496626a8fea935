import { dumpFdb } from '../kernel/bridge-fdb';
import { linkNamed } from '../kernel/namespace';
import { formatFdb } from '../format/bridge-fdb';
import { fail, ok, type CommandResult, type ProcessContext } from './command';
import { isShow, matches } from './ip-common';

/** do_fdb's verbs that change the table, which the simulation does not take (yet). */
const WRITES = ['add', 'append', 'replace', 'delete', 'get'];

/**
 * `bridge fdb [show] [br BR] [dev|brport DEV] [vlan VID] [dynamic]` (iproute2
 * 6.15 bridge/fdb.c fdb_show): words it does not know are skipped, as fdb_show
 * skips them; `br` and `dev` must name a device (exit -1 otherwise).
 */
export function bridgeFdb(args: readonly string[], context: ProcessContext): CommandResult {
  const [verb, ...words] = args;
  if (verb !== undefined && !isShow(verb)) {
    if (WRITES.some((write) => matches(verb, write)) || verb === 'flush')
      return fail(`bridge fdb: "${verb}" is not available in this simulator yet.\n`, 255);
    return fail(`Command "${verb}" is unknown, try "bridge fdb help".\n`, 255);
  }
  const filter = {
    device: undefined as string | undefined,
    bridge: undefined as string | undefined,
    vlan: undefined as number | undefined,
    dynamic: false,
  };
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const next = () => words[++index];
    if (word === 'dev' || word === 'brport' || word === 'br' || word === 'vlan') {
      const value = next();
      if (value === undefined) return fail('Command line is not complete. Try option "help"\n', 255);
      if (word === 'br') filter.bridge = value;
      else if (word === 'vlan') filter.vlan = Number.parseInt(value, 10) || 0;
      else filter.device = value;
    } else if (word === 'state') return fail('bridge fdb: "state" is not available in this simulator yet.\n', 255);
    else if (word === 'dynamic') filter.dynamic = true;
  }
  const { kernel, namespace } = context;
  if (filter.bridge !== undefined && !linkNamed(namespace, filter.bridge))
    return fail(`Cannot find bridge device "${filter.bridge}"\n`, 255);
  if (filter.device !== undefined && !linkNamed(namespace, filter.device))
    return fail(`Cannot find device "${filter.device}"\n`, 255);
  const bridge = filter.bridge === undefined ? undefined : linkNamed(namespace, filter.bridge)!;
  // rtnl_fdb_dump with NDA_MASTER: the bridge itself and the devices it is the master of.
  const inBridge = (device: string) =>
    bridge === undefined || device === bridge.name || linkNamed(namespace, device)?.master === bridge.index;
  const records = dumpFdb(namespace, (link) => kernel.hasCarrier(namespace, link), context.clock.now()).filter(
    (record) =>
      inBridge(record.device) &&
      (filter.device === undefined || record.device === filter.device) &&
      // print_fdb: `vlan 0` keeps everything, another VID only its entries; `dynamic` leaves out NUD_PERMANENT.
      (!filter.vlan || record.vlan === filter.vlan) &&
      (!filter.dynamic || !record.permanent),
  );
  return ok(formatFdb(records, { withDevice: filter.device === undefined }));
}
