import type { FdbRecord } from '../kernel/bridge-fdb';

/**
 * bridge/fdb.c print_fdb (iproute2 6.15): the MAC, `dev NAME` unless the dump
 * was for one device, `vlan N`, `self` for a device's own address (NTF_SELF),
 * `master BR`, then the state: `permanent` for local entries, nothing for a
 * learned one that is reachable (state_n2a), each field ending in a space.
 */
export function formatFdb(records: readonly FdbRecord[], { withDevice }: { withDevice: boolean }): string {
  return records
    .map((record) => {
      let line = `${record.mac} `;
      if (withDevice) line += `dev ${record.device} `;
      if (record.vlan !== undefined) line += `vlan ${record.vlan} `;
      line += record.master === undefined ? 'self ' : `master ${record.master} `;
      return `${line}${record.permanent ? 'permanent' : ''}\n`;
    })
    .join('');
}

/** One bridge or port in `bridge vlan show`: its VLANs (VID, PVID, egress untagged). */
export interface VlanPortRecord {
  readonly name: string;
  readonly vlans: readonly { readonly vid: number; readonly pvid: boolean; readonly untagged: boolean }[];
}

/**
 * bridge/vlan.c vlan_show and print_vlan_info: a `%-16s  %-9s` header, then each
 * port's name in 16 columns and two spaces before its first VLAN, the next
 * VLANs under it, each with ` PVID` and ` Egress Untagged` as flagged.
 */
export function formatVlanShow(ports: readonly VlanPortRecord[]): string {
  let text = `${'port'.padEnd(16)}  ${'vlan-id'.padEnd(9)}\n`;
  for (const port of ports) {
    port.vlans.forEach((vlan, index) => {
      text += `${(index === 0 ? port.name : '').padEnd(16)}  ${vlan.vid}${vlan.pvid ? ' PVID' : ''}${vlan.untagged ? ' Egress Untagged' : ''}\n`;
    });
  }
  return text;
}
