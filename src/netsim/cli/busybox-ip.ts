import { dumpLinks, dumpRoutes } from '../kernel/dump';
import {
  formatIpAddr,
  formatIpAddrOneline,
  formatIpLink,
  onelineRecords,
  type AddressFamily,
  type IpDialect,
} from '../format/ip-link';
import { formatBusyboxIpRoute } from '../format/ip-route';
import { fail, ok, type CommandResult, type ProcessContext, type Program } from './command';
import { toolModule } from './tool-loader';

/**
 * BusyBox's ip usage (networking/ip.c, as in a build with address, route and link
 * only), printed for a missing or unknown object; the banner line above it names
 * the build and is left out, as for ping.
 */
const USAGE = `Usage: ip [OPTIONS] address|route|link [ARGS]

OPTIONS := -f[amily] inet|inet6|link | -o[neline]

ip addr add|del IFADDR dev IFACE | show|flush [dev IFACE] [to PREFIX]
ip route list|flush|add|del|change|append|replace|test ROUTE
ip link set IFACE [up|down] [arp on|off] [multicast on|off]
\t[promisc on|off] [mtu NUM] [name NAME] [qlen NUM] [address MAC]
\t[master IFACE | nomaster] [netns PID]
`;

/** The common options: `-4`, `-6`, and `-o[neline]`, which writes each record on one line (_SL_ is `\\`). */
interface Options {
  readonly family: AddressFamily | undefined;
  readonly oneline: boolean;
}

type Handler = (
  args: readonly string[],
  options: Options,
  context: ProcessContext,
  dialect: IpDialect,
) => CommandResult;

/** `[show|list] [dev] IFACE`: BusyBox takes any other word as the device (ipaddr_list_or_flush). */
function deviceOf(args: readonly string[]): string | undefined {
  const words =
    args[0] !== undefined && ['show', 'list', 'lst'].some((word) => word.startsWith(args[0]!)) ? args.slice(1) : args;
  return words[0] === 'dev' ? words[1] : words[0];
}

function links(args: readonly string[], context: ProcessContext) {
  const all = dumpLinks(context.kernel, context.namespace);
  const device = deviceOf(args);
  if (device === undefined) return all;
  const link = all.find((candidate) => candidate.name === device);
  // xll_name_to_index() dies with this message (libiproute/ll_map.c).
  return link ? [link] : fail(`ip: can't find device '${device}'\n`, 1);
}

const address: Handler = (args, { family, oneline }, context, dialect) => {
  const selected = links(args, context);
  if ('exitCode' in selected) return selected;
  return ok(oneline ? formatIpAddrOneline(selected, { family, dialect }) : formatIpAddr(selected, { family, dialect }));
};

const link: Handler = (args, { oneline }, context, dialect) => {
  const selected = links(args, context);
  if ('exitCode' in selected) return selected;
  return ok(oneline ? onelineRecords(formatIpLink(selected, dialect)) : formatIpLink(selected, dialect));
};

/** `ip route` lists the main table's IPv4 routes, as the capture shows. */
const route: Handler = (_args, _family, context) =>
  ok(formatBusyboxIpRoute(dumpRoutes(context.kernel, context.namespace)));

/** `ip neigh`: its code is in the ipExtras tool module. */
const neigh: Handler = (args, _options, context) => toolModule('ipExtras').busyboxIpNeigh(args, context);

/**
 * ip.c's objects, matched by prefix in this order (index_in_substrings): `ip a` is address, `ip r` route,
 * `ip l` link, `ip n` neigh (FEATURE_IP_NEIGH, on in Debian's build, whose capture shows it).
 */
const OBJECTS: [string, Handler][] = [
  ['address', address],
  ['route', route],
  ['link', link],
  ['neigh', neigh],
];

/** BusyBox's ip applet; `operState` for a musl build (Alpine), see IpDialect. */
export function busyboxIpProgram(operState: boolean): Program {
  const dialect: IpDialect = { kind: 'busybox', operState };
  return {
    name: 'ip',
    run(args, context) {
      let family: AddressFamily | undefined;
      let oneline = false;
      let index = 0;
      // ip_parse_common_args: `--` ends the options; each is matched by prefix in the order oneline, family, 4, 6, 0.
      for (; index < args.length && args[index]!.startsWith('-'); index++) {
        const option = args[index]!.replace(/^--?/, '');
        if (args[index] === '--') {
          index++;
          break;
        }
        if (option !== '' && 'oneline'.startsWith(option)) oneline = true;
        else if (option === '4') family = 'inet';
        else if (option === '6') family = 'inet6';
        else return fail(USAGE, 1);
      }
      const word = args[index];
      const entry = word === undefined ? undefined : OBJECTS.find(([name]) => name.startsWith(word));
      if (!entry) return fail(USAGE, 1);
      return entry[1](args.slice(index + 1), { family, oneline }, context, dialect);
    },
  };
}
