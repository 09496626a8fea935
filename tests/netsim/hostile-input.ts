import fc from 'fast-check';

/**
 * Shapes of input that once crashed netsim or kept it busy for minutes: huge
 * counts and ranges, deep nesting, hostile Go templates, bad addresses and
 * hostile iptables rules. Whatever the values, a line ends with output and an
 * exit status: never an exception.
 */
const number = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(0, 1, 255, 256, 65535, 65536, 130000, 2 ** 31, 2 ** 32, 1e9, -1e9),
);
const address = fc.oneof(
  fc.constantFrom(
    '8.8.8.8',
    '0.0.0.0',
    '255.255.255.255',
    '172.17.0.1',
    '172.17.0.300',
    '::1',
    '1.2.3',
    'localhost',
    '10.0.0.0/8',
  ),
  fc.tuple(fc.nat(300), fc.nat(300), fc.nat(300), fc.nat(300)).map((parts) => parts.join('.')),
);
const templateFunction = fc.oneof(
  fc.tuple(number, number).map(([a, b]) => `pad .Names ${a} ${b}`),
  fc
    .tuple(
      fc.constantFrom('%f', '%d', '%s', '%x', '%q', '%t', '%v'),
      fc.nat(200),
      fc.constantFrom('.Names', '.ID', '1.0', '.Nope', '.Ports'),
    )
    .map(([verb, precision, arg]) => `printf "${verb.replace('%', `%.${precision}`)}" ${arg}`),
  fc.constantFrom(
    'json .',
    'len .Names',
    'index .Labels "x"',
    'truncate .ID -1',
    'split .Names ""',
    'join .Names ","',
    'upper 1',
    '.Nope.Deeper',
    'slice .ID 1 2',
  ),
);
export const hostileLine = fc.oneof(
  number.map((count) => `ping -c ${count} 192.168.1.1`),
  fc
    .tuple(fc.nat(65535), fc.nat(65535))
    .map(([a, b]) => `docker run -d -p ${Math.min(a, b)}-${Math.max(a, b)}:${Math.min(a, b)}-${Math.max(a, b)} nginx`),
  fc
    .tuple(fc.nat(65535), fc.nat(65535))
    .map(([a, b]) => `docker run -d --expose ${Math.min(a, b)}-${Math.max(a, b)} -P nginx`),
  address.map((ip) => `docker run -d --ip ${ip} alpine`),
  address.map((ip) => `docker network create --subnet ${ip}/24 n`),
  templateFunction.map((call) => `docker ps -a --format '{{${call}}}'`),
  templateFunction.map((call) => `docker network ls --format '{{${call}}}'`),
  fc.integer({ min: 1, max: 300 }).map((depth) => `echo ${'$(echo '.repeat(depth)}x${')'.repeat(depth)}`),
  fc
    .tuple(
      fc.constantFrom('nat', 'filter', 'mangle', 'raw', 'nope'),
      fc.constantFrom('OUTPUT', 'INPUT', 'PREROUTING', 'LOOP', 'DOCKER'),
      fc.constantFrom('DNAT', 'SNAT', 'MASQUERADE', 'LOOP', 'ACCEPT', 'RETURN'),
      fc.option(address),
    )
    .map(
      ([table, chain, target, to]) =>
        `sudo iptables -t ${table} -A ${chain} -p tcp -j ${target}${to ? ` --to-destination ${to}` : ''}`,
    ),
  fc.constantFrom(
    'sudo iptables -A INPUT -m conntrack --ctstate NEW,BOGUS -j ACCEPT',
    'sudo iptables -N LOOP',
    'sudo iptables -A INPUT -j LOOP',
    'curl -s http://192.168.1.1',
    'docker run --rm -it alpine',
  ),
);
