import type { AddressRecord, LinkRecord } from '../kernel/dump';

/** `ip link` / `ip addr` first line, as iproute2's print_linkinfo writes it. */
function linkHeader(link: LinkRecord, withMode: boolean): string {
  const name = link.linkSuffix ? `${link.name}@${link.linkSuffix}` : link.name;
  let line = `${link.index}: ${name}: <${link.flags.join(',')}> mtu ${link.mtu} qdisc ${link.qdisc} `;
  if (link.master) line += `master ${link.master} `;
  line += `state ${link.operState} `;
  if (withMode) line += 'mode DEFAULT ';
  line += 'group default ';
  // print_queuelen skips a zero queue length but the space before it stays.
  if (link.txqlen > 0) line += `qlen ${link.txqlen}`;
  return line;
}

function linkLayerLine(link: LinkRecord): string {
  const netns = link.linkNetnsId === undefined ? '' : ` link-netnsid ${link.linkNetnsId}`;
  return `    link/${link.linkType} ${link.mac} brd ${link.broadcastMac}${netns}`;
}

/**
 * print_addrinfo: IPv4 lines end with the label; IPv6 lines carry no label, and
 * iproute2 6.4+ prints the address protocol, so both end in a space.
 */
function addressLines(address: AddressRecord): string[] {
  const broadcast = address.broadcast ? `brd ${address.broadcast} ` : '';
  const tail = address.family === 'inet' ? address.label : address.protocol ? `proto ${address.protocol} ` : '';
  return [`    ${address.family} ${address.cidr} ${broadcast}scope ${address.scope} ${tail}`, '       valid_lft forever preferred_lft forever'];
}

/** `ip link show`. */
export function formatIpLink(links: LinkRecord[]): string {
  return links.map((link) => `${linkHeader(link, true)}\n${linkLayerLine(link)}\n`).join('');
}

/** `ip addr show`; `family4` drops the link-layer line as `ip -4 addr` does. */
export function formatIpAddr(links: LinkRecord[], family4 = false): string {
  const shown = (link: LinkRecord) => link.addresses.filter((address) => !family4 || address.family === 'inet');
  return links
    .filter((link) => !family4 || shown(link).length > 0)
    .map((link) => {
      const lines = [linkHeader(link, false)];
      if (!family4) lines.push(linkLayerLine(link));
      for (const address of shown(link)) lines.push(...addressLines(address));
      return `${lines.join('\n')}\n`;
    })
    .join('');
}

function briefName(link: LinkRecord): string {
  return link.linkSuffix ? `${link.name}@${link.linkSuffix}` : link.name;
}

/** `ip -br addr`: name, state and addresses in columns of 16 and 14 (print_name_and_link, print_operstate). */
export function formatIpBriefAddr(links: LinkRecord[], family4 = false): string {
  const shown = (link: LinkRecord) => link.addresses.filter((address) => !family4 || address.family === 'inet');
  return links.map((link) => `${briefName(link).padEnd(16)} ${link.operState.padEnd(14)} ${shown(link).map((a) => `${a.cidr} `).join('')}\n`).join('');
}

/** `ip -br link`: name, state, MAC and flags. */
export function formatIpBriefLink(links: LinkRecord[]): string {
  return links.map((link) => `${briefName(link).padEnd(16)} ${link.operState.padEnd(14)} ${link.mac} <${link.flags.join(',')}> \n`).join('');
}
