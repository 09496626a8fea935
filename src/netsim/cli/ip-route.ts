import { dumpLinks, dumpLocalRoutes, dumpLocalRoutes6, dumpRoutes, dumpRoutes6 } from '../kernel/dump';
import { linkNamed } from '../kernel/namespace';
import type { RouteScope } from '../kernel/route';
import { rtnetlinkRequest } from '../kernel/rtnetlink';
import { formatIpRoute, formatIpRoute6 } from '../format/ip-route';
import type { Cidr } from '../wire/cidr';
import { parseIpv4, type Ipv4 } from '../wire/ipv4';
import { fail, ok, type CommandResult, type ProcessContext } from './command';
import { ipErrors, isShow, matches, netlinkFailure, type IpOptions } from './ip-common';
import { parseInetPrefix } from './iproute2-prefix';
import { toolModule } from './tool-loader';

/** `ip route [show|list] [table T] [dev D]`, `ip route add|delete ...`, `ip route get ADDRESS` (iproute2 6.15 ip/iproute.c do_iproute). */
export function ipRoute(args: string[], options: IpOptions, context: ProcessContext): CommandResult {
  const [verb, ...rest] = args;
  if (verb === undefined || isShow(verb)) return showRoutes(rest, options, context);
  if (matches(verb, 'add')) return modifyRoute('add', rest, context);
  if (matches(verb, 'delete')) return modifyRoute('delete', rest, context);
  // A seldom-typed verb: its code is in the ipExtras tool module.
  if (matches(verb, 'get')) return toolModule('ipExtras').ipRouteGet(rest, context);
  return fail(`Command "${verb}" is unknown, try "ip route help".\n`, 255);
}

type Table = 'main' | 'local' | 'all';

/**
 * iproute_list_flush_or_save: a table keeps to IPv4 unless -6 (do_ipv6 is set
 * to AF_INET once a table is named), but `all` (table 0) dumps both families,
 * each table printing `table T` unless main. Dumps need no privilege.
 */
function showRoutes(filters: string[], options: IpOptions, context: ProcessContext): CommandResult {
  let device: string | undefined;
  let table: Table = 'main';
  for (let index = 0; index < filters.length; index++) {
    const word = filters[index]!;
    const value = filters[++index];
    if (value === undefined) return ipErrors.incomplete();
    if (word === 'table') {
      if (value !== 'main' && value !== 'local' && value !== 'all')
        return fail(`ip route: table ${value} is not available in this simulator yet.\n`, 255);
      table = value;
    } else if (word === 'dev' || word === 'oif') {
      device = value;
      if (!linkNamed(context.namespace, device)) return ipErrors.noDevice(device);
    } else return fail(`Filter "${word}" is not available in this simulator yet.\n`, 255);
  }
  const { kernel, namespace } = context;
  const links = dumpLinks(kernel, namespace);
  const ofDevice = <T extends { device: string }>(routes: T[]) =>
    routes.filter((route) => device === undefined || route.device === device);
  const v4 =
    table === 'local'
      ? dumpLocalRoutes(namespace)
      : table === 'main'
        ? dumpRoutes(kernel, namespace)
        : [...dumpRoutes(kernel, namespace), ...dumpLocalRoutes(namespace)];
  const v6 =
    table === 'local'
      ? dumpLocalRoutes6(links)
      : table === 'main'
        ? dumpRoutes6(links, namespace)
        : [...dumpRoutes6(links, namespace), ...dumpLocalRoutes6(links)];
  const withTable = table === 'all';
  if (options.json) {
    if (table === 'all') return fail('ip: option "-j" with table all is not available in this simulator yet.\n', 255);
    const json = toolModule('ipOutput');
    return options.family === 'inet6'
      ? json.jsonRoutes([], ofDevice(v6), options, true)
      : json.jsonRoutes(ofDevice(v4), undefined, options, device === undefined);
  }
  if (options.family === 'inet6') return ok(formatIpRoute6(ofDevice(v6), { withTable }));
  const text = formatIpRoute(ofDevice(v4), { withDevice: device === undefined, withTable });
  return ok(
    table === 'all' && options.family === undefined ? text + formatIpRoute6(ofDevice(v6), { withTable }) : text,
  );
}

