import { DEFAULT_PVID } from '../kernel/bridge-fdb';
import { linkNamed } from '../kernel/namespace';
import { formatVlanShow } from '../format/bridge-fdb';
import { fail, ok, type CommandResult, type ProcessContext } from './command';
import { isShow } from './ip-common';

/**
 * `bridge vlan [show] [dev DEV]` (bridge/vlan.c vlan_show): the VLANs of each
 * bridge and bridge port, in ifindex order. Debian's kernel has VLAN filtering
 * built in, so each has the default PVID 1, untagged on egress, even while
 * filtering is off (br_vlan_bridge_event, nbp_vlan_init).
 */
export function bridgeVlan(args: readonly string[], context: ProcessContext): CommandResult {
  const [verb, ...words] = args;
  if (verb !== undefined && !isShow(verb))
    return fail(`bridge vlan: "${verb}" is not available in this simulator yet.\n`, 255);
  let device: string | undefined;
  for (let index = 0; index < words.length; index++) {
    if (words[index] !== 'dev')
      return fail(`bridge vlan: "${words[index]}" is not available in this simulator yet.\n`, 255);
    device = words[++index];
    if (device === undefined) return fail('Command line is not complete. Try option "help"\n', 255);
  }
  const { namespace } = context;
  if (device !== undefined && !linkNamed(namespace, device)) return fail(`Cannot find device "${device}"\n`, 255);
  const ports = [...namespace.links.values()]
    .sort((a, b) => a.index - b.index)
    .filter(
      (link) => (link.kind === 'bridge' || link.master !== undefined) && (device === undefined || link.name === device),
    )
    .map((link) => ({ name: link.name, vlans: [{ vid: DEFAULT_PVID, pvid: true, untagged: true }] }));
  return ok(formatVlanShow(ports));
}
