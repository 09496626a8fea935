import { linkNamed } from '../kernel/namespace';
import { rtnetlinkRequest } from '../kernel/rtnetlink';
import { broadcastOf, type Cidr } from '../wire/cidr';
import { parseIpv4, type Ipv4 } from '../wire/ipv4';
import { fail, ok, type CommandResult, type ProcessContext } from './command';
import { ipErrors, netlinkFailure } from './ip-common';
import { parseInetPrefix } from './iproute2-prefix';

interface AddressRequest {
  local: { text: string; cidr: Cidr; prefixGiven: boolean } | undefined;
  dev: string | undefined;
  /** `brd +` (the subnet's last address), `brd ADDR`, or none (no IFA_BROADCAST). */
  broadcast: Ipv4 | '+' | undefined;
}

const UNAVAILABLE = [
  'peer',
  'remote',
  'anycast',
  'scope',
  'label',
  'metric',
  'priority',
  'preference',
  'valid_lft',
  'preferred_lft',
  'proto',
];

/** get_prefix's error (lib/utils.c): family_name_verbose(AF_UNSPEC) is "any valid". */
const notAPrefix = (word: string) => fail(`Error: any valid prefix is expected rather than "${word}".\n`, 1);

/** ipaddr_modify's loop (iproute2 6.15 ip/ipaddress.c): `dev`, `broadcast`/`brd`, `local`, and the address itself. */
function parseAddressWords(words: readonly string[]): AddressRequest | CommandResult {
  const request: AddressRequest = { local: undefined, dev: undefined, broadcast: undefined };
  for (let index = 0; index < words.length; index++) {
    let word = words[index]!;
    const next = () => words[++index];
    if (word === 'dev') {
      const dev = next();
      if (dev === undefined) return ipErrors.incomplete();
      request.dev = dev;
    } else if (word === 'brd' || ('broadcast'.startsWith(word) && word.length > 0)) {
      const text = next();
      if (text === undefined) return ipErrors.incomplete();
      if (request.broadcast !== undefined) return ipErrors.duplicate('broadcast', text);
      const address = text === '+' ? '+' : parseIpv4(text);
      if (address === undefined) return fail(`Error: any valid address is expected rather than "${text}".\n`, 1);
      request.broadcast = address;
    } else if (UNAVAILABLE.includes(word)) {
      return fail(`ip address: "${word}" is not available in this simulator yet.\n`, 255);
    } else {
      if (word === 'local') {
        const text = next();
        if (text === undefined) return ipErrors.incomplete();
        word = text;
      }
      if (request.local) return ipErrors.duplicateOrGarbage('local', word);
      const prefix = parseInetPrefix(word);
      if (!prefix || prefix.family === undefined) return notAPrefix(word);
      if (prefix.family === 'inet6')
        return fail('ip address: IPv6 addresses are not available in this simulator yet.\n', 255);
      const address = (((prefix.bytes[0]! << 24) |
        (prefix.bytes[1]! << 16) |
        (prefix.bytes[2]! << 8) |
        prefix.bytes[3]!) >>>
        0) as Ipv4;
      request.local = { text: word, cidr: { address, prefix: prefix.bitlen } as Cidr, prefixGiven: word.includes('/') };
    }
  }
  return request;
}

/** `ip address add|delete ADDR dev DEV [brd ADDR|+]`: RTM_NEWADDR (NLM_F_CREATE|NLM_F_EXCL) or RTM_DELADDR. */
export function ipAddrModify(verb: 'add' | 'delete', args: readonly string[], context: ProcessContext): CommandResult {
  const request = parseAddressWords(args);
  if ('exitCode' in request) return request;
  if (request.dev === undefined) return fail('Not enough information: "dev" argument is required.\n', 1);
  let warning = '';
  const { local } = request;
  if (local && verb === 'delete' && !local.prefixGiven) {
    warning =
      'Warning: Executing wildcard deletion to stay compatible with old scripts.\n' +
      `         Explicitly specify the prefix length (${local.text}/32) to avoid this warning.\n` +
      '         This special behaviour is likely to disappear in further releases,\n' +
      '         fix your scripts!\n';
  }
  if (!linkNamed(context.namespace, request.dev)) return ipErrors.noDevice(request.dev);
  if (!local) return fail('ip address: a request without an address is not available in this simulator yet.\n', 255);
  const { kernel, namespace } = context;
  const dev = request.dev;
  const failure = rtnetlinkRequest({ netAdmin: context.isRoot }, () => {
    if (verb === 'delete')
      kernel.deleteAddress(namespace, dev, local.cidr.address, local.prefixGiven ? local.cidr.prefix : undefined);
    else kernel.addAddress(namespace, dev, local.cidr, broadcastFor(local.cidr, request.broadcast));
  });
  const result = failure ? netlinkFailure(failure) : ok();
  return { ...result, stderr: warning + result.stderr };
}

/** ipaddr_modify computes `brd +` only for a prefix of 30 bits or fewer. */
function broadcastFor(cidr: Cidr, asked: AddressRequest['broadcast']): Ipv4 | 'none' {
  if (asked === '+') return cidr.prefix <= 30 ? broadcastOf(cidr) : 'none';
  return asked ?? 'none';
}