interface RouteRequest {
  destination: Cidr | undefined;
  gateway: Ipv4 | undefined;
  dev: string | undefined;
  metric: number | undefined;
}

const UNAVAILABLE = [
  'src',
  'proto',
  'scope',
  'table',
  'tos',
  'dsfield',
  'mtu',
  'advmss',
  'onlink',
  'nexthop',
  'encap',
  'type',
  'realm',
  'pref',
];

/** iproute_modify's loop: `via`, `dev`, `metric`, and the destination (`default` or a prefix). */
function parseRouteWords(words: readonly string[]): RouteRequest | CommandResult {
  const request: RouteRequest = { destination: undefined, gateway: undefined, dev: undefined, metric: undefined };
  let destinationGiven = false;
  for (let index = 0; index < words.length; index++) {
    let word = words[index]!;
    const next = () => words[++index];
    if (word === 'via') {
      const text = next();
      if (text === undefined) return ipErrors.incomplete();
      const gateway = parseIpv4(text);
      if (gateway === undefined) return fail(`Error: any valid address is expected rather than "${text}".\n`, 1);
      request.gateway = gateway;
    } else if (word === 'dev' || word === 'oif') {
      const dev = next();
      if (dev === undefined) return ipErrors.incomplete();
      request.dev = dev;
    } else if (matches(word, 'metric') || matches(word, 'priority') || word === 'preference') {
      const text = next();
      if (text === undefined) return ipErrors.incomplete();
      if (request.metric !== undefined) return ipErrors.duplicate('metric', text);
      if (!/^\d+$/.test(text)) return ipErrors.invalidArgument('"metric" value is invalid\n', text);
      request.metric = Number(text);
    } else if (UNAVAILABLE.includes(word)) {
      return fail(`ip route: "${word}" is not available in this simulator yet.\n`, 255);
    } else {
      if (word === 'to') {
        const text = next();
        if (text === undefined) return ipErrors.incomplete();
        word = text;
      }
      if (destinationGiven) return ipErrors.duplicate('to', word);
      const prefix = parseInetPrefix(word);
      if (!prefix) return fail(`Error: any valid prefix is expected rather than "${word}".\n`, 1);
      if (prefix.family === 'inet6')
        return fail('ip route: IPv6 routes are not available in this simulator yet.\n', 255);
      destinationGiven = true;
      const address =
        prefix.family === undefined
          ? 0
          : ((prefix.bytes[0]! << 24) | (prefix.bytes[1]! << 16) | (prefix.bytes[2]! << 8) | prefix.bytes[3]!) >>> 0;
      request.destination = prefix.bitlen === 0 ? undefined : ({ address, prefix: prefix.bitlen } as Cidr);
    }
  }
  if (!destinationGiven)
    return fail('ip route: a route without a destination is not available in this simulator yet.\n', 255);
  return request;
}

/**
 * RTM_NEWROUTE (NLM_F_CREATE|NLM_F_EXCL) or RTM_DELROUTE. ip resolves the
 * device itself (nodev); a route without a gateway is `scope link`, and
 * iproute2 sends `proto boot`, which it does not print.
 */
function modifyRoute(verb: 'add' | 'delete', args: readonly string[], context: ProcessContext): CommandResult {
  const request = parseRouteWords(args);
  if ('exitCode' in request) return request;
  const { kernel, namespace } = context;
  const device = request.dev === undefined ? undefined : linkNamed(namespace, request.dev);
  if (request.dev !== undefined && !device) return ipErrors.noDevice(request.dev);
  if (verb === 'add' && request.gateway === undefined && !device)
    return fail('ip route: a route without a gateway or a device is not available in this simulator yet.\n', 255);
  const scope: RouteScope = request.gateway === undefined ? 'link' : 'global';
  const failure = rtnetlinkRequest({ netAdmin: context.isRoot }, () => {
    if (verb === 'delete')
      kernel.deleteRoute(namespace, request.destination, {
        ...(request.gateway !== undefined ? { gateway: request.gateway } : {}),
        ...(device ? { device: device.index } : {}),
      });
    else
      kernel.addRoute(namespace, {
        destination: request.destination,
        gateway: request.gateway,
        device: device?.index,
        protocol: 'boot',
        scope,
        source: undefined,
        metric: request.metric,
      });
  });
  return failure ? netlinkFailure(failure) : ok();
}
