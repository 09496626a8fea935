import { dumpLinks, type LinkRecord } from '../kernel/dump';
import { formatBusyboxIfconfig, formatIfconfig, type IfconfigFlag, type IfconfigInterface } from '../format/ifconfig';
import { formatIpv4, ipv4FromNumber, prefixMask } from '../wire/ipv4';
import { fail, ok, type Program } from './command';

type Dialect = 'net-tools' | 'busybox';

/**
 * ifconfig of net-tools (the host, `apt install net-tools`) or BusyBox's applet:
 * the interfaces that are up (all with -a, or the one named), sorted by name.
 * Changing an interface (`ifconfig eth0 up`, an address) is not modelled.
 */
export function ifconfigProgram(dialect: Dialect = 'net-tools'): Program {
  return {
    name: 'ifconfig',
    run(args, context) {
      const all = args[0] === '-a';
      const rest = all ? args.slice(1) : args;
      if (rest.length > 1) return fail('ifconfig: changing an interface is not available in this simulator yet.\n', 1);
      const links = dumpLinks(context.kernel, context.namespace);
      const format = dialect === 'busybox' ? formatBusyboxIfconfig : formatIfconfig;
      const [name] = rest;
      if (name !== undefined) {
        const link = links.find((candidate) => candidate.name === name);
        // do_if_fetch: SIOCGIFFLAGS fails with ENODEV; BusyBox prefixes its applet name (bb_error_msg).
        if (!link)
          return fail(
            `${dialect === 'busybox' ? 'ifconfig: ' : ''}${name}: error fetching interface information: Device not found\n`,
            1,
          );
        return ok(format(ifconfigInterface(link)));
      }
      const shown = links.filter((link) => all || link.flags.includes('UP'));
      // net-tools keeps its list in nstrcmp order (eth2 before eth10), BusyBox in strcmp order.
      shown.sort((a, b) => (dialect === 'busybox' ? compareBytes(a.name, b.name) : nstrcmp(a.name, b.name)));
      return ok(shown.map((link) => format(ifconfigInterface(link))).join(''));
    },
  };
}

/** What SIOCGIFFLAGS, SIOCGIFADDR, /proc/net/if_inet6 and /proc/net/dev give for one link. */
export function ifconfigInterface(link: LinkRecord): IfconfigInterface {
  const inet = link.addresses.find((address) => address.family === 'inet');
  const [address = '', prefix = '32'] = inet?.cidr.split('/') ?? [];
  return {
    name: link.name,
    flags: interfaceFlags(link),
    mtu: link.mtu,
    loopback: link.linkType === 'loopback',
    mac: link.mac,
    txqueuelen: link.txqlen,
    inet: inet && {
      address,
      netmask: formatIpv4(ipv4FromNumber(prefixMask(Number(prefix)))),
      broadcast: inet.broadcast ?? '0.0.0.0',
    },
    inet6: link.addresses
      .filter((candidate) => candidate.family === 'inet6')
      .map((candidate) => {
        const [text = '', length = '128'] = candidate.cidr.split('/');
        return { address: text, prefix: Number(length), scope: candidate.scope };
      }),
    // /proc/net/dev: what the datapath counted on the link.
    counters: link.stats,
  };
}

/** dev_get_flags: IFF_RUNNING is netif_oper_up, an operational state of UP or UNKNOWN (lo). */
export function interfaceFlags(link: LinkRecord): IfconfigFlag[] {
  const flags: IfconfigFlag[] = [];
  const has = (flag: string) => link.flags.includes(flag);
  if (has('UP')) flags.push('UP');
  if (has('BROADCAST')) flags.push('BROADCAST');
  if (has('LOOPBACK')) flags.push('LOOPBACK');
  if (has('UP') && (link.operState === 'UP' || link.operState === 'UNKNOWN')) flags.push('RUNNING');
  if (has('NOARP')) flags.push('NOARP');
  if (has('MULTICAST')) flags.push('MULTICAST');
  return flags;
}

const compareBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** net-tools lib/nstrcmp.c: names compare as text up to their trailing number, then by that number. */
export function nstrcmp(a: string, b: string): number {
  const split = (name: string) => /^(.*?)(\d*)$/.exec(name)!;
  const [, aStem = '', aNumber = ''] = split(a);
  const [, bStem = '', bNumber = ''] = split(b);
  if (aStem !== bStem)
    return (
      compareBytes(
        a.slice(0, Math.min(aStem.length, bStem.length)),
        b.slice(0, Math.min(aStem.length, bStem.length)),
      ) || aStem.length - bStem.length
    );
  return Number(aNumber || 0) - Number(bNumber || 0) || compareBytes(a, b);
}
